/**
 * @internal A value built on first use and kept: how the library's schemas are declared, so importing a
 * module builds none of them, and a bundler drops every schema that nothing calls for.
 */
/* @__NO_SIDE_EFFECTS__ */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
