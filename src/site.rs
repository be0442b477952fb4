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
use crate::render::{self, Script, SiteInfo};
use rayon::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
        }
    }
}

/// The curated knowledge every stage may read.
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub glossary: Glossary,
    pub map: crate::map::Map,
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
        Ok(Knowledge {
            gazetteer,
            lexicon,
            glossary,
            map,
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

/// A built site, in memory.
pub struct Site {
    /// Output files by path relative to the site root (`city/ningbo/index.html`).
    pub files: BTreeMap<String, Vec<u8>>,
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

/// Runs every stage and returns the site in memory; nothing is written.
pub fn build(options: &BuildOptions) -> Result<Site> {
    let knowledge = Knowledge::load(options.data.as_deref())?;
    let (seeds, notes) = ingest::load_dir(&options.seeds, &knowledge.lexicon)?;
    if seeds.is_empty() {
        return Err(Error::file(
            &options.seeds,
            "no seeds (.txt or .md files) in this folder",
        ));
    }
    let annotator = knowledge.annotator();
    let annotated: Vec<AnnotatedSeed> = seeds.into_par_iter().map(|s| annotator.annotate(s)).collect();
    let explainer = model::build(annotated, &knowledge.gazetteer, &knowledge.glossary);
    let pages = emit::pages(&explainer, &knowledge);
    let tera = render::load_templates(options.templates.as_deref())?;
    let base_url = normalise_base_url(&options.base_url);
    let info = SiteInfo {
        base_url: base_url.clone(),
        title: "浙江 AI+ 城市觀察".to_string(),
        cities: explainer
            .cities
            .iter()
            .map(|c| json!({"id": c.info.id, "name": c.info.name}))
            .collect(),
        timeline_years: emit::timeline_years(&explainer),
    };
    let jobs: Vec<(&emit::Page, Script)> = pages
        .iter()
        .flat_map(|p| [(p, Script::Hant), (p, Script::Hans)])
        .collect();
    let rendered: Vec<(String, String, String)> = jobs
        .par_iter()
        .map(|&(page, script)| {
            let html = render::render_page(&tera, options.templates.as_deref(), &info, page, script)?;
            let markdown = match script {
                Script::Hant => page.markdown.clone(),
                Script::Hans => crate::script::to_hans(&page.markdown),
            };
            Ok((script.output_path(&page.path), html, markdown))
        })
        .collect::<Result<_>>()?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (path, html, markdown) in rendered {
        files.insert(format!("{path}index.html"), html.into_bytes());
        files.insert(format!("{path}index.md"), markdown.into_bytes());
    }
    files.insert(
        "data/annotations.json".to_string(),
        export::annotations_json(&explainer).into_bytes(),
    );
    let cards = serde_json::to_string(&crate::cards::cards(&explainer)).unwrap_or_default();
    files.insert(
        "data/cards.zh-Hans.json".to_string(),
        crate::script::to_hans(&cards).into_bytes(),
    );
    files.insert("data/cards.json".to_string(), cards.into_bytes());
    for (path, text) in crate::search::index_files(&explainer) {
        files.insert(path, text.into_bytes());
    }
    files.insert(".nojekyll".to_string(), Vec::new());
    files.insert("robots.txt".to_string(), publish::robots(&base_url).into_bytes());
    if let Some(sitemap) = publish::sitemap(&pages, &base_url) {
        files.insert("sitemap.xml".to_string(), sitemap.into_bytes());
    }
    files.insert(
        "feed.xml".to_string(),
        publish::atom(&explainer, &base_url, None, "feed.xml").into_bytes(),
    );
    for city in &explainer.cities {
        let path = format!("city/{}/feed.xml", city.info.id);
        files.insert(
            path.clone(),
            publish::atom(&explainer, &base_url, Some(&city.info.id), &path).into_bytes(),
        );
    }
    let not_found = emit::not_found_page();
    let html = render::render_page(&tera, options.templates.as_deref(), &info, &not_found, Script::Hant)?;
    files.insert("404.html".to_string(), html.into_bytes());
    add_static(&mut files, options.static_dir.as_deref())?;
    Ok(Site {
        files,
        pages: pages.len() * 2 + 1,
        explainer,
        notes,
    })
}

fn normalise_base_url(url: &str) -> String {
    let url = url.trim();
    if url.is_empty() || url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn add_static(files: &mut BTreeMap<String, Vec<u8>>, dir: Option<&Path>) -> Result<()> {
    for (name, text) in EMBEDDED_STATIC {
        files.insert(format!("static/{name}"), text.as_bytes().to_vec());
    }
    let Some(dir) = dir else { return Ok(()) };
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::file(dir, e.to_string()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            files.insert(format!("static/{}", rel.to_string_lossy().replace('\\', "/")), bytes);
        }
    }
    Ok(())
}

/// Files in an existing output folder that the generator does not own and keeps.
const KEPT_FILES: [&str; 1] = ["CNAME"];

/// Writes the site to `out` atomically: into a temporary folder beside it, then swapped in.
pub fn write(site: &Site, out: &Path, seeds: &Path) -> Result<()> {
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
    for (rel, bytes) in &site.files {
        let path = temp.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    for kept in KEPT_FILES {
        let old = out.join(kept);
        if old.is_file() {
            std::fs::copy(&old, temp.path().join(kept)).map_err(|e| Error::io(&old, e))?;
        }
    }
    let staged = temp.keep();
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
