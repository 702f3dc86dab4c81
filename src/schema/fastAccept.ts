/**
 * @internal A faster way through a zod schema for a document that is valid: the schema's containers
 * (objects, arrays, optionals, unions) are walked by plain functions built once from the schema's own
 * definition, while every leaf type and every check runs zod's own code. It either returns exactly the value
 * zod's parse would return, or says "not accepted", and the caller then runs zod's parse, so a document with
 * problems gets zod's issues, unchanged. Nothing about validity is restated here: a schema part this walker
 * does not know is handed to zod whole.
 *
 * @module
 */
import type * as z from "zod/mini";
import { parseWith } from "./issues.js";
import { protoKeyIssues } from "./protoKeys.js";

/** The answer for a value the walker does not accept (zod's parse is then run for its issues). */
const REFUSED: unique symbol = /* @__PURE__ */ Symbol();

type Walk = (value: unknown) => unknown;

interface Internals {
  readonly def: {
    readonly type: string;
    readonly checks?: readonly { readonly _zod: CheckInternals }[];
    readonly in?: { readonly _zod: Internals };
    readonly out?: { readonly _zod: Internals };
    readonly transform?: (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown;
    readonly coerce?: boolean;
    readonly shape?: Readonly<Record<string, { readonly _zod: Internals }>>;
    readonly catchall?: { readonly _zod: Internals };
    readonly innerType?: { readonly _zod: Internals };
    readonly element?: { readonly _zod: Internals };
    readonly options?: readonly { readonly _zod: Internals }[];
    readonly discriminator?: string;
    readonly unionFallback?: boolean;
    readonly inclusive?: boolean;
    readonly keyType?: { readonly _zod: Internals };
    readonly valueType?: { readonly _zod: Internals };
    readonly defaultValue?: unknown;
  };
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  readonly optout?: string;
  readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>>;
  readonly values?: ReadonlySet<unknown>;
  run(payload: { value: unknown; issues: unknown[] }, ctx: object): { value: unknown; issues: readonly unknown[] } | Promise<unknown>;
}

interface CheckInternals {
  readonly def: { readonly when?: (payload: { value: unknown; issues: unknown[] }) => boolean; readonly check?: string; readonly minimum?: number; readonly maximum?: number };
  check(payload: { value: unknown; issues: unknown[] }): unknown;
}

/** The context zod's parse gives its parts (options that shape issues only matter when there are issues). */
const CTX = /* @__PURE__ */ Object.freeze({ async: false });

/** Whether a value holds an own `__proto__` key anywhere (refused in every document, see {@link protoKeyIssues}). */
function hasProtoKey(value: unknown): boolean {
  return typeof value === "object" && value !== null && protoKeyIssues(value).length > 0;
}

/** zod's own run of a schema part: its value when it has no issues (and no `__proto__` key). */
function byZod(s: Internals): Walk {
  return (value) => {
    if (hasProtoKey(value)) return REFUSED;
    const r = s.run({ value, issues: [] }, CTX);
    if (r instanceof Promise) return REFUSED;
    return r.issues.length === 0 ? r.value : REFUSED;
  };
}

/**
 * Runs a part's checks (zod's check code) on its parsed value, as zod does after parsing it: the part itself
 * first when it is a check (a number or string format), then the checks added to it.
 */
function withChecks(s: Internals, walk: Walk): Walk {
  const own = (s.def.checks ?? []).map((c) => c._zod);
  const checks: readonly CheckInternals[] = s.traits.has("$ZodCheck") ? [s as unknown as CheckInternals, ...own] : own;
  if (checks.length === 0) return walk;
  return (value) => {
    const out = walk(value);
    if (out === REFUSED) return REFUSED;
    // A spare payload is reused (taken while the checks run, so a check that ran a walk would get another).
    const payload = spare ?? { value: out, issues: [] };
    spare = undefined;
    payload.value = out;
    for (const ch of checks) {
      const when = ch.def.when;
      if (when !== undefined && !when(payload)) continue;
      if (ch.check(payload) instanceof Promise || payload.issues.length > 0) return REFUSED;
    }
    const checked = payload.value;
    payload.value = undefined;
    spare = payload;
    return checked;
  };
}

/** The checks that bound a length (of a string or an array). */
const LENGTH_BOUND = /^m(in|ax)_length$/;

/** A payload without issues, free for the next checks. */
let spare: { value: unknown; issues: unknown[] } | undefined;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A maker of plain objects (prototype `Object.prototype`), sized by V8 to what is written into them. */
function plainObjects(): new () => Record<string, unknown> {
  const make = function () {} as unknown as new () => Record<string, unknown>;
  make.prototype = Object.prototype;
  return make;
}

function objectWalk(s: Internals, share: boolean): Walk {
  const def = s.def;
  const catchall = def.catchall?._zod;
  // Only plain or strict objects (no symbol keys); anything else is zod's.
  if ((catchall !== undefined && catchall.def.type !== "never") || def.shape === undefined || Object.getOwnPropertySymbols(def.shape).length > 0) return byZod(s);
  const shape = def.shape;
  const keys = Object.keys(shape).filter((k) => k !== "__proto__");
  // `__proto__` is never a known key: an own one is refused (a strict object's loop below refuses it).
  const keySet = new Set(keys);
  const strict = catchall !== undefined;
  const fields = keys.map((k) => {
    const f = shape[k]!._zod;
    // A plain optional field is walked by its inner part (the field's value undefined is its own answer).
    const inner = f.def.type === "optional" && f.def.checks === undefined ? f.def.innerType!._zod : undefined;
    const bare = inner !== undefined && inner.optin !== "defaulted";
    // An absent optional key is left out, whatever its part would say about `undefined`.
    return { key: k, walk: build(bare ? inner : f, share), bare, optin: f.optin, optout: f.optout, skip: f.optin === "optional" && f.optout === "optional" };
  });
  // Its objects come from a constructor of their own, so that V8 sizes them to the keys this part writes
  // (instead of growing each object's property store key by key); they are plain objects all the same.
  const Out = plainObjects();
  return withChecks(s, (input) => {
    // An own `__proto__` key, enumerable or not, is refused.
    if (!isPlainObject(input) || Object.hasOwn(input, "__proto__")) return REFUSED;
    // Shared: the input itself stands for its copy while every field so far is the same value (the copy is
    // made at the first field that differs).
    let out: Record<string, unknown> | undefined = share && Object.getPrototypeOf(input) === Object.prototype ? undefined : new Out();
    let found = 0;
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j]!;
      const key = f.key;
      const v = input[key];
      const present = v !== undefined || key in input;
      if (present) found++;
      // As zod's handlePropertyResult: an absent optional key is left out; an absent required key is an issue
      // (found before walking it: a union's option that lacks a field is refused at once).
      if (!present) {
        if (f.skip) continue;
        if (f.optin === undefined) return REFUSED;
      }
      const r = f.bare && v === undefined ? undefined : f.walk(v);
      if (r === REFUSED) {
        if (f.optin !== undefined && f.optout === "optional" && !present) continue;
        return REFUSED;
      }
      const write = r !== undefined || present || (f.optin === "defaulted" && f.optout !== "optional");
      if (out === undefined) {
        if ((present && r === v) || !write) continue;
        out = copyOf(new Out(), input, fields, j);
      }
      if (write) out[key] = r;
    }
    // An object that is its own parsed value has only known keys; any other is read again for them below.
    if (out === undefined && sameKeys(input, fields, found)) return input;
    // zod's strict object refuses every key it does not know (read with `for…in`, as zod reads them).
    if (strict) for (const key in input) if (!keySet.has(key)) return REFUSED;
    return out ?? copyOf(new Out(), input, fields, fields.length);
  });
}

type Field = { readonly key: string };

/**
 * `out` with the input's present fields before field `end` (each the same value in the parsed object); a field
 * is present as zod reads it: a value, or a key holding undefined.
 */
function copyOf(out: Record<string, unknown>, input: Record<string, unknown>, fields: readonly Field[], end: number): Record<string, unknown> {
  for (let j = 0; j < end; j++) {
    const key = fields[j]!.key;
    if (input[key] !== undefined || key in input) out[key] = input[key];
  }
  return out;
}

/**
 * Whether an object's enumerable keys are exactly its `present` fields, in the fields' order (as zod writes
 * them): each key is a field after the one before, and there are as many (a present field is never looked up
 * again).
 */
function sameKeys(input: Record<string, unknown>, fields: readonly Field[], present: number): boolean {
  let j = 0;
  for (const k in input) {
    while (j < fields.length && fields[j]!.key !== k) j++;
    if (j++ === fields.length) return false;
    present--;
  }
  return present === 0;
}

/**
 * A leaf's answers for short strings, remembered: a leaf is a function of its value alone, and a catalogue
 * repeats its dates, amounts, units and item ids in every option. Only plain answers (not objects) are kept,
 * up to a bound, so memory stays small whatever the documents.
 */
function remembered(walk: Walk): Walk {
  const seen = new Map<string, unknown>();
  return (input) => {
    if (typeof input !== "string" || input.length > 64) return walk(input);
    let r = seen.get(input);
    if (r === undefined) {
      r = walk(input);
      if (typeof r !== "object" && seen.size < 1024) seen.set(input, r);
    }
    return r;
  };
}

type Walks = readonly [copying: WeakMap<Internals, Walk>, sharing: WeakMap<Internals, Walk>];

/** Walks built so far, by the part whose values are shared: a part met again while it is being built (a recursive schema) is reached through it. */
const walksBy = /* @__PURE__ */ new WeakMap<object, Walks>();
/** While building: the walks for the part shared (below), and that part. */
let walks: Walks;
let sharedPart: Internals | undefined;

function build(s: Internals, share: boolean): Walk {
  share ||= s === sharedPart;
  const built = walks[share ? 1 : 0];
  const walk = built.get(s);
  if (walk !== undefined) return walk;
  const ref: { walk?: Walk } = {};
  built.set(s, (value) => ref.walk!(value));
  const walk2 = buildPart(s, share);
  // A transform, or a part with checks (a pattern for ids, a range for amounts), is remembered for short strings.
  // (Bounds on a length alone are quicker to check again than to look up.)
  ref.walk = s.def.type === "pipe" || s.def.type === "transform" || s.def.checks?.some((c) => !LENGTH_BOUND.test(c._zod.def.check ?? "")) ? remembered(walk2) : walk2;
  built.set(s, ref.walk);
  return ref.walk;
}

function buildPart(s: Internals, share: boolean): Walk {
  const def = s.def;
  if (def.coerce === true) return byZod(s);
  switch (def.type) {
    case "object":
      return objectWalk(s, share);
    case "array": {
      const walk = build(def.element!._zod, share);
      return withChecks(s, (input) => {
        if (!Array.isArray(input)) return REFUSED;
        // Shared: the input itself while every element is the same value (and no hole).
        let out = share && Object.getPrototypeOf(input) === Array.prototype ? undefined : new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          const v: unknown = input[i];
          const r = walk(v);
          if (r === REFUSED) return REFUSED;
          if (out === undefined) {
            if (r === v && r !== undefined) continue;
            out = input.slice(0, i);
          }
          out[i] = r;
        }
        return out ?? input;
      });
    }
    case "optional": {
      const inner = def.innerType!._zod;
      const walk = build(inner, share);
      // An absent value stays absent, unless the inner part is a default (which then gives its value).
      return withChecks(s, inner.optin === "defaulted" ? walk : (input) => (input === undefined ? undefined : walk(input)));
    }
    case "default": {
      const walk = build(def.innerType!._zod, share);
      // As zod: the default for an absent value (not checked by the inner part), or for an inner undefined.
      return withChecks(s, (input) => {
        if (input === undefined) return def.defaultValue;
        const r = walk(input);
        return r === undefined ? def.defaultValue : r;
      });
    }
    case "readonly": {
      const walk = build(def.innerType!._zod, share);
      return withChecks(s, (input) => {
        const r = walk(input);
        // A part that freezes its value freezes a copy, never the caller's.
        return r === REFUSED ? REFUSED : Object.freeze(r === input && typeof r === "object" && r !== null ? (Array.isArray(r) ? [...r] : { ...r }) : r);
      });
    }
    case "enum":
    case "literal": {
      const values = s.values;
      if (values === undefined) return byZod(s);
      return withChecks(s, (input) => (values.has(input) ? input : REFUSED));
    }
    case "record": {
      const key = def.keyType!._zod;
      // A record of listed keys (every one required) is zod's.
      if (key.values !== undefined) return byZod(s);
      const keyWalk = build(key, share);
      const valueWalk = build(def.valueType!._zod, share);
      return withChecks(s, (input) => {
        // A symbol key (refused by a string key part) or an own `__proto__` key is left to zod.
        if (!isPlainObject(input) || Object.getPrototypeOf(input) !== Object.prototype || Object.hasOwn(input, "constructor") || Object.hasOwn(input, "__proto__") || Object.getOwnPropertySymbols(input).length > 0) return REFUSED;
        const out: Record<string, unknown> = {};
        // zod reads the own enumerable keys (Object.keys reads them in the same order, and much faster).
        for (const k of Object.keys(input)) {
          const outKey = keyWalk(k);
          if (typeof outKey !== "string" || outKey === "__proto__") return REFUSED;
          const r = valueWalk(input[k]);
          if (r === REFUSED) return REFUSED;
          out[outKey] = r;
        }
        return out;
      });
    }
    case "union": {
      const options = def.options!;
      if (def.inclusive === false && def.discriminator === undefined) return byZod(s);
      if (def.discriminator !== undefined) {
        if (def.unionFallback === true) return byZod(s);
        const key = def.discriminator;
        const byValue = new Map<unknown, Walk>();
        for (const o of options) {
          const values = o._zod.propValues?.[key];
          if (values === undefined) return byZod(s);
          const walk = build(o._zod, share);
          for (const v of values) {
            // A value two options share is left to zod.
            if (byValue.has(v)) return byZod(s);
            byValue.set(v, walk);
          }
        }
        return withChecks(s, (input) => {
          if (!isPlainObject(input)) return REFUSED;
          const walk = byValue.get(input[key]);
          return walk === undefined ? REFUSED : walk(input);
        });
      }
      // The first option that accepts the value, as zod's union.
      const walks = options.map((o) => build(o._zod, share));
      return withChecks(s, (input) => {
        for (const w of walks) {
          const r = w(input);
          if (r !== REFUSED) return r;
        }
        return REFUSED;
      });
    }
    case "string":
    case "boolean":
    case "number": {
      // A value of the part's own type (a finite number for "number").
      const walk = withChecks(s, (input) => (typeof input === def.type && (typeof input !== "number" || Number.isFinite(input)) ? input : REFUSED));
      // A string part (no format, which is a check itself) with bounds on its length alone: a string within them
      // whatever zod counts (a code point is one or two UTF-16 units) passes without a check run; any other is
      // zod's checks'. Any other part (max −1: not a plain string, or a check of another kind) is its walk alone.
      let [min, max] = [0, def.type === "string" && !s.traits.has("$ZodCheck") ? Infinity : -1];
      for (const { _zod: c } of def.checks ?? []) {
        const { check, minimum = 0, maximum = -1 } = c.def;
        if (check === "min_length") min = Math.max(min, minimum);
        else max = check === "max_length" ? Math.min(max, maximum) : -1;
      }
      return max < 0 ? walk : (input) => (typeof input === "string" && input.length <= max && input.length >= 2 * min ? input : walk(input));
    }
    case "any":
    case "unknown":
      return withChecks(s, (input) => (hasProtoKey(input) ? REFUSED : input));
    case "transform": {
      const transform = def.transform!;
      return withChecks(s, (input) => {
        if (hasProtoKey(input)) return REFUSED;
        // The transform is the schema's own code; it reports problems by adding issues.
        const payload = { value: input, issues: [] as unknown[] };
        const out = transform(input, payload);
        return out instanceof Promise || payload.issues.length > 0 ? REFUSED : out;
      });
    }
    case "pipe": {
      const first = build(def.in!._zod, share);
      const then = build(def.out!._zod, share);
      return withChecks(s, (input) => {
        const r = first(input);
        return r === REFUSED ? REFUSED : then(r);
      });
    }
    default:
      return byZod(s);
  }
}

/**
 * @internal The value zod's parse of `input` with `schema` would return, when it returns one without issues;
 * `undefined` when the walker does not accept the input (then parse with zod for the issues), and for any
 * input holding an own `__proto__` key anywhere. The walker is built once per schema.
 *
 * Within the values of the part `shared` (of the schema), a container whose parsed value would equal the
 * input's (the same fields, keys in the same order, every value the same) is the input's own object rather
 * than a copy; a part that freezes its value still freezes a copy. The caller then must neither change those
 * values nor hand any part of them on.
 */
export function fastAccept<S extends z.ZodMiniType>(schema: S, input: unknown, shared?: z.ZodMiniType): { readonly data: z.output<S> } | undefined {
  sharedPart = (shared as { readonly _zod: Internals } | undefined)?._zod;
  const key = sharedPart ?? walksBy;
  walks = walksBy.get(key) ?? [new WeakMap(), new WeakMap()];
  walksBy.set(key, walks);
  const walk = build((schema as unknown as { readonly _zod: Internals })._zod, false);
  const r = walk(input);
  return r === REFUSED ? undefined : { data: r as z.output<S> };
}

/**
 * @internal {@link parseWith} that takes the faster walk for a valid document: the same value, and for a
 * document with any problem (a `__proto__` key included) zod's parse and its issues, unchanged.
 */
export function parseFastWith<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const r = fastAccept(schema, input);
  return r !== undefined ? r.data : parseWith(schema, input);
}
