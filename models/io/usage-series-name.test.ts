import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toSeriesName, uniqueSeriesName } from './usage-series-name.ts';
import { identifierPattern } from '../scenario/schema.ts';

describe('toSeriesName', () => {
  it.each([
    ['Monthly Active Users', 'monthly_active_users'],
    ['Amazon Bedrock', 'amazon_bedrock'],
    ['AI and Machine Learning', 'ai_and_machine_learning'],
    ['OpenAI', 'openai'],
    ['Google BigQuery', 'google_bigquery'],
    ['1M Tokens', '_1m_tokens'],
    ['Coût (€)', 'cout'],
    ['team=search', 'team_search'],
    ['user:cost-center', 'user_cost_center'],
    ['  ', 'series'],
    ['日本', 'series'],
  ])('%j → %s', (label, expected) => {
    expect(toSeriesName(label)).toBe(expected);
  });

  it('always gives a name the scenario schema accepts, at most 64 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (label) => {
        const name = toSeriesName(label);
        expect(name).toMatch(identifierPattern);
        expect(name.length).toBeLessThanOrEqual(64);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('uniqueSeriesName', () => {
  it('numbers repeats', () => {
    const used = new Set<string>();
    expect([uniqueSeriesName('ai_ml', used), uniqueSeriesName('ai_ml', used), uniqueSeriesName('ai_ml', used)]).toEqual(['ai_ml', 'ai_ml_2', 'ai_ml_3']);
  });
});
