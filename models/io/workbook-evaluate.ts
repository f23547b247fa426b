/**
 * A small spreadsheet evaluator for the formula shapes the workbook writes: numbers, strings,
 * cell and range references (optionally on another sheet), defined names, + − * / ^ and
 * comparisons, and SUM, MIN, MAX, COUNT, NPV, IF, ISNUMBER with Excel's rules (SUM over a range
 * skips text and blanks, arithmetic on text is #VALUE!, x/0 is #DIV/0!).
 *
 * SheetJS never calculates, so the workbook computes each formula's cached value here from the
 * same cells the spreadsheet will read: the value shown before recalculation is the value after
 * it. Anything outside this subset throws, so a new formula shape cannot slip through unchecked.
 */
import * as XLSX from 'xlsx';

export interface FormulaError {
  error: '#VALUE!' | '#DIV/0!' | '#NUM!' | '#REF!' | '#NAME?';
}

/** What a cell holds: a number, text, a boolean, nothing (null) or an error. */
export type Scalar = number | string | boolean | null | FormulaError;

interface RangeValue {
  range: Scalar[];
}

type Value = Scalar | RangeValue;

interface Reference {
  sheet: string;
  start: XLSX.CellAddress;
  end: XLSX.CellAddress;
}

const isError = (value: unknown): value is FormulaError => typeof value === 'object' && value !== null && 'error' in value;
const isRange = (value: unknown): value is RangeValue => typeof value === 'object' && value !== null && 'range' in value;
const error = (code: FormulaError['error']): FormulaError => ({ error: code });

const CELL = String.raw`\$?[A-Z]{1,3}\$?[0-9]+`;
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const REFERENCE = new RegExp(String.raw`^(?:${SHEET})?(${CELL})(?::(${CELL}))?(?![A-Za-z0-9_(!])`);
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPERATOR = /^(?:<>|<=|>=|[-+*/^&=<>(),])/;

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'reference'; sheet: string | undefined; start: string; end: string | undefined }
  | { kind: 'name'; value: string }
  | { kind: 'operator'; value: string };

/** Splits a formula (no leading "=") into tokens; throws on anything outside the subset. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let rest = formula;
  while (rest.length) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    const reference = REFERENCE.exec(rest);
    if (reference) {
      const sheet = reference[1] !== undefined ? reference[1].replace(/''/g, "'") : reference[2];
      tokens.push({ kind: 'reference', sheet, start: reference[3]!, end: reference[4] });
      rest = rest.slice(reference[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      rest = rest.slice(number[0].length);
      continue;
    }
    if (rest.startsWith('"')) {
      let end = 1;
      let text = '';
      for (;;) {
        const quote = rest.indexOf('"', end);
        if (quote < 0) throw new Error(`unterminated string in formula ${formula}`);
        text += rest.slice(end, quote);
        if (rest[quote + 1] === '"') {
          text += '"';
          end = quote + 2;
        } else {
          end = quote + 1;
          break;
        }
      }
      tokens.push({ kind: 'string', value: text });
      rest = rest.slice(end);
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      rest = rest.slice(name[0].length);
      continue;
    }
    const operator = OPERATOR.exec(rest);
    if (operator) {
      tokens.push({ kind: 'operator', value: operator[0] });
      rest = rest.slice(operator[0].length);
      continue;
    }
    throw new Error(`unsupported formula syntax at "${rest}" in ${formula}`);
  }
  return tokens;
}

/** Number value of a scalar in arithmetic (blank is 0, text is #VALUE! unless it is a number). */
function toNumber(value: Scalar): number | FormulaError {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : error('#VALUE!');
  }
  return value;
}

function finiteOr(value: number): number | FormulaError {
  return Number.isFinite(value) ? value : error('#NUM!');
}

/** Excel's ordering of mixed values: numbers < text < booleans; text compares case-insensitively. */
function compare(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (x: Scalar) => (typeof x === 'boolean' ? 2 : typeof x === 'string' ? 1 : 0);
  const left = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const right = b === null ? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0) : b;
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'string' && typeof right === 'string') {
    const x = left.toLowerCase();
    const y = right.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(left) - Number(right);
}

/** The numbers a SUM-like function sees: numbers in ranges (text and blanks skipped), scalars coerced. */
function numbersOf(args: readonly Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    if (isRange(arg)) {
      for (const cell of arg.range) {
        if (isError(cell)) return cell;
        if (typeof cell === 'number') out.push(cell);
      }
    } else {
      const number = toNumber(arg);
      if (isError(number)) return number;
      out.push(number);
    }
  }
  return out;
}

const FUNCTIONS: Record<string, (args: Value[]) => Scalar> = {
  SUM(args) {
    const numbers = numbersOf(args);
    return isError(numbers) ? numbers : finiteOr(numbers.reduce((sum, x) => sum + x, 0));
  },
  MIN(args) {
    const numbers = numbersOf(args);
    return isError(numbers) ? numbers : numbers.length ? Math.min(...numbers) : 0;
  },
  MAX(args) {
    const numbers = numbersOf(args);
    return isError(numbers) ? numbers : numbers.length ? Math.max(...numbers) : 0;
  },
  COUNT(args) {
    let count = 0;
    for (const arg of args) {
      if (isRange(arg)) count += arg.range.filter((cell) => typeof cell === 'number').length;
      else if (typeof arg === 'number') count++;
    }
    return count;
  },
  NPV(args) {
    const [rateArg, ...flows] = args;
    if (rateArg === undefined || isRange(rateArg)) return error('#VALUE!');
    const rate = toNumber(rateArg);
    if (isError(rate)) return rate;
    const numbers = numbersOf(flows);
    if (isError(numbers)) return numbers;
    // Cash flows at the end of periods 1, 2, … (Excel's and LibreOffice's NPV).
    return finiteOr(numbers.reduce((sum, flow, i) => sum + flow / Math.pow(1 + rate, i + 1), 0));
  },
  IF(args) {
    const [condition, whenTrue, whenFalse] = args;
    if (condition === undefined || isRange(condition)) return error('#VALUE!');
    const test = typeof condition === 'string' ? error('#VALUE!') : toNumber(condition);
    if (isError(test)) return test;
    const chosen = test !== 0 ? whenTrue : whenFalse === undefined ? false : whenFalse;
    if (chosen === undefined || isRange(chosen)) return error('#VALUE!');
    return chosen === null ? 0 : chosen;
  },
  ISNUMBER(args) {
    const [value] = args;
    return typeof value === 'number';
  },
};

/** Evaluates formula cells of a workbook, following references (and their formulas) recursively. */
export class WorkbookEvaluator {
  private readonly workbook: XLSX.WorkBook;
  private readonly memo = new Map<string, Scalar>();
  private readonly active = new Set<string>();
  private readonly names = new Map<string, string>();
  /** Formula cells in the order their evaluation finished: every cell after the cells it reads. */
  readonly finished: { sheet: string; address: string; value: Scalar }[] = [];

  constructor(workbook: XLSX.WorkBook) {
    this.workbook = workbook;
    for (const name of workbook.Workbook?.Names ?? []) {
      if (name.Sheet === undefined) this.names.set(name.Name.toLowerCase(), name.Ref);
    }
  }

  /** The value of a cell: its formula evaluated, or its stored value. */
  cell(sheet: string, address: string): Scalar {
    const key = `${sheet}!${address}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const worksheet = this.workbook.Sheets[sheet];
    if (!worksheet) return error('#REF!');
    const cell = worksheet[address] as XLSX.CellObject | undefined;
    let value: Scalar;
    if (!cell) value = null;
    else if (cell.f !== undefined) {
      if (this.active.has(key)) throw new Error(`circular reference at ${key}`);
      this.active.add(key);
      value = this.formula(cell.f, sheet);
      this.active.delete(key);
      this.finished.push({ sheet, address, value });
    } else value = storedValue(cell);
    this.memo.set(key, value);
    return value;
  }

  /** Evaluates a formula as if it sat on `sheet`. */
  formula(formula: string, sheet: string): Scalar {
    const parser = new Parser(tokenize(formula), formula, sheet, this);
    const value = parser.parse();
    if (isRange(value)) throw new Error(`a formula must give one value, not a range: ${formula}`);
    return value === null ? 0 : value;
  }

  /** The cells of a reference, row by row. */
  range(reference: Reference): Scalar[] {
    const values: Scalar[] = [];
    for (let r = Math.min(reference.start.r, reference.end.r); r <= Math.max(reference.start.r, reference.end.r); r++) {
      for (let c = Math.min(reference.start.c, reference.end.c); c <= Math.max(reference.start.c, reference.end.c); c++) {
        values.push(this.cell(reference.sheet, XLSX.utils.encode_cell({ r, c })));
      }
    }
    return values;
  }

  /** What a defined name refers to, or undefined. */
  name(name: string): Reference | undefined {
    const ref = this.names.get(name.toLowerCase());
    if (ref === undefined) return undefined;
    const [token] = tokenize(ref);
    if (!token || token.kind !== 'reference' || token.sheet === undefined) throw new Error(`defined name ${name} must point at a sheet range, got ${ref}`);
    return referenceOf(token, token.sheet);
  }
}

function storedValue(cell: XLSX.CellObject): Scalar {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v === true;
    case 'e':
      return error('#VALUE!');
    default:
      return null;
  }
}

function referenceOf(token: Extract<Token, { kind: 'reference' }>, sheet: string): Reference {
  const start = XLSX.utils.decode_cell(token.start.replace(/\$/g, ''));
  const end = token.end === undefined ? start : XLSX.utils.decode_cell(token.end.replace(/\$/g, ''));
  return { sheet: token.sheet ?? sheet, start, end };
}

/** Recursive descent with Excel's precedence: comparison < & < + − < * / < ^ < unary minus. */
class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly sheet: string,
    private readonly evaluator: WorkbookEvaluator,
  ) {}

  parse(): Value {
    const value = this.comparison();
    if (this.position !== this.tokens.length) throw new Error(`unexpected token in formula ${this.source}`);
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private takeOperator(...operators: string[]): string | undefined {
    const token = this.peek();
    if (token?.kind === 'operator' && operators.includes(token.value)) {
      this.position++;
      return token.value;
    }
    return undefined;
  }

  private expect(operator: string): void {
    if (!this.takeOperator(operator)) throw new Error(`expected "${operator}" in formula ${this.source}`);
  }

  private comparison(): Value {
    let left = this.concatenation();
    for (let op = this.takeOperator('=', '<>', '<', '<=', '>', '>='); op; op = this.takeOperator('=', '<>', '<', '<=', '>', '>=')) {
      const right = this.concatenation();
      const order = compare(this.scalar(left), this.scalar(right));
      if (isError(order)) left = order;
      else left = op === '=' ? order === 0 : op === '<>' ? order !== 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
    }
    return left;
  }

  private concatenation(): Value {
    let left = this.additive();
    while (this.takeOperator('&')) {
      const a = this.scalar(left);
      const b = this.scalar(this.additive());
      left = isError(a) ? a : isError(b) ? b : `${a ?? ''}${b ?? ''}`;
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (let op = this.takeOperator('+', '-'); op; op = this.takeOperator('+', '-')) {
      left = this.arithmetic(left, this.multiplicative(), op === '+' ? (a, b) => a + b : (a, b) => a - b);
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.power();
    for (let op = this.takeOperator('*', '/'); op; op = this.takeOperator('*', '/')) {
      left = this.arithmetic(left, this.power(), op === '*' ? (a, b) => a * b : (a, b) => (b === 0 ? Number.NaN : a / b), op === '/');
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.takeOperator('^')) left = this.arithmetic(left, this.unary(), (a, b) => Math.pow(a, b));
    return left;
  }

  private unary(): Value {
    if (this.takeOperator('-')) return this.arithmetic(0, this.unary(), (a, b) => a - b);
    if (this.takeOperator('+')) return this.unary();
    return this.primary();
  }

  private arithmetic(left: Value, right: Value, op: (a: number, b: number) => number, division = false): Scalar {
    const a = toNumber(this.scalar(left));
    if (isError(a)) return a;
    const b = toNumber(this.scalar(right));
    if (isError(b)) return b;
    if (division && b === 0) return error('#DIV/0!');
    return finiteOr(op(a, b));
  }

  private scalar(value: Value): Scalar {
    if (isRange(value)) throw new Error(`a range cannot be used as one value in formula ${this.source}`);
    return value;
  }

  private primary(): Value {
    const token = this.peek();
    if (!token) throw new Error(`formula ends too early: ${this.source}`);
    this.position++;
    switch (token.kind) {
      case 'number':
        return token.value;
      case 'string':
        return token.value;
      case 'reference': {
        const reference = referenceOf(token, this.sheet);
        if (token.end === undefined) return this.evaluator.cell(reference.sheet, XLSX.utils.encode_cell(reference.start));
        return { range: this.evaluator.range(reference) };
      }
      case 'operator':
        if (token.value === '(') {
          const inner = this.comparison();
          this.expect(')');
          return inner;
        }
        throw new Error(`unexpected "${token.value}" in formula ${this.source}`);
      case 'name': {
        if (this.takeOperator('(')) return this.call(token.value);
        const upper = token.value.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
        const reference = this.evaluator.name(token.value);
        if (!reference) throw new Error(`unknown name ${token.value} in formula ${this.source}`);
        const single = reference.start.r === reference.end.r && reference.start.c === reference.end.c;
        return single ? this.evaluator.cell(reference.sheet, XLSX.utils.encode_cell(reference.start)) : { range: this.evaluator.range(reference) };
      }
    }
  }

  private call(name: string): Scalar {
    const fn = FUNCTIONS[name.toUpperCase()];
    if (!fn) throw new Error(`function ${name} is not in the workbook's formula subset (${this.source})`);
    const args: Value[] = [];
    if (!this.takeOperator(')')) {
      do args.push(this.comparison());
      while (this.takeOperator(','));
      this.expect(')');
    }
    return fn(args);
  }
}

/** Every formula cell of a workbook with the value it computes, evaluated from its inputs. */
export function evaluateFormulas(workbook: XLSX.WorkBook): { sheet: string; address: string; formula: string; value: Scalar }[] {
  const evaluator = new WorkbookEvaluator(workbook);
  const out: { sheet: string; address: string; formula: string; value: Scalar }[] = [];
  for (const sheet of workbook.SheetNames) {
    const worksheet = workbook.Sheets[sheet]!;
    for (const address of Object.keys(worksheet)) {
      if (address.startsWith('!')) continue;
      const cell = worksheet[address] as XLSX.CellObject;
      if (cell.f !== undefined) out.push({ sheet, address, formula: cell.f, value: evaluator.cell(sheet, address) });
    }
  }
  return out;
}

/**
 * Writes each formula cell's cached value (`v`, and `t` to match). A formula that would give an
 * error is replaced by the text "n/a" (a workbook never ships an error cell): the first such
 * cell in evaluation order, then everything is evaluated again, so cells that read it see the
 * text as the spreadsheet will (SUM skips it, arithmetic on it fails in turn).
 */
export function fillCachedValues(workbook: XLSX.WorkBook): void {
  for (;;) {
    const evaluator = new WorkbookEvaluator(workbook);
    for (const sheet of workbook.SheetNames) {
      for (const address of Object.keys(workbook.Sheets[sheet]!)) {
        if (!address.startsWith('!') && (workbook.Sheets[sheet]![address] as XLSX.CellObject).f !== undefined) evaluator.cell(sheet, address);
      }
    }
    const failed = evaluator.finished.find((r) => isError(r.value));
    if (failed) {
      workbook.Sheets[failed.sheet]![failed.address] = { t: 's', v: 'n/a' };
      continue;
    }
    for (const { sheet, address, value } of evaluator.finished) {
      const cell = workbook.Sheets[sheet]![address] as XLSX.CellObject;
      if (typeof value === 'number') {
        cell.t = 'n';
        cell.v = value;
      } else if (typeof value === 'boolean') {
        cell.t = 'b';
        cell.v = value;
      } else {
        cell.t = 's';
        cell.v = typeof value === 'string' ? value : '';
      }
    }
    return;
  }
}
