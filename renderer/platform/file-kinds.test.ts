import { describe, expect, it } from 'vitest';
import { DATA_FILE_FILTER, SCENARIO_FILTER, acceptAttribute, exportFormat, hasExtension, safeFileName, tooLargeMessage, withExtension } from './file-kinds.ts';

describe('file kinds', () => {
  it('recognises scenario extensions in any case', () => {
    expect(hasExtension('plan.json', SCENARIO_FILTER)).toBe(true);
    expect(hasExtension('PLAN.COSTCAST', SCENARIO_FILTER)).toBe(true);
    expect(hasExtension('plan.json.bak', SCENARIO_FILTER)).toBe(false);
    expect(hasExtension('json', SCENARIO_FILTER)).toBe(false);
  });

  it('adds an extension only when none of the filter is there', () => {
    expect(withExtension('plan', SCENARIO_FILTER, 'json')).toBe('plan.json');
    expect(withExtension('plan.costcast', SCENARIO_FILTER, 'json')).toBe('plan.costcast');
    expect(withExtension('v1.2', SCENARIO_FILTER, 'json')).toBe('v1.2.json');
    expect(withExtension('chart', exportFormat('png').filter, 'png')).toBe('chart.png');
  });

  it('turns titles into file names every OS accepts', () => {
    expect(safeFileName('FY27: "support" <bot> | H100 / L4?')).toBe('FY27- -support- -bot- - H100 - L4-');
    expect(safeFileName('  .hidden plan.  ')).toBe('hidden plan');
    expect(safeFileName('tab\there\u0000')).toBe('tab-here-');
    expect(safeFileName('...')).toBe('Untitled');
    expect(safeFileName('')).toBe('Untitled');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.json')).toBe('_nul.json');
    expect(safeFileName('Console')).toBe('Console');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });

  it('builds accept attributes and MIME types', () => {
    expect(acceptAttribute(SCENARIO_FILTER)).toBe('.json,.costcast');
    expect(acceptAttribute(DATA_FILE_FILTER)).toBe('.csv,.tsv,.txt,.xlsx,.xls,.ods');
    expect(exportFormat('xlsx').mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exportFormat('csv').mimeType).toBe('text/csv');
  });

  it('words a size refusal in MiB', () => {
    expect(tooLargeMessage('big.csv', 200 * 1024 * 1024, 128 * 1024 * 1024)).toBe('"big.csv" is 200.0 MiB, larger than the 128.0 MiB Costcast reads. Is it the right file?');
  });
});
