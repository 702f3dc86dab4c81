/**
 * @internal A read-only array whose rows are made when read. A lifecycle ledger at catalogue scale has
 * millions of cash flows; holding each as an object of twelve strings takes gigabytes, while the few numbers
 * that identify a row (option, item, occurrence) take a few bytes. The view behaves as a plain array for
 * every reader: indexing, `length`, iteration, `map`/`filter`/`forEach`, `Array.isArray`, `Object.keys`
 * and `JSON.stringify`. Each read makes a fresh row object (rows compare equal, not identical), and writes
 * are refused.
 *
 * @module
 */

function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== "string" || key.length === 0 || key.length > 10) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
  const n = Number(key);
  return Number.isInteger(n) && n < length ? n : -1;
}

const VIEW = Symbol("rowView");

interface ViewState {
  readonly length: number;
  readonly rowAt: (i: number) => unknown;
}

const stateOf = (t: object): ViewState => (t as { [VIEW]: ViewState })[VIEW];
const refuse = (): boolean => false;

/** One handler for every view (a view costs its target array and its state, not a set of closures). */
const handler: ProxyHandler<unknown[]> = {
  get(t, key, receiver) {
    const { length, rowAt } = stateOf(t);
    if (key === "length") return length;
    const i = indexOf(key, length);
    return i >= 0 ? rowAt(i) : Reflect.get(t, key, receiver);
  },
  has(t, key) {
    return indexOf(key, stateOf(t).length) >= 0 || Reflect.has(t, key);
  },
  ownKeys(t) {
    const keys: string[] = [];
    for (let i = 0; i < stateOf(t).length; i++) keys.push(String(i));
    keys.push("length");
    return keys;
  },
  getOwnPropertyDescriptor(t, key) {
    const { length, rowAt } = stateOf(t);
    if (key === "length") return { value: length, writable: true, enumerable: false, configurable: false };
    const i = indexOf(key, length);
    return i >= 0 ? { value: rowAt(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
  },
  set: refuse,
  defineProperty: refuse,
  deleteProperty: refuse,
  setPrototypeOf: refuse,
  preventExtensions: refuse,
};

/** @internal An array of `length` rows, row `i` being `rowAt(i)`, made when read. */
export function rowView<T>(length: number, rowAt: (i: number) => T): readonly T[] {
  const target: unknown[] = [];
  Object.defineProperty(target, VIEW, { value: { length, rowAt }, configurable: true, enumerable: false, writable: false });
  return new Proxy(target, handler) as unknown as readonly T[];
}

/** @internal A growable column of 32-bit integers. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const more = new Int32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  /** The last index `i` with `at(i) <= v` (the column ascending). */
  floorIndex(v: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.data[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
