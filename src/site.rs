//! The site: load knowledge and seeds, run the stages, hold every output file in memory, then
//! write them all at once. Writing goes to a temporary folder beside the output that is swapped
//! in only when complete, so a failed build leaves the previous `site/` exactly as it was.

use crate::annotate::{AnnotatedSeed, Annotator};
use crate::emit;
use crate::emit::Spec;
use crate::error::{Error, Result};
use crate::export;
use crate::fingerprint;
use crate::gazetteer::Gazetteer;
use crate::glossary::Glossary;
use crate::ingest;
use crate::lexicon::Lexicon;
use crate::model::{self, Explainer};
use crate::model::{Read, ReadHashes};
use crate::publish;
use crate::render::{self, Script, SiteInfo};
use rayon::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What `build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub seeds: PathBuf,
    pub out: PathBuf,
    /// Absolute URL the site is served from (`https://user.github.io/repo/`), or empty.
    pub base_url: String,
    /// Folder with `gazetteer.toml`, `glossary.toml`, `lexicon.toml`; embedded copies otherwise.
    pub data: Option<PathBuf>,
    /// Folder with the Tera templates; embedded copies otherwise.
    pub templates: Option<PathBuf>,
    /// Folder whose files are copied to `static/`; embedded copies otherwise.
    pub static_dir: Option<PathBuf>,
    /// Annotations and pages to reuse between builds (`serve`).
    pub cache: Option<Arc<BuildCache>>,
    /// Show a progress bar (on a terminal, not in CI).
    pub progress: bool,
}

impl BuildOptions {
    /// The defaults of the command line: `seeds/` → `site/`, and `data/`, `templates/`,
    /// `static/` from the working folder when they exist.
    pub fn new(seeds: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        let existing = |p: &str| Some(PathBuf::from(p)).filter(|p| p.is_dir());
        BuildOptions {
            seeds: seeds.into(),
            out: out.into(),
            base_url: String::new(),
            data: existing("data"),
            templates: existing("templates"),
            static_dir: existing("static"),
            cache: None,
            progress: false,
        }
    }
}

/// The curated knowledge every stage may read.
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub glossary: Glossary,
    pub map: crate::map::Map,
    pub names: SiteNames,
}

/// What the site calls itself (`data/site.toml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteNames {
    pub title: String,
    pub headline: String,
}

impl Knowledge {
    /// Loads each file from `dir` when present there, else the embedded default.
    pub fn load(dir: Option<&Path>) -> Result<Knowledge> {
        Knowledge::parse(&Knowledge::sources(dir)?)
    }

    /// The text of each knowledge file (from `dir` when present there, else embedded), in the
    /// order `parse` reads them.
    fn sources(dir: Option<&Path>) -> Result<Vec<(PathBuf, String)>> {
        let embedded = [
            ("gazetteer.toml", crate::gazetteer::EMBEDDED),
            ("lexicon.toml", crate::lexicon::EMBEDDED),
            ("glossary.toml", crate::glossary::EMBEDDED),
            ("map.json", crate::map::EMBEDDED),
            ("site.toml", include_str!("../data/site.toml")),
        ];
        embedded
            .into_iter()
            .map(
                |(name, embedded)| match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                    Some(path) => {
                        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                        Ok((path, text))
                    }
                    None => Ok((PathBuf::from("data").join(name), embedded.to_string())),
                },
            )
            .collect()
    }

    fn parse(sources: &[(PathBuf, String)]) -> Result<Knowledge> {
        let [gazetteer, lexicon, glossary, map, names] = sources else {
            return Err(Error::msg("internal: five knowledge files expected"));
        };
        Ok(Knowledge {
            gazetteer: Gazetteer::parse(&gazetteer.0, &gazetteer.1)?,
            lexicon: Lexicon::parse(&lexicon.0, &lexicon.1)?,
            glossary: Glossary::parse(&glossary.0, &glossary.1)?,
            map: crate::map::Map::parse(&map.0, &map.1)?,
            names: toml::from_str(&names.1).map_err(|e| crate::error::toml_error(&names.0, &names.1, &e))?,
        })
    }

    pub fn annotator(&self) -> Annotator<'_> {
        Annotator {
            gazetteer: &self.gazetteer,
            lexicon: &self.lexicon,
            glossary: &self.glossary,
        }
    }
}

/// Wall-clock time of each build stage, for `build --timings` and the benchmarks.
#[derive(Debug, Default)]
pub struct Timings {
    /// (stage, seconds, resident memory in MB after it where the OS tells).
    pub stages: Vec<(&'static str, f64, Option<u64>)>,
    last: Option<Instant>,
}

/// Resident set size in MB (Linux `/proc/self/statm`; `None` elsewhere).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / 1_000_000)
}

impl Timings {
    fn start() -> Timings {
        Timings {
            stages: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.unwrap_or(now);
        self.stages.push((stage, (now - since).as_secs_f64(), resident_mb()));
        self.last = Some(now);
    }

    pub fn report(&self) -> String {
        self.stages
            .iter()
            .map(|(s, t, rss)| match rss {
                Some(mb) => format!("{s} {:.0} ms ({mb} MB)", t * 1000.0),
                None => format!("{s} {:.0} ms", t * 1000.0),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A built site: what the stages made, for the summary, `check` and the derived files.
pub struct Site {
    /// How long each stage took, in order.
    pub timings: Timings,
    pub explainer: Explainer,
    /// Notes for the user (files skipped in `seeds/`).
    pub notes: Vec<String>,
    pub pages: usize,
    pub knowledge: Arc<Knowledge>,
    templates: Arc<render::Templates>,
    /// The templates folder, for error messages.
    templates_dir: Option<PathBuf>,
    info: SiteInfo,
    /// Every page's folder (`city/ningbo/`), for the sitemap.
    paths: Vec<String>,
    /// Whether to show a progress bar while rendering.
    progress: bool,
}

impl Site {
    /// One line: seeds, pages, cities, time.
    pub fn summary(&self, started: Instant) -> String {
        format!(
            "built {} seed{}, {} pages, {} cit{} ({}) in {:.2}s",
            self.explainer.seeds.len(),
            if self.explainer.seeds.len() == 1 { "" } else { "s" },
            self.pages,
            self.explainer.cities.len(),
            if self.explainer.cities.len() == 1 { "y" } else { "ies" },
            self.explainer
                .cities
                .iter()
                .map(|c| c.info.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            started.elapsed().as_secs_f64()
        )
    }
}

const EMBEDDED_STATIC: [(&str, &str); 5] = [
    ("style.css", include_str!("../static/style.css")),
    ("favicon.svg", include_str!("../static/favicon.svg")),
    ("highlight.css", include_str!("../static/highlight.css")),
    ("app.js", include_str!("../static/app.js")),
    ("search.js", include_str!("../static/search.js")),
];

/// What `serve` keeps between builds, so that one changed seed costs little: the curated
/// knowledge and the templates by their text, each seed's annotation by its file's bytes, and
/// each page's files with the hash of every part of the explainer the page read. A page is made
/// again only when one of those parts, the templates or the site-wide values changed.
#[derive(Default)]
pub struct BuildCache {
    knowledge: Mutex<Option<(u64, Arc<Knowledge>)>>,
    templates: Mutex<Option<(u64, Arc<render::Templates>)>>,
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
    path: String,
    files: Vec<(String, Arc<[u8]>)>,
}

impl BuildCache {
    /// (pages made, pages reused) since the last call.
    pub fn take_counts(&self) -> (usize, usize) {
        (self.rendered.swap(0, Relaxed), self.reused.swap(0, Relaxed))
    }

    fn knowledge(&self, dir: Option<&Path>) -> Result<(u64, Arc<Knowledge>)> {
        let sources = Knowledge::sources(dir)?;
        let fp = fingerprint::of(&sources);
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

    fn templates(&self, dir: Option<&Path>) -> Result<(u64, Arc<render::Templates>)> {
        let sources = render::template_sources(dir)?;
        let fp = fingerprint::of(&sources);
        let mut slot = lock(&self.templates);
        if let Some((known, templates)) = slot.as_ref()
            && *known == fp
        {
            return Ok((fp, Arc::clone(templates)));
        }
        let templates = Arc::new(render::compile_templates(dir, &sources)?);
        *slot = Some((fp, Arc::clone(&templates)));
        Ok((fp, templates))
    }

    /// The seed's annotation, reused when its file is unchanged (same size and time, else the
    /// same bytes).
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
        make: impl FnOnce() -> Result<(Vec<Read>, String, Vec<(String, String)>)>,
    ) -> Result<Arc<CachedPage>> {
        let cached = lock(&self.pages).get(&spec).cloned();
        if let Some(page) = cached
            && page.shared == shared
            && page.reads.iter().all(|&(read, hash)| hashes.get(read) == Some(hash))
        {
            self.reused.fetch_add(1, Relaxed);
            return Ok(page);
        }
        let (reads, path, files) = make()?;
        let page = Arc::new(CachedPage {
            shared,
            reads: reads
                .into_iter()
                .filter_map(|r| hashes.get(r).map(|h| (r, h)))
                .collect(),
            path,
            files: files
                .into_iter()
                .map(|(p, text)| (p, Arc::from(text.into_bytes())))
                .collect(),
        });
        self.rendered.fetch_add(1, Relaxed);
        lock(&self.pages).insert(spec, Arc::clone(&page));
        Ok(page)
    }

    /// Forgets pages that are no longer part of the site.
    fn keep_pages(&self, specs: &[Spec]) {
        let specs: std::collections::HashSet<&Spec> = specs.iter().collect();
        lock(&self.pages).retain(|spec, _| specs.contains(spec));
    }

    /// Forgets seeds whose files are gone.
    fn keep_seeds(&self, files: &[ingest::SeedFile]) {
        let files: std::collections::HashSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        lock(&self.seeds).retain(|path, _| files.contains(path.as_path()));
    }
}

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

/// Runs every stage and sends every file of the site to `output`. The pages and the files made
/// from the whole corpus (export, search index) need only the model, so they are made at the
/// same time: the corpus files fill the cores that page rendering leaves idle.
pub fn build(options: &BuildOptions, output: &dyn Output) -> Result<Site> {
    let (mut site, plan) = plan(options)?;
    let cache = options.cache.as_deref();
    let (paths, corpus) = rayon::join(
        || render_pages(&site, &plan, cache, output),
        || rayon::join(|| write_export(&site, output), || write_search(&site, output)),
    );
    site.paths = paths?;
    corpus.0?;
    corpus.1?;
    site.timings.lap("pages, export and search index");
    write_site_files(&mut site, options.static_dir.as_deref(), output)?;
    Ok(site)
}

/// The stages up to the pages: knowledge, seeds, annotation, model, and every page in both
/// scripts with its annotated Markdown. The files made from the whole corpus at once (export,
/// search index, feeds) are [`write_derived`]'s.
pub fn build_pages(options: &BuildOptions, output: &dyn Output) -> Result<Site> {
    let (mut site, plan) = plan(options)?;
    site.paths = render_pages(&site, &plan, options.cache.as_deref(), output)?;
    site.timings.lap("emit and render");
    Ok(site)
}

/// What page rendering needs beyond the [`Site`]: the pages to make and, for `serve`, the
/// hashes that tell which cached pages still hold.
pub struct Plan {
    specs: Vec<Spec>,
    hashes: Option<ReadHashes>,
    /// The fingerprint of what every page depends on besides the explainer.
    shared: u64,
}

/// Every stage before the pages: knowledge, seeds, annotation, model, the list of pages.
fn plan(options: &BuildOptions) -> Result<(Site, Plan)> {
    let mut timings = Timings::start();
    let cache = options.cache.as_deref();
    let (knowledge_fp, knowledge) = match cache {
        Some(cache) => cache.knowledge(options.data.as_deref())?,
        None => (0, Arc::new(Knowledge::load(options.data.as_deref())?)),
    };
    timings.lap("load knowledge");
    let (files, notes) = ingest::list_dir(&options.seeds)?;
    if files.is_empty() {
        return Err(Error::file(
            &options.seeds,
            "no seeds (.txt or .md files) in this folder",
        ));
    }
    let annotator = knowledge.annotator();
    let dir = options.seeds.as_path();
    // Reading, parsing and annotating are independent per file; an error is the first one in
    // file order, whichever thread met it.
    let first_error = |results: Vec<Result<Arc<AnnotatedSeed>>>| results.into_iter().collect::<Result<Vec<_>>>();
    let annotated: Vec<Arc<AnnotatedSeed>> = match cache {
        Some(cache) => {
            let annotated = first_error(
                files
                    .par_iter()
                    .map(|file| cache.annotated(file, dir, &annotator))
                    .collect(),
            )?;
            cache.keep_seeds(&files);
            timings.lap("ingest and annotate (changed seeds only)");
            annotated
        }
        None => {
            // Each seed is annotated as soon as it is read, so the corpus is never held twice.
            let annotated = first_error(
                files
                    .par_iter()
                    .map(|file| {
                        Ok(Arc::new(annotator.annotate(
                            ingest::Source::read(&file.path)?.parse(dir, &knowledge.lexicon)?,
                        )))
                    })
                    .collect(),
            )?;
            timings.lap("ingest and annotate");
            annotated
        }
    };
    ingest::check_unique_ids(&annotated.iter().map(|a| &a.seed).collect::<Vec<_>>())?;
    let explainer = model::build(annotated, &knowledge.gazetteer, &knowledge.glossary);
    timings.lap("model");
    let specs = emit::specs(&explainer);
    let hashes = cache.map(|_| explainer.read_hashes());
    timings.lap("plan pages");
    let (templates_fp, templates) = match cache {
        Some(cache) => cache.templates(options.templates.as_deref())?,
        None => (0, Arc::new(render::load_templates(options.templates.as_deref())?)),
    };
    let base_url = normalise_base_url(&options.base_url)?;
    let info = SiteInfo {
        base_url: base_url.clone(),
        title: knowledge.names.title.clone(),
        cities: explainer
            .cities
            .iter()
            .map(|c| json!({"id": c.info.id, "name": c.info.name}))
            .collect(),
        timeline_years: emit::timeline_years(&explainer),
    };
    // What every page depends on besides the explainer: templates, knowledge, site-wide values.
    let shared = fingerprint::of_serialized(&(templates_fp, knowledge_fp, &info, &info.timeline_years));
    Ok((
        Site {
            timings,
            pages: specs.len() * 2 + 1,
            explainer,
            notes,
            knowledge,
            templates,
            templates_dir: options.templates.clone(),
            info,
            paths: Vec::new(),
            progress: options.progress,
        },
        Plan { specs, hashes, shared },
    ))
}

/// Every page, in both scripts with its Markdown, sent to `output` as soon as it is made (so
/// the site is never held whole); returns every page's folder. With a cache, a page whose
/// reads did not change is reused.
fn render_pages(site: &Site, plan: &Plan, cache: Option<&BuildCache>, output: &dyn Output) -> Result<Vec<String>> {
    let Plan { specs, hashes, shared } = plan;
    let shared = *shared;
    let (explainer, knowledge, templates, info) = (&site.explainer, &site.knowledge, &site.templates, &site.info);
    let templates_dir = site.templates_dir.as_deref();
    let bar = if site.progress && specs.len() > 200 {
        let bar = indicatif::ProgressBar::new(specs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("rendering {bar:30} {pos}/{len} pages {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    // One page: emitted, rendered in both scripts, with its Markdown in both.
    let make = |spec: Spec| -> Result<(String, Vec<(String, String)>)> {
        let page = emit::page(explainer, knowledge, spec);
        let rendered = render::render_page(templates, templates_dir, info, &page)?;
        let hans = Script::Hans.output_path(&page.path);
        let markdown_hans = crate::script::to_hans_markup(&page.markdown);
        let files = vec![
            (format!("{}index.html", page.path), rendered.hant),
            (format!("{}index.md", page.path), page.markdown),
            (format!("{hans}index.html"), rendered.hans),
            (format!("{hans}index.md"), markdown_hans),
        ];
        Ok((page.path, files))
    };
    // Each page is written as soon as it is made, so the site is never held whole.
    let paths: Vec<String> = specs
        .par_iter()
        .map(|&spec| {
            bar.inc(1);
            match (cache, hashes) {
                (Some(cache), Some(hashes)) => {
                    let page = cache.page(spec, shared, hashes, || {
                        let (made, reads) = model::recording(|| make(spec));
                        let (path, files) = made?;
                        Ok((reads, path, files))
                    })?;
                    for (path, bytes) in &page.files {
                        output.put_shared(path, bytes)?;
                    }
                    Ok(page.path.clone())
                }
                _ => {
                    let (path, files) = make(spec)?;
                    for (file, text) in files {
                        output.put(&file, text.as_bytes())?;
                    }
                    Ok(path)
                }
            }
        })
        .collect::<Result<_>>()?;
    if let Some(cache) = cache {
        cache.keep_pages(specs);
    }
    bar.finish_and_clear();
    Ok(paths)
}

/// The files made from the whole corpus at once: the data export and cards, the search index,
/// robots, sitemap, feeds, the 404 page and the static assets.
pub fn write_derived(site: &mut Site, static_dir: Option<&Path>, output: &dyn Output) -> Result<()> {
    write_export(site, output)?;
    site.timings.lap("export and cards");
    write_search(site, output)?;
    site.timings.lap("search index");
    write_site_files(site, static_dir, output)
}

/// The data export (the JSON contract) and the cards the pages' script shows on a tap.
fn write_export(site: &Site, output: &dyn Output) -> Result<()> {
    let explainer = &site.explainer;
    output.put_written("data/annotations.json", &mut |out| {
        export::write_annotations_json(explainer, out)
    })?;
    let cards = serde_json::to_string(&crate::cards::cards(explainer)).unwrap_or_default();
    output.put(
        "data/cards.zh-Hans.json",
        crate::script::to_hans_markup(&cards).as_bytes(),
    )?;
    output.put("data/cards.json", cards.as_bytes())
}

fn write_search(site: &Site, output: &dyn Output) -> Result<()> {
    crate::search::write_index(&site.explainer, &mut |path, text| output.put(path, text.as_bytes()))
}

/// The small site-wide files: robots, sitemap, feeds, the 404 page and the static assets.
fn write_site_files(site: &mut Site, static_dir: Option<&Path>, output: &dyn Output) -> Result<()> {
    let explainer = &site.explainer;
    let base_url = &site.info.base_url;
    output.put(".nojekyll", b"")?;
    output.put("robots.txt", publish::robots(base_url).as_bytes())?;
    if let Some(sitemap) = publish::sitemap(&site.paths, base_url) {
        output.put("sitemap.xml", sitemap.as_bytes())?;
    }
    let title = &site.knowledge.names.title;
    output.put(
        "feed.xml",
        publish::atom(explainer, title, base_url, None, "feed.xml").as_bytes(),
    )?;
    for city in &explainer.cities {
        let path = format!("city/{}/feed.xml", city.info.id);
        output.put(
            &path,
            publish::atom(explainer, title, base_url, Some(&city.info.id), &path).as_bytes(),
        )?;
    }
    let not_found = emit::not_found_page();
    output.put(
        "404.html",
        render::render_page(&site.templates, site.templates_dir.as_deref(), &site.info, &not_found)?
            .hant
            .as_bytes(),
    )?;
    add_static(output, static_dir)?;
    site.timings.lap("feeds and static");
    Ok(())
}

/// Builds the site in memory: for `check` and `serve`.
pub fn build_in_memory(options: &BuildOptions) -> Result<(Site, Files)> {
    let output = MemoryOutput::default();
    let site = build(options, &output)?;
    Ok((site, output.into_files()))
}

/// Builds the site into `options.out`, replacing it only when the whole build succeeded.
pub fn build_to_disk(options: &BuildOptions) -> Result<Site> {
    let staging = Staging::new(&options.out, &options.seeds)?;
    let site = build(options, &staging)?;
    staging.commit()?;
    Ok(site)
}

/// The base URL with a trailing slash; it must be an absolute http(s) URL (or empty).
fn normalise_base_url(url: &str) -> Result<String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    if !ok {
        return Err(Error::msg(format!(
            "--base-url must be an absolute http(s) URL, got `{url}`"
        )));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

fn add_static(output: &dyn Output, dir: Option<&Path>) -> Result<()> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (name, text) in EMBEDDED_STATIC {
        files.insert(name.to_string(), text.as_bytes().to_vec());
    }
    if let Some(dir) = dir {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::file(dir, e.to_string()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                files.insert(rel.to_string_lossy().replace('\\', "/"), bytes);
            }
        }
    }
    for (name, bytes) in files {
        output.put(&format!("static/{name}"), &bytes)?;
    }
    Ok(())
}

/// Files in an existing output folder that the generator does not own and keeps.
const KEPT_FILES: [&str; 1] = ["CNAME"];

/// A temporary folder beside the output folder that a build writes into; `commit` swaps it
/// in, dropping it without a commit removes it and leaves the output folder as it was.
pub struct Staging {
    out: PathBuf,
    temp: tempfile::TempDir,
    /// Folders already created, so each is made once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    pub fn new(out: &Path, seeds: &Path) -> Result<Staging> {
        check_output_folder(out, seeds)?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let temp = tempfile::Builder::new()
            .prefix(".explainer-build-")
            .tempdir_in(parent)
            .map_err(|e| Error::io(parent, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            temp,
            made: Default::default(),
        })
    }

    /// Keeps the files the generator does not own, then swaps the new site in.
    pub fn commit(self) -> Result<()> {
        let out = &self.out;
        for kept in KEPT_FILES {
            let old = out.join(kept);
            if old.is_file() {
                std::fs::copy(&old, self.temp.path().join(kept)).map_err(|e| Error::io(&old, e))?;
            }
        }
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let staged = self.temp.keep();
        if out.exists() {
            let old = tempfile::Builder::new()
                .prefix(".explainer-old-")
                .tempdir_in(parent)
                .map_err(|e| Error::io(parent, e))?;
            let old_path = old.path().join("site");
            std::fs::rename(out, &old_path).map_err(|e| {
                let _ = std::fs::remove_dir_all(&staged);
                Error::io(out, e)
            })?;
            if let Err(e) = std::fs::rename(&staged, out) {
                let _ = std::fs::rename(&old_path, out);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(Error::io(out, e));
            }
            drop(old);
        } else {
            std::fs::rename(&staged, out).map_err(|e| {
                let _ = std::fs::remove_dir_all(&staged);
                Error::io(out, e)
            })?;
        }
        Ok(())
    }
}

impl Output for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let file = self.create_parent(path)?;
        std::fs::write(&file, bytes).map_err(|e| Error::io(&file, e))
    }

    fn put_written(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        use std::io::Write;
        let file = self.create_parent(path)?;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).map_err(|e| Error::io(&file, e))?);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(&file, e))
    }
}

impl Staging {
    /// The file's place in the staging folder, its folder created.
    fn create_parent(&self, path: &str) -> Result<PathBuf> {
        let file = self.temp.path().join(path);
        if let Some(dir) = file.parent()
            && !self.made.lock().is_ok_and(|made| made.contains(dir))
        {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            if let Ok(mut made) = self.made.lock() {
                made.insert(dir.to_path_buf());
            }
        }
        Ok(file)
    }
}

/// Refuses output folders that would destroy something: a file, the seeds, or a folder that
/// explainer did not make.
fn check_output_folder(out: &Path, seeds: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        return Err(Error::file(out, "the output path is a file, not a folder"));
    }
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (out_abs, seeds_abs) = (abs(out), abs(seeds));
    if out_abs.starts_with(&seeds_abs) || seeds_abs.starts_with(&out_abs) {
        return Err(Error::file(
            out,
            format!(
                "the output folder must not contain or sit inside the seeds folder {}",
                seeds.display()
            ),
        ));
    }
    if out.is_dir() {
        let empty = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?.next().is_none();
        if !empty && !out.join("data/annotations.json").is_file() {
            return Err(Error::file(
                out,
                "refusing to replace a folder that explainer did not build (no data/annotations.json in it)",
            ));
        }
    }
    Ok(())
}
