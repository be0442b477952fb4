//! What `serve` keeps between builds (see [`BuildCache`]).

use crate::annotate::{AnnotatedSeed, Annotator};
use crate::build::{MadePage, PageFiles, Reuse};
use crate::emit::Spec;
use crate::error::Result;
use crate::ingest;
use crate::knowledge::Knowledge;
use crate::model::{Read, ReadHashes};
use crate::output::lock;
use crate::render::Templates;
use crate::text::hash;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

/// What `serve` keeps between builds, so that one changed seed costs little: the curated
/// knowledge and the templates by their text, each seed's annotation by its file's bytes, and
/// each page's files with the hash of every part of the explainer the page read. A page is made
/// again only when one of those parts, the templates or the site-wide values changed.
#[derive(Default)]
pub struct BuildCache {
    knowledge: Mutex<Option<(u64, Arc<Knowledge>)>>,
    templates: Mutex<Option<(u64, Arc<Templates>)>>,
    seeds: Mutex<HashMap<PathBuf, CachedSeed>>,
    pages: Mutex<HashMap<Spec, Arc<CachedPage>>>,
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
    /// Size and modification time of the file and its sidecar: when unchanged, the file is
    /// not even read.
    stamp: Option<ingest::SeedStamp>,
    /// A hash of the bytes read.
    content: u64,
    annotated: Arc<AnnotatedSeed>,
}

/// A page's files and what they were made from.
struct CachedPage {
    /// The templates, knowledge and site-wide values it was made with.
    shared: u64,
    /// Every part of the explainer it read, with the hash that part had.
    reads: Vec<(Read, u64)>,
    files: Arc<PageFiles>,
}

impl Reuse for BuildCache {
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
        // Annotations depend on the knowledge: none can be reused now.
        lock(&self.seeds).clear();
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

    /// Reused when the seed's file is unchanged (same size and time, else the same bytes).
    fn annotated(&self, file: &ingest::SeedFile, dir: &Path, annotator: &Annotator) -> Result<Arc<AnnotatedSeed>> {
        let (path, stamp) = (file.path.as_path(), file.stamp);
        if let Some(cached) = lock(&self.seeds).get(path)
            && stamp.is_some()
            && cached.stamp == stamp
        {
            return Ok(Arc::clone(&cached.annotated));
        }
        let source = ingest::Source::read(path)?;
        let content = source.fingerprint();
        let reused = lock(&self.seeds)
            .get(path)
            .filter(|cached| cached.content == content)
            .map(|cached| Arc::clone(&cached.annotated));
        let annotated = match reused {
            Some(annotated) => annotated,
            None => Arc::new(annotator.annotate(source.parse(dir, annotator.lexicon)?)),
        };
        let cached = CachedSeed {
            stamp,
            content,
            annotated: Arc::clone(&annotated),
        };
        lock(&self.seeds).insert(path.to_path_buf(), cached);
        Ok(annotated)
    }

    /// The page's files: the cached ones when nothing it read changed, else made by `make`.
    fn page(
        &self,
        spec: Spec,
        shared: u64,
        hashes: &ReadHashes,
        make: &mut dyn FnMut() -> Result<MadePage>,
    ) -> Result<Arc<PageFiles>> {
        let cached = lock(&self.pages).get(&spec).cloned();
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
        lock(&self.pages).insert(spec, page);
        Ok(files)
    }

    fn keep_pages(&self, specs: &[Spec]) {
        let specs: std::collections::HashSet<&Spec> = specs.iter().collect();
        lock(&self.pages).retain(|spec, _| specs.contains(spec));
    }

    fn keep_seeds(&self, files: &[ingest::SeedFile]) {
        let files: std::collections::HashSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        lock(&self.seeds).retain(|path, _| files.contains(path.as_path()));
    }
}
