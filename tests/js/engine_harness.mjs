// Runs docs/assets/search-engine.js under Node for tests/test_search_engine.py: fetch() reads
// the index from disk; stdin is a JSON list of calls, stdout the JSON list of their results.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const [enginePath] = process.argv.slice(2);
const engine = await import(pathToFileURL(enginePath).href);

// A call may make some requests fail: {pattern, times, status} (status 0: a network error).
let failing = null;
// Bytes of every file read through fetch(), by URL (the "cost" call reports them).
const fetched = new Map();

globalThis.fetch = async (url) => {
  if (failing && String(url).includes(failing.pattern) && failing.times > 0) {
    failing.times--;
    if (!failing.status) throw new TypeError("Failed to fetch");
    return { ok: false, status: failing.status };
  }
  let data = null;
  try { data = readFileSync(fileURLToPath(url)); } catch { data = null; }
  if (data !== null) fetched.set(String(url), data.length);
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
  failing = call.fail ? { ...call.fail } : null;
  try {
    out.push(await run(call));
  } catch (err) {
    out.push({ error: err.kind || String(err) });
  }
}
process.stdout.write(JSON.stringify(out));

async function run(call) {
  if (call.op === "stem") return call.words.map(engine.stem);
  if (call.op === "npm-stem") {
    // The npm port of the Snowball stemmers (package.json), resolved from the repository.
    const require = createRequire(new URL("../../package.json", import.meta.url));
    const russian = require("snowball-stemmers").newStemmer("russian");
    return call.words.map((w) => russian.stem(w));
  }
  if (call.op === "words") return call.texts.map(engine.words);
  if (call.op === "fnv1a") return call.texts.map(engine.fnv1a);
  if (call.op === "highlight") return engine.highlight(call.text, call.stems, call.prefixes || [], call.length || 30);
  if (call.op === "cost") {
    // A first query in an empty browser: meta.json, term files, the first `docs` documents.
    fetched.clear();
    const index = await engine.openIndex(pathToFileURL(call.index + "/"));
    const found = await index.search(call.query, call.options || {});
    await Promise.all(found.ids.slice(0, call.docs || 10).map((id) => index.doc(id)));
    return { total: found.total, bytes: [...fetched.values()].reduce((a, b) => a + b, 0),
      files: fetched.size };
  }
  if (call.fresh) indexes.delete(call.index);  // an empty cache, as a newly opened page
  if (!indexes.has(call.index)) indexes.set(call.index, await engine.openIndex(pathToFileURL(call.index + "/")));
  const index = indexes.get(call.index);
  if (call.op === "search") {
    const found = await index.search(call.query, call.options || {});
    found.docs = await Promise.all(found.ids.slice(0, call.docs || 0).map((id) => index.doc(id)));
    return found;
  }
  if (call.op === "doc") return Promise.all(call.ids.map((id) => index.doc(id)));
  return { error: `unknown op ${call.op}` };
}
