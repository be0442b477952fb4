// explainer page script: annotation cards and filters. Progressive enhancement only: without
// it every annotation is a plain link to its page and every paragraph is shown.
const root = new URL("../", import.meta.url);
const hans = document.documentElement.lang === "zh-Hans";
const pageRoot = hans ? new URL("zh-Hans/", root) : root;
const t = (hant, hansText) => (hans ? hansText : hant);

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

async function openCard(target) {
  trigger = target;
  const { kind, value } = target.dataset;
  const info = (await loadCards())[`${kind}:${value}`] ?? {};
  const title = el("h2", "ann-card-title", info.title ?? target.textContent);
  title.id = "ann-card-title";
  card.setAttribute("aria-labelledby", title.id);
  const close = el("button", "ann-card-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", t("關閉", "关闭"));
  close.addEventListener("click", hideCard);
  card.replaceChildren(close, el("p", "ann-card-kind", KINDS[kind] ?? kind), title);
  if (info.label) card.append(el("p", "ann-card-label", info.label));
  if (info.meta) card.append(el("p", "ann-card-meta", info.meta));
  if (info.zh) card.append(el("p", "ann-card-zh", info.zh));
  if (info.en) Object.assign(card.appendChild(el("p", "ann-card-en", info.en)), { lang: "en" });
  if (info.origin) {
    const origin = card.appendChild(el("p", "ann-card-origin", ""));
    if (info.origin_url) origin.append(Object.assign(el("a", "", `${info.origin} ›`), { href: new URL(info.origin_url, pageRoot).href }));
    else origin.textContent = info.origin;
  }
  if (info.uses) {
    const where = info.cities?.length ? `:${info.cities.join("、")}` : "";
    card.append(el("p", "ann-card-uses", t(`報道中出現 ${info.uses} 次`, `报道中出现 ${info.uses} 次`) + where));
  }
  const href = info.url ? new URL(info.url, pageRoot).href : target.getAttribute("href");
  if (href) card.append(Object.assign(el("a", "ann-card-link", t("詳細頁面 ›", "详细页面 ›")), { href }));
  card.hidden = false;
  placeCard(target);
  card.focus({ preventScroll: true });
}

function placeCard(target) {
  const r = target.getBoundingClientRect();
  const width = Math.min(360, document.documentElement.clientWidth - 16);
  const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
  card.style.width = `${width}px`;
  card.style.left = `${left + scrollX}px`;
  card.style.top = `${r.bottom + scrollY + 6}px`;
}

function hideCard() {
  if (card.hidden) return;
  card.hidden = true;
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
  for (const c of (item.dataset.cities ?? "").split(" ").filter(Boolean)) cities.add(c);
  const years = new Set(anns.filter((a) => a.dataset.kind === "date").map((a) => a.dataset.value.slice(0, 4)));
  if (item.dataset.year) years.add(item.dataset.year);
  return { kind: kinds, city: cities, year: years };
}

function setupFilters(container) {
  const items = [...container.querySelectorAll(container.dataset.filter)];
  const all = { kind: new Map(), city: new Map(), year: new Map() };
  const itemFacets = items.map((item) => {
    const f = facets(item);
    for (const key of Object.keys(all)) for (const v of f[key]) all[key].set(v, v);
    for (const a of item.querySelectorAll(".ann-city")) all.city.set(a.dataset.value, a.textContent);
    return f;
  });
  const form = el("form", "filters");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", t("篩選", "筛选"));
  const labels = { kind: t("類型", "类型"), city: t("城市", "城市"), year: t("年份", "年份") };
  const params = new URLSearchParams(location.search);
  for (const key of ["kind", "city", "year"]) {
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
      const option = el("option", null, key === "kind" ? KINDS[value] ?? value : text);
      option.value = value;
      select.append(option);
    }
    select.value = params.get(key) ?? "";
    label.append(select);
    form.append(label);
  }
  const count = el("output", "filter-count");
  count.setAttribute("aria-live", "polite");
  form.append(count);
  container.before(form);
  const apply = () => {
    const want = Object.fromEntries(new FormData(form));
    let shown = 0;
    items.forEach((item, i) => {
      const ok = Object.entries(want).every(([k, v]) => !v || itemFacets[i][k].has(v));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    count.value = t(`顯示 ${shown}/${items.length}`, `显示 ${shown}/${items.length}`);
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
