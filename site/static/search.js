// explainer search: a character-bigram index over script-folded text, loaded in shards.
// 宁波 and 寧波 fold to the same characters, so either script finds both.
const root = new URL("../", import.meta.url);
const hans = document.documentElement.lang === "zh-Hans";
const pageRoot = hans ? new URL("zh-Hans/", root) : root;
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const results = document.getElementById("search-results");
const status = document.getElementById("search-status");
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

function fold(meta, text) {
  return [...text].map((c) => {
    const code = c.codePointAt(0);
    let f = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : c;
    f = f.length === 1 || f.codePointAt(0) > 0xffff ? f.toLowerCase() : f;
    return meta.fold[f] ?? f;
  });
}

function grams(chars) {
  const out = new Set();
  chars.forEach((c, i) => {
    if (!indexed(c)) return;
    if (i + 1 < chars.length && indexed(chars[i + 1])) out.add(c + chars[i + 1]);
  });
  if (out.size === 0) chars.filter(indexed).forEach((c) => out.add(c));
  return out;
}

async function search(query) {
  const meta = await load("search/meta.json");
  const chars = fold(meta, query.trim());
  const needle = chars.join("");
  if (!needle) return [];
  let hits = null;
  for (const gram of grams(chars)) {
    const shard = String(fnv(gram) % meta.shards).padStart(2, "0");
    const postings = new Set((await load(`search/postings-${shard}.json`))[gram] ?? []);
    hits = hits === null ? postings : new Set([...hits].filter((d) => postings.has(d)));
    if (hits.size === 0) return [];
  }
  const out = [];
  for (const doc of [...(hits ?? [])].sort((a, b) => a - b)) {
    const chunk = await load(`search/docs-${Math.floor(doc / meta.chunk)}.json`);
    const [url, title, text] = chunk[doc % meta.chunk];
    const at = fold(meta, text).join("").indexOf(needle);
    if (at >= 0) out.push({ url, title, text, at, length: [...needle].length });
    if (out.length >= 50) break;
  }
  return out;
}

/// The sentence around the hit, with the hit marked.
function snippet({ text, at, length }) {
  const chars = [...text];
  const stop = (c) => "。！？!?；".includes(c);
  let from = at;
  while (from > 0 && !stop(chars[from - 1])) from--;
  let to = at + length;
  while (to < chars.length && !stop(chars[to - 1] ?? "")) to++;
  const p = document.createElement("p");
  const mark = document.createElement("mark");
  mark.textContent = chars.slice(at, at + length).join("");
  p.append(chars.slice(from, at).join(""), mark, chars.slice(at + length, to).join(""));
  return p;
}

async function run() {
  const query = input.value;
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.replaceState(null, "", url);
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = hans ? "搜索中…" : "搜尋中…";
  try {
    const found = await search(query);
    status.textContent = hans ? `找到 ${found.length} 段` : `找到 ${found.length} 段`;
    for (const hit of found) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = new URL(hit.url, pageRoot).href;
      a.textContent = hit.title;
      li.append(snippet(hit), a);
      results.append(li);
    }
  } catch {
    status.textContent = hans ? "无法载入搜索索引。" : "無法載入搜尋索引。";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
input.value = new URLSearchParams(location.search).get("q") ?? "";
if (input.value) run();
