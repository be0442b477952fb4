// explainer search, over the index src/output/search.rs writes: bigrams of script-folded
// Chinese (宁波 and 寧波 are one key) and words of Latin letters and digits, in segments that
// each hold the postings of some articles, with the paragraphs' text in blocks.
//
// A query is words. A Latin word is a word key (ningbo, robots → robot) and also, through the
// dictionary shards, the Chinese words of the corpus that mean it (robot → 机器人); a paragraph
// is keyed by the pinyin and English names of the cities and places it names, so ningbo finds
// 寧波's paragraphs. Pages named by the query (cities, terms, documents) come first, then
// paragraphs: the whole phrase, then every word, then some. The counts are true: where postings
// only suggest a match (a Chinese word of three characters or more), candidates are checked
// against their text before they are counted. Results are shown 20 at a time, in the page's
// script, a re-published paragraph once with the articles that carry it.
const root = new URL("../", import.meta.url);
const hans = document.documentElement.lang === "zh-Hans";
const pageRoot = hans ? new URL("zh-Hans/", root) : root;
const t = (hant, hansText) => (hans ? hansText : hant);
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const results = document.getElementById("search-results");
const pagesList = document.getElementById("search-pages");
const status = document.getElementById("search-status");
const moreButton = document.getElementById("search-more");
const PER_PAGE = 20;
const KINDS = { city: t("城市", "城市"), term: t("術語", "术语"), document: t("文件", "文件") };
// As src/knowledge/english.rs.
const STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "with"]);

const cache = new Map();
const load = (path) => {
  if (!cache.has(path)) cache.set(path, fetch(new URL(path, root)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(path)))));
  return cache.get(path);
};
const isWord = (c) => /^[a-z0-9]$/.test(c);
const isRun = (c) => !isWord(c) && /[\p{L}\p{N}]/u.test(c);

/// Which shard of `shards` a key is in: FNV-1a over its first character's UTF-16 units.
function shardOf(key, shards) {
  const first = String.fromCodePoint(key.codePointAt(0));
  let hash = 0x811c9dc5;
  for (let i = 0; i < first.length; i++) {
    hash ^= first.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/// A Latin word as the index keys it (lowercase, a plural's ending off), or null for a stop word.
function englishKey(word) {
  if (!word || STOP_WORDS.has(word)) return null;
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/// Each char folded on its own, exactly as the index folded it (src/text/script.rs fold_char):
/// full-width to ASCII, lowercase, Latin letters without diacritics, then the corpus's table.
function foldChar(meta, c) {
  const code = c.codePointAt(0);
  let f = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : c;
  const lower = f.toLowerCase();
  if ([...lower].length === 1) f = lower;
  if (/[\u00c0-\u024f\u1e00-\u1eff]/u.test(f)) {
    const d = f.normalize("NFD");
    if (/^[a-z]\p{M}+$/u.test(d)) f = d[0];
  }
  return meta.fold[f] ?? f;
}
const fold = (meta, text) => [...text].map((c) => foldChar(meta, c));

/// The documents of every segment that hold `key` (or, `prefix`, any key it starts: a
/// one-character query), as numbers.
async function keyDocs(meta, key, prefix = false) {
  const sets = await Promise.all(meta.segments.map(async ([id, first, shards]) => {
    const postings = await load(`search/${id}/${shardOf(key, shards)}.json`);
    const keys = prefix ? Object.keys(postings).filter((k) => [...k].length === 2 && k.startsWith(key)) : [key];
    const out = [];
    for (const k of keys) if (postings[k]) out.push(...decode(postings[k], first));
    return out;
  }));
  return new Set(sets.flat());
}

/// LEB128 varint gaps in base64 → document numbers from `first`.
function decode(base64, first) {
  const bytes = atob(base64);
  const out = [];
  let doc = first, gap = 0, shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    gap += (b & 0x7f) * 2 ** shift;
    if (b & 0x80) shift += 7;
    else {
      doc += gap;
      out.push(doc);
      gap = 0;
      shift = 0;
    }
  }
  return out;
}

const intersect = (a, b) => (a === null ? b : new Set([...a].filter((d) => b.has(d))));

/// The documents holding every key of one way of reading a word: its Latin words and its
/// runs' bigrams (a superset for a run of three characters or more).
async function altDocs(meta, alt) {
  let hits = null;
  for (const token of alt.tokens) hits = intersect(hits, await keyDocs(meta, token));
  for (const run of alt.runs) {
    const chars = [...run];
    if (chars.length === 1) hits = intersect(hits, await keyDocs(meta, run, true));
    for (let i = 0; i + 1 < chars.length && hits?.size !== 0; i++) hits = intersect(hits, await keyDocs(meta, chars[i] + chars[i + 1]));
    if (hits?.size === 0) break;
  }
  return hits ?? new Set();
}

/// A word's parts: its Latin words as keys and its runs of other letters, as the index splits
/// text (src/output/search.rs text_keys).
function parts(folded) {
  const tokens = [], runs = [];
  let word = "", run = "";
  const flush = () => {
    const key = englishKey(word);
    if (key) tokens.push(key);
    if (run) runs.push(run);
    word = run = "";
  };
  for (const c of folded) {
    if (isWord(c)) {
      if (run) flush();
      word += c;
    } else if (isRun(c)) {
      if (word) flush();
      run += c;
    } else flush();
  }
  flush();
  return { tokens, runs };
}

/// The query as words, each with the ways it can be read: as written, and a Latin word also as
/// the Chinese words that mean it; the phrase the words make (寧波 制造 → 宁波制造).
async function parse(meta, query) {
  const words = [];
  for (const raw of new Set(query.trim().split(/\s+/))) {
    const folded = fold(meta, raw);
    const own = parts(folded);
    if (own.tokens.length === 0 && own.runs.length === 0) continue;
    const word = { text: folded.join(""), alts: [own], marks: [...own.runs, ...folded.join("").match(/[a-z0-9]+/g) ?? []] };
    if (own.runs.length === 0 && own.tokens.length === 1) {
      const key = own.tokens[0];
      const chinese = (await load(`search/en-${shardOf(key, meta.english)}.json`))[key] ?? [];
      for (const w of chinese) {
        word.alts.push({ tokens: [], runs: [w] });
        word.marks.push(w);
      }
    }
    words.push(word);
  }
  let phrase = "";
  for (const w of words) phrase += (phrase && /[a-z0-9]$/.test(phrase) && /^[a-z0-9]/.test(w.text) ? " " : "") + w.text;
  return { words, phrase };
}

/// A document's text block, its row and its article.
async function docRow(meta, doc) {
  const block = await load(`search/d${Math.floor(doc / meta.block)}.json`);
  const row = block.docs[doc % meta.block];
  return { block, row, seed: block.seeds[row[0]] };
}

/// A document's text as this page's script shows it.
function shownText(meta, row) {
  const [, , text, fix] = row;
  if (!hans) return text;
  if (typeof fix === "string") return fix;
  const chars = [...text].map((c) => meta.hans[c] ?? c);
  for (const [at, replacement] of fix ?? []) [...replacement].forEach((c, k) => (chars[at + k] = c));
  return chars.join("");
}

/// Whether folded text holds a word read one way (its Latin words are keys, exact already).
const holds = (folded, alt) => alt.runs.every((r) => folded.includes(r));
const needsCheck = (alt) => alt.runs.some((r) => [...r].length >= 3);

async function search(query) {
  const meta = await load("search/meta.json");
  const q = await parse(meta, query);
  if (q.words.length === 0) return null;
  // For each word and each way of reading it, the documents its keys say hold it.
  const altSets = await Promise.all(q.words.map((w) => Promise.all(w.alts.map((alt) => altDocs(meta, alt)))));
  // Where keys only suggest it, the text says: every such candidate is checked now (its block
  // loaded once), so that the counts are true.
  const toCheck = new Set();
  q.words.forEach((w, i) => w.alts.forEach((alt, k) => needsCheck(alt) && altSets[i][k].forEach((d) => toCheck.add(d))));
  const folded = new Map();
  await Promise.all([...toCheck].map(async (d) => folded.set(d, fold(meta, (await docRow(meta, d)).row[2]).join(""))));
  const found = new Map();
  q.words.forEach((w, i) => {
    const docs = new Set();
    w.alts.forEach((alt, k) => altSets[i][k].forEach((d) => {
      if (!needsCheck(alt) || holds(folded.get(d), alt)) docs.add(d);
    }));
    docs.forEach((d) => found.set(d, (found.get(d) ?? 0) + 1));
  });
  // The phrase, as far as keys tell; checked as results are shown.
  const phraseSet = q.words.length > 1 ? await altDocs(meta, parts([...q.phrase])) : new Set();
  const ranked = [...found].map(([doc, n]) => ({ doc, found: n, tier: phraseSet.has(doc) && n === q.words.length ? 3 : n === q.words.length ? 2 : 1 }));
  ranked.sort(byRank);
  const pages = await namedPages(q);
  const all = ranked.filter((c) => c.found === q.words.length).length;
  return { meta, q, pages, paragraphs: ranked, all, some: ranked.length - all };
}

const byRank = (a, b) => b.tier - a.tier || b.found - a.found || a.doc - b.doc;

/// How well a page's names (folded, one a line) match: 4 a name is the phrase, 3 a name holds
/// it, 2 every word, 1 some.
async function namedPages(q) {
  const out = [];
  for (const [url, kind, title, titleHans, label, names] of await load("search/pages.json")) {
    const keys = names.split("\n");
    const n = q.words.filter((w) => w.alts.some((alt) => keys.some((k) => alt.runs.every((r) => k.includes(r)) && alt.tokens.every((tk) => k.includes(tk))))).length;
    if (n === 0) continue;
    const exact = keys.includes(q.phrase) || keys.includes(q.phrase.replace(/ /g, ""));
    const tier = exact ? 4 : keys.some((k) => k.includes(q.phrase)) ? 3 : n === q.words.length ? 2 : 1;
    out.push({ url, kind, title: hans ? titleHans : title, label, tier, found: n, doc: out.length });
  }
  return out.sort(byRank);
}

/// The next `n` paragraphs of a search, each checked against its text for the phrase: one
/// that does not hold it goes back among those still to show.
async function nextParagraphs(found, n) {
  const { meta, q, paragraphs } = found;
  const out = [];
  while (out.length < n && paragraphs.length) {
    const c = paragraphs.shift();
    const { block, row, seed } = await docRow(meta, c.doc);
    const text = shownText(meta, row);
    const folded = fold(meta, text).join("");
    if (c.tier === 3 && !folded.includes(q.phrase)) {
      const checked = { ...c, tier: 2 };
      paragraphs.splice(paragraphs.findIndex((p) => byRank(checked, p) < 0) >>> 0, 0, checked);
      continue;
    }
    const copies = (row[4] ?? []).map(([s, p]) => ({ seed: block.seeds[s], p }));
    out.push({ seed, p: row[1], text, folded, copies });
  }
  return out;
}

/// The sentence around the first match, with every word of the query (as it matched) marked.
function snippet({ text, folded, seed }, q) {
  const chars = [...text];
  const low = [...folded];
  const marks = [...new Set(q.words.flatMap((w) => w.marks))].filter(Boolean);
  const at = (needle) => {
    const i = folded.indexOf(needle);
    return i < 0 ? -1 : [...folded.slice(0, i)].length;
  };
  // The phrase, else the first word found (a paragraph found by the name of a city it is about
  // may not write it: then its start).
  const positions = [at(q.phrase), ...marks.map(at)].filter((i) => i >= 0);
  const first = positions.length ? (at(q.phrase) >= 0 ? at(q.phrase) : Math.min(...positions)) : 0;
  const stop = (c) => "。！？!?；".includes(c);
  let from = first;
  while (from > 0 && !stop(chars[from - 1])) from--;
  let to = first + 1;
  while (to < chars.length && !stop(chars[to - 1] ?? "")) to++;
  const marked = new Array(to - from).fill(false);
  for (const w of marks) {
    const len = [...w].length;
    for (let i = from; i + len <= to; i++) {
      if (low.slice(i, i + len).join("") === w) for (let k = 0; k < len; k++) marked[i - from + k] = true;
    }
  }
  const p = document.createElement("p");
  if (seed[3]) p.lang = seed[3];
  let run = "";
  let inMark = false;
  const flush = () => {
    if (!run) return;
    if (inMark) {
      const m = document.createElement("mark");
      m.textContent = run;
      p.append(m);
    } else p.append(run);
    run = "";
  };
  for (let i = from; i < to; i++) {
    if (marked[i - from] !== inMark) {
      flush();
      inMark = marked[i - from];
    }
    run += chars[i];
  }
  flush();
  return p;
}

/// A link to a paragraph of an article, titled by the article.
function sourceLink(seed, p, label = null) {
  const a = document.createElement("a");
  a.href = new URL(`source/${seed[0]}/index.html#${p}`, pageRoot).href;
  a.textContent = label ?? (hans ? seed[2] : seed[1]);
  if (seed[3] && !label) a.lang = seed[3];
  return a;
}

let current = null;

async function showMore() {
  const found = current;
  moreButton.hidden = true;
  const hits = await nextParagraphs(found, PER_PAGE);
  if (found !== current) return;
  for (const hit of hits) {
    const li = document.createElement("li");
    li.append(snippet(hit, found.q), sourceLink(hit.seed, hit.p));
    // A re-published paragraph is one result, crediting every article that carries it.
    for (const copy of hit.copies) li.append(" ", sourceLink(copy.seed, copy.p, t(`亦見 ${copy.seed[1]}`, `亦见 ${copy.seed[2]}`)));
    results.append(li);
  }
  found.shown += hits.length;
  report(found);
  moreButton.hidden = found.paragraphs.length === 0;
}

function report(found) {
  const pages = found.pages.length ? t(`${found.pages.length} 個頁面、`, `${found.pages.length} 个页面、`) : "";
  const total = found.all + found.some;
  const paragraphs = found.q.words.length > 1
    ? t(`${found.all} 段報道含全部字詞、${found.some} 段只含部分`, `${found.all} 段报道含全部字词、${found.some} 段只含部分`)
    : t(`${total} 段報道`, `${total} 段报道`);
  const shown = total > found.shown ? t(`,顯示前 ${found.shown} 段`, `,显示前 ${found.shown} 段`) : "";
  status.textContent = t(`找到 ${pages}${paragraphs}${shown}`, `找到 ${pages}${paragraphs}${shown}`);
}

async function run() {
  const query = input.value;
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.replaceState(null, "", url);
  results.replaceChildren();
  pagesList.replaceChildren();
  moreButton.hidden = true;
  current = null;
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = t("搜尋中…", "搜索中…");
  try {
    const found = await search(query);
    if (!found) {
      status.textContent = t("請輸入要找的字詞。", "请输入要找的字词。");
      return;
    }
    current = Object.assign(found, { shown: 0 });
    for (const page of found.pages) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = new URL(page.url, pageRoot).href;
      a.append(Object.assign(document.createElement("span"), { className: "result-kind", textContent: KINDS[page.kind] ?? page.kind }), " ", page.title);
      li.append(a);
      if (page.label) li.append(" ", Object.assign(document.createElement("span"), { className: "alt", lang: "en", textContent: page.label }));
      pagesList.append(li);
    }
    await showMore();
  } catch {
    status.textContent = t("無法載入搜尋索引。", "无法载入搜索索引。");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
moreButton.addEventListener("click", () => showMore());
input.value = new URLSearchParams(location.search).get("q") ?? "";
if (input.value) run();
