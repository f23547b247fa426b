/**
 * The reference figures the cost models use, checked against the values transcribed from their
 * sources (each catalog row names its source and as-of date; docs/cost-models.md and
 * docs/price-catalog.md say where each comes from). A change to one of these numbers in the
 * catalog must be a deliberate change here too.
 */
import { describe, expect, it } from 'vitest';
import { getGpuSpec, getLlmModel, gpuSpecs, llmModels } from '../pricing/catalog/catalog.ts';

describe('GPU specifications (gpus.json)', () => {
  // id, dense BF16 TFLOP/s, memory GB, bandwidth TB/s, board power W.
  const expected: [string, number, number, number, number][] = [
    ['H100', 989, 80, 3.35, 700], // NVIDIA H100 SXM data sheet; 700 W per the Llama 3 paper
    ['H200', 989, 141, 4.8, 700], // same GH100 compute as the H100; 141 GB HBM3e at 4.8 TB/s; 700 W
    ['A100', 312, 40, 1.55, 400], // NVIDIA A100 SXM 40 GB data sheet
    ['A100-80GB', 312, 80, 2, 400], // NVIDIA A100 SXM 80 GB data sheet
    ['L4', 121, 24, 0.3, 72], // NVIDIA L4 data sheet (242 TFLOP/s is with sparsity)
    ['B200', 2250, 180, 7.7, 1000], // HGX B200 at 1,000 W: 4,500 TFLOP/s BF16 with sparsity, half dense
  ];

  it.each(expected)('%s: %s TFLOP/s dense BF16, %s GB, %s TB/s, %s W', (id, tflops, memory, bandwidth, watts) => {
    expect(getGpuSpec(id)).toMatchObject({ peakBf16DenseTflops: tflops, memoryGb: memory, memoryBandwidthTBps: bandwidth, tdpWatts: watts });
  });

  it('covers H100, H200, A100, L4 and B200, every row with a source and an as-of date', () => {
    expect(gpuSpecs.map((gpu) => gpu.id)).toEqual(expect.arrayContaining(['H100', 'H200', 'A100', 'L4', 'B200']));
    for (const gpu of gpuSpecs) {
      expect(gpu.source.length, gpu.id).toBeGreaterThan(10);
      expect(gpu.asOf, gpu.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('LLM API prices (llm-models.json), USD per 1M tokens', () => {
  // id, input, cached input (read), output, batch discount (null: no source states one).
  const expected: [string, number, number, number, number | null][] = [
    ['gpt-4o', 2.5, 1.25, 10, 0.5],
    ['gpt-4o-mini', 0.15, 0.075, 0.6, 0.5],
    ['gpt-4.1', 2, 0.5, 8, null],
    ['gpt-5', 1.25, 0.125, 10, null],
    ['gpt-5-mini', 0.25, 0.025, 2, null],
    ['gpt-5-nano', 0.05, 0.005, 0.4, null],
    ['gpt-5.4', 2.5, 0.25, 15, null],
    ['claude-sonnet-4.5', 3, 0.3, 15, 0.5],
    ['claude-haiku-4.5', 1, 0.1, 5, 0.5],
    ['claude-opus-4.5', 5, 0.5, 25, 0.5],
    ['claude-sonnet-5.5', 2, 0.1, 10, 0.5],
    ['claude-opus-5.5', 4, 0.2, 20, null],
    ['claude-haiku-5.5', 0.1, 0.01, 0.5, null],
    ['gemini-2.5-pro', 1.25, 0.125, 10, 0.5],
    ['gemini-2.5-flash', 0.3, 0.03, 2.5, null],
  ];

  it.each(expected)('%s: %s / %s cached / %s, batch %s', (id, input, cachedInput, output, batchDiscount) => {
    expect(getLlmModel(id)).toMatchObject({ input, cachedInput, output, batchDiscount });
  });

  it('holds every catalog model above and nothing else, from three providers', () => {
    expect(llmModels.map((model) => model.id).sort()).toEqual(expected.map(([id]) => id).sort());
    expect(new Set(llmModels.map((model) => model.provider))).toEqual(new Set(['openai', 'anthropic', 'google']));
  });

  it('carries the long-context tiers that exist: Gemini 2.5 Pro above 200k, Claude Haiku 5.5 above 100k', () => {
    expect(getLlmModel('gemini-2.5-pro')?.longContext).toEqual({ thresholdTokens: 200_000, input: 2.5, cachedInput: 0.25, output: 15 });
    expect(getLlmModel('claude-haiku-5.5')?.longContext).toEqual({ thresholdTokens: 100_000, input: 0.5, cachedInput: 0.05, output: 2.5 });
    expect(llmModels.filter((model) => model.longContext).map((model) => model.id).sort()).toEqual(['claude-haiku-5.5', 'gemini-2.5-pro']);
  });
});
