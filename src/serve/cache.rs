//! What `serve` keeps between builds (see [`BuildCache`]).

use super::hashes::{ReadHashes, SeedHashes};
use crate::annotate::{AnnotatedSeed, Annotator};
use crate::build::{MadePage, PageFiles, Reuse};
use crate::emit::PageKey;
use crate::error::Result;
use crate::ingest;
use crate::knowledge::Knowledge;
use crate::model::{Explainer, Read};
use crate::output::lock;
use crate::render::Templates;
use crate::text::hash;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// What `serve` keeps between builds, so that one changed seed costs little: the curated
/// knowledge and the templates by their text, each seed's annotation by its file's bytes, and
/// each page's files with the hash of every part of the explainer the page read. A page is made
/// again only when one of those parts, the templates or the site-wide values changed.
#[derive(Default)]
pub struct BuildCache {
    knowledge: Mutex<Option<(u64, Arc<Knowledge>)>>,
    templates: Mutex<Option<(u64, Arc<Templates>)>>,
    seeds: Mutex<HashMap<PathBuf, CachedSeed>>,
    /// The hashes of this build's explainer ([`Reuse::prepare`]).
    hashes: Mutex<Arc<ReadHashes>>,
    pages: Mutex<HashMap<PageKey, Arc<CachedPage>>>,
    /// What the model read of each seed (figures, dated statements, explanation finds).
    memo: crate::model::Memo,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

impl std::fmt::Debug for BuildCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildCache")
            .field("seeds", &lock(&self.seeds).len())
            .field("pages", &lock(&self.pages).len())
            .finish_non_exhaustive()
    }
}

/// A seed's annotation and what it was made from.
struct CachedSeed {
    /// Size and modification time of the file and its sidecar: when unchanged (and settled),
    /// the file is not even read.
    stamp: Option<ingest::SeedStamp>,
    /// Whether the stamp was older than [`SETTLED`] when the file was read. File systems keep
    /// modification times in steps (a kernel tick; a second on some; two on FAT), so a file
    /// written again within the step just after it was read can keep its stamp, size and all
    /// ("racy git"). Such a stamp is not trusted: the file is read again and its bytes compared.
    settled: bool,
    /// A hash of the bytes read.
    content: u64,
    annotated: Arc<AnnotatedSeed>,
    /// The hashes of its parts, made with the annotation.
    hashes: Arc<SeedHashes>,
}

/// A page's files and what they were made from.
struct CachedPage {
    /// The templates, knowledge and site-wide values it was made with.
    shared: u64,
    /// Every part of the explainer it read, with the hash that part had.
    reads: Vec<(Read, u64)>,
    files: Arc<PageFiles>,
}

/// How old a modification time must be, when the file is read, for its stamp to be trusted
/// next time: more than the coarsest step file systems keep times in (FAT's two seconds).
const SETTLED: Duration = Duration::from_secs(3);

/// Whether every time in `stamp` was at least [`SETTLED`] old at `read_at`.
fn settled(stamp: Option<ingest::SeedStamp>, read_at: SystemTime) -> bool {
    let old = |(_, time): ingest::Stamp| time + SETTLED <= read_at;
    stamp.is_some_and(|(file, sidecar)| old(file) && sidecar.is_none_or(old))
}

impl Reuse for BuildCache {
    fn memo(&self) -> Option<&crate::model::Memo> {
        Some(&self.memo)
    }

    fn take_counts(&self) -> (usize, usize) {
        (self.rendered.swap(0, Relaxed), self.reused.swap(0, Relaxed))
    }

    fn knowledge(&self, dir: Option<&Path>) -> Result<(u64, Arc<Knowledge>)> {
        let sources = Knowledge::sources(dir)?;
        let fp = hash::of(&sources);
        let mut slot = lock(&self.knowledge);
        if let Some((known, knowledge)) = slot.as_ref()
            && *known == fp
        {
            return Ok((fp, Arc::clone(knowledge)));
        }
        let knowledge = Arc::new(Knowledge::parse(&sources)?);
        *slot = Some((fp, Arc::clone(&knowledge)));
        // Annotations and what the model read depend on the knowledge: none can be reused now.
        lock(&self.seeds).clear();
        self.memo.clear();
        Ok((fp, knowledge))
    }

    fn templates(&self, dir: Option<&Path>) -> Result<(u64, Arc<Templates>)> {
        let sources = crate::render::template_sources(dir)?;
        let fp = hash::of(&sources);
        let mut slot = lock(&self.templates);
        if let Some((known, templates)) = slot.as_ref()
            && *known == fp
        {
            return Ok((fp, Arc::clone(templates)));
        }
        let templates = Arc::new(crate::render::compile_templates(dir, &sources)?);
        *slot = Some((fp, Arc::clone(&templates)));
        Ok((fp, templates))
    }

    /// Reused when the seed's file is unchanged (same size and settled time, else the same
    /// bytes).
    fn annotated(&self, file: &ingest::SeedFile, dir: &Path, annotator: &Annotator) -> Result<Arc<AnnotatedSeed>> {
        let (path, stamp) = (file.path.as_path(), file.stamp);
        if let Some(cached) = lock(&self.seeds).get(path)
            && cached.settled
            && cached.stamp == stamp
        {
            return Ok(Arc::clone(&cached.annotated));
        }
        let read_at = SystemTime::now();
        let source = ingest::Source::read(path)?;
        let content = source.fingerprint();
        let reused = lock(&self.seeds)
            .get(path)
            .filter(|cached| cached.content == content)
            .map(|cached| (Arc::clone(&cached.annotated), Arc::clone(&cached.hashes)));
        let (annotated, hashes) = match reused {
            Some(reused) => reused,
            None => {
                let annotated = annotator.annotate(source.parse(dir, annotator.lexicon)?);
                let hashes = SeedHashes::of(&annotated);
                (Arc::new(annotated), Arc::new(hashes))
            }
        };
        let cached = CachedSeed {
            stamp,
            settled: settled(stamp, read_at),
            content,
            annotated: Arc::clone(&annotated),
            hashes,
        };
        lock(&self.seeds).insert(path.to_path_buf(), cached);
        Ok(annotated)
    }

    /// Hashes every part of the explainer, the seeds' from their annotations where the cache
    /// made them (by identity: the explainer holds the cache's own `Arc`s).
    fn prepare(&self, explainer: &Explainer) {
        let known: HashMap<usize, Arc<SeedHashes>> = lock(&self.seeds)
            .values()
            .map(|c| (Arc::as_ptr(&c.annotated) as usize, Arc::clone(&c.hashes)))
            .collect();
        let hashes = ReadHashes::new(explainer, |seed| known.get(&(Arc::as_ptr(seed) as usize)).cloned());
        *lock(&self.hashes) = Arc::new(hashes);
    }

    /// The page's files: the cached ones when nothing it read changed, else made by `make`.
    fn page(&self, key: PageKey, shared: u64, make: &mut dyn FnMut() -> Result<MadePage>) -> Result<Arc<PageFiles>> {
        let hashes = Arc::clone(&lock(&self.hashes));
        let cached = lock(&self.pages).get(&key).cloned();
        if let Some(page) = cached
            && page.shared == shared
            && page.reads.iter().all(|&(read, hash)| hashes.get(read) == Some(hash))
        {
            self.reused.fetch_add(1, Relaxed);
            return Ok(Arc::clone(&page.files));
        }
        let MadePage { reads, path, files } = make()?;
        let files = Arc::new(PageFiles {
            path,
            files: files
                .into_iter()
                .map(|(p, text)| (p, Arc::from(text.into_bytes())))
                .collect(),
        });
        let page = Arc::new(CachedPage {
            shared,
            reads: reads
                .into_iter()
                .filter_map(|r| hashes.get(r).map(|h| (r, h)))
                .collect(),
            files: Arc::clone(&files),
        });
        self.rendered.fetch_add(1, Relaxed);
        lock(&self.pages).insert(key, page);
        Ok(files)
    }

    fn keep_pages(&self, keys: &[PageKey]) {
        let keys: std::collections::HashSet<&PageKey> = keys.iter().collect();
        lock(&self.pages).retain(|key, _| keys.contains(key));
    }

    fn keep_seeds(&self, files: &[ingest::SeedFile]) {
        let files: std::collections::HashSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        lock(&self.seeds).retain(|path, _| files.contains(path.as_path()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use std::fs;

    /// The first paragraph of the seed at `path` as the cache gives it, after listing the folder.
    fn first_paragraph(cache: &BuildCache, knowledge: &Knowledge, dir: &Path, name: &str) -> String {
        let (files, _) = ingest::list_dir(dir).unwrap();
        let file = files.iter().find(|f| f.path.ends_with(name)).unwrap();
        let annotated = cache.annotated(file, dir, &Annotator::new(knowledge)).unwrap();
        annotated.paragraphs[0].text.to_string()
    }

    /// Writes `text` (the same length as before) and puts the old modification time back, as a
    /// second write within one step of a coarse file-system clock leaves it.
    fn rewrite_keeping_stamp(path: &Path, text: &str) {
        let time = fs::metadata(path).unwrap().modified().unwrap();
        assert_eq!(fs::metadata(path).unwrap().len(), text.len() as u64);
        fs::write(path, text).unwrap();
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn a_file_rewritten_within_a_clock_step_of_its_read_is_read_again() {
        let knowledge = Knowledge::load(None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "题\n宁波新增企业300家。\n").unwrap();
        let cache = BuildCache::default();
        assert_eq!(
            first_paragraph(&cache, &knowledge, dir.path(), "a.txt"),
            "宁波新增企业300家。"
        );
        let before = ingest::list_dir(dir.path()).unwrap().0[0].stamp;
        rewrite_keeping_stamp(&path, "题\n宁波新增企业400家。\n");
        assert_eq!(ingest::list_dir(dir.path()).unwrap().0[0].stamp, before, "same stamp");
        assert_eq!(
            first_paragraph(&cache, &knowledge, dir.path(), "a.txt"),
            "宁波新增企业400家。"
        );
    }

    #[test]
    fn a_settled_stamp_spares_reading_the_file() {
        let knowledge = Knowledge::load(None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "题\n宁波新增企业300家。\n").unwrap();
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
        let cache = BuildCache::default();
        assert_eq!(
            first_paragraph(&cache, &knowledge, dir.path(), "a.txt"),
            "宁波新增企业300家。"
        );
        // Only a tool that sets an old time on purpose can do this; the cache trusts the stamp
        // and does not read the file.
        rewrite_keeping_stamp(&path, "题\n宁波新增企业400家。\n");
        assert_eq!(
            first_paragraph(&cache, &knowledge, dir.path(), "a.txt"),
            "宁波新增企业300家。"
        );
    }
}
