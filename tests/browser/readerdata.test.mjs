// What the reader reads, on the site built from the sample and the development articles:
// dates and figures in human forms, the compare page's charts and its cards on a phone, the
// timeline's axis, search that ranks (phrases, several words, city, term and document pages,
// pinyin), and one script per page (a converted source page says so and links its original).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { EVAL_SITE, EVAL_BASE_URL, PREFIX, REPO, needsDev } from "./env.mjs";
import { serve, launch, watchConsole } from "./harness.mjs";

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

async function open(rel, viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(base + rel);
  return page;
}

/// The search page's results for `query`: pages first, then paragraphs, with the status line.
async function search(query, script = "") {
  const page = await open(`${script}search/index.html?q=${encodeURIComponent(query)}`);
  await page.locator("#search-status").filter({ hasText: /\d/ }).waitFor();
  const pages = await page.locator("#search-pages li a").evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute("href") })));
  const paragraphs = await page.locator("#search-results li").evaluateAll((lis) => lis.map((li) => li.textContent));
  const status = await page.locator("#search-status").innerText();
  return { page, pages, paragraphs, status };
}

test("dates read as dates: 2025年5月14日, ranges with a dash, a month-day with its year unknown; English in English", NEEDS_DEV, async () => {
  // The timeline's groups (months, years, the unknown year) are pages of their own.
  const groups = [...fs.readFileSync(path.join(SITE, "timeline/index.html"), "utf8").matchAll(/href="\.\.\/(timeline\/[^"]+\/index\.html)"/g)]
    .map((m) => m[1]);
  assert.ok(groups.length > 2, groups.join(" "));
  for (const viewport of [DESKTOP, PHONE]) {
    const labels = [];
    let body = "";
    for (const group of new Set(groups)) {
      const page = await open(group, viewport);
      labels.push(...(await page.locator("main time").evaluateAll((ts) => ts.map((t) => t.textContent.trim()))));
      body += (await page.locator("main").innerText()) + "\n";
      await page.close();
    }
    assert.ok(labels.includes("2025年5月14日"), labels.join(" | "));
    assert.ok(!labels.some((l) => /^\d{4}-\d{2}(-\d{2})?$|^\d{4}\/\d{4}$/.test(l)), `an ISO value shown: ${labels.join(" | ")}`);
    assert.match(body, /\d{4}[—–]\d{4}年/, "a range of years keeps both ends");
    assert.match(body, /年份不詳/, "a date without its year says so");
    // The English article's date, in English.
    assert.match(body, /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b/);
  }
});

test("figures keep their words and give their value with what their qualifier says, never ≈", async () => {
  const page = await open("index.html");
  const hints = await page.locator(".key-figure-meta [lang=en]").allInnerTexts();
  assert.ok(hints.some((h) => /¥570 billion/.test(h)), hints.join(" | "));
  assert.ok(!hints.some((h) => h.includes("≈")), hints.join(" | "));
  assert.ok(!(await page.locator("main").innerText()).includes("570000000000"));
  const figure = page.locator("main .ann-figure").first();
  await figure.click();
  const card = page.locator(".ann-card");
  await card.waitFor({ state: "visible" });
  const text = await card.innerText();
  assert.doesNotMatch(text, /\d{9,}/, `a raw number on the card: ${text}`);
  await page.close();
});

test("the compare page charts figures of one measure and kind per chart, and each city's activity over time, with text alternatives", async () => {
  // Two made-up cities that report the same measure: the development articles hold no such
  // pair (only Huzhou gives its AI revenue), so the chart is built from articles written here.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explainer-compare-"));
  const seeds = path.join(dir, "seeds");
  fs.mkdirSync(seeds);
  const article = (file, city, amount, date) => {
    fs.writeFileSync(path.join(seeds, `${file}.txt`), `${city}人工智能产业\n2024年,${city}人工智能核心产业营收达到${amount}亿元。\n`);
    fs.writeFileSync(path.join(seeds, `${file}.toml`), `date = "${date}"\n`);
  };
  article("001_hz", "杭州", 3000, "2025-03-01");
  article("002_nb", "宁波", 1000, "2025-03-02");
  const site = path.join(dir, "site");
  execFileSync("cargo", ["run", "--locked", "-q", "--", "build", "--seeds", seeds, "--out", site, "--base-url", EVAL_BASE_URL], { cwd: REPO, stdio: "ignore" });
  const compareServer = await serve(site, PREFIX);
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${compareServer.address().port}${PREFIX}compare/index.html`);
    const charts = page.locator("main svg");
    assert.ok((await charts.count()) >= 2, "charts are drawn");
    // Every chart names itself for assistive technology, or sits beside the numbers it draws.
    const unlabelled = await charts.evaluateAll((svgs) => svgs.filter((s) => s.getAttribute("aria-hidden") !== "true" && !s.getAttribute("aria-label") && !s.querySelector("title") && !s.getAttribute("aria-labelledby")).length);
    assert.equal(unlabelled, 0);
    // One measure and kind per chart: the captions name both.
    const captions = await page.locator("main caption").allInnerTexts();
    assert.ok(captions.length > 0 && captions.every((c) => /\((Outcome|Target)\)/.test(c)), captions.join(" | "));
    assert.ok(captions.some((c) => /AI industry revenue or output/.test(c)), captions.join(" | "));
    assert.match(await page.locator("main").innerText(), /Dated statements per year/);
    await page.close();
    // Without JavaScript the charts are there: they are in the HTML.
    const html = fs.readFileSync(path.join(site, "compare/index.html"), "utf8");
    assert.ok((html.match(/<svg/g) ?? []).length >= 2);
  } finally {
    compareServer.closeAllConnections();
    await new Promise((resolve) => compareServer.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("at 375 px the compare page is one card per city, without sideways scroll", async () => {
  const page = await open("compare/index.html", PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
  const cards = await page.locator("main .compare-card").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  assert.ok(cards.length >= 5, `${cards.length} city cards`);
  assert.ok(cards.every((w) => w >= 300 && w <= 375), `card widths ${cards.join(", ")}`);
  await page.close();
});

test("the timeline draws a time axis of years whose bars lead to their year", async () => {
  const page = await open("timeline/index.html");
  const axis = page.locator("main .time-axis");
  await axis.waitFor();
  assert.ok((await axis.locator("svg").count()) >= 2, "bars drawn");
  const links = await axis.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.some((h) => /timeline\/2025\/index\.html$/.test(h)), links.join(" "));
  // Each bar leads to its year's own page (an address that never moves).
  for (const h of links) {
    assert.ok(fs.existsSync(path.join(SITE, "timeline", h)), `${h} leads nowhere`);
  }
  await page.close();
});

/// Each paragraph's text by its address (`source/ID/index.html#pN`), from the data export.
const paragraphText = (() => {
  let texts;
  return (href) => {
    // Schema 3: each seed's paragraphs are in the file its `paragraphs_url` names.
    const read = (file) => JSON.parse(fs.readFileSync(path.join(SITE, file), "utf8"));
    texts ??= new Map(read("data/annotations.json").seeds
      .flatMap((s) => (s.paragraphs ?? read(s.paragraphs_url).paragraphs).map((p) => [`${s.id}#${p.id}`, p.text])));
    const [, id, p] = /source\/([^/]+)\/index\.html#(p\d+)$/.exec(href) ?? [];
    return texts.get(`${id}#${p}`) ?? "";
  };
})();

test("search: 寧波 制造 ranks the phrase above both words above one; the count is true", async () => {
  const { page, status } = await search("寧波 制造");
  await page.locator("#search-more").click().catch(() => {});
  const hrefs = await page.locator("#search-results li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const tier = (text) => {
    const t = text.replaceAll("寧", "宁").replaceAll("製", "制");
    return t.includes("宁波制造") ? 3 : t.includes("宁波") && t.includes("制造") ? 2 : 1;
  };
  const tiers = hrefs.map((h) => tier(paragraphText(h)));
  assert.ok(tiers.length > 0 && tiers[0] >= 2, `${status}: ${tiers}`);
  assert.deepEqual(tiers, [...tiers].sort((a, b) => b - a), `ranking: ${tiers}`);
  // Every paragraph found holds one of the words, and the count is the number found.
  // The status counts those with every word and those with some apart (3 段…、7 段…).
  const n = [...status.matchAll(/(\d+) 段(?:報道|只含)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  assert.equal(n, hrefs.length, status);
  await page.close();
});

test("search: ningbo, Níngbō and 宁波 find Ningbo's page first, in either script", async () => {
  for (const [query, script] of [["ningbo", ""], ["Níngbō", ""], ["宁波", ""], ["ningbo", "zh-Hans/"]]) {
    const { page, pages } = await search(query, script);
    assert.ok(pages.length > 0, `no page for ${query}`);
    assert.match(pages[0].href, /city\/ningbo\/index\.html$/, `${query}: ${JSON.stringify(pages[0])}`);
    assert.match(pages[0].text, script ? /宁波/ : /寧波/, `${query}: the page's script`);
    await page.close();
  }
});

test("search: a term's page and a document's page are found by name", async () => {
  const term = await search("單項冠軍");
  assert.ok(term.pages.some((p) => /terms\//.test(p.href)), JSON.stringify(term.pages));
  await term.page.close();
  const doc = await search("行動計劃");
  assert.ok(doc.pages.some((p) => /documents\//.test(p.href)), JSON.stringify(doc.pages));
  await doc.page.close();
});

test("search: a true count, more on demand, the query kept in the URL and across the script switch", NEEDS_DEV, async () => {
  const { page, paragraphs, status } = await search("人工智能");
  const total = Number(/(\d+) 段/.exec(status)?.[1]);
  assert.doesNotMatch(status, /約/, "a true count, not an estimate");
  assert.ok(total > paragraphs.length, `${status}: ${paragraphs.length} shown`);
  const more = page.locator("#search-more");
  assert.ok(await more.isVisible(), "a button shows more");
  await more.click();
  await page.waitForFunction((n) => document.querySelectorAll("#search-results li").length > n, paragraphs.length);
  assert.match(page.url(), /\?q=/);
  await page.locator(".script-switch a").click();
  await page.waitForURL(/zh-Hans\/search\/index\.html\?q=/);
  await page.locator("#search-results li").first().waitFor();
  assert.equal(await page.inputValue("#search-q"), "人工智能");
  await page.close();
});

test("search: what a page shows is found as typed (製造 on a Traditional page, where the article wrote 制造)", async () => {
  const { page, paragraphs } = await search("製造");
  assert.ok(paragraphs.some((p) => /製造/.test(p)) && paragraphs.some((p) => /制造/.test(p)), `both forms: ${paragraphs.join(" | ")}`);
  await page.close();
});

test("search results are in the page's script", async () => {
  const hant = await search("宁波");
  assert.ok(hant.paragraphs.every((p) => !/宁波/.test(p)), "Traditional results show 寧波");
  await hant.page.close();
  const hans = await search("寧波", "zh-Hans/");
  assert.ok(hans.paragraphs.length > 0 && hans.paragraphs.every((p) => !/寧波/.test(p)), "Simplified results show 宁波");
  await hans.page.close();
});

test("a source page in the other script says it was converted and links to its original; English is marked lang=en", NEEDS_DEV, async () => {
  const simplified = fs.readdirSync(path.join(SITE, "source")).find((id) => id.startsWith("03_"));
  const page = await open(`source/${simplified}/index.html`);
  const notice = page.locator(".script-note");
  assert.equal(await notice.count(), 1, "the conversion notice");
  const href = await notice.locator("a").getAttribute("href");
  assert.match(href, new RegExp(`zh-Hans/source/${simplified}/`));
  await page.close();
  const english = await open("source/14_en_hangzhou_xinhua_innovation_measures/index.html");
  const langs = await english.locator("main .prose p").evaluateAll((ps) => ps.map((p) => p.closest("[lang]")?.getAttribute("lang") ?? p.querySelector("[lang]")?.getAttribute("lang")));
  assert.ok(langs.length > 0 && langs.every((l) => l === "en"), langs.join(","));
  await english.close();
});

test("no page logged a console error", () => {
  assert.deepEqual(consoleErrors, []);
});
