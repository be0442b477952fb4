// explainer search: a character-bigram index over script-folded text, loaded in shards.
// 宁波 and 寧波 fold to the same characters, so either script finds both; Níngbō folds to
// ningbo. Several words (寧波 制造) find what has them all first, then what has some. Pages
// named by the query (cities, terms, documents) come before paragraphs; paragraphs rank by the
// whole phrase, then all words, then how many words. The count is true: where the postings give
// a superset (words of three characters or more), candidates are checked against their text
// first. Results are shown 20 at a time.
const root = new URL("../", import.meta.url);
const hans = document.documentElement.lang === "zh-Hans";
const pageRoot = hans ? new URL("zh-Hans/", root) : root;
const t = (hant, hansText) => (hans ? hansText : hant);
const suffix = hans ? ".zh-Hans.json" : ".json";
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const results = document.getElementById("search-results");
const pagesList = document.getElementById("search-pages");
const status = document.getElementById("search-status");
const moreButton = document.getElementById("search-more");
const PER_PAGE = 20;
const KINDS = { city: t("城市", "城市"), term: t("術語", "术语"), document: t("文件", "文件") };

const cache = new Map();
const load = (path) => {
  if (!cache.has(path)) cache.set(path, fetch(new URL(path, root)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(path)))));
  return cache.get(path);
};
const indexed = (c) => /[\p{L}\p{N}]/u.test(c);

function fnv(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
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

function grams(chars) {
  const out = new Set();
  chars.forEach((c, i) => {
    if (!indexed(c)) return;
    if (i + 1 < chars.length && indexed(chars[i + 1])) out.add(c + chars[i + 1]);
  });
  if (out.size === 0) chars.filter(indexed).forEach((c) => out.add(c));
  return out;
}

/// The documents holding every gram of `chars` (a superset of those holding the text itself
/// only when it is longer than two characters).
async function candidates(meta, chars) {
  let hits = null;
  for (const gram of grams(chars)) {
    const shard = String(fnv(gram) % meta.shards).padStart(2, "0");
    const postings = new Set((await load(`search/postings-${shard}.json`))[gram] ?? []);
    hits = hits === null ? postings : new Set([...hits].filter((d) => postings.has(d)));
    if (hits.size === 0) break;
  }
  return hits ?? new Set();
}

/// The query as words (folded), and the phrase they make: 寧波 制造 is the phrase 宁波制造,
/// ningbo ai is "ningbo ai".
function parse(meta, query) {
  const words = [...new Set(query.trim().split(/\s+/).map((w) => fold(meta, w).join("")).filter((w) => [...w].some(indexed)))];
  let phrase = "";
  for (const w of words) {
    const joinsLatin = /[a-z0-9]$/.test(phrase) && /^[a-z0-9]/.test(w);
    phrase += (phrase && joinsLatin ? " " : "") + w;
  }
  return { words, phrase };
}

/// How well a folded text matches: 3 the phrase, 2 every word, 1 some; and how many words.
function rank(folded, query) {
  const found = query.words.filter((w) => folded.includes(w)).length;
  if (found === 0) return null;
  const tier = folded.includes(query.phrase) ? 3 : found === query.words.length ? 2 : 1;
  return { tier, found };
}
const byRank = (a, b) => b.tier - a.tier || b.found - a.found || a.doc - b.doc;

async function search(query) {
  const meta = await load("search/meta.json");
  const q = parse(meta, query);
  if (q.words.length === 0) return null;
  const sets = await Promise.all(q.words.map((w) => candidates(meta, [...w])));
  const phraseSet = q.words.length > 1 ? await candidates(meta, [...q.phrase]) : sets[0];
  // What the postings say of each candidate; checked against its text when shown.
  const guess = new Map();
  sets.forEach((set) => set.forEach((d) => guess.set(d, (guess.get(d) ?? 0) + 1)));
  const ranked = [...guess].map(([doc, found]) => ({
    doc, found, tier: phraseSet.has(doc) ? 3 : found === q.words.length ? 2 : 1,
  }));
  ranked.sort(byRank);
  // Pages are few: every one is checked now. An exact name comes first.
  const pages = [];
  for (const c of ranked.filter((c) => c.doc >= meta.docs)) {
    const k = c.doc - meta.docs;
    const [url, kind, title, label, names] = (await load(`search/pages-${Math.floor(k / meta.chunk)}${suffix}`))[k % meta.chunk];
    const keys = names.split("\n");
    const r = rank(keys.join("\n"), q);
    if (!r) continue;
    const exact = keys.includes(q.phrase) || keys.includes(q.phrase.replace(/ /g, ""));
    pages.push({ url, kind, title, label, tier: exact ? 4 : r.tier, found: r.found, doc: c.doc });
  }
  pages.sort(byRank);
  let paragraphs = ranked.filter((c) => c.doc < meta.docs);
  // The postings are exact for a word of one or two characters. For longer words, or a phrase
  // of several, they give a superset: every candidate's text is checked now (its chunk loaded
  // once), so that the count is true and the order is by what the text really holds.
  const exactGrams = (w) => [...w].length <= 2 && [...w].every(indexed);
  if (!(q.words.every(exactGrams) && (q.words.length === 1 || exactGrams(q.phrase)))) {
    const chunkOf = (c) => Math.floor(c.doc / meta.chunk);
    const chunks = new Map(await Promise.all([...new Set(paragraphs.map(chunkOf))].map(async (k) => [k, await load(`search/docs-${k}${suffix}`)])));
    paragraphs = paragraphs.flatMap((c) => {
      const r = rank(fold(meta, chunks.get(chunkOf(c))[c.doc % meta.chunk][2]).join(""), q);
      return r ? [{ ...c, ...r }] : [];
    });
    paragraphs.sort(byRank);
  }
  return { meta, q, pages, paragraphs };
}

/// The next `n` paragraphs of a search, checked against their text: one that does not match as
/// well as its postings said goes back among those still to show, one that does not match at
/// all is dropped.
async function nextParagraphs(found, n) {
  const { meta, q, paragraphs } = found;
  const out = [];
  while (out.length < n && paragraphs.length) {
    const c = paragraphs.shift();
    const [url, title, text, lang] = (await load(`search/docs-${Math.floor(c.doc / meta.chunk)}${suffix}`))[c.doc % meta.chunk];
    const folded = fold(meta, text).join("");
    const r = rank(folded, q);
    if (!r) continue;
    const checked = { ...c, ...r };
    if (byRank(checked, paragraphs[0] ?? checked) > 0) {
      paragraphs.splice(paragraphs.findIndex((p) => byRank(checked, p) < 0) >>> 0, 0, checked);
      continue;
    }
    out.push({ url, title, text, lang, folded, ...r });
  }
  return out;
}

/// The sentence around the first match, with every word of the query marked.
function snippet({ text, folded, lang }, q) {
  const chars = [...text];
  const low = [...folded];
  const at = (needle) => {
    const i = folded.indexOf(needle);
    return i < 0 ? -1 : [...folded.slice(0, i)].length;
  };
  let first = at(q.phrase);
  if (first < 0) first = Math.max(0, Math.min(...q.words.map(at).filter((i) => i >= 0)));
  const stop = (c) => "。！？!?；".includes(c);
  let from = first;
  while (from > 0 && !stop(chars[from - 1])) from--;
  let to = first + 1;
  while (to < chars.length && !stop(chars[to - 1] ?? "")) to++;
  // Marked ranges within the sentence, merged.
  const marked = new Array(to - from).fill(false);
  for (const w of q.words) {
    const len = [...w].length;
    for (let i = from; i + len <= to; i++) {
      if (low.slice(i, i + len).join("") === w) for (let k = 0; k < len; k++) marked[i - from + k] = true;
    }
  }
  const p = document.createElement("p");
  if (lang) p.lang = lang;
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

let current = null;

async function showMore() {
  const found = current;
  moreButton.hidden = true;
  const hits = await nextParagraphs(found, PER_PAGE);
  if (found !== current) return;
  for (const hit of hits) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = new URL(hit.url, pageRoot).href;
    a.textContent = hit.title;
    if (hit.lang) a.lang = hit.lang;
    li.append(snippet(hit, found.q), a);
    results.append(li);
  }
  found.shown += hits.length;
  found.total = found.shown + found.paragraphs.length;
  report(found);
  moreButton.hidden = found.paragraphs.length === 0;
}

function report(found) {
  const n = found.total;
  const pages = found.pages.length ? t(`${found.pages.length} 個頁面、`, `${found.pages.length} 个页面、`) : "";
  const shown = n > found.shown ? t(`,顯示前 ${found.shown} 段`, `,显示前 ${found.shown} 段`) : "";
  status.textContent = t(`找到 ${pages}${n} 段報道${shown}`, `找到 ${pages}${n} 段报道${shown}`);
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
    current = Object.assign(found, { shown: 0, total: found.paragraphs.length });
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
