//! What `serve` answers to a request, given a [`Snapshot`]: the file at the path (with the
//! reload script added to HTML), a redirect to the folder, the 404 page, or the build number
//! for the reload script's long poll.

use super::live::{Lookup, Snapshot};
use crate::urls;

/// The browser side of live reload, served at `/__livereload.js` (a file, so no inline script
/// is needed and the page's Content-Security-Policy stays strict). It long-polls
/// `/__livereload?since=N` and reloads when the answer differs. Only one tab of a browser polls
/// at a time (it holds a Web Lock) and tells the others through a BroadcastChannel: a browser
/// opens at most six connections to one host, so a poll in every open tab would leave none for
/// loading pages. An error or a busy server (503) is retried a second later.
pub const LIVERELOAD_JS: &str = r#"// explainer serve: reload when the site is rebuilt.
const since = Number(document.documentElement.dataset.buildVersion || 0);
const channel = "BroadcastChannel" in self ? new BroadcastChannel("explainer-livereload") : null;
if (channel) channel.onmessage = (event) => { if (event.data !== since) location.reload(); };
const pause = () => new Promise((resolve) => setTimeout(resolve, 1000));
async function poll() {
  for (;;) {
    try {
      const response = await fetch(`/__livereload?since=${since}`, { cache: "no-store" });
      const next = response.ok ? Number(await response.text()) : since;
      if (next !== since) { channel?.postMessage(next); location.reload(); return; }
      if (!response.ok) await pause();
    } catch { await pause(); }
  }
}
if (channel && navigator.locks) navigator.locks.request("explainer-livereload", poll);
else poll();
"#;

/// The path of the long poll and of its script.
pub const POLL: &str = "/__livereload";
pub const POLL_SCRIPT: &str = "/__livereload.js";

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The build number, once it differs from `since`.
    Poll {
        since: u64,
    },
    Script,
    /// A file: `path` as requested (for redirects), `key` the file it names in the site.
    File {
        path: String,
        key: String,
    },
}

impl Ask {
    pub fn of(url: &str) -> Ask {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        if path == POLL {
            let since = query
                .split('&')
                .find_map(|p| p.strip_prefix("since="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            return Ask::Poll { since };
        }
        if path == POLL_SCRIPT {
            return Ask::Script;
        }
        let key = percent_decode(path.trim_start_matches('/'));
        let key = if key.is_empty() || key.ends_with('/') {
            urls::html(&key)
        } else {
            key
        };
        Ask::File {
            path: path.to_string(),
            key,
        }
    }
}

/// A response before it is sent: status, headers, body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub location: Option<String>,
    /// The build the body comes from (`X-Build-Version`), so a client can tell builds apart.
    pub version: u64,
    pub body: Vec<u8>,
}

impl Answer {
    fn new(status: u16, content_type: &'static str, version: u64, body: Vec<u8>) -> Answer {
        Answer {
            status,
            content_type,
            location: None,
            version,
            body,
        }
    }

    /// A bare status, for a request that cannot be read.
    pub fn status(status: u16) -> Answer {
        Answer::new(
            status,
            "text/plain; charset=utf-8",
            0,
            reason(status).as_bytes().to_vec(),
        )
    }

    /// The answer when the server cannot take a request now.
    pub fn busy(version: u64) -> Answer {
        Answer::new(503, "text/plain; charset=utf-8", version, b"busy, try again".to_vec())
    }

    /// Writes the response; the connection closes after it (one request per connection, so a
    /// connection never holds a thread between requests). `head_only` for a HEAD request.
    pub fn write_to(&self, out: &mut impl std::io::Write, head_only: bool) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Build-Version: {}\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            self.version
        );
        if let Some(location) = &self.location {
            // Paths come percent-encoded from the request line; nothing to escape but line ends.
            head.push_str(&format!("Location: {}\r\n", location.replace(['\r', '\n'], "")));
        }
        if self.status == 503 {
            head.push_str("Retry-After: 1\r\n");
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The largest request head read: a browser's are well under 8 KB.
pub const MAX_HEAD: usize = 16 * 1024;

/// A request as far as `serve` reads it: the request line (headers are read and ignored; GET
/// and HEAD carry no body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub ask: Ask,
    pub head_only: bool,
}

/// The request in `head` (the bytes up to and including the blank line), or the status to
/// refuse it with.
pub fn parse_head(head: &[u8]) -> Result<Request, u16> {
    let line_end = head.iter().position(|&b| b == b'\n').ok_or(400u16)?;
    let line = std::str::from_utf8(&head[..line_end])
        .map_err(|_| 400u16)?
        .trim_end_matches('\r');
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(400);
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return Err(405),
    };
    // An absolute-form target (`http://host/path`) names the path after the authority.
    let target = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => target,
    };
    if !target.starts_with('/') {
        return Err(400);
    }
    Ok(Request {
        ask: Ask::of(target),
        head_only,
    })
}

/// Where the head of a request ends in `bytes` read so far (after its blank line), if it does.
pub fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|at| at + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether `ask` must wait for the snapshot to change (what [`answer`] returns `None` for).
pub fn waits(ask: &Ask, snapshot: &Snapshot) -> bool {
    match ask {
        Ask::Poll { since } => *since == snapshot.version,
        Ask::Script => false,
        Ask::File { key, .. } => match snapshot.get(key) {
            Lookup::Found(_) => false,
            Lookup::Pending => true,
            Lookup::Missing => snapshot.get(&urls::html(&format!("{key}/"))) == Lookup::Pending,
        },
    }
}

/// The answer to `ask` from `snapshot`; `None` when it must wait: a poll whose build is
/// current, or a corpus file this build has not made yet.
pub fn answer(ask: &Ask, snapshot: &Snapshot) -> Option<Answer> {
    let version = snapshot.version;
    match ask {
        Ask::Poll { since } if *since == version => None,
        Ask::Poll { .. } => Some(poll_answer(snapshot)),
        Ask::Script => Some(Answer::new(
            200,
            "text/javascript; charset=utf-8",
            version,
            LIVERELOAD_JS.as_bytes().to_vec(),
        )),
        Ask::File { path, key } => {
            let (status, key) = match snapshot.get(key) {
                Lookup::Found(_) => (200, key.as_str()),
                Lookup::Pending => return None,
                Lookup::Missing => match snapshot.get(&urls::html(&format!("{key}/"))) {
                    Lookup::Found(_) => {
                        let mut moved = Answer::new(301, "text/plain", version, Vec::new());
                        moved.location = Some(format!("{path}/"));
                        return Some(moved);
                    }
                    Lookup::Pending => return None,
                    Lookup::Missing => (404, urls::NOT_FOUND),
                },
            };
            let Lookup::Found(bytes) = snapshot.get(key) else {
                let text = snapshot.error.as_deref().unwrap_or("not found");
                return Some(Answer::new(
                    404,
                    "text/plain; charset=utf-8",
                    version,
                    text.as_bytes().to_vec(),
                ));
            };
            let kind = content_type(key);
            let body = if kind.starts_with("text/html") {
                inject(bytes, version, snapshot.error.as_deref())
            } else {
                bytes.to_vec()
            };
            Some(Answer::new(status, kind, version, body))
        }
    }
}

/// The build number, for a poll (when it changed, or when the poll waited long enough).
pub fn poll_answer(snapshot: &Snapshot) -> Answer {
    Answer::new(
        200,
        "text/plain",
        snapshot.version,
        snapshot.version.to_string().into_bytes(),
    )
}

/// What `serve` adds to every HTML page: the build version (which the reload script compares),
/// the reload script and, after a failed build, the error.
pub fn inject(html: &[u8], version: u64, error: Option<&str>) -> Vec<u8> {
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
        &format!("<script type=\"module\" src=\"{POLL_SCRIPT}\"></script></body>"),
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
pub fn percent_decode(s: &str) -> String {
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
    use crate::output::Files;
    use std::sync::Arc;

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

    #[test]
    fn parses_request_heads() {
        let get = parse_head(b"GET /city/ningbo/?a=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(get.ask, Ask::of("/city/ningbo/"));
        assert!(!get.head_only);
        assert!(parse_head(b"HEAD / HTTP/1.0\n\n").unwrap().head_only);
        assert_eq!(
            parse_head(b"GET http://localhost:1111/x HTTP/1.1\r\n\r\n").unwrap().ask,
            Ask::of("/x")
        );
        assert_eq!(parse_head(b"POST / HTTP/1.1\r\n\r\n"), Err(405));
        assert_eq!(parse_head(b"GET /\r\n\r\n"), Err(400));
        assert_eq!(parse_head(b"GET x HTTP/1.1\r\n\r\n"), Err(400));
        assert_eq!(parse_head(b"\xff\r\n\r\n"), Err(400));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n\r\nrest"), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\nA: b\n\n"), Some(21));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n"), None);
    }

    #[test]
    fn writes_whole_responses() {
        let mut answer = Answer::new(301, "text/plain", 9, b"moved".to_vec());
        answer.location = Some("/a/\r\nSet-Cookie: x".into());
        let mut out = Vec::new();
        answer.write_to(&mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 301 Moved Permanently\r\n"));
        assert!(text.contains("Content-Length: 5\r\n") && text.contains("X-Build-Version: 9\r\n"));
        assert!(text.contains("Location: /a/Set-Cookie: x\r\n"), "no header from a path");
        assert!(text.ends_with("\r\n\r\nmoved"));
        let mut head = Vec::new();
        answer.write_to(&mut head, true).unwrap();
        assert!(head.ends_with(b"\r\n\r\n"));
    }

    #[test]
    fn reads_requests() {
        assert_eq!(Ask::of("/__livereload?since=7"), Ask::Poll { since: 7 });
        assert_eq!(Ask::of("/__livereload?x=1&since=7"), Ask::Poll { since: 7 });
        assert_eq!(Ask::of("/__livereload"), Ask::Poll { since: 0 });
        assert_eq!(Ask::of("/__livereload.js"), Ask::Script);
        assert_eq!(
            Ask::of("/city/ningbo/?x"),
            Ask::File {
                path: "/city/ningbo/".into(),
                key: "city/ningbo/index.html".into()
            }
        );
    }

    fn snapshot(corpus: Option<&[&str]>) -> Snapshot {
        let files = |names: &[&str]| -> Arc<Files> {
            Arc::new(
                names
                    .iter()
                    .map(|n| {
                        (
                            n.to_string(),
                            Arc::from(format!("<html lang=\"x\"><body>{n}</body></html>").as_bytes()),
                        )
                    })
                    .collect(),
            )
        };
        Snapshot {
            version: 4,
            pages: files(&["index.html", "city/ningbo/index.html"]),
            corpus: corpus.map(files),
            error: None,
        }
    }

    #[test]
    fn answers_files_redirects_and_waits() {
        let ready = snapshot(Some(&["404.html", "search-index.json"]));
        let get = |s: &Snapshot, url: &str| answer(&Ask::of(url), s);
        let page = get(&ready, "/city/ningbo/").unwrap();
        assert_eq!((page.status, page.version), (200, 4));
        assert!(
            String::from_utf8(page.body)
                .unwrap()
                .contains("data-build-version=\"4\"")
        );
        let moved = get(&ready, "/city/ningbo").unwrap();
        assert_eq!((moved.status, moved.location.as_deref()), (301, Some("/city/ningbo/")));
        let missing = get(&ready, "/nope").unwrap();
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8(missing.body).unwrap().contains("404.html"));
        assert_eq!(
            get(&ready, "/search-index.json").unwrap().body,
            ready.files()["search-index.json"].to_vec()
        );
        assert!(get(&ready, "/__livereload?since=4").is_none(), "a current poll waits");
        assert_eq!(get(&ready, "/__livereload?since=3").unwrap().body, b"4");

        let building = snapshot(None);
        assert!(get(&building, "/city/ningbo/").is_some(), "pages are served at once");
        assert!(
            get(&building, "/search-index.json").is_none(),
            "corpus files wait for this build's"
        );
        assert!(get(&building, "/nope").is_none(), "and so does the 404 page");
    }
}
