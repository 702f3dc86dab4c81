import { describe, expect, it } from "vitest";
import { formatIssue, runModel, safeParsePathwayModel, safeRunModel, type PathwayModel } from "../../src/index.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";

function problems(input: unknown): string[] {
  const r = safeParsePathwayModel(input);
  return r.success ? [] : r.error.issues.map(formatIssue);
}

function runProblems(input: unknown): string[] {
  const r = safeRunModel(input);
  return r.success ? [] : r.error.issues.map(formatIssue);
}

const tiny = (): PathwayModel => ({
  id: "tiny",
  parameters: [{ id: "p", value: "0.2" }],
  tree: {
    root: "a",
    nodes: [
      { id: "a", items: [{ id: "x", category: "staff", quantity: 1, unitCost: 10 }], branches: [{ to: "b", probability: { param: "p" } }, { to: "c", probability: "rest" }] },
      { id: "b", items: [{ id: "y", category: "drugs", quantity: 2, unitCost: 5 }] },
      { id: "c" },
    ],
  },
  options: [{ id: "cmp", isComparator: true }, { id: "dev" }],
});

describe("model validation names the path and the rule", () => {
  it("accepts the worked examples", () => {
    expect(problems(surgicalSiteInfectionModel())).toEqual([]);
    expect(problems(chancellorHivModel())).toEqual([]);
    expect(problems(tiny())).toEqual([]);
  });

  it("reports unknown parameters, nodes and keys with paths", () => {
    const m = tiny() as unknown as { tree: { nodes: { branches?: unknown[]; items?: { unitCost: unknown }[] }[] }; extra?: number };
    m.tree.nodes[0]!.branches = [{ to: "b", probability: { param: "p_missing" } }, { to: "zz", probability: "rest" }];
    m.tree.nodes[1]!.items![0]!.unitCost = "12,5";
    m.extra = 1;
    expect(problems(m)).toEqual([
      'tree.nodes[1].items[0].unitCost: must be a decimal number (a JSON number or a decimal string), { "param": id } or { "expr": text }, got "12,5"',
      'extra: unknown key "extra" (check the spelling; unknown keys are not allowed)',
    ]);
    (m.tree.nodes[1]!.items![0]! as { unitCost: unknown }).unitCost = 12.5;
    delete m.extra;
    expect(problems(m)).toEqual(['tree.nodes[0].branches[0].probability.param: unknown parameter "p_missing"', 'tree.nodes[0].branches[1].to: unknown node "zz"']);
  });

  it("checks branch sums within the tolerance, at most one rest, probabilities in [0, 1]", () => {
    const m = tiny();
    const nodes = [...m.tree!.nodes];
    nodes[0] = { ...nodes[0]!, branches: [{ to: "b", probability: "0.3" }, { to: "c", probability: "0.6" }] };
    expect(problems({ ...m, tree: { ...m.tree!, nodes } })).toEqual(['tree.nodes[0].branches: the branch probabilities of node "a" must sum to 1 (±1e-9), got 0.9; or mark one branch "rest"']);
    nodes[0] = { ...nodes[0]!, branches: [{ to: "b", probability: "rest" }, { to: "c", probability: "rest" }] };
    expect(problems({ ...m, tree: { ...m.tree!, nodes } })).toEqual(['tree.nodes[0].branches[1].probability: at most one "rest" branch per node; node "a" has another']);
    nodes[0] = { ...nodes[0]!, branches: [{ to: "b", probability: "1.2" }, { to: "c", probability: "rest" }] };
    expect(problems({ ...m, tree: { ...m.tree!, nodes } })).toEqual(["tree.nodes[0].branches[0].probability: must be a probability in [0, 1], got 1.2"]);
    nodes[0] = { ...nodes[0]!, branches: [{ to: "b", probability: "0.3" }, { to: "c", probability: "0.7000000000001" }] };
    expect(problems({ ...m, tree: { ...m.tree!, nodes, tolerance: "1e-9" } })).toEqual([]);
  });

  it("rejects cycles, unreachable nodes and duplicate ids", () => {
    const m = tiny();
    const nodes = [...m.tree!.nodes];
    nodes[1] = { ...nodes[1]!, branches: [{ to: "a", probability: 1 }] };
    expect(problems({ ...m, tree: { ...m.tree!, nodes } })).toEqual([
      'tree.nodes[0].branches[0].to: the tree has a cycle through node "a" (a decision tree cannot loop; use a Markov model for repeated states)',
    ]);
    const nodes2 = [...m.tree!.nodes, { id: "orphan" }, { id: "c" }];
    expect(problems({ ...m, tree: { ...m.tree!, nodes: nodes2 } })).toEqual(['tree.nodes[4].id: duplicate node id "c"']);
    const nodes3 = [...m.tree!.nodes, { id: "orphan" }];
    expect(problems({ ...m, tree: { ...m.tree!, nodes: nodes3 } })).toEqual(['tree.nodes[3].id: node "orphan" cannot be reached from the root "a"']);
  });

  it("requires exactly one comparator", () => {
    expect(problems({ ...tiny(), options: [{ id: "a" }, { id: "b" }] })).toEqual(["options: exactly one option must be the comparator (isComparator: true), got 0"]);
  });

  it("rejects an effect aimed at a missing target, and a multiplied probability leaving [0, 1]", () => {
    const m = tiny();
    expect(problems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "multiply", target: { node: "a", branch: "nope" }, value: 2 }] }] })).toEqual([
      'options[1].effects[0].target: node "a" has no branch or risk to "nope"',
    ]);
    expect(problems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "set", target: { node: "a", item: "zz", field: "quantity" } , value: 2 }] }] })).toEqual([
      'options[1].effects[0].target: no item "zz" in node "a"',
    ]);
    expect(problems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "multiply", target: { parameter: "q" }, value: 2 }] }] })).toEqual([
      'options[1].effects[0].target: no parameter "q"',
    ]);
    expect(problems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "multiply", target: { node: "a", branch: "b" }, value: 6 }] }] })).toEqual([
      'options[1].effects[0].value: makes the probability of the branch of node "a" to "b" 1.2, which must be a probability in [0, 1] (tree.nodes[0].branches[0].probability)',
    ]);
    expect(problems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "multiply", target: { node: "a", branch: "c" }, value: 2 }] }] })).toEqual([
      'options[1].effects[0].target: the branch of node "a" to "c" is "rest" (the complement); change the other branches instead',
    ]);
    // A parameter effect that pushes a derived probability out of range names the value and the option
    expect(runProblems({ ...m, options: [m.options[0]!, { id: "dev", effects: [{ op: "add", target: { parameter: "p" }, value: 1 }] }] })).toEqual([
      'tree.nodes[0].branches[0].probability: must be a probability in [0, 1], got 1.2 (for option "dev", after its parameter effects)',
    ]);
  });

  it("reports expression errors with the position, and never evaluates code", () => {
    const m = tiny();
    const withExpr = (expr: string) => ({ ...m, parameters: [{ id: "p", value: "0.2" }, { id: "q", value: { expr } }] });
    expect(problems(withExpr("p * (1 +"))).toEqual(['parameters[1].value.expr: expression ends unexpectedly: "p * (1 +"']);
    expect(problems(withExpr("p; process.exit(1)"))).toEqual(['parameters[1].value.expr: expression unexpected character ";" at position 2: "p; process.exit(1)"']);
    expect(problems(withExpr("p * zz"))).toEqual(['parameters[1].value.expr: unknown name "zz" in expression (not a parameter)']);
    expect(problems(withExpr("cycle * 2"))).toEqual(['parameters[1].value.expr: "cycle" is only available inside a Markov model\'s states and transitions']);
    expect(problems(withExpr("p / (p - 0.2)"))).toEqual(["parameters[1].value: cannot be evaluated: division by zero at position 3"]);
    expect(problems({ ...m, parameters: [{ id: "p", value: { expr: "q" } }, { id: "q", value: { param: "p" } }] })).toEqual([
      "parameters[0].value: parameters refer to each other in a cycle: p → q → p",
    ]);
  });

  it("validates distributions for later PSA", () => {
    const m = { ...tiny(), parameters: [{ id: "p", value: "0.2", distribution: { type: "beta", alpha: 0, beta: 4 } }] };
    expect(problems(m)).toEqual(["parameters[0].distribution.alpha: must be > 0, got 0"]);
    const m2 = { ...tiny(), parameters: [{ id: "p", value: "0.2", distribution: { type: "dirichlet", alpha: [1, 2], index: 2 } }] };
    expect(problems(m2)).toEqual(["parameters[0].distribution.index: must be less than the number of components (2), got 2"]);
    const m3 = { ...tiny(), parameters: [{ id: "p", value: "0.2", distribution: { type: "weibull" } }] };
    expect(problems(m3)[0]).toMatch(/^parameters\[0\]\.distribution\.type: Invalid discriminator value\. Expected 'beta' \| 'gamma'/);
  });

  it("checks Markov models: whole number of cycles, rows, states, one of probability or rate", () => {
    const base = chancellorHivModel();
    const hiv = base.markov![0]!;
    const withMarkov = (patch: Partial<typeof hiv>) => ({ ...base, markov: [{ ...hiv, ...patch }] });
    expect(problems(withMarkov({ horizonYears: "20.5" }))).toEqual(["markov[0].horizonYears: must be a whole number of cycles of 1 years, got 20.5 years (20.5 cycles)"]);
    expect(problems(withMarkov({ transitions: [...hiv.transitions, { from: "A", to: "Q", probability: 0 }] }))[0]).toBe('markov[0].transitions[10].to: unknown state "Q" in Markov model "hiv"');
    expect(problems(withMarkov({ transitions: [...hiv.transitions.slice(1), { from: "A", to: "A", probability: "0.5" }] }))).toContain(
      'markov[0].transitions: the transition probabilities out of state "A" must sum to 1 (±1e-9) in cycle 1, got 0.77854671280276816608996539792387543252595155709342; or mark one transition "rest"',
    );
    expect(problems(withMarkov({ transitions: [{ from: "A", to: "B", probability: "0.1", rate: "0.1" }] }))).toContain("markov[0].transitions[0]: give exactly one of probability and rate");
    expect(problems(withMarkov({ states: hiv.states.map((s) => (s.id === "B" ? (({ utility: _u, ...rest }) => rest)(s) : s)) }))).toEqual([
      "markov[0].states[1].utility: is required for a state that is not dead (give 1 to count life years as QALYs, or set dead: true)",
    ]);
    expect(problems(withMarkov({ withinCycle: "simpson", horizonYears: 1 }))).toEqual(["markov[0].withinCycle: Simpson's rule needs at least 2 cycles, got 1"]);
    // An odd number of cycles never switches rule silently.
    expect(problems(withMarkov({ withinCycle: "simpson", horizonYears: 19 }))).toEqual([
      'markov[0].withinCycle: Simpson\'s 1/3 rule needs an even number of cycles, got 19: choose "simpson-3/8" (the 3/8 rule over the last three cycles), "simpson-darthtools", or give the weights',
    ]);
    expect(problems(withMarkov({ withinCycle: { weights: [1, 1] } }))).toEqual(["markov[0].withinCycle.weights: must give one weight per cycle boundary 0…20 (21 weights), got 2"]);
  });

  it("an effect making a transition probability exceed the row names the effect", () => {
    const base = chancellorHivModel();
    const bad = { ...base, options: [base.options[0]!, { id: "x", effects: [{ op: "multiply" as const, target: { markov: "hiv", from: "A", to: "B" }, value: "4.9", cycles: { from: 3 } }] }] };
    // 350/1734 × 4.9 = 0.989…, + 116/1734 + 17/1734 > 1
    const [issue, ...more] = runProblems(bad);
    expect(more).toEqual([]);
    expect(issue).toMatch(/^markov\[0\]\.transitions: the transition probabilities out of state "A" sum to 1\.0657439446366782\d+ in cycle 3 for option "x" \(after its effects\), more than 1, so the "rest" transition would be negative$/);
    const hr = { ...base, options: [base.options[0]!, { id: "x", effects: [{ op: "hazardRatio" as const, target: { node: "a", branch: "b" }, value: 5 }] }] };
    expect(runProblems(hr)).toEqual(['options[1].effects[0].target: no node "a" (the model has no decision tree)']);
  });

  it("never mutates the caller's model", () => {
    const m = surgicalSiteInfectionModel();
    const copy = JSON.parse(JSON.stringify(m)) as unknown;
    runModel(m);
    expect(m).toEqual(copy);
  });
});
