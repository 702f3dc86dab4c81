import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "docs/api/", "node_modules/", "coverage/", "reports/", ".stryker-tmp/", ".before/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs", "examples/**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly", performance: "readonly", structuredClone: "readonly", globalThis: "readonly", setInterval: "readonly", clearInterval: "readonly" } },
  },
  {
    // The host-isolation test configures the global Decimal on purpose; library code never may.
    files: ["src/**/*.ts", "examples/**/*.ts", "bench/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Use the seeded generator: results must be reproducible." },
        { selector: "CallExpression[callee.object.name='Decimal'][callee.property.name=/^(set|config)$/]", message: "Never configure the global Decimal: use the isolated clone in src/_lib/decimal.ts." },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/node.ts"],
    rules: { "no-console": "error" },
  },
);
