/* shnor-site search engine (ES module): queries the static index in search-index/, written by
 * shnor_site/search/files.py. A query fetches meta.json once, then one term file per word
 * and the document blocks of the results shown — tens of kilobytes on any size of site.
 *
 * Words are found as on the server (shnor_site/search/text.py): NFC, lower case, «ё» → «е»,
 * runs of letters and digits, stop words dropped, Cyrillic words reduced to their Snowball
 * stem. The stemmer below implements the Snowball Russian algorithm
 * (https://snowballstem.org/algorithms/russian/stemmer.html); tests/test_search_stemmer.py
 * checks it against the Python stemmer on every word of the site. */

const VOWELS = new Set("аеиоуыэюя");
const G1 = 1, G2 = 2;
const pairs = (text, group) => text.split(" ").map((s) => [s, group]);
const GERUND = [...pairs("в вши вшись", G1), ...pairs("ив ивши ившись ыв ывши ывшись", G2)];
const ADJECTIVE = pairs("ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею", G2);
const PARTICIPLE = [...pairs("ем нн вш ющ щ", G1), ...pairs("ивш ывш ующ", G2)];
const REFLEXIVE = pairs("ся сь", G2);
const VERB = [...pairs("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно", G1),
  ...pairs("ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю", G2)];
const NOUN = pairs("а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я", G2);
const DERIVATIONAL = pairs("ост ость", G2);
const TIDY = [["ейше", 1], ["н", 2], ["ейш", 1], ["ь", 3]];

/* Positions after the first vowel (RV) and the start of R2. */
function regions(w) {
  let rv = w.length, r2 = w.length, i = 0;
  while (i < w.length && !VOWELS.has(w[i])) i++;
  if (i === w.length) return [rv, r2];
  rv = i + 1;
  const skip = (j, vowel) => { while (j < w.length && VOWELS.has(w[j]) === vowel) j++; return j; };
  let j = skip(rv, true);
  if (j < w.length) j = skip(j + 1, false);
  if (j < w.length) j = skip(j + 1, true);
  if (j < w.length) r2 = j + 1;
  return [rv, r2];
}

/** The Snowball stem of a lower-case Russian word. */
export function stemRussian(word) {
  const w = word.replace(/ё/g, "е");
  const [rv, r2] = regions(w);
  let end = w.length;
  const longest = (list) => {
    let best = null;
    for (const entry of list) {
      const s = entry[0];
      if (s.length <= end - rv && w.endsWith(s, end) && (!best || s.length > best[0].length)) best = entry;
    }
    return best;
  };
  /* Remove the longest ending of the list; group 1 endings must follow «а» or «я». */
  const cut = (list) => {
    const hit = longest(list);
    if (!hit) return false;
    const start = end - hit[0].length;
    if (hit[1] === G1 && (start - 1 < rv || (w[start - 1] !== "а" && w[start - 1] !== "я"))) return false;
    end = start;
    return true;
  };
  if (!cut(GERUND)) {
    cut(REFLEXIVE);
    if (cut(ADJECTIVE)) cut(PARTICIPLE);
    else if (!cut(VERB)) cut(NOUN);
  }
  if (end > rv && w[end - 1] === "и") end--;
  const der = longest(DERIVATIONAL);
  if (der && end - der[0].length >= r2) end -= der[0].length;
  const tidy = longest(TIDY);
  const doubleN = () => end - 2 >= rv && w[end - 1] === "н" && w[end - 2] === "н";
  if (tidy && tidy[1] === 1) {
    end -= tidy[0].length;
    if (doubleN()) end--;
  } else if (tidy && tidy[1] === 2) {
    if (doubleN()) end--;
  } else if (tidy) {
    end--;
  }
  return w.slice(0, end);
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /[а-я]/;

/** Lower-case words of a text, as the index sees them (stop words kept). */
export function words(text) {
  return text.normalize("NFC").toLowerCase().replace(/ё/g, "е").match(WORD) || [];
}

/** The index form of a lower-case word. */
export function stem(word) {
  return CYRILLIC.test(word) ? stemRussian(word) : word;
}

/* 32-bit FNV-1a of the UTF-8 bytes, as shnor_site/search/files.py. */
const encoder = new TextEncoder();
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

const decoder = new TextDecoder();

/* Terms of one term file: term → {df, count, bytes}. */
function parseTerms(buffer) {
  const data = new Uint8Array(buffer);
  let at = 0;
  const varint = () => {
    let n = 0, shift = 0, byte;
    do { byte = data[at++]; n += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return n;
  };
  const terms = new Map();
  for (let left = varint(); left > 0; left--) {
    const len = varint();
    const term = decoder.decode(data.subarray(at, at + len));
    at += len;
    const df = varint(), count = varint(), size = varint();
    terms.set(term, { df, count, bytes: data.subarray(at, at + size) });
    at += size;
  }
  return terms;
}

/* Postings of a term: Map document id → score byte. */
function decodePostings(entry) {
  const out = new Map(), data = entry.bytes;
  let at = 0, id = 0;
  while (at < data.length) {
    let gap = 0, shift = 0, byte;
    do { byte = data[at++]; gap += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    id += gap;
    out.set(id, data[at++]);
  }
  return out;
}

/* Inverse of quantise() in shnor_site/search/index.py. */
const score = (q) => (2 ** (q / 32) - 1) / 8;

class SearchIndex {
  constructor(base, meta) {
    this.base = base;
    this.meta = meta;
    this.stop = new Set(meta.stop);
    this.types = meta.types.map(([label, first, last]) => ({ label, first, last }));
    this.cache = new Map();
  }

  fetchOnce(path, kind) {
    if (!this.cache.has(path)) {
      this.cache.set(path, fetch(new URL(path, this.base)).then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return kind === "json" ? r.json() : r.arrayBuffer();
      }));
    }
    return this.cache.get(path);
  }

  async entry(term) {
    const n = fnv1a(term) % this.meta.shards;
    const key = `t/${n}`;
    if (!this.cache.has(key)) this.cache.set(key, this.fetchOnce(`t/${n}.bin`, "bin").then(parseTerms));
    return (await this.cache.get(key)).get(term) || null;
  }

  /* Terms starting with a partly typed word, most frequent first. */
  async completions(word, limit = 5) {
    const n = fnv1a(word.slice(0, 2)) % this.meta.prefixes;
    const list = await this.fetchOnce(`p/${n}.json`, "json");
    return list.filter(([t]) => t.startsWith(word)).sort((a, b) => b[1] - a[1])
      .slice(0, limit).map(([t]) => t);
  }

  /* One query word: its stem's postings, or while it is being typed, its completions'. */
  async word(w, typing) {
    const t = stem(w);
    const exact = await this.entry(t);
    let entries = exact ? [exact] : [];
    let prefixes = [];
    if (!exact && typing && w.length >= 3) {
      prefixes = await this.completions(w);
      entries = (await Promise.all(prefixes.map((p) => this.entry(p)))).filter(Boolean);
    }
    const best = new Map();
    for (const e of entries) {
      for (const [id, q] of decodePostings(e)) if (!(q <= best.get(id))) best.set(id, q);
    }
    return { word: w, stem: t, prefixes, postings: best,
      truncated: entries.some((e) => e.count < e.df) };
  }

  async places() {
    return this.fetchOnce("places.json", "json");
  }

  /* Block ranges a filter allows, or null for no filter. */
  async ranges({ type, place } = {}) {
    let ranges = null;
    const typeIndex = type ? this.types.findIndex((t) => t.label === type) : -1;
    if (type) ranges = typeIndex < 0 ? [] : [[this.types[typeIndex].first, this.types[typeIndex].last]];
    if (place) {
      const found = (await this.places()).find((p) => p[0] === place);
      const own = found ? found[3].filter((r) => typeIndex < 0 || r[0] === typeIndex)
        .map((r) => [r[1], r[2]]) : [];
      ranges = own;
    }
    return ranges;
  }

  /* Documents carrying a facet value of every group (within a group: any value). */
  async facetSets(facets) {
    const sets = [];
    for (const [key, values] of Object.entries(facets || {})) {
      if (!values.length) continue;
      const set = new Map();
      for (const v of values) {
        const e = await this.entry(`~${key}:${v}`);
        if (e) for (const id of decodePostings(e).keys()) set.set(id, (set.get(id) || 0) + 1);
      }
      sets.push(set);
    }
    return sets;
  }

  /**
   * Search. Options: type (a type label), place (a municipality name), facets
   * ({key: [slugs]}: every group must match), anyFacets (rank by how many facet values
   * match instead: the score is then the number of matching values). Returns {ids, scores,
   * total, truncated, partial, stems, prefixes}.
   */
  async search(query, options = {}) {
    const typing = !/\s$/.test(query);
    const list = [...new Set(words(query).filter((w) => !this.stop.has(w)))];
    const parts = await Promise.all(list.map((w, i) => this.word(w, typing && i === list.length - 1)));
    const ranges = await this.ranges(options);
    const facetSets = await this.facetSets(options.facets);
    const allowed = (id) => {
      const block = Math.floor(id / this.meta.block);
      if (ranges && !ranges.some(([a, b]) => a <= block && block <= b)) return false;
      return options.anyFacets || facetSets.every((s) => s.has(id));
    };
    const found = new Map();
    if (parts.length) {
      for (const p of parts) {
        for (const [id, q] of p.postings) {
          const hit = found.get(id) || { score: 0, hits: 0 };
          hit.score += score(q);
          hit.hits += 1;
          found.set(id, hit);
        }
      }
    } else {
      for (const set of facetSets) {
        for (const [id, n] of set) {
          const hit = found.get(id) || { score: 0, hits: 0 };
          hit.score += n;
          found.set(id, hit);
        }
      }
    }
    let need = parts.length;
    let rows = [...found].filter(([id, h]) => h.hits === need && allowed(id));
    let partial = false;
    if (!rows.length && parts.length > 1) {
      need = Math.max(0, ...[...found].filter(([id]) => allowed(id)).map(([, h]) => h.hits));
      rows = need ? [...found].filter(([id, h]) => h.hits === need && allowed(id)) : [];
      partial = rows.length > 0;
    }
    rows.sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    return { ids: rows.map(([id]) => id), scores: rows.map(([, h]) => h.score),
      total: rows.length, partial,
      truncated: parts.some((p) => p.truncated), stems: parts.map((p) => p.stem),
      prefixes: parts.flatMap((p) => p.prefixes) };
  }

  /** A document: {id, url, title, type, place, excerpt}. */
  async doc(id) {
    const block = Math.floor(id / this.meta.block);
    const entries = await this.fetchOnce(`d/${block}.json`, "json");
    const [url, title, type, place, excerpt] = entries[id % this.meta.block];
    return { id, url, title, type: this.types[type].label, place, excerpt };
  }
}

/** Open the index under `base` (a URL ending in /search-index/). */
export async function openIndex(base) {
  const r = await fetch(new URL("meta.json", base));
  if (!r.ok) throw new Error(`search index not found: HTTP ${r.status}`);
  return new SearchIndex(base, await r.json());
}

/**
 * Split a text into [text, marked] pieces around the words that match the query (same stem,
 * or a typed prefix), cut to about `length` words around the first match.
 */
export function highlight(text, stems, prefixes = [], length = 30) {
  const want = new Set(stems);
  const tokens = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (m.index > last) tokens.push([text.slice(last, m.index), false, false]);
    const w = m[0].normalize("NFC").toLowerCase().replace(/ё/g, "е");
    const hit = want.has(stem(w)) || prefixes.some((p) => w.startsWith(p));
    tokens.push([m[0], hit, true]);
    last = m.index + m[0].length;
  }
  if (last < text.length) tokens.push([text.slice(last), false, false]);
  const wordsAt = tokens.map((t, i) => (t[2] ? i : -1)).filter((i) => i >= 0);
  const first = tokens.findIndex((t) => t[1]);
  const pos = first < 0 ? 0 : wordsAt.indexOf(first);
  const from = Math.max(0, pos - Math.floor(length / 3));
  const to = Math.min(wordsAt.length, from + length);
  if (!wordsAt.length) return [[text, false]];
  const start = from === 0 ? 0 : wordsAt[from];
  const end = to >= wordsAt.length ? tokens.length : wordsAt[to];
  const pieces = tokens.slice(start, end).map(([t, hit]) => [t, hit]);
  if (start > 0) pieces.unshift(["…", false]);
  if (end < tokens.length) pieces.push(["…", false]);
  return pieces;
}
