// The reader's view of a larger site (the sample and the development articles, built by
// setup.mjs with a GitHub Pages base URL and served under its path): layout at a phone's and a
// desktop's width, cards, filters, the 404 page at depth, the script switch, the about page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { EVAL_SITE, EVAL_BASE_URL, PREFIX, REPO, needsDev } from "./env.mjs";
import { serve, launch, watchConsole, axeViolations, nuCheck } from "./harness.mjs";

const SITE = path.join(EVAL_SITE, "site");

const NEEDS_DEV = needsDev();
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let server, base, context, close, consoleErrors;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, "index.html")), `${SITE} is missing: run the tests with npm test (setup.mjs builds it)`);
  server = await serve(SITE, PREFIX);
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  ({ context, close } = await launch());
  consoleErrors = watchConsole(context);
});

after(async () => {
  await close?.();
  server?.close();
});

/// The first page folder under `folder` (an id), preferring `preferred` when the site has it.
const pick = (folder, preferred) => {
  const ids = fs.readdirSync(path.join(SITE, folder), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "page").map((d) => d.name).sort();
  return `${folder}/${ids.includes(preferred) ? preferred : ids[0]}/index.html`;
};
const CITY = "city/hangzhou/index.html";
const SOURCE = pick("source", "000_cc229362e59457d6");
const TERM = pick("terms", "ai-plus");
const DOCUMENT = pick("documents", "zhejiang-ai-innovation-measures");
/// Pages built around one reading column.
const READING = [CITY, SOURCE, pick("source", "14_en_hangzhou_xinhua_innovation_measures"), TERM, DOCUMENT, "timeline/2025/05/index.html",
  "province/index.html", "about/index.html"];
const ALL = ["index.html", ...READING, "compare/index.html", "search/index.html?q=寧波", "sources/index.html", "zh-Hans/city/ningbo/index.html",
  "no/such/page/at/depth/"];

async function open(rel, viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(base + rel);
  return page;
}

test("at 1280 px the text column is at least 520 px wide and not justified", async () => {
  for (const rel of READING) {
    const page = await open(rel, DESKTOP);
    const column = await page.locator("main .prose").first().evaluate((e) => {
      const p = e.querySelector("p");
      return { width: e.getBoundingClientRect().width, align: p ? getComputedStyle(p).textAlign : "start" };
    });
    assert.ok(column.width >= 520, `${rel}: the text column is ${column.width} px wide`);
    assert.notEqual(column.align, "justify", rel);
    await page.close();
  }
});

test("on a city page the overview sits beside the paragraphs at 1280 and below them at 375", async () => {
  const wide = await open(CITY, DESKTOP);
  const [text, side] = await Promise.all([wide.locator(".city-paragraphs").boundingBox(), wide.locator("aside.overview").boundingBox()]);
  assert.ok(side.x >= text.x + text.width, "the overview is to the right of the text");
  assert.ok(text.width >= 520 && side.width >= 280, `text ${text.width} px, overview ${side.width} px`);
  await wide.close();
  const narrow = await open(CITY, PHONE);
  const [t, s] = await Promise.all([narrow.locator(".city-paragraphs").boundingBox(), narrow.locator("aside.overview").boundingBox()]);
  assert.ok(s.y >= t.y + t.height, "the overview follows the text");
  await narrow.close();
});

test("no page scrolls sideways at 375 px, and the header stays within 120 px", async () => {
  for (const rel of ALL) {
    const page = await open(rel, PHONE);
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
      header: document.querySelector(".site-header").getBoundingClientRect().height,
    }));
    assert.ok(m.scroll <= m.width, `${rel}: ${m.scroll} px of content in ${m.width} px`);
    assert.ok(m.header <= 120, `${rel}: the header is ${m.header} px tall`);
    await page.close();
  }
});

test("on a phone every city stays reachable: the city list scrolls inside the header", async () => {
  const page = await open("index.html", PHONE);
  const nav = page.locator('nav[aria-label^="城市"]');
  const last = nav.locator("li:last-child a");
  await last.focus();
  const box = await last.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the last city is at ${box.x} px once focused`);
  await page.locator(".search-link").click();
  await page.waitForURL(/search\/index\.html$/);
  await page.close();
});

/// The first annotation whose box starts in the lowest quarter of the viewport, scrolled there.
async function annotationNearBottom(page, viewport) {
  const anns = page.locator(".city-paragraphs .ann");
  const n = await anns.count();
  for (let i = Math.floor(n / 2); i < n; i++) {
    const ann = anns.nth(i);
    // Put it 40 px above the bottom edge.
    await ann.evaluate((e, h) => window.scrollBy(0, e.getBoundingClientRect().bottom - (h - 40)), viewport.height);
    const box = await ann.boundingBox();
    if (box && box.y + box.height <= viewport.height && box.y > viewport.height * 0.75) return ann;
  }
  assert.fail("no annotation could be scrolled to the bottom of the screen");
}

test("a card opened near the bottom of the screen is on screen: a sheet on a phone, a popover above on a desktop", async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open(CITY, viewport);
    const ann = await annotationNearBottom(page, viewport);
    const annBox = await ann.boundingBox();
    await ann.click();
    const card = page.locator(".ann-card");
    await card.waitFor({ state: "visible" });
    const box = await card.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height + 1, `${viewport.width}: card at ${box.y}+${box.height}`);
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${viewport.width}: card at x ${box.x}`);
    if (viewport === PHONE) {
      assert.ok(Math.abs(box.y + box.height - viewport.height) <= 1 && box.width >= viewport.width - 1, "a sheet along the bottom edge");
    } else {
      assert.ok(box.y + box.height <= annBox.y, "above the annotation, which has no room below");
    }
    // The keyboard still works: Escape closes and gives the focus back.
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("ann")), true);
    await page.close();
  }
});

test("on a phone the tapped mark stays above the card, wherever it is, and the card's link needs no scrolling", async () => {
  const page = await open(CITY, PHONE);
  const anns = page.locator(".city-paragraphs .ann");
  const n = await anns.count();
  assert.ok(n >= 10, `${n} marks`);
  // Marks spread over the page, each put in turn near the top, the middle and the bottom of
  // the screen; the last ones also at the page's very end.
  const picks = [...new Set([0, 1, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 2, n - 1])];
  let taps = 0;
  for (const i of picks) {
    for (const at of [0.15, 0.55, 0.92]) {
      const ann = anns.nth(i);
      await ann.evaluate((e, y) => window.scrollBy(0, e.getBoundingClientRect().top - y), PHONE.height * at);
      await ann.click();
      const card = page.locator(".ann-card");
      await card.waitFor({ state: "visible" });
      await page.waitForTimeout(50);
      const { mark, sheet, link, scrollable } = await ann.evaluate((e) => {
        const c = document.querySelector(".ann-card");
        const r = (x) => x && (({ top, bottom, left, right }) => ({ top, bottom, left, right }))(x.getBoundingClientRect());
        return { mark: r(e), sheet: r(c), link: r(c.querySelector(".ann-card-link")), scrollable: c.scrollHeight > c.clientHeight };
      });
      const overlap = mark.bottom > sheet.top && mark.top < sheet.bottom && mark.right > sheet.left && mark.left < sheet.right;
      assert.ok(!overlap, `mark ${i} at ${at}: ${JSON.stringify(mark)} under the card ${JSON.stringify(sheet)}`);
      assert.ok(mark.top >= 0, `mark ${i} at ${at} scrolled off the top: ${mark.top}`);
      if (link) {
        // The card's link is in its first lines, on screen without scrolling inside the card.
        assert.ok(link.bottom <= Math.min(sheet.bottom, PHONE.height) && link.top >= sheet.top, `link of mark ${i}: ${JSON.stringify(link)} in ${JSON.stringify(sheet)}`);
        assert.ok(link.top - sheet.top < 160 || !scrollable, `the link is near the top of card ${i}`);
      }
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "hidden" });
      taps++;
    }
  }
  assert.ok(taps >= 20, `${taps} taps`);
  await page.close();
});

test("a figure's card says what it measures, whose, for when and whether a target, keeping its qualifier", NEEDS_DEV, async () => {
  const page = await open("city/huzhou/index.html", PHONE);
  const figure = page.locator(".city-paragraphs .ann-figure", { hasText: /^超200億元$/ }).first();
  await figure.click();
  const card = page.locator(".ann-card");
  await card.waitFor({ state: "visible" });
  await card.locator(".ann-card-row").first().waitFor();
  const text = await card.innerText();
  for (const part of ["超200億元", "more than ¥20 billion", "衡量", "人工智能核心產業", "主體", "湖州", "2027年", "目標"]) {
    assert.ok(text.includes(part), `${part} missing: ${text}`);
  }
  assert.doesNotMatch(text, /≈|報道中出現/, "no approximation sign, no count of other figures of the same value");
  await page.close();
});

test("a city page opens with what the city is doing, in short lines", NEEDS_DEV, async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open("city/huzhou/index.html", viewport);
    const layout = await page.evaluate(() => {
      const summary = document.querySelector(".city-summary");
      const first = document.querySelector(".city-paragraphs p");
      return {
        before: Boolean(summary && (summary.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)),
        height: summary?.getBoundingClientRect().height ?? 0,
        figures: [...document.querySelectorAll(".key-figure")].map((f) => f.getBoundingClientRect().height),
      };
    });
    assert.ok(layout.before, "the summary comes before the paragraphs");
    assert.ok(layout.figures.length >= 3, `${layout.figures.length} key figures`);
    assert.ok(layout.figures.every((h) => h <= 130), `key figures are short: ${layout.figures.join(", ")} px`);
    assert.ok(layout.height <= 1600, `the summary is ${layout.height} px tall at ${viewport.width}`);
    await page.close();
  }
});

test("filters sit under the heading, offer only real choices and hide what they leave empty", NEEDS_DEV, async () => {
  const page = await open(CITY, DESKTOP);
  const form = page.locator("form.filters");
  await form.waitFor();
  // Under the page's heading, above the paragraphs.
  const order = await page.evaluate(() => {
    const f = document.querySelector("form.filters");
    const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { afterH1: follows(document.querySelector("main h1"), f), beforeText: follows(f, document.querySelector(".city-paragraphs p")) };
  });
  assert.deepEqual(order, { afterH1: true, beforeText: true });
  // Every select offers "all" and at least one value; the page's own city, on every
  // paragraph, is no choice.
  for (const select of await form.locator("select").all()) {
    assert.ok((await select.locator("option").count()) >= 2);
  }
  const cities = await form.locator("#filter-city option").evaluateAll((os) => os.map((o) => o.value));
  assert.ok(!cities.includes("hangzhou"), cities.join());
  await page.selectOption("#filter-city", cities[1]);
  await page.waitForURL(new RegExp(`city=${cities[1]}`));
  const state = await page.evaluate(() => {
    const visible = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
    const article = document.querySelector(".city-paragraphs");
    // Every heading still shown has a shown paragraph after it (before the next heading).
    const emptyHeadings = [...article.querySelectorAll("h2")].filter(visible).filter((h) => {
      for (let e = h.nextElementSibling; e && e.tagName !== "H2"; e = e.nextElementSibling) if (e.tagName === "P" && visible(e)) return false;
      return true;
    });
    const hiddenHeadings = [...article.querySelectorAll("h2")].filter((h) => !visible(h)).length;
    const paragraphs = [...article.querySelectorAll(":scope > p")];
    const figures = [...document.querySelectorAll(".key-figure")];
    const events = [...document.querySelectorAll(".event")];
    return { emptyHeadings: emptyHeadings.map((h) => h.textContent), hiddenHeadings,
      shown: paragraphs.filter(visible).length, total: paragraphs.length,
      figuresShown: figures.filter(visible).length, figures: figures.length, eventsShown: events.filter(visible).length, events: events.length };
  });
  assert.deepEqual(state.emptyHeadings, []);
  assert.ok(state.shown > 0 && state.shown < state.total, `${state.shown} of ${state.total} paragraphs`);
  assert.ok(state.hiddenHeadings > 0, "the articles with nothing left are hidden");
  assert.ok(state.figuresShown + state.eventsShown < state.figures + state.events, "figures and events are filtered too");
  await page.close();
  // The timeline is grouped at addresses that never move: a month's page holds only that
  // month's statements.
  const timeline = await open("timeline/2025/05/index.html");
  const dates = await timeline.locator(".timeline li .when").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.ok(dates.length > 0 && dates.every((d) => d.startsWith("2025-05")), dates.join());
  await timeline.close();
  // A page with fewer than two items to filter has no filters.
  const few = fs.readdirSync(path.join(SITE, "terms")).find((id) => {
    const html = fs.existsSync(path.join(SITE, "terms", id, "index.html")) ? fs.readFileSync(path.join(SITE, "terms", id, "index.html"), "utf8") : "";
    return /data-filter="li"/.test(html) && (html.match(/<li>/g) ?? []).length === 1;
  });
  if (few) {
    const one = await open(`terms/${few}/index.html`);
    assert.equal(await one.locator("form.filters").count(), 0, few);
    await one.close();
  }
});

test("the 404 page served at a deep path is styled and its links work", async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const response = await page.goto(base + "city/nowhere/page/9/index.html");
    assert.equal(response.status(), 404);
    const styled = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(styled, "rgb(251, 250, 247)", "the stylesheet is loaded");
    // Every link but the skip link (to this very page) leads to a page of the site.
    const hrefs = await page.locator("a[href]:not(.skip)").evaluateAll((as) => as.map((a) => a.href));
    for (const href of new Set(hrefs.map((h) => h.split("#")[0]))) {
      const r = await fetch(href);
      assert.equal(r.status, 200, href);
    }
    await page.locator("main a").first().click();
    await page.waitForURL(base + "index.html");
    assert.ok(await page.locator(".map-large").count());
    await page.close();
  }
});

test("the script switch keeps the query and the fragment; pagers keep the query", NEEDS_DEV, async () => {
  const page = await open(`${SOURCE}?city=ningbo#p5`);
  await page.locator(".script-switch a").click();
  await page.waitForURL((u) => u.pathname.endsWith(`zh-Hans/${SOURCE}`));
  const url = new URL(page.url());
  assert.equal(url.search, "?city=ningbo");
  assert.equal(url.hash, "#p5");
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), "p5");
  await page.close();

  const city = await open("city/ningbo/index.html?kind=figure");
  await city.locator(".script-switch a").click();
  await city.waitForURL(/zh-Hans\/city\/ningbo\/index\.html\?kind=figure$/);
  assert.equal(await city.locator("#filter-kind").inputValue(), "figure", "the filter is still on in the other script");
  await city.close();

  const search = await open("search/index.html?q=" + encodeURIComponent("寧波"));
  await search.locator(".script-switch a").click();
  await search.waitForURL((u) => u.pathname.endsWith("zh-Hans/search/index.html") && u.searchParams.get("q") === "寧波");
  await search.close();

});

test("pagers keep the query (filters stay on across a city's pages)", async () => {
  // The sample and the development articles fill no list past one page: a small synthetic
  // corpus (`explainer corpus`) does.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explainer-pager-"));
  const run = (...args) => execFileSync("cargo", ["run", "--locked", "-q", "--", ...args], { cwd: REPO, stdio: "ignore" });
  run("corpus", "--count", "8", "--out", path.join(dir, "seeds"));
  run("build", "--seeds", path.join(dir, "seeds"), "--out", path.join(dir, "site"), "--base-url", EVAL_BASE_URL);
  const pagerServer = await serve(path.join(dir, "site"), PREFIX);
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${pagerServer.address().port}${PREFIX}city/ningbo/index.html?kind=figure`);
    await page.locator(".pager a[rel=next]").click();
    await page.waitForURL(/city\/ningbo\/page\/2\/index\.html\?kind=figure$/);
    await page.close();
  } finally {
    pagerServer.closeAllConnections();
    await new Promise((resolve) => pagerServer.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the map: a legend in both languages with every colour, the current city marked", async () => {
  const home = await open("index.html");
  const legend = await home.locator(".map-large .legend").evaluateAll((ls) => ls.map((l) => ({
    swatch: l.querySelector(".swatch").className, zh: l.textContent, en: l.querySelector('[lang="en"]')?.textContent ?? "" })));
  const regions = await home.locator(".map-large .region").evaluateAll((rs) => [...new Set(rs.map((r) => r.closest("a") ? r.classList[1] : "focus-quiet"))]);
  for (const colour of regions) assert.ok(legend.some((l) => l.swatch.includes(colour)), `${colour} has a legend entry`);
  for (const l of legend) assert.ok(/\p{Script=Han}/u.test(l.zh) && /[a-z]/i.test(l.en), JSON.stringify(l));
  const credit = await home.locator(".map-large figcaption").innerText();
  assert.match(credit, /ECharts/);
  assert.doesNotMatch(credit, /\.\.\/|make_map|\.py|\.json/, "no build paths");
  await home.close();
  const city = await open(CITY);
  const marked = await city.locator(".map-small a[aria-current=page] .region.current").evaluate((r) => getComputedStyle(r).fill);
  const other = await city.locator(".map-small a:not([aria-current]) .region").first().evaluate((r) => getComputedStyle(r).fill);
  assert.notEqual(marked, other);
  assert.ok(await city.locator(".map-small a[aria-current=page] text").isVisible(), "the city is named on the map");
  await city.close();
});

test("the about page speaks to readers: marks, cards, method, limits, sources and licences", async () => {
  const page = await open("about/index.html");
  const headings = await page.locator("main h2").allInnerTexts();
  for (const want of [/marks/i, /cards/i, /made/i, /wrong/i, /licen/i]) assert.ok(headings.some((h) => want.test(h)), `${want}: ${headings}`);
  for (const kind of ["city", "place", "date", "figure", "document", "term", "org"]) assert.ok(await page.locator(`.marks .ann-${kind}`).count(), kind);
  // Developer material is folded away at the end.
  assert.equal(await page.locator("details.dev").evaluate((d) => d.open), false);
  await page.close();
});

test("no page shows a build path to readers", async () => {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith(".html") ? [path.join(dir, d.name)] : []);
  const leaks = walk(SITE).filter((file) => {
    const text = fs.readFileSync(file, "utf8").replace(/<(script|style)[^]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ");
    return /\bseeds\/|\.\.\/shared|make_map\.py/.test(text);
  });
  assert.deepEqual(leaks.map((f) => path.relative(SITE, f)), []);
});

test("hreflang alternates and canonical links are absolute under the base URL", async () => {
  for (const rel of ["index.html", CITY, SOURCE, TERM]) {
    const html = fs.readFileSync(path.join(SITE, rel), "utf8");
    const links = [...html.matchAll(/<link rel="(?:alternate|canonical)"(?: hreflang="[^"]+")? href="([^"]+)"(?! type)/g)].map((m) => m[1])
      .filter((href) => !href.endsWith(".md") && !href.endsWith(".xml"));
    assert.ok(links.length >= 3, rel);
    for (const href of links) assert.ok(href.startsWith(EVAL_BASE_URL), `${rel}: ${href}`);
  }
});

test("axe finds no violations at 375 and 1280 px, light and dark", async () => {
  for (const rel of ALL) {
    for (const viewport of [PHONE, DESKTOP]) {
      for (const scheme of ["light", "dark"]) {
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(base + rel);
        assert.deepEqual(await axeViolations(page), [], `${rel} at ${viewport.width} (${scheme})`);
        await page.close();
      }
    }
  }
});

test("the Nu HTML Checker finds no error in this site either", () => {
  nuCheck(SITE);
});

test("no page logged a console error", () => {
  assert.deepEqual(consoleErrors, []);
});
