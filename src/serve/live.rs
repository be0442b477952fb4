//! The site as `serve` answers it: a series of [`Snapshot`]s, each published whole, so a request
//! sees one build and never a folder half replaced.
//!
//! A rebuild publishes twice. First the pages (both scripts, HTML and Markdown) with the static
//! assets: all a page needs to show, and the moment open pages reload. Then the files made from
//! the whole corpus (data export, cards, search index, feeds, sitemap, the 404 page), which take
//! longer. Between the two, the snapshot has no corpus files at all, rather than the previous
//! build's: a request for one of them waits until this build's are ready (the server parks it,
//! holding no thread). So a reader never gets the pages of build N with the search index or
//! cards of build N−1. If the corpus files fail, the previous build comes back whole, with the
//! error.

use crate::build::{self, BuildOptions, Site};
use crate::error::Result;
use crate::output::{self, Files, MemoryOutput};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

/// One state of the served site.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The build shown: increases with every build, good or failed, and is what open pages
    /// compare to know they are stale. It does not change when a build's corpus files arrive.
    pub version: u64,
    /// Every page in both scripts (HTML and Markdown) and the static assets.
    pub pages: Arc<Files>,
    /// The files made from the whole corpus for these pages; `None` while they are being made.
    pub corpus: Option<Arc<Files>>,
    /// The last build's error, shown on every page until a build succeeds.
    pub error: Option<Arc<str>>,
}

/// What a snapshot holds at a path.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    Found(&'a Arc<[u8]>),
    /// Not a page or asset, and this build's corpus files are not ready: ask again when they are.
    Pending,
    Missing,
}

impl Snapshot {
    pub fn get(&self, path: &str) -> Lookup<'_> {
        if let Some(bytes) = self.pages.get(path) {
            return Lookup::Found(bytes);
        }
        match &self.corpus {
            Some(corpus) => corpus.get(path).map_or(Lookup::Missing, Lookup::Found),
            None => Lookup::Pending,
        }
    }

    /// Every file, as a build would write them (once the corpus files are ready).
    pub fn files(&self) -> Files {
        let mut files = self.corpus.as_deref().cloned().unwrap_or_default();
        files.extend(self.pages.iter().map(|(k, v)| (k.clone(), Arc::clone(v))));
        files
    }
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub struct Rebuilt {
    pub summary: String,
    pub pages_ms: f64,
    pub made: usize,
    pub reused: usize,
}

/// The served site and whoever waits for it to change. `W` is what the server parks while it
/// waits (requests); the rebuild side never looks at it.
pub struct Live<W = ()> {
    state: Mutex<LiveState<W>>,
    changed: Condvar,
}

/// The current snapshot and the waiters, under one lock: a waiter added after a snapshot was
/// published sees it, so no wake-up is lost.
pub struct LiveState<W> {
    pub current: Arc<Snapshot>,
    pub waiting: Vec<W>,
    pub stopping: bool,
}

impl<W> Default for Live<W> {
    /// Nothing built yet: every request waits for the first build (its corpus files are
    /// pending), so a browser opened while `serve` starts gets the site, not a 404.
    fn default() -> Self {
        Live {
            state: Mutex::new(LiveState {
                current: Arc::new(Snapshot::default()),
                waiting: Vec::new(),
                stopping: false,
            }),
            changed: Condvar::new(),
        }
    }
}

impl<W> Live<W> {
    pub fn new() -> Live<W> {
        Live::default()
    }

    /// The snapshot a request answering now should use.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.lock().current)
    }

    /// The state, for the server's waiters.
    pub fn lock(&self) -> MutexGuard<'_, LiveState<W>> {
        output::lock(&self.state)
    }

    /// Wakes whoever waits on [`Live::changed`].
    pub fn notify(&self) {
        self.changed.notify_all();
    }

    /// What the server's waiter thread sleeps on; notified on every publish.
    pub fn changed(&self) -> &Condvar {
        &self.changed
    }

    fn publish(&self, make: impl FnOnce(&Snapshot) -> Snapshot) -> Arc<Snapshot> {
        let mut state = self.lock();
        let next = Arc::new(make(&state.current));
        let previous = std::mem::replace(&mut state.current, next);
        drop(state);
        self.changed.notify_all();
        previous
    }

    /// Builds the site with `options` (with its cache, only what changed) and publishes it:
    /// the pages first, then the corpus files. On an error the last good site stays, with the
    /// error, under a new version (so open pages reload and show it).
    pub fn rebuild(&self, options: &BuildOptions) -> Result<Rebuilt> {
        let started = Instant::now();
        let pages = MemoryOutput::default();
        let site = build::build_pages(options, &pages)
            .and_then(|site| output::write_assets(&pages, options.static_dir.as_deref()).map(|()| site));
        let mut site = match site {
            Ok(site) => site,
            Err(e) => {
                self.fail(&e, None);
                return Err(e);
            }
        };
        let (made, reused) = options.cache.as_ref().map_or((0, 0), |c| c.take_counts());
        let pages_ms = started.elapsed().as_secs_f64() * 1000.0;
        let pages = Arc::new(pages.into_files());
        let previous = self.publish(|current| Snapshot {
            version: current.version + 1,
            pages,
            corpus: None,
            error: None,
        });
        match corpus_files(&mut site, options) {
            Ok(corpus) => {
                let corpus = Some(Arc::new(corpus));
                self.publish(|current| Snapshot {
                    version: current.version,
                    pages: Arc::clone(&current.pages),
                    corpus,
                    error: None,
                });
                Ok(Rebuilt {
                    summary: site.summary(started),
                    pages_ms,
                    made,
                    reused,
                })
            }
            Err(e) => {
                self.fail(&e, Some(&previous));
                Err(e)
            }
        }
    }

    /// Publishes the error over `restore` (the site before this build's pages), or over what is
    /// served now.
    fn fail(&self, error: &crate::Error, restore: Option<&Snapshot>) {
        self.publish(|current| {
            let good = restore.unwrap_or(current);
            Snapshot {
                version: current.version + 1,
                pages: Arc::clone(&good.pages),
                // With no good build yet, requests get the error instead of waiting.
                corpus: Some(good.corpus.clone().unwrap_or_default()),
                error: Some(Arc::from(error.to_string())),
            }
        });
    }
}

/// The files made from the whole corpus once the pages are out.
fn corpus_files(site: &mut Site, options: &BuildOptions) -> Result<Files> {
    let corpus = MemoryOutput::default();
    build::write_derived(site, options.static_dir.as_deref(), &corpus)?;
    Ok(corpus.into_files())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Arc<Files> {
        Arc::new(names.iter().map(|n| (n.to_string(), Arc::from(n.as_bytes()))).collect())
    }

    #[test]
    fn corpus_files_are_pending_until_ready_and_pages_win() {
        let mut snapshot = Snapshot {
            version: 2,
            pages: files(&["index.html"]),
            corpus: None,
            error: None,
        };
        assert!(matches!(snapshot.get("index.html"), Lookup::Found(_)));
        assert_eq!(snapshot.get("search-index.json"), Lookup::Pending);
        snapshot.corpus = Some(files(&["search-index.json", "index.html"]));
        assert!(matches!(snapshot.get("search-index.json"), Lookup::Found(_)));
        assert_eq!(snapshot.get("nothing"), Lookup::Missing);
        assert_eq!(snapshot.files().len(), 2);
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_site_under_a_new_version() {
        let live: Live = Live::new();
        let dir = tempfile::tempdir().unwrap();
        let options = BuildOptions::new(dir.path().join("none"), dir.path().join("site"));
        assert_eq!(
            live.snapshot().get("index.html"),
            Lookup::Pending,
            "requests wait for the first build"
        );
        assert!(live.rebuild(&options).is_err());
        let snapshot = live.snapshot();
        assert_eq!(snapshot.version, 1);
        assert!(snapshot.error.as_deref().is_some_and(|e| e.contains("does not exist")));
        assert_eq!(snapshot.get("index.html"), Lookup::Missing, "nothing was ever built");
    }
}
