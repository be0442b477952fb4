// What the browser test files share: a static server that behaves like GitHub Pages, Chromium,
// axe-core and the Nu HTML Checker.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { chromiumPath, CHROMIUM_ARGS } from "./env.mjs";

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".svg": "image/svg+xml", ".xml": "application/xml", ".md": "text/markdown; charset=utf-8", ".txt": "text/plain" };

/// A static file server for `site` at `prefix`, like GitHub Pages: index.html for folders, and
/// the site's 404.html, with status 404, for any missing path at any depth.
export function serve(site, prefix) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    rel = rel.slice(prefix.length);
    let file = path.join(site, rel);
    if (!file.startsWith(site)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404, { "content-type": TYPES[".html"] }); res.end(fs.readFileSync(path.join(site, "404.html"))); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/// A headless Chromium with its own profile; `close()` removes the profile.
export async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "explainer-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 }, ...options,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/// Collects the console errors and uncaught exceptions of every page the context opens (but not
/// the 404 status of a missing page itself, which is the point of opening one).
export function watchConsole(context) {
  const errors = [];
  context.on("page", (page) => {
    page.on("console", (m) => {
      if (m.type() !== "error" || (m.location().url === page.url() && / 404 /.test(m.text()))) return;
      errors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  });
  return errors;
}

const AXE = path.resolve(import.meta.dirname, "node_modules/axe-core/axe.min.js");

/// axe-core's violations on an open page, as `rule: targets` lines. The script is served from
/// the page's own origin (a routed URL), so the page's Content-Security-Policy allows it.
export async function axeViolations(page) {
  const origin = new URL(page.url()).origin;
  await page.route(`${origin}/__axe.js`, (route) => route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(AXE, "utf8") }));
  await page.addScriptTag({ url: `${origin}/__axe.js` });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/// Runs the Nu HTML Checker over every HTML file under `dir`; throws on any error.
export function nuCheck(dir) {
  const jar = path.resolve(import.meta.dirname, "node_modules/vnu-jar/build/dist/vnu.jar");
  execFileSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", dir], { stdio: "inherit" });
}
