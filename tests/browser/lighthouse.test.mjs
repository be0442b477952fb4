// Lighthouse (performance, accessibility, best practices, SEO) on the pages readers land on, in
// the site setup.mjs builds: at least 95 in every category. Lighthouse's default run: a phone,
// with simulated throttling (computed from the trace, so a busy machine does not lower it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { EVAL_SITE, PREFIX, chromiumPath, CHROMIUM_ARGS } from "./env.mjs";
import { serve } from "./harness.mjs";

let server, base, chrome;

before(async () => {
  server = await serve(path.join(EVAL_SITE, "site"), PREFIX);
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
});

after(async () => {
  await chrome?.kill();
  server?.close();
});

for (const rel of ["index.html", "city/hangzhou/index.html", "source/000_cc229362e59457d6/index.html", "terms/ai-plus-manufacturing/index.html"]) {
  test(`Lighthouse scores ${rel} at least 95 in every category`, async () => {
    const { lhr } = await lighthouse(base + rel, { port: chrome.port, output: "json", logLevel: "error" });
    assert.deepEqual(lhr.runtimeError ?? null, null);
    const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, Math.round(c.score * 100)]));
    const low = Object.entries(scores).filter(([, s]) => s < 95);
    const failing = (id) => lhr.categories[id].auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id].score ?? 1) < 0.9).map((r) => r.id);
    assert.deepEqual(low, [], `${JSON.stringify(scores)}; failing audits: ${low.map(([id]) => failing(id).join(", ")).join("; ")}`);
  });
}
