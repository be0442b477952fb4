//! `explainer serve`: build in memory, serve on 127.0.0.1, rebuild when seeds, templates,
//! static files or data change, and make open pages reload themselves.
//!
//! The browser side is a few lines of long polling (`/__livereload.js` asks
//! `/__livereload?since=N` and reloads when the answer differs), so no inline script is needed
//! and the page's Content-Security-Policy stays strict. A failed rebuild keeps the last good
//! site and shows the error on every page and in the terminal; the server keeps running.
//!
//! `live` holds what is served (snapshots published whole: pages first, then the files made
//! from the whole corpus), `http` what a request gets from a snapshot, `server` the threads
//! (a reader, a few workers, a waiter for parked requests), `cache` what a rebuild reuses and
//! `hashes` how it tells what changed.

mod cache;
mod hashes;
mod http;
mod live;
mod server;

pub use cache::BuildCache;
pub use hashes::{ReadHashes, SeedHashes};
pub use http::{Answer, Ask, LIVERELOAD_JS, inject};
pub use live::{Live, Lookup, Rebuilt, Snapshot};
pub use server::{Limits, Parked, Server};

use crate::build::BuildOptions;
use crate::error::{Error, Result};
use notify::{RecursiveMode, Watcher};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// Runs the preview server until the process is stopped.
pub fn serve(mut options: BuildOptions, bind: &str, port: u16) -> Result<()> {
    options.cache = Some(Arc::new(BuildCache::default()));
    // Watch before the first build, so that an edit made while it runs, or just after its pages
    // are served, is not missed: its event waits in the channel and the builder rebuilds.
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
    let server = Server::start(bind, port, Limits::default())?;
    rebuild(&server, &options);
    println!("serving on http://{bind}:{port}/ — watching for changes (Ctrl-C to stop)");
    let server = Arc::new(server);
    let builder = Arc::clone(&server);
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Editors write in bursts: wait for quiet before building.
            while rx.recv_timeout(Duration::from_millis(80)).is_ok() {}
            rebuild(&builder, &options);
        }
    });
    let result = server.wait();
    drop(watcher);
    result
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

/// Rebuilds and says how it went in the terminal.
fn rebuild(server: &Server, options: &BuildOptions) {
    match server.rebuild(options) {
        Ok(done) => println!(
            "{} — pages ready in {:.0} ms (made {}, reused {}); search index, export and feeds followed",
            done.summary, done.pages_ms, done.made, done.reused
        ),
        Err(e) => eprintln!("error: {e}"),
    }
}
