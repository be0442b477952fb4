//! Where a build's files go and what it writes besides the pages: the file set (on disk through
//! a staging folder swapped in whole, or in memory for `serve` and `check`), the static
//! assets, the cards, the search index, feeds and sitemap, and the link check
//! over a finished site.

mod assets;
mod cards;
mod check;
mod feeds;
mod search;
mod staging;

pub use assets::write as write_assets;
pub use cards::{Card, FigureCard, FigureIndex, cards, figure_cards};
pub use check::{BrokenLink, attribute_values, broken_links, unescape_attribute};
pub use feeds::{atom, robots, sitemap};
pub use search::write_index as write_search_index;
pub use staging::Staging;

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A poisoned lock only means another thread panicked; the values behind it are still whole.
pub fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// Where a build puts its files. Files are written as soon as they are rendered, so a large
/// site is never held in memory whole (unless the output is memory, as for `serve` and `check`).
pub trait Output: Sync {
    /// Stores one file; `path` is relative to the site root (`city/ningbo/index.html`).
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Stores a file written by `write` (to disk as it is written, so it is never held whole).
    fn put_written(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|e| Error::io(Path::new(path), e))?;
        self.put(path, &bytes)
    }

    /// Stores a file that a cache also holds (outputs in memory keep it without a copy).
    fn put_shared(&self, path: &str, bytes: &Arc<[u8]>) -> Result<()> {
        self.put(path, bytes)
    }
}

/// The files of a site in memory, by path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// Files kept in memory, for `serve` and `check`. They arrive from every thread and are put in
/// order once, at the end: `serve` receives every page on each rebuild (most from its cache),
/// and ordered inserts under the lock were most of the time a one-seed edit took.
#[derive(Default)]
pub struct MemoryOutput {
    files: Mutex<Vec<(String, Arc<[u8]>)>>,
}

impl MemoryOutput {
    /// The files by path (of a path put twice, the last).
    pub fn into_files(self) -> Files {
        self.files
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .into_iter()
            .collect()
    }
}

impl Output for MemoryOutput {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.put_shared(path, &Arc::from(bytes))
    }

    fn put_shared(&self, path: &str, bytes: &Arc<[u8]>) -> Result<()> {
        let file = (path.to_string(), Arc::clone(bytes));
        lock(&self.files).push(file);
        Ok(())
    }
}
