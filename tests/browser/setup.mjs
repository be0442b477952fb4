// Runs before the browser tests (`npm test` calls it as `pretest`), so that the README's one test
// command works on a fresh machine: it installs what the tests need when it can (the pinned npm
// packages with `npm ci`; Debian's chromium and a Java runtime with apt-get, as root) and
// otherwise stops, saying exactly what is missing and how to get it. Then it builds the site the
// layout tests read: the sample seeds plus the development articles, when they are present.
// Only Node's standard library: this file runs before the packages are installed.
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromiumPath, javaPath, EVAL_SITE, EVAL_BASE_URL, devSeeds, REPO } from "./env.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const say = (line) => console.log(`setup: ${line}`);
const missing = [];

// ---- Node itself ---------------------------------------------------------------------------
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 11)) {
  console.error(`The browser tests need Node.js 20.11 or later (this is ${process.versions.node}): https://nodejs.org/en/download`);
  process.exit(1);
}

// ---- The pinned npm packages ---------------------------------------------------------------
const lock = JSON.parse(fs.readFileSync(path.join(here, "package-lock.json"), "utf8"));
const stale = Object.entries(lock.packages)
  .filter(([where]) => where.startsWith("node_modules/"))
  .filter(([where, { version }]) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(here, where, "package.json"), "utf8")).version !== version;
    } catch {
      return true;
    }
  });
if (stale.length) {
  say(`installing the pinned npm packages (${stale.length} missing or different): npm ci`);
  // No install scripts: none of these packages needs one (playwright-core uses the system
  // chromium, vnu-jar ships its jar), and skipping them keeps the install from running code.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: here, stdio: "inherit" });
  if (r.status !== 0) missing.push("the npm packages: `npm ci --prefix tests/browser` failed (is the npm registry reachable?)");
}

// ---- Chromium and Java, from Debian when we may ----------------------------------------------
const canApt = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
let aptUpdated = false;
function aptInstall(pkg) {
  if (!canApt) return false;
  say(`installing Debian's ${pkg}: apt-get install ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    aptUpdated = true;
  }
  return spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { stdio: "inherit", env }).status === 0;
}

if (!chromiumPath() && !(aptInstall("chromium") && chromiumPath())) {
  missing.push("Chromium: `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome");
}
if (!javaPath() && !(aptInstall("default-jre-headless") && javaPath())) {
  missing.push("Java 11 or later, for the Nu HTML Checker: `sudo apt-get install default-jre-headless`, or put `java` on PATH");
}

if (missing.length) {
  console.error("The browser tests cannot run; missing:");
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}

// ---- The site the layout tests read ----------------------------------------------------------
// The committed site/ holds the sample only; these tests also want the development articles
// (English, Simplified, long plans), built as the maintainers' scorecard builds them: copied
// beside the sample, without metadata, with a base URL (the 404 page and hreflang depend on it).
// The debug binary: `cargo test` has just built it, so this costs seconds, where a release
// build would compile everything again (minutes; the output is the same).
const seedsDir = path.join(EVAL_SITE, "seeds");
fs.rmSync(EVAL_SITE, { recursive: true, force: true });
fs.mkdirSync(seedsDir, { recursive: true });
const copy = (dir, keep) => {
  for (const name of fs.readdirSync(dir).filter(keep)) fs.copyFileSync(path.join(dir, name), path.join(seedsDir, name));
};
copy(path.join(REPO, "seeds"), () => true);
const dev = devSeeds();
if (dev) copy(dev, (name) => name.endsWith(".txt"));
else say("the development articles were not found (set EXPLAINER_DEV_SEEDS=DIR): the layout tests read the sample only");
say(`building the test site from ${fs.readdirSync(seedsDir).length} seed files into ${path.relative(REPO, EVAL_SITE)}/site`);
execFileSync("cargo", ["run", "--locked", "-q", "--", "build", "--seeds", seedsDir, "--out", path.join(EVAL_SITE, "site"), "--base-url", EVAL_BASE_URL],
  { cwd: REPO, stdio: "inherit" });
