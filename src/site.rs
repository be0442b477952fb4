//! The site: load knowledge and seeds, run the stages, hold every output file in memory, then
//! write them all at once. Writing goes to a temporary folder beside the output that is swapped
//! in only when complete, so a failed build leaves the previous `site/` exactly as it was.

use crate::annotate::{AnnotatedSeed, Annotator};
use crate::emit;
use crate::error::{Error, Result};
use crate::export;
use crate::gazetteer::Gazetteer;
use crate::glossary::Glossary;
use crate::ingest;
use crate::lexicon::Lexicon;
use crate::model::{self, Explainer};
use crate::publish;
use crate::render::{self, RenderedPage, Script, SiteInfo};
use rayon::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
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
    /// Rendered pages to reuse between builds (`serve`).
    pub cache: Option<std::sync::Arc<RenderCache>>,
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
        let read = |name: &str, embedded: &'static str| -> Result<(PathBuf, String)> {
            match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    Ok((path, text))
                }
                None => Ok((PathBuf::from("data").join(name), embedded.to_string())),
            }
        };
        let (path, text) = read("gazetteer.toml", crate::gazetteer::EMBEDDED)?;
        let gazetteer = Gazetteer::parse(&path, &text)?;
        let (path, text) = read("lexicon.toml", crate::lexicon::EMBEDDED)?;
        let lexicon = Lexicon::parse(&path, &text)?;
        let (path, text) = read("glossary.toml", crate::glossary::EMBEDDED)?;
        let glossary = Glossary::parse(&path, &text)?;
        let (path, text) = read("map.json", crate::map::EMBEDDED)?;
        let map = crate::map::Map::parse(&path, &text)?;
        let (path, text) = read("site.toml", include_str!("../data/site.toml"))?;
        let names: SiteNames = toml::from_str(&text).map_err(|e| crate::error::toml_error(&path, &text, &e))?;
        Ok(Knowledge {
            gazetteer,
            lexicon,
            glossary,
            map,
            names,
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

/// A built site, in memory.
pub struct Site {
    /// How long each stage took, in order.
    pub timings: Timings,
    pub explainer: Explainer,
    /// Notes for the user (files skipped in `seeds/`).
    pub notes: Vec<String>,
    pub pages: usize,
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

/// Pages rendered by the previous build, reused by `serve` when neither the page nor anything
/// it depends on (templates, site-wide values) changed: one edited seed re-renders only the
/// pages that show it.
#[derive(Debug, Default)]
pub struct RenderCache {
    pages: std::sync::Mutex<std::collections::HashMap<String, (u64, Arc<RenderedPage>)>>,
    rendered: std::sync::atomic::AtomicUsize,
    reused: std::sync::atomic::AtomicUsize,
}

impl RenderCache {
    fn render(
        &self,
        key: &str,
        fingerprint: u64,
        render: impl FnOnce() -> Result<RenderedPage>,
    ) -> Result<Arc<RenderedPage>> {
        use std::sync::atomic::Ordering::Relaxed;
        let cached = self
            .pages
            .lock()
            .ok()
            .and_then(|p| p.get(key).filter(|(f, _)| *f == fingerprint).map(|(_, h)| h.clone()));
        if let Some(html) = cached {
            self.reused.fetch_add(1, Relaxed);
            return Ok(html);
        }
        let html = Arc::new(render()?);
        self.rendered.fetch_add(1, Relaxed);
        if let Ok(mut pages) = self.pages.lock() {
            pages.insert(key.to_string(), (fingerprint, Arc::clone(&html)));
        }
        Ok(html)
    }

    /// (pages rendered, pages reused) since the last call.
    pub fn take_counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.rendered.swap(0, Relaxed), self.reused.swap(0, Relaxed))
    }
}

/// A hash of a value's JSON form, stable within one process.
fn fingerprint(value: &impl serde::Serialize) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    serde_json::to_string(value).unwrap_or_default().hash(&mut hasher);
    hasher.finish()
}

/// Where a build puts its files. Files are written as soon as they are rendered, so a large
/// site is never held in memory whole (unless the output is memory, as for `serve` and `check`).
pub trait Output: Sync {
    /// Stores one file; `path` is relative to the site root (`city/ningbo/index.html`).
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;
}

/// Files kept in memory, for `serve` and `check`.
#[derive(Default)]
pub struct MemoryOutput {
    files: std::sync::Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemoryOutput {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

impl Output for MemoryOutput {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Runs every stage and sends every file of the site to `output`.
pub fn build(options: &BuildOptions, output: &dyn Output) -> Result<Site> {
    let mut timings = Timings::start();
    let knowledge = Knowledge::load(options.data.as_deref())?;
    timings.lap("load knowledge");
    let (seeds, notes) = ingest::load_dir(&options.seeds, &knowledge.lexicon)?;
    timings.lap("ingest");
    if seeds.is_empty() {
        return Err(Error::file(
            &options.seeds,
            "no seeds (.txt or .md files) in this folder",
        ));
    }
    let annotator = knowledge.annotator();
    let annotated: Vec<AnnotatedSeed> = seeds.into_par_iter().map(|s| annotator.annotate(s)).collect();
    timings.lap("annotate");
    let explainer = model::build(annotated, &knowledge.gazetteer, &knowledge.glossary);
    timings.lap("model");
    let specs = emit::specs(&explainer);
    timings.lap("plan pages");
    let (tera, templates_fingerprint) = render::load_templates(options.templates.as_deref())?;
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
    let templates = options.templates.as_deref();
    // What every page depends on besides itself: the templates and the site-wide values.
    let shared = fingerprint(&(&templates_fingerprint, &info, &info.timeline_years));
    let bar = if options.progress && specs.len() > 200 {
        let bar = indicatif::ProgressBar::new(specs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("rendering {bar:30} {pos}/{len} pages {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Each page is emitted, rendered in both scripts and written before the next is made.
    let paths: Vec<String> = specs
        .par_iter()
        .map(|&spec| {
            let page = &emit::page(&explainer, &knowledge, spec);
            bar.inc(1);
            let own = options.cache.as_ref().map(|_| fingerprint(&(shared, page)));
            let rendered = match (&options.cache, own) {
                (Some(cache), Some(own)) => {
                    cache.render(&page.path, own, || render::render_page(&tera, templates, &info, page))?
                }
                _ => std::sync::Arc::new(render::render_page(&tera, templates, &info, page)?),
            };
            for script in [Script::Hant, Script::Hans] {
                let path = script.output_path(&page.path);
                output.put(&format!("{path}index.html"), rendered.html(script).as_bytes())?;
                let markdown = match script {
                    Script::Hant => page.markdown.clone(),
                    Script::Hans => crate::script::to_hans_markup(&page.markdown),
                };
                output.put(&format!("{path}index.md"), markdown.as_bytes())?;
            }
            Ok(page.path.clone())
        })
        .collect::<Result<_>>()?;
    bar.finish_and_clear();
    timings.lap("emit and render");
    output.put("data/annotations.json", export::annotations_json(&explainer).as_bytes())?;
    let cards = serde_json::to_string(&crate::cards::cards(&explainer)).unwrap_or_default();
    output.put(
        "data/cards.zh-Hans.json",
        crate::script::to_hans_markup(&cards).as_bytes(),
    )?;
    output.put("data/cards.json", cards.as_bytes())?;
    timings.lap("export and cards");
    for (path, text) in crate::search::index_files(&explainer) {
        output.put(&path, text.as_bytes())?;
    }
    timings.lap("search index");
    output.put(".nojekyll", b"")?;
    output.put("robots.txt", publish::robots(&base_url).as_bytes())?;
    if let Some(sitemap) = publish::sitemap(&paths, &base_url) {
        output.put("sitemap.xml", sitemap.as_bytes())?;
    }
    let title = &knowledge.names.title;
    output.put(
        "feed.xml",
        publish::atom(&explainer, title, &base_url, None, "feed.xml").as_bytes(),
    )?;
    for city in &explainer.cities {
        let path = format!("city/{}/feed.xml", city.info.id);
        output.put(
            &path,
            publish::atom(&explainer, title, &base_url, Some(&city.info.id), &path).as_bytes(),
        )?;
    }
    let not_found = emit::not_found_page();
    output.put(
        "404.html",
        render::render_page(&tera, templates, &info, &not_found)?.hant.as_bytes(),
    )?;
    add_static(output, options.static_dir.as_deref())?;
    timings.lap("feeds and static");
    Ok(Site {
        timings,
        pages: specs.len() * 2 + 1,
        explainer,
        notes,
    })
}

/// Builds the site in memory: for `check` and `serve`.
pub fn build_in_memory(options: &BuildOptions) -> Result<(Site, BTreeMap<String, Vec<u8>>)> {
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
        let file = self.temp.path().join(path);
        if let Some(dir) = file.parent()
            && !self.made.lock().is_ok_and(|made| made.contains(dir))
        {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            if let Ok(mut made) = self.made.lock() {
                made.insert(dir.to_path_buf());
            }
        }
        std::fs::write(&file, bytes).map_err(|e| Error::io(&file, e))
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
