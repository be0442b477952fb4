//! `serve` under load, on loopback: 200 open pages long-polling for a reload must not starve
//! page requests (the server answers with a few worker threads, and a waiting poll holds none
//! of them), every answer is complete, and a rebuild in progress never shows a page of one
//! build with the corpus files (data export, search index, cards) of the build before.

use explainer::build::{BuildOptions, Reuse};
use explainer::serve::{BuildCache, Limits, Server, inject};
use explainer::urls;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const POLLS: usize = 200;

fn options(dir: &Path) -> BuildOptions {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut options = BuildOptions::new(dir.join("seeds"), dir.join("site"));
    options.data = Some(repo.join("data"));
    options.templates = Some(repo.join("templates"));
    options.static_dir = Some(repo.join("static"));
    options.cache = Some(Arc::new(BuildCache::default()) as Arc<dyn Reuse>);
    options
}

fn write_seed(dir: &Path, n: usize) {
    fs::write(
        dir.join(format!("seeds/{n:03}.txt")),
        format!(
            "標記{n}號文章\n2025年5月{}日,寧波發布人工智能政策,新增企業{}家。\n溫州跟進。\n",
            n % 28 + 1,
            100 + n
        ),
    )
    .unwrap();
}

/// A response read off a keep-alive connection: status, `X-Build-Version`, body.
struct Response {
    status: u16,
    version: u64,
    body: Vec<u8>,
}

/// Reads one response (serve always sends `Content-Length`).
fn read_response(reader: &mut BufReader<TcpStream>) -> Response {
    let mut status_line = String::new();
    reader.read_line(&mut status_line).unwrap();
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (mut length, mut version) = (None, 0);
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse::<usize>().ok(),
                "x-build-version" => version = value.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
    }
    let length = length.unwrap_or_else(|| panic!("no Content-Length after {status_line}"));
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Response { status, version, body }
}

/// A request sent over a connection of its own (serve answers one request per connection).
struct Sent {
    reader: BufReader<TcpStream>,
}

fn send(addr: SocketAddr, path: &str) -> Sent {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    Sent {
        reader: BufReader::new(stream),
    }
}

fn get(addr: SocketAddr, path: &str) -> Response {
    read_response(&mut send(addr, path).reader)
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn many_waiting_polls_do_not_starve_pages_and_a_rebuild_answers_them_all() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("seeds")).unwrap();
    for n in 0..3 {
        write_seed(dir.path(), n);
    }
    let options = options(dir.path());
    let limits = Limits::default();
    let server = Arc::new(Server::start("127.0.0.1", 0, limits).unwrap());
    server.rebuild(&options).unwrap();
    let addr = server.addr();
    let first = server.snapshot();

    // Every open page polls; none of them may hold a worker.
    let mut polls: Vec<Sent> = (0..POLLS)
        .map(|_| send(addr, &format!("/__livereload?since={}", first.version)))
        .collect();
    wait_until("every poll is parked", Duration::from_secs(30), || {
        server.parked() == POLLS
    });
    assert!(POLLS > limits.workers * 10, "far more polls than workers");

    // Pages meanwhile: from eight clients at once.
    let files = first.files();
    let pages: Vec<String> = files.keys().filter(|p| p.ends_with("index.html")).cloned().collect();
    assert!(pages.len() > 20, "{} pages", pages.len());
    let clients: Vec<_> = (0..8)
        .map(|c| {
            let (pages, files, version) = (pages.clone(), files.clone(), first.version);
            std::thread::spawn(move || {
                let mut slowest = Duration::ZERO;
                for k in 0..25 {
                    let path = &pages[(c * 31 + k * 7) % pages.len()];
                    let started = Instant::now();
                    let response = get(addr, &format!("/{path}"));
                    slowest = slowest.max(started.elapsed());
                    assert_eq!((response.status, response.version), (200, version), "{path}");
                    assert!(
                        response.body == inject(&files[path], version, None),
                        "{path}: the whole page"
                    );
                }
                slowest
            })
        })
        .collect();
    let slowest = clients.into_iter().map(|c| c.join().unwrap()).max().unwrap();
    eprintln!("200 pages beside {POLLS} parked polls: the slowest took {slowest:?}");
    // A page is made in memory and copied out; even a debug build on a busy machine answers in
    // milliseconds. A server that gave each poll a worker would not answer at all.
    assert!(slowest < Duration::from_secs(2), "slowest page took {slowest:?}");
    assert_eq!(server.parked(), POLLS, "the polls are still waiting");

    // A rebuild answers every poll with the new build, at once.
    write_seed(dir.path(), 3);
    let started = Instant::now();
    server.rebuild(&options).unwrap();
    let version = server.snapshot().version;
    assert!(version > first.version);
    for poll in &mut polls {
        let response = read_response(&mut poll.reader);
        assert_eq!(
            (response.status, response.body),
            (200, version.to_string().into_bytes())
        );
    }
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
    assert_eq!(server.parked(), 0);
}

/// The highest `標記N` (the made-up articles' titles) in a file.
fn highest_mark(body: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(body);
    text.match_indices("標記")
        .filter_map(|(at, m)| {
            let digits: String = text[at + m.len()..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .max()
}

#[test]
fn a_page_is_never_followed_by_older_corpus_files_while_rebuilds_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("seeds")).unwrap();
    write_seed(dir.path(), 0);
    let options = options(dir.path());
    let server = Arc::new(Server::start("127.0.0.1", 0, Limits::default()).unwrap());
    server.rebuild(&options).unwrap();
    let addr = server.addr();
    let stop = Arc::new(AtomicBool::new(false));
    // Readers: the list of sources (a page), then the data export (a corpus file). Each added
    // article's title carries its number, so the export must name at least the newest article
    // the page just named.
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut checked = 0;
                while !stop.load(Ordering::SeqCst) {
                    let page = get(addr, &format!("/{}", urls::html(urls::SOURCES)));
                    let export = get(addr, &format!("/{}", urls::EXPORT));
                    assert_eq!((page.status, export.status), (200, 200));
                    assert!(
                        export.version >= page.version,
                        "export of build {} after page of build {}",
                        export.version,
                        page.version
                    );
                    let (named, exported) = (highest_mark(&page.body), highest_mark(&export.body));
                    assert!(
                        exported >= named,
                        "page names article {named:?}, the export after it only {exported:?}"
                    );
                    serde_json::from_slice::<serde_json::Value>(&export.body).expect("a whole export");
                    checked += 1;
                }
                checked
            })
        })
        .collect();
    for n in 1..=6 {
        write_seed(dir.path(), n);
        server.rebuild(&options).unwrap();
    }
    stop.store(true, Ordering::SeqCst);
    let checked: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert!(checked > 10, "checked {checked} pairs");
    // After the last rebuild, the export names the last article.
    assert_eq!(highest_mark(&get(addr, &format!("/{}", urls::EXPORT)).body), Some(6));
}
