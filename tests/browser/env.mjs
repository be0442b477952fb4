// Where the browser tests find their tools and sites; shared by setup.mjs and the tests.
// Only Node's standard library (setup.mjs imports this before the npm packages exist).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Not import.meta.dirname: setup.mjs must get far enough on an old Node to say it is too old.
export const REPO = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
/// The committed site (the sample).
export const SITE = path.join(REPO, "site");
/// The site built by setup.mjs from the sample and the development articles.
export const EVAL_SITE = path.join(REPO, "target/browser-site");
/// The base URL that site is built with: a GitHub Pages project site. The tests serve it under
/// the same path (`/repo/`) on a local port, so links written from the base URL's path work.
export const EVAL_BASE_URL = "https://example.github.io/repo/";
export const PREFIX = "/repo/";

const onPath = (name) => {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
};

/// Chromium: $CHROMIUM, $CHROME_PATH, Debian's /usr/bin/chromium, or `chromium` on PATH.
export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM, process.env.CHROME_PATH, "/usr/bin/chromium"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return onPath("chromium") ?? onPath("chromium-browser");
}

/// A Java runtime (11 or later: the Nu HTML Checker's minimum).
export function javaPath() {
  const java = onPath("java");
  if (!java) return null;
  const out = spawnSync(java, ["-version"], { encoding: "utf8" });
  const version = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr ?? "");
  if (!version) return null;
  const major = version[1] === "1" ? Number(version[2]) : Number(version[1]);
  return major >= 11 ? java : null;
}

/// The development articles: $EXPLAINER_DEV_SEEDS, else `shared/eval/dev/seeds` beside the
/// repository or one of its ancestors (the maintainers' layout), else none.
export function devSeeds() {
  if (process.env.EXPLAINER_DEV_SEEDS) return process.env.EXPLAINER_DEV_SEEDS;
  for (let dir = path.dirname(REPO); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared/eval/dev/seeds");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/// Chromium's flags for a headless run on a shared machine.
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--no-first-run", "--disable-sync"];

/// The options of a test that reads what only the development articles have (several articles
/// on one city, an English and a Simplified article, paginated lists): it skips, saying so, when
/// setup.mjs built the test site without them (no ../shared/eval/dev/seeds, no
/// EXPLAINER_DEV_SEEDS), except on CI (CI=true), where they belong and their absence fails, as
/// in the Rust tests (tests/common/mod.rs). Called by the tests, after setup.mjs has run.
export function needsDev() {
  const seeds = path.join(EVAL_SITE, "seeds");
  const withDev = fs.existsSync(seeds) && fs.readdirSync(seeds).filter((n) => /\.(txt|md)$/.test(n)).length > 1;
  const missing = "needs the development articles (../shared/eval/dev/seeds, or set EXPLAINER_DEV_SEEDS)";
  if (!withDev && process.env.CI === "true") throw new Error(`${missing}, and CI must run it`);
  return withDev ? {} : { skip: missing };
}
