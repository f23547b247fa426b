/**
 * Parses a formula safely. mathjs turns the text into its node tree — that is all mathjs
 * does for us; its evaluator never runs. We walk the tree with a whitelist and either build
 * our own typed tree (ast.ts) or reject the formula with a message that names what is not
 * allowed and how to write it instead.
 */
import {
  create,
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  parseDependencies,
  type MathNode,
} from 'mathjs/number';
import { closestName } from '../scenario/issues.ts';
import {
  allowedFunctionNames,
  allowedFunctions,
  isAllowedFunction,
  referencesOf,
  type BinaryOperator,
  type FormulaNode,
  type UnaryOperator,
} from './ast.ts';
import { referenceNamePattern, reservedWords, significantTokens, tokenizeFormula, type FormulaToken } from './tokens.ts';

/**
 * A mathjs instance with its parser alone, over plain numbers: creating the library's default
 * instance (every function, every number type) costs about half a second at startup; this one
 * is built in a few milliseconds and parses the same syntax.
 */
if (!parseDependencies) throw new Error('this mathjs build has no parser');
const { parse } = create({ parseDependencies }, {});

/** Why a formula was rejected, and where. */
export interface FormulaError {
  message: string;
  /** 0-based offset into the formula text of the offending character, when we can tell. */
  position?: number;
  /** What to write instead. */
  fix?: string;
}

export interface ParsedFormula {
  ast: FormulaNode;
  /** Names the formula refers to (drivers and `month`), each once, in order of appearance. */
  references: string[];
}

/** Deeper formulas are rejected: nobody writes them by hand, and the tree walks are recursive. */
export const maxFormulaDepth = 256;

/** Tells a parse failure from a parsed formula. */
export function isFormulaError(result: ParsedFormula | FormulaError): result is FormulaError {
  return !('ast' in result);
}

/** Parses formula text into our typed tree, or says why it is not an allowed formula. */
export function parseFormula(text: string): ParsedFormula | FormulaError {
  const tokens = tokenizeFormula(text);
  if (significantTokens(tokens).length === 0) {
    return { message: 'The formula is empty', position: 0, fix: 'write an expression such as `users * 0.02`' };
  }
  let root: MathNode;
  try {
    root = parse(blankCommentsAndLineBreaks(text, tokens));
  } catch (error) {
    return syntaxError(error, text);
  }
  try {
    const ast = new Whitelist(text, tokens).convert(root, 0);
    return { ast, references: referencesOf(ast) };
  } catch (error) {
    if (error instanceof Rejection) return error.formulaError;
    throw error;
  }
}

/**
 * mathjs reads a line break as the end of a statement and `#` as a comment to the end of the
 * line. A formula is one expression that may span lines, so both become spaces — the same
 * length, so mathjs's character positions still point into the user's text.
 */
function blankCommentsAndLineBreaks(text: string, tokens: readonly FormulaToken[]): string {
  let cleaned = text.replace(/[\r\n]/g, ' ');
  for (const token of tokens) {
    if (token.kind === 'comment') {
      cleaned = cleaned.slice(0, token.start) + ' '.repeat(token.end - token.start) + cleaned.slice(token.end);
    }
  }
  return cleaned;
}

function syntaxError(error: unknown, text: string): FormulaError {
  if (error instanceof RangeError) {
    return { message: 'The formula is nested too deeply to read', fix: 'split it into helper drivers' };
  }
  const raw = error instanceof Error ? error.message : String(error);
  const char = error instanceof Error && 'char' in error && typeof error.char === 'number' ? error.char : undefined;
  const detail = raw.replace(/\s*\(char \d+\)\s*$/, '').replace(/expression/g, 'formula');
  if (char === undefined) return { message: `Syntax error: ${detail}` };
  // mathjs counts characters from 1.
  const position = Math.min(Math.max(char - 1, 0), text.length);
  const result: FormulaError = { message: `Syntax error at character ${position + 1}: ${detail}`, position };
  const fix = syntaxFix(detail, text, position);
  if (fix) result.fix = fix;
  return result;
}

function syntaxFix(detail: string, text: string, position: number): string | undefined {
  const around = text.slice(Math.max(0, position - 2), position + 2);
  if (around.includes('&&')) return 'write `and` instead of `&&`';
  if (around.includes('||')) return 'write `or` instead of `||`';
  if (around.includes('===')) return 'compare with `==`';
  if (around.includes('<>')) return 'write `!=` for "not equal"';
  if (text.charAt(position) === '!') return 'write `not x` for "not", `!=` for "not equal"';
  if (detail.startsWith('Unexpected end')) return 'the formula ends too early: finish the last operation or close the parenthesis';
  if (detail.startsWith('Parenthesis ) expected')) return 'close the parenthesis with `)`';
  if (detail.startsWith('Unexpected part')) return 'an operator is missing between two values, e.g. `*` or `+`';
  if (detail.startsWith('False part of conditional')) return 'a conditional needs both parts: `test ? value_if_true : value_if_false`';
  if (detail.startsWith('Value expected')) return 'a number, a name or `(` is missing here';
  return undefined;
}

class Rejection extends Error {
  readonly formulaError: FormulaError;

  constructor(formulaError: FormulaError) {
    super(formulaError.message);
    this.formulaError = formulaError;
  }
}

const unaryOperators: Partial<Record<string, UnaryOperator>> = { unaryMinus: '-', unaryPlus: '+', not: 'not' };

const binaryOperators: Partial<Record<string, BinaryOperator>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
};

const allowedOperatorsHint = 'allowed: + - * / ^, comparisons < <= > >= == !=, and, or, not, and `test ? a : b`';

/** What to write instead of a mathjs operator we do not allow, keyed by mathjs's function name. */
const operatorFixes: Partial<Record<string, string>> = {
  mod: 'for a remainder write `a - b * floor(a / b)`',
  dotMultiply: 'write `*`: formulas work on numbers, not matrices',
  dotDivide: 'write `/`: formulas work on numbers, not matrices',
  dotPow: 'write `^`: formulas work on numbers, not matrices',
  factorial: 'for "not" write `not x`; for "not equal" write `!=`',
  ctranspose: 'text in quotes and matrices are not supported: formulas work on numbers',
  bitAnd: 'for "both" write `and`',
  bitOr: 'for "either" write `or`',
  bitNot: 'for "not" write `not x`',
  bitXor: 'for "either but not both" write `(a or b) and not (a and b)`',
  xor: 'write `(a or b) and not (a and b)`',
  leftShift: 'multiply by a power of 2 instead, e.g. `a * 2^b`',
  rightArithShift: 'divide by a power of 2 instead, e.g. `floor(a / 2^b)`',
  rightLogShift: 'divide by a power of 2 instead, e.g. `floor(a / 2^b)`',
  to: 'units are not supported: keep every driver in one unit and convert with a factor, e.g. `gb / 1000`',
  in: 'units are not supported: keep every driver in one unit and convert with a factor, e.g. `gb / 1000`',
};

/** What to write instead of a function we do not allow. */
const functionFixes: Partial<Record<string, string>> = {
  if: 'write `test ? value_if_true : value_if_false`',
  mod: 'for a remainder write `a - b * floor(a / b)`',
  log10: 'write `log(x) / log(10)`',
  log2: 'write `log(x) / log(2)`',
  sum: 'write `a + b + c`',
  mean: 'write `(a + b) / 2`',
  square: 'write `x ^ 2`',
  cube: 'write `x ^ 3`',
  fix: 'write `x < 0 ? ceil(x) : floor(x)`',
  sign: 'write `x > 0 ? 1 : (x < 0 ? -1 : 0)`',
};

/** Rejections for mathjs node kinds outside the whitelist. */
const nodeTypeRejections: Partial<Record<string, { message: string; fix: string; token?: string }>> = {
  AssignmentNode: {
    message: 'Assignment with `=` is not allowed',
    fix: 'a formula is a single expression whose value is the driver; to compare, write `==`',
    token: '=',
  },
  FunctionAssignmentNode: {
    message: 'Defining functions is not allowed',
    fix: 'use another driver for the shared part and refer to it by name',
    token: '=',
  },
  ArrayNode: { message: 'Matrices `[…]` are not allowed', fix: 'formulas work on numbers: use one driver per value', token: '[' },
  AccessorNode: { message: 'Indexing and property access (`a[1]`, `a.b`) are not allowed', fix: 'refer to a driver by its name' },
  IndexNode: { message: 'Indexing `[…]` is not allowed', fix: 'refer to a driver by its name', token: '[' },
  ObjectNode: { message: 'Objects `{…}` are not allowed', fix: 'formulas work on numbers', token: '{' },
  RangeNode: { message: 'Ranges `a:b` are not allowed', fix: 'for a conditional write `test ? a : b`' },
  BlockNode: { message: 'A formula is one expression; `;` separates several', fix: 'remove the `;` and keep one expression', token: ';' },
  RelationalNode: {
    message: 'Chained comparisons such as `a < b < c` are not allowed',
    fix: 'write `a < b and b < c`',
  },
};

/** Converts a mathjs tree, node by node, visiting the text's tokens in order so errors can point at them. */
class Whitelist {
  private readonly text: string;
  private readonly tokens: FormulaToken[];
  private readonly callsSeen = new Map<string, number>();

  constructor(text: string, tokens: readonly FormulaToken[]) {
    this.text = text;
    this.tokens = significantTokens(tokens);
  }

  convert(node: MathNode, depth: number): FormulaNode {
    if (depth > maxFormulaDepth) {
      this.reject(`The formula is nested more than ${maxFormulaDepth} levels deep`, 'split it into helper drivers');
    }
    if (isParenthesisNode(node)) return this.convert(node.content, depth + 1);
    if (isConstantNode(node)) return this.constant(node.value);
    if (isSymbolNode(node)) return this.symbol(node.name);
    if (isConditionalNode(node)) {
      return {
        kind: 'cond',
        test: this.convert(node.condition, depth + 1),
        ifTrue: this.convert(node.trueExpr, depth + 1),
        ifFalse: this.convert(node.falseExpr, depth + 1),
      };
    }
    if (isOperatorNode(node)) return this.operator(node.fn, node.op, node, depth);
    if (isFunctionNode(node)) return this.call(node.fn, node.args, depth);
    const rejection = nodeTypeRejections[node.type];
    if (rejection) {
      const position = rejection.token !== undefined ? this.findToken((t) => t.text === rejection.token) : this.locateNodeType(node.type);
      this.reject(rejection.message, rejection.fix, position);
    }
    this.reject(`\`${node.toString()}\` is not allowed in a formula`, allowedOperatorsHint);
  }

  private constant(value: unknown): FormulaNode {
    if (typeof value === 'number') return { kind: 'num', value };
    if (typeof value === 'string') {
      this.reject('Text in quotes is not allowed', 'formulas work on numbers: remove the quotes', this.findToken((t) => t.kind === 'string'));
    }
    const word = String(value);
    const fix = value === true ? 'write 1' : value === false ? 'write 0' : 'write a number';
    this.reject(`\`${word}\` is not allowed in a formula`, fix, this.findToken((t) => t.kind === 'name' && t.text === word));
  }

  private symbol(name: string): FormulaNode {
    if (!referenceNamePattern.test(name)) {
      const lower = name.toLowerCase();
      const fix = referenceNamePattern.test(lower)
        ? `names are lower-case: write \`${lower}\``
        : 'names use lower-case letters, digits and `_`, starting with a letter or `_`';
      this.reject(`\`${name}\` is not a valid name`, fix, this.findToken((t, next) => t.text === name && next?.text !== '('));
    }
    return { kind: 'ref', name };
  }

  private operator(fn: string, op: string, node: MathNode & { args: MathNode[]; implicit: boolean }, depth: number): FormulaNode {
    const [first, second] = node.args;
    if (!first) this.reject(`\`${node.toString()}\` is not allowed in a formula`, allowedOperatorsHint);
    if (node.args.length === 1) {
      const unary = unaryOperators[fn];
      if (unary) return { kind: 'unary', op: unary, arg: this.convert(first, depth + 1) };
      // Postfix operators come after their operand: convert it first, so errors inside it come first.
      if (op === '!' || op === "'") this.convert(first, depth + 1);
      this.rejectOperator(fn, op);
    }
    if (!second || node.args.length !== 2) this.reject(`\`${node.toString()}\` is not allowed in a formula`, allowedOperatorsHint);
    // Left operand first, then the operator, then the right operand: the order of the text.
    const left = this.convert(first, depth + 1);
    if (node.implicit) {
      const shown = `${first.toString()} ${second.toString()}`;
      this.reject(
        `\`${shown}\` multiplies without a \`*\`, which is not allowed`,
        `write \`${first.toString()} * ${second.toString()}\``,
        this.locateImplicitMultiplication(),
      );
    }
    if ('isPercentage' in node && node.isPercentage === true) {
      this.reject('Percent signs are not allowed', 'write the share as a number: `0.5` rather than `50%`', this.findToken((t) => t.text === '%'));
    }
    const binary = binaryOperators[fn];
    if (!binary) this.rejectOperator(fn, op);
    return { kind: 'binary', op: binary, left, right: this.convert(second, depth + 1) };
  }

  private rejectOperator(fn: string, op: string): never {
    const word = /^[a-z]+$/.test(op);
    this.reject(
      `The operator \`${op}\` is not allowed`,
      operatorFixes[fn] ?? allowedOperatorsHint,
      this.findToken((t) => t.text === op && (word ? t.kind === 'name' : t.kind === 'punct')),
    );
  }

  private call(fnNode: MathNode, args: readonly MathNode[], depth: number): FormulaNode {
    if (!isSymbolNode(fnNode)) {
      this.reject(`\`${fnNode.toString()}(…)\` is not allowed: only the allowed functions may be called`, `allowed: ${allowedFunctionNames.join(', ')}`);
    }
    const name = fnNode.name;
    const occurrence = this.callsSeen.get(name) ?? 0;
    this.callsSeen.set(name, occurrence + 1);
    const position = this.findToken((t, next) => t.kind === 'name' && t.text === name && next?.text === '(', occurrence);
    if (!isAllowedFunction(name)) {
      this.reject(`\`${name}\` is not an allowed function; allowed: ${allowedFunctionNames.join(', ')}`, unknownFunctionFix(name), position);
    }
    const { minArgs, maxArgs } = allowedFunctions[name];
    if (args.length < minArgs || args.length > maxArgs) {
      const expected =
        maxArgs === Infinity ? `at least ${minArgs} argument${minArgs === 1 ? '' : 's'}` : `${minArgs} argument${minArgs === 1 ? '' : 's'}`;
      this.reject(`\`${name}\` takes ${expected}, not ${args.length}`, arityFix(name, args.length), position);
    }
    return { kind: 'call', fn: name, args: args.map((arg) => this.convert(arg, depth + 1)) };
  }

  /** Offset of the `occurrence`-th (0-based) significant token matching `test`. */
  private findToken(test: (token: FormulaToken, next: FormulaToken | undefined) => boolean, occurrence = 0): number | undefined {
    let seen = 0;
    for (let k = 0; k < this.tokens.length; k++) {
      const token = this.tokens[k]!;
      if (test(token, this.tokens[k + 1])) {
        if (seen === occurrence) return token.start;
        seen++;
      }
    }
    return undefined;
  }

  /** Where two values meet with no operator between them, e.g. the `x` of `2 x`. */
  private locateImplicitMultiplication(): number | undefined {
    const isName = (t: FormulaToken): boolean => t.kind === 'name' && !reservedWords.has(t.text);
    for (let k = 1; k < this.tokens.length; k++) {
      const before = this.tokens[k - 1]!;
      const after = this.tokens[k]!;
      const startsValue = after.kind === 'number' || isName(after) || after.text === '(';
      const afterNumberOrParen = (before.kind === 'number' || before.text === ')') && startsValue;
      // `name (` is a function call, not a multiplication.
      const afterName = isName(before) && (after.kind === 'number' || isName(after));
      if (afterNumberOrParen || afterName) return after.start;
    }
    return undefined;
  }

  private locateNodeType(type: string): number | undefined {
    if (type === 'AccessorNode') return this.findToken((t) => t.text === '[' || t.text === '.');
    if (type === 'RangeNode') {
      // The first `:` that does not close a `?`.
      let openConditionals = 0;
      for (const token of this.tokens) {
        if (token.text === '?') openConditionals++;
        else if (token.text === ':') {
          if (openConditionals === 0) return token.start;
          openConditionals--;
        }
      }
    }
    return undefined;
  }

  private reject(message: string, fix: string, position?: number): never {
    const error: FormulaError = { message, fix };
    if (position !== undefined) error.position = Math.min(position, this.text.length);
    throw new Rejection(error);
  }
}

function unknownFunctionFix(name: string): string {
  const known = functionFixes[name];
  if (known) return known;
  const suggestion = closestName(name, allowedFunctionNames);
  const instead = suggestion ? `write \`${suggestion}(…)\`` : 'use one of the allowed functions';
  // `users(2)` is more likely a missing `*` than a function call.
  return referenceNamePattern.test(name) ? `${instead}, or, to multiply by \`${name}\`, write \`${name} * (…)\`` : instead;
}

function arityFix(name: string, count: number): string {
  if ((name === 'round' || name === 'ceil' || name === 'floor') && count === 2) {
    return `to keep 2 decimals write \`${name}(x * 100) / 100\``;
  }
  if (name === 'log' && count === 2) return '`log` is the natural logarithm; for another base write `log(x) / log(base)`';
  if (name === 'pow') return 'write `pow(base, exponent)` or `base ^ exponent`';
  if (name === 'min' || name === 'max') return `write \`${name}(a, b, …)\``;
  return `write \`${name}(x)\``;
}
