// explainer page script: annotation cards and filters. Progressive enhancement only: without
// it every annotation is a plain link to its page and every paragraph is shown.
const root = new URL("../", import.meta.url);
const hans = document.documentElement.lang === "zh-Hans";
const pageRoot = hans ? new URL("zh-Hans/", root) : root;
const t = (hant, hansText) => (hans ? hansText : hant);

// ---- Annotations ---------------------------------------------------------------------------
// The marks are as light as the page allows (src/render/markdown.rs): the kind is the class, a
// city's, term's or document's id is in its link, a date's value in its <time>, a figure's in its
// title. Written back into data-kind and data-value once, here; the marks without a link become
// focusable (without this script they open no card, so they need no focus).
const KIND = /\bann-(city|place|date|figure|document|term|org)\b/;
const PAGE_ID = /(?:^|\/)(?:city|terms|documents)\/([^/]+)\/index\.html$/;
for (const a of document.querySelectorAll(".ann")) {
  const kind = KIND.exec(a.className)?.[1];
  if (!kind) continue;
  a.dataset.kind = kind;
  if (a.dataset.value === undefined) {
    const time = a.querySelector("time")?.getAttribute("datetime");
    const id = PAGE_ID.exec(a.getAttribute("href") ?? "")?.[1];
    const value = kind === "figure" ? a.title : time ? (/^\d{4}/.test(time) ? time : `--${time}`) : id && decodeURIComponent(id);
    if (value) a.dataset.value = value;
  }
  if (a.tagName !== "A") a.tabIndex = 0;
}

// ---- Annotation cards -------------------------------------------------------------------
let cards;
function loadCards() {
  cards ??= fetch(new URL(hans ? "data/cards.zh-Hans.json" : "data/cards.json", root))
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return cards;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

const KINDS = {
  city: t("城市", "城市"), place: t("地點", "地点"), date: t("日期", "日期"), figure: t("數字", "数字"),
  document: t("文件", "文件"), term: t("術語", "术语"), org: t("機構", "机构"),
};

const card = el("div", "ann-card");
card.setAttribute("role", "dialog");
card.tabIndex = -1;
card.hidden = true;
document.body.append(card);
let trigger = null;

// Each figure is a statement with a card of its own (what it measures, whose, for when,
// target or outcome, its sentence, the same statement elsewhere), sharded by its id.
let figureIndex;
const figureShards = new Map();
function loadFigureIndex() {
  figureIndex ??= fetch(new URL(hans ? "data/figures/index.zh-Hans.json" : "data/figures/index.json", root))
    .then((r) => (r.ok ? r.json() : { shards: 1, labels: {} }))
    .catch(() => ({ shards: 1, labels: {} }));
  return figureIndex;
}
async function loadStatement(id) {
  const index = await loadFigureIndex();
  // The shard: the id's first four hex digits modulo the number of shards (as urls.rs has it).
  const n = parseInt(id.slice(0, 4), 16) % Math.max(1, index.shards);
  if (!figureShards.has(n)) {
    figureShards.set(n, fetch(new URL(`data/figures/${n}${hans ? ".zh-Hans" : ""}.json`, root))
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({})));
  }
  return { labels: index.labels, card: (await figureShards.get(n))[id] };
}

function cardLink(text, url) {
  return Object.assign(el("a", "ann-card-link", text), { href: new URL(url, pageRoot).href });
}

function row(label, value, lang) {
  const p = el("p", "ann-card-row");
  p.append(el("span", "ann-card-row-label", label), " ");
  const v = p.appendChild(el("span", null, value));
  if (lang) v.lang = lang;
  return p;
}

async function figureCard(target, close) {
  const { labels, card: f } = await loadStatement(target.dataset.statement);
  const title = el("h2", "ann-card-title", f?.t ?? target.textContent);
  title.id = "ann-card-title";
  card.setAttribute("aria-labelledby", title.id);
  card.replaceChildren(close, el("p", "ann-card-kind", KINDS.figure), title);
  if (!f) return;
  if (f.l) title.lang = f.l;
  if (f.v) Object.assign(card.appendChild(el("p", "ann-card-label", f.v)), { lang: "en" });
  // The link to its sentence comes first: never below the fold of a sheet.
  card.append(cardLink(labels.sentence ?? "›", f.u));
  if (f.k) card.append(row(labels.kind, f.k));
  if (f.m) card.append(row(labels.measures, f.m, f.l));
  if (f.s) card.append(row(labels.of, f.s));
  if (f.w) card.append(row(labels.when, f.w, f.l));
  if (f.n) card.append(el("p", "ann-card-note", f.n));
  if (f.c?.length) {
    const copies = card.appendChild(el("p", "ann-card-copies", `${labels.copies}:`));
    for (const [t, u] of f.c) copies.append(" ", Object.assign(el("a", null, `${t} ›`), { href: new URL(u, pageRoot).href }));
  }
}

async function openCard(target) {
  trigger = target;
  const close = el("button", "ann-card-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", t("關閉", "关闭"));
  close.addEventListener("click", hideCard);
  if (target.dataset.statement) {
    await figureCard(target, close);
  } else {
    const { kind, value } = target.dataset;
    const info = (await loadCards())[`${kind}:${value}`] ?? {};
    const title = el("h2", "ann-card-title", info.title ?? target.textContent);
    title.id = "ann-card-title";
    card.setAttribute("aria-labelledby", title.id);
    card.replaceChildren(close, el("p", "ann-card-kind", KINDS[kind] ?? kind), title);
    if (info.label) card.append(el("p", "ann-card-label", info.label));
    // Its page first: never below the fold of a sheet.
    const href = info.url ? new URL(info.url, pageRoot).href : target.getAttribute("href");
    if (href) card.append(Object.assign(el("a", "ann-card-link", t("詳細頁面 ›", "详细页面 ›")), { href }));
    // What this date or document mention is about (a city, the province, other).
    const about = target.dataset.about;
    if (about) {
      const name = about === "zhejiang" ? t("浙江全省", "浙江全省")
        : about === "other" ? t("全國或其他", "全国或其他")
        : (await loadCards())[`city:${about}`]?.title ?? about;
      card.append(el("p", "ann-card-about", t(`關於:${name}`, `关于:${name}`)));
    }
    if (info.meta) card.append(el("p", "ann-card-meta", info.meta));
    if (info.zh) card.append(el("p", "ann-card-zh", info.zh));
    if (info.en) Object.assign(card.appendChild(el("p", "ann-card-en", info.en)), { lang: "en" });
    if (info.origin) {
      const origin = card.appendChild(el("p", "ann-card-origin", ""));
      if (info.origin_url) origin.append(Object.assign(el("a", "", `${info.origin} ›`), { href: new URL(info.origin_url, pageRoot).href }));
      else origin.textContent = info.origin;
    }
    if (info.uses) {
      // Each city with how many of those times are in paragraphs about it.
      const where = info.cities?.length ? t(",所在段落談及:", ",所在段落谈及:") + info.cities.map(([c, n]) => `${c}(${n} 次)`).join("、") : "";
      card.append(el("p", "ann-card-uses", t(`報道中出現 ${info.uses} 次`, `报道中出现 ${info.uses} 次`) + where));
    }
  }
  if (trigger !== target) return;
  card.hidden = false;
  placeCard(target);
  card.focus({ preventScroll: true });
}

// On a phone the card is a sheet along the bottom of the screen, and the page scrolls so that
// the word tapped stays above it (with room made below the page's end when it cannot scroll
// far enough); elsewhere a popover under the annotation, or above it when there is no room
// below.
const phone = matchMedia("(max-width: 40rem)");
function placeCard(target) {
  const sheet = phone.matches;
  card.classList.toggle("ann-sheet", sheet);
  Object.assign(card.style, { width: "", left: "", top: "" });
  if (sheet) {
    const gap = 12;
    const top = innerHeight - card.offsetHeight - gap;
    const r = target.getBoundingClientRect();
    if (r.bottom > top || r.top < 0) {
      document.body.style.paddingBottom = `${card.offsetHeight + gap}px`;
      // The word's bottom just above the sheet, or its top at the screen's top when it is
      // taller than the room left.
      scrollBy({ top: Math.min(r.bottom - top, r.top - gap), behavior: "instant" });
    }
    return;
  }
  const r = target.getBoundingClientRect();
  const viewWidth = document.documentElement.clientWidth;
  const width = Math.min(360, viewWidth - 16);
  card.style.width = `${width}px`;
  card.style.left = `${Math.max(8, Math.min(r.left, viewWidth - width - 8)) + scrollX}px`;
  const height = card.offsetHeight;
  const below = innerHeight - r.bottom - 6;
  const above = r.top - 6;
  const top = below >= height || below >= above ? r.bottom + 6 : Math.max(8, r.top - 6 - height);
  card.style.top = `${top + scrollY}px`;
}

addEventListener("resize", () => {
  if (!card.hidden && trigger) placeCard(trigger);
});

function hideCard() {
  if (card.hidden) return;
  card.hidden = true;
  document.body.style.paddingBottom = "";
  trigger?.focus();
  trigger = null;
}

document.addEventListener("click", (event) => {
  const target = event.target.closest?.(".ann");
  if (target && !card.contains(target)) {
    event.preventDefault();
    if (trigger === target && !card.hidden) hideCard();
    else openCard(target);
  } else if (!card.hidden && !card.contains(event.target)) {
    hideCard();
  }
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !card.hidden) {
    event.preventDefault();
    hideCard();
    return;
  }
  const target = event.target.closest?.(".ann");
  if (target && target.tagName !== "A" && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    openCard(target);
  }
});

// ---- Filters (state in the URL) ---------------------------------------------------------
function facets(item) {
  const anns = [...item.querySelectorAll(".ann")];
  const kinds = new Set(anns.map((a) => a.dataset.kind));
  const cities = new Set(anns.filter((a) => a.dataset.kind === "city").map((a) => a.dataset.value));
  // An item dated itself (an event) is of its own year only; others, of the years they name.
  const own = item.dataset.year ?? item.querySelector(".when[data-year]")?.dataset.year;
  const yearOf = (value) => /^\d{4}/.exec(value)?.[0] ?? "unknown";
  const years = new Set(own ? [own] : anns.filter((a) => a.dataset.kind === "date").map((a) => yearOf(a.dataset.value)));
  return { kind: kinds, city: cities, year: years };
}

// Where the filters go: after the element the page marks, else just before the first group
// of items (under the page's heading, above what they filter).
function filtersPlace(container, items) {
  const marked = document.querySelector("[data-filters-after]");
  if (marked) return (form) => marked.after(form);
  let first = items[0];
  while (first.parentElement !== container) first = first.parentElement;
  while (/^H[2-6]$/.test(first.previousElementSibling?.tagName)) first = first.previousElementSibling;
  return (form) => first.before(form);
}

// Hides the headings (and their lists) whose items are all hidden: a heading stays when any
// item before the next heading of its level or above is shown.
function hideEmptyGroups(container, shownItems) {
  const open = [];
  const close = (level) => {
    while (open.length && open.at(-1).level >= level) {
      const group = open.pop();
      group.heading.hidden = !group.shown;
      if (open.length && group.shown) open.at(-1).shown = true;
    }
  };
  for (const child of container.children) {
    const level = /^H([2-6])$/.exec(child.tagName)?.[1];
    if (level) {
      close(Number(level));
      open.push({ heading: child, level: Number(level), shown: false });
      continue;
    }
    if (child.matches(".filters, .pager")) continue;
    const own = child.matches(container.dataset.filter) ? [child] : [...child.querySelectorAll(container.dataset.filter)];
    const inside = own.some((item) => shownItems.has(item));
    if (child.matches("ul, ol")) child.hidden = own.length > 0 && !inside;
    if (inside && open.length) open.at(-1).shown = true;
  }
  close(0);
}

function setupFilters(container) {
  const items = [...container.querySelectorAll(container.dataset.filter)];
  if (items.length < 2) return;
  // Lists beside the container that show the same material (a city's figures and events).
  const also = [...document.querySelectorAll("[data-filter-also]")].flatMap((list) => [...list.querySelectorAll(`:scope > ${list.dataset.filterAlso}`)]);
  const all = { kind: new Map(), city: new Map(), year: new Map() };
  const counts = new Map();
  const facetsOf = new Map();
  for (const item of [...items, ...also]) {
    const f = facets(item);
    facetsOf.set(item, f);
    if (also.includes(item)) continue;
    for (const key of Object.keys(all)) {
      for (const v of f[key]) {
        all[key].set(v, all[key].get(v) ?? v);
        counts.set(`${key}:${v}`, (counts.get(`${key}:${v}`) ?? 0) + 1);
      }
    }
    for (const a of item.querySelectorAll(".ann-city")) all.city.set(a.dataset.value, a.textContent);
  }
  // A value every item has filters nothing: it is no choice. Nor is the page's own city, which
  // its paragraphs belong to whether they name it or follow their article to it.
  for (const key of Object.keys(all)) {
    for (const v of all[key].keys()) if (counts.get(`${key}:${v}`) === items.length) all[key].delete(v);
  }
  if (container.dataset.ownCity) all.city.delete(container.dataset.ownCity);
  const form = el("form", "filters");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", t("篩選", "筛选"));
  const labels = { kind: t("類型", "类型"), city: t("城市", "城市"), year: t("年份", "年份") };
  const params = new URLSearchParams(location.search);
  for (const key of ["kind", "city", "year"]) {
    // Shown only when there is something to choose: "all" and at least one value that
    // picks some of the items.
    if (all[key].size === 0) continue;
    const id = `filter-${key}`;
    const label = el("label", null, labels[key]);
    label.htmlFor = id;
    const select = el("select");
    select.id = id;
    select.name = key;
    select.append(el("option", null, t("全部", "全部")));
    select.options[0].value = "";
    const values = [...all[key].entries()].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [value, text] of values) {
      const label = key === "kind" ? KINDS[value] ?? value : key === "year" && value === "unknown" ? t("年份不詳", "年份不详") : text;
      const option = el("option", null, label);
      option.value = value;
      select.append(option);
    }
    select.value = params.get(key) ?? "";
    label.append(select);
    form.append(label);
  }
  if (!form.elements.length) return;
  const count = el("output", "filter-count");
  count.setAttribute("aria-live", "polite");
  form.append(count);
  filtersPlace(container, items)(form);
  const apply = () => {
    const want = Object.fromEntries(new FormData(form));
    const shown = new Set();
    for (const item of [...items, ...also]) {
      const ok = Object.entries(want).every(([k, v]) => !v || facetsOf.get(item)[k].has(v));
      item.hidden = !ok;
      if (ok) shown.add(item);
    }
    hideEmptyGroups(container, shown);
    // A list beside the container disappears with its heading when nothing in it is shown.
    for (const list of document.querySelectorAll("[data-filter-also]")) {
      const section = list.closest("section") ?? list;
      section.hidden = ![...list.children].some((item) => shown.has(item));
    }
    const n = items.filter((item) => shown.has(item)).length;
    count.value = t(`顯示 ${n}/${items.length}`, `显示 ${n}/${items.length}`);
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(want)) {
      if (v) url.searchParams.set(k, v);
      else url.searchParams.delete(k);
    }
    history.replaceState(null, "", url);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  apply();
}

document.querySelectorAll("[data-filter]").forEach(setupFilters);

// ---- The reader's place across links ----------------------------------------------------
// The 繁/简 switch keeps the query (filters, a search) and the fragment (a paragraph), so the
// reader lands on the same place in the other script; pagers keep the query (filters stay
// on). The links are rewritten as they are about to be followed: without this script they
// still lead to the page itself.
function carryPlace(event) {
  const link = event.target.closest?.(".script-switch a, .script-note a, .pager a");
  if (!link) return;
  link.dataset.href ??= link.getAttribute("href");
  const url = new URL(link.dataset.href, location.href);
  url.search = location.search;
  if (link.closest(".script-switch, .script-note")) url.hash = location.hash;
  link.href = url.href;
}
for (const type of ["pointerdown", "focusin", "click"]) document.addEventListener(type, carryPlace, true);
