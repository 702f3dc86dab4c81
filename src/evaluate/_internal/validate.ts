import { withMeta } from "../../schema/withMeta.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
/**
 * The whole job's one validation pass. The document's fields are parsed once (each option on its own, so a
 * bad option is pinned to its index and id), then its cross-references and each part's own rules run on the
 * parsed values ({@link checkParts}); no engine runs. Every problem is found in this one pass.
 *
 * What happens to invalid options depends on the run: a tender fails whole, listing every problem; a
 * catalogue excludes each invalid option (reported by id, index and the rules it breaks) and goes on with
 * the rest. A problem that is not any one option's (a criterion, the comparator, the pathway) fails either.
 *
 * @internal
 * @module
 */
import * as z from "zod/mini";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { fromZodIssues } from "../../schema/issues.js";
import { protoKeyIssues, withProtoIssues } from "../../schema/protoKeys.js";
import { fastAccept } from "../../schema/fastAccept.js";
import type { PathwayCompilation } from "../../pathway/runModel.js";
import type { EvaluationDocument, EvaluationOption } from "../document.js";
import type { ExcludedOption, InvalidOptions } from "../result.js";
import { crossChecks, documentShape, MAX_EVALUATION_OPTIONS, optionSchema } from "../schema.js";
import { checkParts } from "./checkParts.js";
import type { PathwayGroups } from "./pathwayGroups.js";

/** A document ready for the stages: only valid options, typed; where each came from; what was excluded. */
export interface PreparedEvaluation {
  readonly doc: EvaluationDocument;
  /** `doc.options[k]` is `options[inputIndex[k]]` of the caller's document. */
  readonly inputIndex: readonly number[];
  readonly excluded: readonly ExcludedOption[];
  readonly mode: InvalidOptions;
  /** The pathway model of `doc` (one option per distinct set of effects), compiled once while validating. */
  readonly pathway: PathwayCompilation;
  readonly groups: PathwayGroups;
}

const frameSchema = /* @__PURE__ */ onFirstUse(() => z.extend(documentShape(), {
  options: withMeta(z.array(z.unknown()).check(z.minLength(2), z.maxLength(MAX_EVALUATION_OPTIONS)), "evaluate/validate:frame.options"),
}));

function collect(check: (ctx: z.core.$RefinementCtx) => void): VbpIssue[] {
  const raw: z.core.$ZodIssue[] = [];
  check({ addIssue: (i: unknown) => raw.push(i as z.core.$ZodIssue) } as unknown as z.core.$RefinementCtx);
  return fromZodIssues(raw);
}

/** Moves an issue's `options[k]` (an index into the checked list) to the caller's index. */
function toInput(i: VbpIssue, inputIndex: readonly number[]): VbpIssue {
  const [head, k, ...rest] = i.path;
  if (head !== "options" || typeof k !== "number") return i;
  return { ...i, path: ["options", inputIndex[k] ?? k, ...rest] as VbpPath, message: i.message.replace(/options\[(\d+)\]/g, (_m, j: string) => `options[${inputIndex[Number(j)] ?? j}]`) };
}

function optionIndexOf(i: VbpIssue): number | undefined {
  return i.path[0] === "options" && typeof i.path[1] === "number" ? i.path[1] : undefined;
}

function rawId(o: unknown): string | undefined {
  // Anything but an object has no `id` of its own (a primitive's property is its prototype's: undefined).
  const id = (o as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/** The document without some options, and without the tender records that belong to them. */
export function withOptions(doc: EvaluationDocument, keep: readonly EvaluationOption[], dropped: ReadonlySet<string>): EvaluationDocument {
  if (dropped.size === 0) return { ...doc, options: keep };
  const t = doc.tender;
  // Each list of records, where it has one, without theirs (in its place among the tender's keys).
  const tender: Record<string, unknown> = { ...t };
  for (const key of ["passFail", "evaluatorScores", "consensus"] as const) {
    const records = (t[key] as readonly { readonly optionId: string }[] | undefined)?.filter((r) => !dropped.has(r.optionId));
    if (records !== undefined) tender[key] = records;
  }
  return { ...doc, options: keep, tender: tender as unknown as EvaluationDocument["tender"] };
}

/** An "unknown option" issue about a tender record of an option set aside (its own problems are reported). */
function belongsToSetAside(doc: EvaluationDocument, i: VbpIssue, setAside: ReadonlySet<string>): boolean {
  if (setAside.size === 0) return false;
  const [head, list, j, key] = i.path;
  if (head !== "tender" || typeof j !== "number" || key !== "optionId") return false;
  const records = list === "passFail" ? doc.tender.passFail : list === "evaluatorScores" ? doc.tender.evaluatorScores : list === "consensus" ? doc.tender.consensus : undefined;
  const r = records?.[j];
  return r !== undefined && setAside.has(r.optionId);
}

interface Checked {
  /** Every issue, in the order found. */
  readonly found: VbpIssue[];
  readonly docIssues: VbpIssue[];
  readonly byOption: Map<number, VbpIssue[]>;
  readonly pathway: PathwayCompilation | undefined;
  readonly groups: PathwayGroups | undefined;
}

/** Cross-references and part rules of a document whose options all parsed; issues at the caller's indexes. */
function checkDocument(doc: EvaluationDocument, inputIndex: readonly number[], setAside: ReadonlySet<string>): Checked {
  const issues = collect((ctx) => void crossChecks(doc, ctx));
  let pathway: PathwayCompilation | undefined;
  let groups: PathwayGroups | undefined;
  const ids = new Set<string>();
  let comparators = 0;
  for (const o of doc.options) {
    ids.add(o.id);
    if (o.isComparator === true) comparators++;
  }
  if (ids.size === doc.options.length && comparators === 1) {
    const parts = checkParts(doc);
    // One by one: a catalogue can have hundreds of thousands of issues, more than one call takes as arguments.
    for (const i of parts.issues) issues.push(i);
    pathway = parts.pathway;
    groups = parts.groups;
  }
  const docIssues: VbpIssue[] = [];
  const byOption = new Map<number, VbpIssue[]>();
  const found: VbpIssue[] = [];
  for (const raw of issues) {
    if (belongsToSetAside(doc, raw, setAside)) continue;
    const i = toInput(raw, inputIndex);
    found.push(i);
    const k = optionIndexOf(i);
    if (k === undefined) docIssues.push(i);
    else byOption.set(k, [...(byOption.get(k) ?? []), i]);
  }
  return { found, docIssues, byOption, pathway, groups };
}

/** The document's fields: its frame, and each option parsed on its own, with every option's issues. */
interface Fields {
  readonly frameDoc: EvaluationDocument;
  readonly parsed: EvaluationOption[];
  readonly parsedIndex: number[];
  readonly byOption: Map<number, VbpIssue[]>;
  /** Every issue, in the order found. */
  readonly found: VbpIssue[];
}

/**
 * The fields of a document whose every field is plainly valid, read in one walk into exactly the values the
 * frame and option schemas give (any `__proto__` key refused on the way); undefined for anything else.
 */
function readFast(input: unknown): Fields | undefined {
  // The options are shared with the caller's document where they parse to the same values (nothing after
  // validation changes them or writes one of their objects into the result).
  const doc = fastAccept(documentShape(), input, optionSchema())?.data as EvaluationDocument | undefined;
  if (doc === undefined) return undefined;
  return { frameDoc: doc, parsed: [...doc.options], parsedIndex: doc.options.map((_, i) => i), byOption: new Map(), found: [] };
}

/** The fields through the schemas' full parse: the frame, and each option on its own; throws for a bad frame. */
function readFields(input: unknown, rawOptions: readonly unknown[]): Fields {
  const frame = frameSchema().safeParse(input, { reportInput: true });
  const byOption = new Map<number, VbpIssue[]>();
  const parsed: EvaluationOption[] = [];
  const parsedIndex: number[] = [];
  const tooMany = rawOptions.length > MAX_EVALUATION_OPTIONS;
  // `__proto__` keys are refused everywhere (JSON.parse makes them own keys that a schema may not see): one in
  // an option is that option's problem, anywhere else the document's.
  const protoByOption = new Map<number, VbpIssue[]>();
  const protoDoc: VbpIssue[] = [];
  for (const p of protoKeyIssues(input)) {
    const k = optionIndexOf(p);
    if (k !== undefined && k < rawOptions.length && !tooMany) protoByOption.set(k, [...(protoByOption.get(k) ?? []), p]);
    else protoDoc.push(p);
  }
  if (!tooMany) {
    rawOptions.forEach((o, i) => {
      const r = optionSchema().safeParse(o, { reportInput: true });
      const proto = protoByOption.get(i);
      if (proto !== undefined) {
        const own = r.success ? [] : fromZodIssues(r.error.issues).map((x) => ({ ...x, path: ["options", i, ...x.path] as VbpPath }));
        byOption.set(i, withProtoIssues(own, proto));
      } else if (r.success) {
        parsed.push(r.data as unknown as EvaluationOption);
        parsedIndex.push(i);
      } else byOption.set(i, fromZodIssues(r.error.issues).map((x) => ({ ...x, path: ["options", i, ...x.path] })));
    });
  }
  // Every issue in the order found (fields, then cross-references, then each part's rules).
  const found: VbpIssue[] = [...byOption.keys()].sort((a, b) => a - b).flatMap((k) => byOption.get(k) ?? []);
  if (!frame.success || protoDoc.length > 0) {
    const own = frame.success ? [] : fromZodIssues(frame.error.issues);
    throw new VbpInputError([...withProtoIssues(own, protoDoc), ...found]);
  }
  return { frameDoc: frame.data as unknown as EvaluationDocument, parsed, parsedIndex, byOption, found };
}

/**
 * Validates an evaluation document once and returns it typed, with the options a catalogue run excludes.
 *
 * @param input - the caller's document (never changed)
 * @param invalidOptions - "exclude" or "fail"; default from the document's `kind` (catalogue: exclude)
 * @throws VbpInputError with every problem, when the run cannot go on
 */
export function prepareEvaluation(input: unknown, invalidOptions: InvalidOptions | undefined): PreparedEvaluation {
  const fields = input as { options?: unknown; kind?: unknown } | null | undefined;
  const rawOptions: readonly unknown[] = Array.isArray(fields?.options) ? fields.options : [];
  const declaredKind = fields?.kind;
  const mode: InvalidOptions = invalidOptions ?? (declaredKind === "catalogue" ? "exclude" : "fail");
  const { frameDoc, parsed, parsedIndex, byOption, found } = readFast(input) ?? readFields(input, rawOptions);
  const fail = (more: readonly VbpIssue[]): never => {
    throw new VbpInputError([...more, ...found]);
  };

  // 2. Cross-references and each part's rules, on the options that parsed. A tender record of an option
  //    that did not parse is that option's (not a problem of its own): it is set aside with the option.
  const unparsed = new Set<string>();
  const parsedIds = new Set(byOption.size > 0 ? parsed.map((o) => o.id) : []);
  for (const i of byOption.keys()) {
    const id = rawId(rawOptions[i]);
    if (id !== undefined && !parsedIds.has(id)) unparsed.add(id);
  }
  let doc: EvaluationDocument = { ...frameDoc, options: parsed };
  let inputIndex: readonly number[] = parsedIndex;
  let checked = checkDocument(doc, inputIndex, unparsed);
  for (const i of checked.found) found.push(i);
  for (const [k, list] of checked.byOption) byOption.set(k, [...(byOption.get(k) ?? []), ...list]);

  const comparatorIndex = rawOptions.findIndex((o) => (o as { isComparator?: unknown } | null | undefined)?.isComparator === true);
  const excludable = mode === "exclude" && checked.docIssues.length === 0 && !byOption.has(comparatorIndex);
  if (found.length > 0 && !excludable) fail([]);

  // 3. A catalogue: exclude the invalid options and check what remains (their removal can only remove
  //    problems; anything new fails the run).
  const excluded: ExcludedOption[] = [...byOption.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, issues]) => {
      const optionId = rawId(rawOptions[index]);
      return { ...(optionId !== undefined ? { optionId } : {}), index, issues };
    });
  if (excluded.length > 0) {
    const out = new Set(excluded.map((e) => e.index));
    const keep: EvaluationOption[] = [];
    const keepIndex: number[] = [];
    parsed.forEach((o, k) => {
      if (!out.has(parsedIndex[k] as number)) {
        keep.push(o);
        keepIndex.push(parsedIndex[k] as number);
      }
    });
    const kept = new Set(keep.map((o) => o.id));
    const droppedIds = new Set([...unparsed, ...excluded.flatMap((e) => (e.optionId !== undefined && !kept.has(e.optionId) ? [e.optionId] : []))]);
    doc = withOptions(frameDoc, keep, droppedIds);
    inputIndex = keepIndex;
    if (keep.length < 2) throw new VbpInputError([{ code: "too_small", path: ["options"], message: `must keep at least 2 valid options (the comparator and one offer), got ${keep.length} after excluding ${excluded.length} invalid` }, ...excluded.flatMap((e) => e.issues)]);
    checked = checkDocument(doc, inputIndex, new Set());
    const again = [...checked.docIssues, ...[...checked.byOption.values()].flat()];
    if (again.length > 0) throw new VbpInputError([...again, ...excluded.flatMap((e) => e.issues)]);
  }
  return { doc, inputIndex, excluded, mode, pathway: checked.pathway as PathwayCompilation, groups: checked.groups as PathwayGroups };
}
