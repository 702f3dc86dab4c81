import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import type { DistributionSpec } from "./types.js";

/** @internal Reads the numeric keys of a spec and checks which parameterisation it uses. */
export class SpecReader {
  constructor(
    readonly spec: DistributionSpec,
    readonly path: VbpPath,
    readonly issues: VbpIssue[],
  ) {}

  has(key: string): boolean {
    return this.spec[key] !== undefined;
  }

  /** A finite number (number or decimal string), or undefined with an issue. */
  num(key: string, rule?: { readonly gt?: number; readonly ge?: number; readonly lt?: number }): number | undefined {
    const raw = this.spec[key];
    const path = [...this.path, key];
    if (raw === undefined) {
      this.issues.push({ code: "invalid_type", path, message: `is required (a number) for a ${this.spec.type} distribution` });
      return undefined;
    }
    const v = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(v)) {
      this.issues.push({ code: "invalid_type", path, message: `must be a finite number, got ${JSON.stringify(raw)}` });
      return undefined;
    }
    if (rule?.gt !== undefined && !(v > rule.gt)) return this.bad(path, `must be > ${rule.gt}, got ${v}`, "too_small");
    if (rule?.ge !== undefined && !(v >= rule.ge)) return this.bad(path, `must be ≥ ${rule.ge}, got ${v}`, "too_small");
    if (rule?.lt !== undefined && !(v < rule.lt)) return this.bad(path, `must be < ${rule.lt}, got ${v}`, "too_big");
    return v;
  }

  bad(path: VbpPath, message: string, code: VbpIssue["code"] = "invalid_value"): undefined {
    this.issues.push({ code, path, message });
    return undefined;
  }

  /** Reports keys other than `type` and the allowed ones. */
  only(allowed: readonly string[]): boolean {
    let ok = true;
    for (const key of Object.keys(this.spec)) {
      if (key !== "type" && !allowed.includes(key)) {
        this.issues.push({ code: "unrecognized_keys", path: [...this.path, key], message: `unknown key "${key}" for a ${this.spec.type} distribution (allowed: ${allowed.join(", ")})` });
        ok = false;
      }
    }
    return ok;
  }

  /** Which of the parameterisations (each a list of keys) the spec uses: exactly one must be complete. */
  form(forms: readonly (readonly string[])[]): number | undefined {
    const allowed = [...new Set(forms.flat())];
    if (!this.only(allowed)) return undefined;
    const i = forms.findIndex((keys) => keys.every((k) => this.has(k)) && allowed.every((k) => keys.includes(k) || !this.has(k)));
    if (i < 0) {
      const list = forms.map((keys) => `{ ${keys.join(", ")} }`).join(" or ");
      this.issues.push({ code: "invalid_union", path: this.path, message: `a ${this.spec.type} distribution needs exactly one of ${list}, got { ${Object.keys(this.spec).filter((k) => k !== "type").join(", ")} }` });
      return undefined;
    }
    return i;
  }
}
