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

/* A word: a decimal number as one token («83,3», «1.2»; comma and point alike), or a run of
 * letters and digits — as WORD in shnor_site/search/text.py. */
const WORD = /(?<![\p{Nd}.,])\p{Nd}+[.,]\p{Nd}+(?![.,]?\p{Nd})|[\p{L}\p{N}]+/gu;
const CYRILLIC = /[а-я]/;
const normalise = (text) => text.normalize("NFC").toLowerCase().replace(/ё/g, "е");
const decimalComma = (word) => word.replace(".", ",");

/** Lower-case words of a text, as the index sees them (stop words kept). */
export function words(text) {
  return (normalise(text).match(WORD) || []).map(decimalComma);
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

/* Inverse of quantise() in shnor_site/search/index.py; the high bit marks a term of the
 * document's own name. */
const NAME_BIT = 0x80;
const score = (q) => (2 ** ((q & 0x7f) / 16) - 1) / 8;
/* Completions of a last word whose stem is found too count this much; a one-letter typo's
 * neighbours, this much. */
const COMPLETION_WEIGHT = 0.4;
const FUZZY_WEIGHT = 0.6;
const RETRIES = 2;

/** A search that could not run: kind "missing" (no index on the site) or "offline". */
export class SearchError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

/* fetch() with retries: a dropped request or a server error is tried again; 404 is final. */
async function fetchRetry(url) {
  for (let attempt = 0; ; attempt++) {
    let response = null;
    try {
      response = await fetch(url);
    } catch (err) {
      if (attempt >= RETRIES) throw new SearchError("offline", `${url}: ${err.message}`);
    }
    if (response && response.ok) return response;
    if (response && response.status === 404) throw new SearchError("missing", `${url}: HTTP 404`);
    if (response && attempt >= RETRIES) throw new SearchError("offline", `${url}: HTTP ${response.status}`);
    await new Promise((done) => setTimeout(done, 250 * (attempt + 1)));
  }
}

/* Whether two words differ by one letter added, dropped, changed or two swapped. */
function oneEdit(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ra = a.slice(i + 1), rb = b.slice(i + 1);
  return ra === rb || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

class SearchIndex {
  constructor(base, meta) {
    this.base = base;
    this.meta = meta;
    this.stop = new Set(meta.stop);
    this.types = meta.types.map(([label, first, last], i) => ({
      label, first, last, rank: meta.typeRank ? meta.typeRank[i] : i }));
    this.cache = new Map();
  }

  /* A promise kept for `key`; a failed one is forgotten, so the next call tries again. */
  cached(key, make) {
    if (!this.cache.has(key)) {
      const made = make();
      made.catch(() => { if (this.cache.get(key) === made) this.cache.delete(key); });
      this.cache.set(key, made);
    }
    return this.cache.get(key);
  }

  fetchOnce(path, kind) {
    return this.cached(path, () => fetchRetry(new URL(path, this.base))
      .then((r) => (kind === "json" ? r.json() : r.arrayBuffer())));
  }

  async entry(term) {
    const n = fnv1a(term) % this.meta.shards;
    const terms = await this.cached(`t/${n}`, () => this.fetchOnce(`t/${n}.bin`, "bin").then(parseTerms));
    return terms.get(term) || null;
  }

  /* [term, document count] of the terms sharing the first two letters' file. */
  async neighbourhood(word) {
    const n = fnv1a(word.slice(0, 2)) % this.meta.prefixes;
    return this.fetchOnce(`p/${n}.json`, "json");
  }

  /* Terms starting with a partly typed word, most frequent first. */
  async completions(word, limit = 5) {
    return (await this.neighbourhood(word)).filter(([t]) => t.startsWith(word) && t !== word)
      .sort((a, b) => b[1] - a[1]).slice(0, limit).map(([t]) => t);
  }

  /* Terms one letter away from a word with no postings (a typo), most frequent first. */
  async neighbours(word, limit = 3) {
    if (word.length < 4) return [];
    return (await this.neighbourhood(word)).filter(([t]) => oneEdit(word, t))
      .sort((a, b) => b[1] - a[1]).slice(0, limit).map(([t]) => t);
  }

  /* One query word: its stem's postings; the last word, being typed, also its stem's
   * completions (weaker when the stem itself is found); a word found nowhere, its one-letter
   * neighbours. Postings: id → {s: score, name: in the document's name}. */
  async word(w, typing) {
    const t = stem(w);
    const exact = await this.entry(t);
    const weighted = exact ? [[exact, 1]] : [];
    let prefixes = [], fuzzy = [];
    if (typing && t.length >= 3) {
      prefixes = await this.completions(t, exact ? 3 : 5);
      const found = (await Promise.all(prefixes.map((p) => this.entry(p)))).filter(Boolean);
      weighted.push(...found.map((e) => [e, exact ? COMPLETION_WEIGHT : 1]));
    }
    if (!weighted.length) {
      fuzzy = await this.neighbours(t);
      const found = (await Promise.all(fuzzy.map((f) => this.entry(f)))).filter(Boolean);
      weighted.push(...found.map((e) => [e, FUZZY_WEIGHT]));
    }
    const best = new Map();
    for (const [e, weight] of weighted) {
      for (const [id, q] of decodePostings(e)) {
        const name = (q & NAME_BIT) !== 0;
        /* A completion found in a name is as good as the word itself («Каргасок» →
         * «Каргасокский район»); in running text it counts much less. */
        const s = score(q) * (name && weight === COMPLETION_WEIGHT ? 1 : weight);
        /* Per document, a name posting wins over text postings of the same word: name
         * scores are comparable between records, text scores are not. */
        const had = best.get(id);
        if (!had || (name && !had.name) || (name === had.name && s > had.s)) best.set(id, { s, name });
      }
    }
    return { word: w, stem: t, prefixes, fuzzy, postings: best,
      truncated: weighted.some(([e]) => e.count < e.df) };
  }

  /* Tie order of a document's type (municipality, school, organisation, programme, …). */
  typeRank(id) {
    const block = Math.floor(id / this.meta.block);
    const type = this.types.find((x) => x.first <= block && block <= x.last);
    return type ? type.rank : this.types.length;
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
        for (const [id, { s, name }] of p.postings) {
          const hit = found.get(id) || { score: 0, hits: 0, names: 0 };
          hit.score += s;
          hit.hits += 1;
          hit.names += name ? 1 : 0;
          found.set(id, hit);
        }
      }
    } else {
      for (const set of facetSets) {
        for (const [id, n] of set) {
          const hit = found.get(id) || { score: 0, hits: 0, names: 0 };
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
    /* The more query words a result's own name (or heading) holds, the higher it stands: a
     * record named by every word comes first. Then the score; a tie goes to the type order
     * (municipality, school, organisation, programme, practice, event). */
    rows.sort((a, b) => b[1].names - a[1].names || b[1].score - a[1].score
      || this.typeRank(a[0]) - this.typeRank(b[0]) || a[0] - b[0]);
    return { ids: rows.map(([id]) => id), scores: rows.map(([, h]) => h.score),
      total: rows.length, partial,
      truncated: parts.some((p) => p.truncated),
      stems: parts.flatMap((p) => [p.stem, ...p.fuzzy]),
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
  const r = await fetchRetry(new URL("meta.json", base));
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
    const w = decimalComma(normalise(m[0]));
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
