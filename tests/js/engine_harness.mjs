// Runs docs/assets/search-engine.js under Node for tests/test_search_engine.py: fetch() reads
// the index from disk; stdin is a JSON list of calls, stdout the JSON list of their results.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const [enginePath] = process.argv.slice(2);
const engine = await import(pathToFileURL(enginePath).href);

globalThis.fetch = async (url) => {
  let data = null;
  try { data = readFileSync(fileURLToPath(url)); } catch { data = null; }
  return {
    ok: data !== null,
    status: data === null ? 404 : 200,
    json: async () => JSON.parse(data.toString("utf8")),
    arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  };
};

const calls = JSON.parse(readFileSync(0, "utf8"));
const out = [];
const indexes = new Map();
for (const call of calls) {
  if (call.op === "stem") out.push(call.words.map(engine.stem));
  else if (call.op === "npm-stem") {
    // The npm port of the Snowball stemmers (package.json), resolved from the repository.
    const require = createRequire(new URL("../../package.json", import.meta.url));
    const russian = require("snowball-stemmers").newStemmer("russian");
    out.push(call.words.map((w) => russian.stem(w)));
  }
  else if (call.op === "words") out.push(call.texts.map(engine.words));
  else if (call.op === "fnv1a") out.push(call.texts.map(engine.fnv1a));
  else if (call.op === "highlight") out.push(engine.highlight(call.text, call.stems, call.prefixes || [], call.length || 30));
  else {
    if (!indexes.has(call.index)) indexes.set(call.index, await engine.openIndex(pathToFileURL(call.index + "/")));
    const index = indexes.get(call.index);
    if (call.op === "search") {
      const found = await index.search(call.query, call.options || {});
      found.docs = await Promise.all(found.ids.slice(0, call.docs || 0).map((id) => index.doc(id)));
      out.push(found);
    } else if (call.op === "doc") out.push(await Promise.all(call.ids.map((id) => index.doc(id))));
    else out.push({ error: `unknown op ${call.op}` });
  }
}
process.stdout.write(JSON.stringify(out));
