//! `explainer serve`: build in memory, serve on 127.0.0.1, rebuild when seeds, templates,
//! static files or data change, and make open pages reload themselves.
//!
//! The browser side is a few lines of long polling (`/__livereload.js` asks
//! `/__livereload?since=N` and reloads when the answer differs), so no inline script is needed
//! and the page's Content-Security-Policy stays strict. A failed rebuild keeps the last good
//! site and shows the error on every page and in the terminal; the server keeps running.

mod cache;

pub use cache::BuildCache;

use crate::build::{self, BuildOptions};
use crate::error::{Error, Result};
use crate::output::{self, Files, MemoryOutput};
use crate::urls;
use notify::{RecursiveMode, Watcher};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The state every request reads.
#[derive(Default)]
struct State {
    /// Every page (HTML and Markdown, both scripts).
    pages: Files,
    /// The files made from the whole corpus (export, search index, feeds, assets), which follow
    /// the pages a moment later.
    derived: Files,
    /// The last build's error, shown on every page until a build succeeds.
    error: Option<String>,
    /// Increases with every build, good or bad.
    version: u64,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

const LIVERELOAD_JS: &str = r#"// explainer serve: reload when the site is rebuilt.
const since = Number(document.documentElement.dataset.buildVersion || 0);
async function poll(version) {
  try {
    const response = await fetch(`/__livereload?since=${version}`, { cache: "no-store" });
    const next = Number(await response.text());
    if (next !== version) { location.reload(); return; }
    poll(version);
  } catch { setTimeout(() => poll(version), 1000); }
}
poll(since);
"#;

/// Runs the preview server until the process is stopped.
pub fn serve(mut options: BuildOptions, bind: &str, port: u16) -> Result<()> {
    options.cache = Some(Arc::new(BuildCache::default()));
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    rebuild(&options, &shared);
    let server = tiny_http::Server::http((bind, port))
        .map_err(|e| Error::msg(format!("cannot listen on {bind}:{port}: {e}")))?;
    println!("serving on http://{bind}:{port}/ — watching for changes (Ctrl-C to stop)");
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| Error::msg(format!("cannot watch files: {e}")))?;
    for dir in watched(&options) {
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|e| Error::file(&dir, format!("cannot watch: {e}")))?;
    }
    let builder = Arc::clone(&shared);
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Editors write in bursts: wait for quiet before building.
            while rx.recv_timeout(Duration::from_millis(80)).is_ok() {}
            rebuild(&options, &builder);
        }
    });
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || respond(request, &shared));
    }
    drop(watcher);
    Ok(())
}

fn watched(options: &BuildOptions) -> Vec<PathBuf> {
    [
        Some(options.seeds.clone()),
        options.templates.clone(),
        options.static_dir.clone(),
        options.data.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|p| p.is_dir())
    .collect()
}

/// Builds the pages and swaps them in (open pages reload), then the files made from the whole
/// corpus. Only what a change touched is made again: see [`BuildCache`].
fn rebuild(options: &BuildOptions, shared: &Shared) {
    let started = Instant::now();
    let (lock, changed) = &**shared;
    let output = MemoryOutput::default();
    let result = build::build_pages(options, &output).and_then(|mut site| {
        let (made, reused) = options.cache.as_ref().map_or((0, 0), |c| c.take_counts());
        let pages_ms = started.elapsed().as_secs_f64() * 1000.0;
        {
            let mut state = output::lock(lock);
            state.version += 1;
            state.pages = output.into_files();
            state.error = None;
            changed.notify_all();
        }
        let derived = MemoryOutput::default();
        build::write_derived(&mut site, options.static_dir.as_deref(), &derived)?;
        output::lock(lock).derived = derived.into_files();
        println!(
            "{} — pages ready in {pages_ms:.0} ms (made {made}, reused {reused}); search index, export and feeds followed",
            site.summary(started)
        );
        Ok(())
    });
    if let Err(e) = result {
        eprintln!("error: {e}");
        let mut state = output::lock(lock);
        state.version += 1;
        state.error = Some(e.to_string());
        changed.notify_all();
    }
}

impl State {
    fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.pages.get(path).or_else(|| self.derived.get(path))
    }
}

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let (lock, changed) = &**shared;
    if path == "/__livereload" {
        let since: u64 = query.strip_prefix("since=").and_then(|v| v.parse().ok()).unwrap_or(0);
        let state = output::lock(lock);
        let (state, _) = changed
            .wait_timeout_while(state, Duration::from_secs(25), |s| s.version == since)
            .unwrap_or_else(|p| p.into_inner());
        let _ = request.respond(reply(200, "text/plain", state.version.to_string().into_bytes()));
        return;
    }
    if path == "/__livereload.js" {
        let _ = request.respond(reply(200, "text/javascript", LIVERELOAD_JS.as_bytes().to_vec()));
        return;
    }
    let state = output::lock(lock);
    let key = percent_decode(path.trim_start_matches('/'));
    let key = if key.is_empty() || key.ends_with('/') {
        urls::html(&key)
    } else {
        key
    };
    let (status, key) = match state.get(&key) {
        Some(_) => (200, key),
        None if state.get(&urls::html(&format!("{key}/"))).is_some() => {
            let mut response = reply(301, "text/plain", Vec::new());
            if let Some(location) = header("Location", &format!("{path}/")) {
                response.add_header(location);
            }
            let _ = request.respond(response);
            return;
        }
        None => (404, urls::NOT_FOUND.to_string()),
    };
    let Some(bytes) = state.get(&key) else {
        let text = state.error.clone().unwrap_or_else(|| "not found".to_string());
        let _ = request.respond(reply(404, "text/plain; charset=utf-8", text.into_bytes()));
        return;
    };
    let kind = content_type(&key);
    let body = if kind.starts_with("text/html") {
        inject(bytes, state.version, state.error.as_deref())
    } else {
        bytes.to_vec()
    };
    let _ = request.respond(reply(status, kind, body));
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn reply(status: u16, kind: &str, body: Vec<u8>) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_data(body).with_status_code(status);
    for h in [header("Content-Type", kind), header("Cache-Control", "no-store")]
        .into_iter()
        .flatten()
    {
        response.add_header(h);
    }
    response
}

/// Adds the reload script, the build version and, after a failed build, the error.
fn inject(html: &[u8], version: u64, error: Option<&str>) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(html).into_owned();
    text = text.replacen("<html ", &format!("<html data-build-version=\"{version}\" "), 1);
    if let Some(error) = error {
        let banner = format!(
            "<div class=\"build-error\" role=\"alert\"><strong>Build failed — showing the last good build.</strong><pre>{}</pre></div>",
            crate::text::escape::html(error)
        );
        if let Some(at) = text.find("<body").and_then(|b| text[b..].find('>').map(|e| b + e + 1)) {
            text.insert_str(at, &banner);
        }
    }
    text.replacen(
        "</body>",
        "<script type=\"module\" src=\"/__livereload.js\"></script></body>",
        1,
    )
    .into_bytes()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%E5%AF%A7` → 寧; invalid escapes are kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_paths() {
        assert_eq!(percent_decode("source/%E5%AF%A7/"), "source/寧/");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%寧%zz"), "%寧%zz");
    }

    #[test]
    fn injects_script_and_error() {
        let html = b"<html lang=\"zh\"><body class=\"x\"><p>hi</p></body></html>";
        let out = String::from_utf8(inject(html, 3, Some("seeds/a.txt:2: bad <x>"))).unwrap();
        assert!(out.contains("data-build-version=\"3\""));
        assert!(out.contains("<body class=\"x\"><div class=\"build-error\""));
        assert!(out.contains("bad &lt;x&gt;"));
        assert!(out.ends_with("<script type=\"module\" src=\"/__livereload.js\"></script></body></html>"));
    }
}
