/**
 * Our own small formula tree. mathjs parses the text; `parse.ts` accepts only the node kinds
 * listed here, so everything downstream (compiler, dependency graph, UI) works on a closed,
 * fully typed language instead of mathjs's open-ended one.
 */

export type UnaryOperator = '-' | '+' | 'not';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** The functions a formula may call, with how many arguments each takes. */
export const allowedFunctions = {
  min: { minArgs: 1, maxArgs: Infinity },
  max: { minArgs: 1, maxArgs: Infinity },
  abs: { minArgs: 1, maxArgs: 1 },
  sqrt: { minArgs: 1, maxArgs: 1 },
  exp: { minArgs: 1, maxArgs: 1 },
  log: { minArgs: 1, maxArgs: 1 },
  pow: { minArgs: 2, maxArgs: 2 },
  ceil: { minArgs: 1, maxArgs: 1 },
  floor: { minArgs: 1, maxArgs: 1 },
  round: { minArgs: 1, maxArgs: 1 },
} as const satisfies Record<string, { minArgs: number; maxArgs: number }>;

export type FunctionName = keyof typeof allowedFunctions;

/** Names of the allowed functions, in the order the docs list them. */
export const allowedFunctionNames = Object.keys(allowedFunctions) as FunctionName[];

/** Whether `name` is one of the functions a formula may call. */
export function isAllowedFunction(name: string): name is FunctionName {
  return Object.hasOwn(allowedFunctions, name);
}

/** The built-in reference every formula may use: the 0-based month index into the horizon. */
export const monthReference = 'month';

/** A formula tree; trees are never mutated, so compiled kernels may be cached per tree. */
export type FormulaNode =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: UnaryOperator; readonly arg: FormulaNode }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  // `ifTrue`/`ifFalse` rather than `then`/`else`: an object with a `then` key looks like a promise.
  | { readonly kind: 'cond'; readonly test: FormulaNode; readonly ifTrue: FormulaNode; readonly ifFalse: FormulaNode }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly FormulaNode[] };

/** The children of a node, left to right as they appear in the text. */
export function childrenOf(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case 'num':
    case 'ref':
      return [];
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'cond':
      return [node.test, node.ifTrue, node.ifFalse];
    case 'call':
      return node.args;
  }
}

/** Names a formula refers to (drivers and `month`), each once, in order of first appearance. */
export function referencesOf(node: FormulaNode): string[] {
  const seen = new Set<string>();
  const visit = (current: FormulaNode): void => {
    if (current.kind === 'ref') seen.add(current.name);
    for (const child of childrenOf(current)) visit(child);
  };
  visit(node);
  return [...seen];
}
