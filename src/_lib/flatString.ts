/**
 * @internal A string built by slicing and joining (a decimal's digits split at the point, a sign put in
 * front) is held by V8 as a tree of pieces that keeps its parent strings alive: about 180 bytes for a
 * 28-digit amount instead of about 60. Results keep millions of such strings (every figure of every option,
 * every cash flow), so the strings they keep are made flat: one contiguous copy, through the JSON parser,
 * which builds a fresh sequential string. Only for text without `"` or `\` (decimal strings, dates, ids).
 *
 * A string shorter than 13 characters is returned as it is: V8 makes no tree or slice that short (its
 * minimum length for both), so it is already one contiguous copy, and most figures are that short.
 */
export function flatString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(`"${text}"`) as string);
}
