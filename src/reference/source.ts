/**
 * Where a reference figure comes from: every discount rate, threshold, carbon factor or index the library
 * ships names its publisher, document and dates, and results record which data set they used.
 *
 * @example
 * ```ts
 * const src: Source = { publisher: "NICE", title: "NICE health technology evaluations: the manual (PMG36)", publishedOn: "2022-01-31" };
 * ```
 */
export interface Source {
  /** Organisation that published the figure. */
  readonly publisher: string;
  /** Title of the document (with section or table where useful). */
  readonly title: string;
  /** Date the document was published or last updated (ISO `YYYY-MM-DD`). */
  readonly publishedOn: string;
  /** Date from which the figure applies, if different from publication (ISO `YYYY-MM-DD`). */
  readonly validFrom?: string;
  /** Public address of the document. */
  readonly url?: string;
  /** Anything a reader needs to apply the figure correctly. */
  readonly note?: string;
}
