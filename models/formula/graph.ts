/**
 * The order in which drivers must be computed, or the circles that make any order impossible.
 * Deterministic: the same map always gives the same order and the same cycles, so results
 * and error messages do not depend on anything but the scenario.
 */

/**
 * Topological order of `deps` (name → names it refers to): dependencies first; among names
 * that are ready at the same time, the one inserted into the map first goes first. Names
 * not in the map are ignored (the caller reports unknown names). When there are cycles,
 * returns every strongly connected component that contains one — a self-reference is a
 * cycle of one — with every member. Each cycle starts at its earliest-inserted member and
 * follows references, so a simple circle reads a → b → c (→ a); cycles are listed by their
 * first member's insertion order.
 */
export function orderByDependencies(deps: ReadonlyMap<string, readonly string[]>): { order: string[] } | { cycles: string[][] } {
  const names = [...deps.keys()];
  const indexOf = new Map(names.map((name, k) => [name, k]));
  // dependsOn[k]: indices k refers to, known names only, each once, in the order written.
  const dependsOn = names.map((name) => [...new Set((deps.get(name) ?? []).flatMap((dep) => indexOf.get(dep) ?? []))]);

  const order = kahnOrder(dependsOn);
  if (order.length === names.length) return { order: order.map((k) => names[k]!) };

  const cycles = stronglyConnectedComponents(dependsOn)
    .filter((component) => component.length > 1 || dependsOn[component[0]!]!.includes(component[0]!))
    .map((component) => walkCycle(component, dependsOn))
    .sort((a, b) => a[0]! - b[0]!);
  return { cycles: cycles.map((cycle) => cycle.map((k) => names[k]!)) };
}

/** Kahn's algorithm with a min-heap of insertion indices; stops short when cycles remain. */
function kahnOrder(dependsOn: readonly (readonly number[])[]): number[] {
  const waitingOn = dependsOn.map((list) => list.length);
  const dependents: number[][] = dependsOn.map(() => []);
  dependsOn.forEach((list, k) => {
    for (const dep of list) dependents[dep]!.push(k);
  });
  const ready = new MinHeap();
  waitingOn.forEach((count, k) => {
    if (count === 0) ready.push(k);
  });
  const order: number[] = [];
  for (let k = ready.pop(); k !== undefined; k = ready.pop()) {
    order.push(k);
    for (const dependent of dependents[k]!) {
      waitingOn[dependent]!--;
      if (waitingOn[dependent] === 0) ready.push(dependent);
    }
  }
  return order;
}

/** Tarjan's algorithm, iterative so long chains cannot overflow the stack. */
function stronglyConnectedComponents(edges: readonly (readonly number[])[]): number[][] {
  const count = edges.length;
  const index = new Array<number>(count).fill(-1);
  const lowLink = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    // Each frame: a node and how many of its edges have been explored.
    const frames: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index[root] = lowLink[root] = nextIndex++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const { node } = frame;
      const next = edges[node]![frame.edge++];
      if (next !== undefined) {
        if (index[next] === -1) {
          index[next] = lowLink[next] = nextIndex++;
          stack.push(next);
          onStack[next] = true;
          frames.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          lowLink[node] = Math.min(lowLink[node]!, index[next]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[node]!);
      if (lowLink[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

/**
 * Orders a component's members from its earliest-inserted one along references (depth
 * first, staying inside the component), so a simple circle comes out in circle order.
 */
function walkCycle(component: readonly number[], dependsOn: readonly (readonly number[])[]): number[] {
  const members = new Set(component);
  const start = Math.min(...component);
  const visited = new Set<number>();
  const walk: number[] = [];
  const pending = [start];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (visited.has(node)) continue;
    visited.add(node);
    walk.push(node);
    // Push in reverse so the first reference written is walked first.
    const next = dependsOn[node]!.filter((dep) => members.has(dep) && !visited.has(dep));
    for (let k = next.length - 1; k >= 0; k--) pending.push(next[k]!);
  }
  return walk;
}

/** A binary min-heap of non-negative integers. */
class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let k = items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (items[parent]! <= value) break;
      items[k] = items[parent]!;
      k = parent;
    }
    items[k] = value;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]! < items[left]! ? right : left;
      if (items[child]! >= last) break;
      items[k] = items[child]!;
      k = child;
    }
    items[k] = last;
    return top;
  }
}
