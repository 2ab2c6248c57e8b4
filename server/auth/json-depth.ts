/**
 * Whether parsed JSON nests objects or arrays more than `max` levels deep (`{}` and `[]` are
 * one level). Iterative on purpose: recursion (JSON.stringify, zod, a naive walk) overflows
 * the stack on the ~30,000 levels a 64 KB body can hold.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
