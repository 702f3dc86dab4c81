/**
 * `xs.map(f)` built by `push` onto an empty array. What the kernel's hot loops read must have one shape:
 * `Array.prototype.map` gives a packed array when it runs as a built-in but a holey one when the optimising
 * compiler inlines it into its caller, so code compiled against one kind is thrown away when the other
 * arrives. An array grown by `push` has the same kind either way.
 *
 * @module
 */

/** The values of `f` over `xs`, in order (as `xs.map(f)`). */
export function mapList<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
