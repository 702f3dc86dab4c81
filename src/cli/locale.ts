/**
 * The caller's locale for money in CLI tables, from the POSIX environment (LC_ALL, then LC_MONETARY, then
 * LANG), as a BCP 47 tag: `en_GB.UTF-8` → `en-GB`. Undefined for the C/POSIX locale or an unusable value,
 * where the tables keep the library's fixed English form (so scripts and CI see stable output).
 */
export function callerLocale(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const raw = [env.LC_ALL, env.LC_MONETARY, env.LANG].find((v) => v !== undefined && v !== "");
  if (raw === undefined) return undefined;
  const base = raw.split(/[.@]/)[0]!.replace(/_/g, "-");
  if (base === "" || base === "C" || base === "POSIX") return undefined;
  try {
    return Intl.getCanonicalLocales(base)[0];
  } catch {
    return undefined;
  }
}
