//! The build: wires the stages together. Curated knowledge and seeds are loaded, annotated
//! and modelled; every page is emitted as annotated Markdown and rendered in both scripts; the
//! files made from the whole corpus (export, cards, search index, feeds) follow. Files go to an
//! [`Output`] as soon as they are made: a staging folder swapped in whole (`build`), or memory
//! (`serve`, `check`). A build reuses nothing unless given a [`Reuse`] (`serve`'s cache).

mod timings;

pub use timings::Timings;

use crate::annotate::{AnnotatedSeed, Annotator};
use crate::emit::{self, PageKey, Spec};
use crate::error::{Error, Result};
use crate::export;
use crate::ingest::{self, SeedFile};
use crate::knowledge::Knowledge;
use crate::model::{self, Explainer, Read, View};
use crate::output::{self, Files, MemoryOutput, Output, Staging};
use crate::render::{self, SiteInfo, Templates};
use crate::text::hash;
use crate::urls::{self, Script};
use rayon::prelude::*;
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
    /// Annotations and pages to reuse between builds (`serve`'s cache).
    pub cache: Option<Arc<dyn Reuse>>,
    /// Show a progress bar (on a terminal, not in CI).
    pub progress: bool,
    /// Write every page's annotated Markdown beside it, in both scripts (the benchmarks give
    /// it to Hugo and Zola); a site publishes only each article's, once.
    pub all_markdown: bool,
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
            all_markdown: false,
        }
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
    templates: Arc<Templates>,
    /// The templates folder, for error messages.
    templates_dir: Option<PathBuf>,
    info: SiteInfo,
    /// Every page's folder (`city/ningbo/`), for the sitemap.
    paths: Vec<String>,
    /// Whether to show a progress bar while rendering.
    progress: bool,
    /// Whether every page's Markdown is written ([`BuildOptions::all_markdown`]).
    all_markdown: bool,
}

impl Site {
    /// One line: seeds, pages, cities, time.
    pub fn summary(&self, started: Instant) -> String {
        format!(
            "built {} seed{}, {} pages, {} cit{} ({}) in {:.2}s",
            self.explainer.seeds().len(),
            if self.explainer.seeds().len() == 1 { "" } else { "s" },
            self.pages,
            self.explainer.cities().len(),
            if self.explainer.cities().len() == 1 { "y" } else { "ies" },
            self.explainer
                .cities()
                .iter()
                .map(|c| c.info.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            started.elapsed().as_secs_f64()
        )
    }
}

/// What a build can take from an earlier one instead of making it again. `serve` keeps such a
/// cache ([`crate::serve::BuildCache`]); a plain build has none and makes everything.
pub trait Reuse: Send + Sync + std::fmt::Debug {
    /// The curated knowledge (from `dir` when given, else embedded) and its fingerprint.
    fn knowledge(&self, dir: Option<&Path>) -> Result<(u64, Arc<Knowledge>)>;
    /// The compiled templates and their fingerprint.
    fn templates(&self, dir: Option<&Path>) -> Result<(u64, Arc<Templates>)>;
    /// A seed file's annotation.
    fn annotated(&self, file: &SeedFile, dir: &Path, annotator: &Annotator) -> Result<Arc<AnnotatedSeed>>;
    /// Forgets seeds whose files are gone.
    fn keep_seeds(&self, files: &[SeedFile]);
    /// Takes note of this build's explainer, before any page is asked for: what tells which of
    /// the kept pages still hold.
    fn prepare(&self, explainer: &Explainer);
    /// A page's files: kept ones when nothing the page read changed (`shared` is the fingerprint
    /// of what every page depends on besides the explainer), else made by `make`. Pages are
    /// known by their [`PageKey`], which does not move when others are added before them.
    fn page(&self, key: PageKey, shared: u64, make: &mut dyn FnMut() -> Result<MadePage>) -> Result<Arc<PageFiles>>;
    /// Forgets pages that are no longer part of the site.
    fn keep_pages(&self, keys: &[PageKey]);
    /// (pages made, pages reused) since the last call.
    fn take_counts(&self) -> (usize, usize);
    /// What the model read of each seed, kept between builds.
    fn memo(&self) -> Option<&model::Memo> {
        None
    }
}

/// A page just made: its files (both scripts, HTML and Markdown) and what it read.
pub struct MadePage {
    pub reads: Vec<Read>,
    pub path: String,
    pub files: Vec<(String, String)>,
}

/// A page's files as a cache keeps them.
#[derive(Debug)]
pub struct PageFiles {
    /// The page's folder (`city/ningbo/`).
    pub path: String,
    pub files: Vec<(String, Arc<[u8]>)>,
}

/// Runs every stage and sends every file of the site to `output`. The pages and the files made
/// from the whole corpus (export, search index) need only the model, so they are made at the
/// same time: the corpus files fill the cores that page rendering leaves idle.
pub fn build(options: &BuildOptions, output: &dyn Output) -> Result<Site> {
    let (mut site, plan) = plan(options)?;
    let cache = options.cache.as_deref();
    site.paths = render_pages(&site, &plan, cache, output)?;
    site.timings.lap("pages");
    write_export(&site, output)?;
    site.timings.lap("export and cards");
    write_search(&site, output)?;
    site.timings.lap("search index");
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

/// What page rendering needs beyond the [`Site`]: the pages to make.
pub struct Plan {
    specs: Vec<Spec>,
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
    let annotator = Annotator::new(&knowledge);
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
    let explainer = model::build_with(annotated, &knowledge, cache.and_then(|c| c.memo()));
    timings.lap("model");
    let specs = emit::specs(&explainer);
    if let Some(cache) = cache {
        cache.prepare(&explainer);
    }
    timings.lap("plan pages");
    let (templates_fp, templates) = match cache {
        Some(cache) => cache.templates(options.templates.as_deref())?,
        None => (0, Arc::new(render::load_templates(options.templates.as_deref())?)),
    };
    let base_url = normalise_base_url(&options.base_url)?;
    let info = SiteInfo {
        base_url: base_url.clone(),
        title: knowledge.names.title.clone(),
        cities: explainer.cities().iter().map(|c| emit::city_link(&c.info)).collect(),
        links: urls::SiteLinks::default(),
        labels: render::Labels::new(&knowledge.strings),
    };
    // What every page depends on besides the explainer: templates, knowledge, site-wide values.
    let shared = hash::of_serialized(&(templates_fp, knowledge_fp, &info));
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
            all_markdown: options.all_markdown,
        },
        Plan { specs, shared },
    ))
}

/// Every page, in both scripts with its Markdown, sent to `output` as soon as it is made (so
/// the site is never held whole); returns every page's folder. With a cache, a page whose
/// reads did not change is reused.
fn render_pages(site: &Site, plan: &Plan, cache: Option<&dyn Reuse>, output: &dyn Output) -> Result<Vec<String>> {
    let Plan { specs, shared } = plan;
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
    // One page: emitted (reading the explainer through a view that records what it reads),
    // rendered in both scripts, with its Markdown in both.
    let make = |spec: Spec| -> Result<MadePage> {
        let view = View::new(explainer);
        let page = emit::page(&view, knowledge, spec)?;
        let reads = view.into_reads();
        let rendered = render::render_page(templates, templates_dir, info, &page)?;
        let hans = Script::Hans.output_path(&page.path);
        let mut files = vec![
            (urls::html(&page.path), rendered.hant),
            (urls::html(&hans), rendered.hans),
        ];
        if site.all_markdown {
            files.push((
                urls::markdown(&page.path),
                crate::text::script::to_hant_markup(&page.markdown),
            ));
            files.push((
                urls::markdown(&hans),
                crate::text::script::to_hans_markup(&page.markdown),
            ));
        } else if page.publish_markdown {
            // As the generator read it: the article's own script.
            files.push((urls::markdown(&page.path), page.markdown));
        }
        Ok(MadePage {
            reads,
            path: page.path,
            files,
        })
    };
    // Each page is written as soon as it is made, so the site is never held whole.
    let paths: Vec<String> = specs
        .par_iter()
        .map(|&spec| {
            bar.inc(1);
            match cache {
                Some(cache) => {
                    let page = cache.page(spec.key(explainer), shared, &mut || make(spec))?;
                    for (path, bytes) in &page.files {
                        output.put_shared(path, bytes)?;
                    }
                    Ok(page.path.clone())
                }
                None => {
                    let MadePage { path, files, .. } = make(spec)?;
                    for (file, text) in files {
                        output.put(&file, text.as_bytes())?;
                    }
                    Ok(path)
                }
            }
        })
        .collect::<Result<_>>()?;
    if let Some(cache) = cache {
        cache.keep_pages(&specs.iter().map(|s| s.key(explainer)).collect::<Vec<_>>());
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
    output.put_written(urls::EXPORT, &mut |out| export::write_annotations_json(explainer, out))?;
    explainer.seeds().par_iter().try_for_each(|seed| {
        let path = urls::seed_export(&seed.seed.id);
        let json = export::seed_paragraphs_json(seed).map_err(|e| Error::serialize(&path, e))?;
        output.put(&path, json.as_bytes())
    })?;
    let cards = serde_json::to_string(&output::cards(explainer, &site.knowledge.strings))
        .map_err(|e| Error::serialize(urls::cards(Script::Hant), e))?;
    output.put(
        urls::cards(Script::Hans),
        crate::text::script::to_hans_markup(&cards).as_bytes(),
    )?;
    output.put(
        urls::cards(Script::Hant),
        crate::text::script::to_hant_markup(&cards).as_bytes(),
    )?;
    // Each figure statement's card, sharded, in both scripts.
    let (index, shards) = output::figure_cards(explainer, &site.knowledge.strings, &site.knowledge.gazetteer);
    let put_both = |hant: &str, hans: &str, text: &str| -> Result<()> {
        output.put(hans, crate::text::script::to_hans_markup(text).as_bytes())?;
        output.put(hant, crate::text::script::to_hant_markup(text).as_bytes())
    };
    let index_json = to_json(urls::figure_index(Script::Hant), &index)?;
    put_both(
        urls::figure_index(Script::Hant),
        urls::figure_index(Script::Hans),
        &index_json,
    )?;
    for (n, shard) in shards.iter().enumerate() {
        let (hant, hans) = (urls::figure_shard(n, Script::Hant), urls::figure_shard(n, Script::Hans));
        put_both(&hant, &hans, &to_json(&hant, shard)?)?;
    }
    Ok(())
}

/// A value as JSON, an error naming the file it was for.
fn to_json(path: &str, value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::serialize(path, e))
}

fn write_search(site: &Site, output: &dyn Output) -> Result<()> {
    output::write_search_index(&site.explainer, &mut |path, text| output.put(path, text.as_bytes()))
}

/// The small site-wide files: robots, sitemap, feeds, the 404 page and the static assets.
fn write_site_files(site: &mut Site, static_dir: Option<&Path>, output: &dyn Output) -> Result<()> {
    let explainer = &site.explainer;
    let base_url = &site.info.base_url;
    output.put(urls::NOJEKYLL, b"")?;
    output.put(urls::ROBOTS, output::robots(base_url).as_bytes())?;
    if let Some(sitemap) = output::sitemap(&site.paths, base_url) {
        output.put(urls::SITEMAP, sitemap.as_bytes())?;
    }
    let title = &site.knowledge.names.title;
    output.put(
        urls::FEED,
        output::atom(explainer, title, base_url, None, urls::FEED).as_bytes(),
    )?;
    for city in explainer.cities() {
        let path = urls::city_feed(&city.info.id);
        output.put(
            &path,
            output::atom(explainer, title, base_url, Some(&city.info.id), &path).as_bytes(),
        )?;
    }
    let not_found = emit::not_found_page(&site.knowledge.strings);
    output.put(
        urls::NOT_FOUND,
        render::render_page(&site.templates, site.templates_dir.as_deref(), &site.info, &not_found)?
            .hant
            .as_bytes(),
    )?;
    output::write_assets(output, static_dir)?;
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
