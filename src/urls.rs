//! Every address in the site, made in one place: page folders, the links annotations become,
//! the files the browser fetches (cards, search shards, the export), feeds, and the two
//! scripts' twins. Other modules ask here; none spells a path out itself.
//!
//! A page's address is its folder relative to the site root, with a trailing slash
//! (`city/ningbo/`; the home page is `""`). Links inside the site are relative: a page's
//! [`root_of`] (`../../`) followed by the target's folder and `index.html`, so the site works
//! under a sub-path, at a domain's root and opened straight from disk. The Simplified twin of
//! every page sits at the same path below `zh-Hans/`, at the same depth below its own root, so
//! a relative link means the same page in either script.

/// The home page (the province overview).
pub const HOME: &str = "";
/// Every dated event, by date (paginated).
pub const TIMELINE: &str = "timeline/";
/// The cities side by side.
pub const COMPARE: &str = "compare/";
/// How the site is made and what its marks mean.
pub const ABOUT: &str = "about/";
/// Every source article (paginated).
pub const SOURCES: &str = "sources/";
/// Every paragraph about the province as a whole (paginated).
pub const PROVINCE: &str = "province/";
/// Full-text search.
pub const SEARCH: &str = "search/";
/// Every term, by pinyin (paginated); each term's page is below it.
pub const TERMS: &str = "terms/";
/// Every document, by pinyin (paginated); each document's page is below it.
pub const DOCUMENTS: &str = "documents/";

/// The page GitHub Pages serves for a missing address.
pub const NOT_FOUND: &str = "404.html";
/// The data export (the JSON contract).
pub const EXPORT: &str = "data/annotations.json";
/// A seed's paragraphs in the data export (schema 3): `data/seeds/<id>.json`.
pub fn seed_export(seed: &str) -> String {
    format!("data/seeds/{seed}.json")
}

/// The search index's description: its segments, block size, the folding and Simplified tables.
pub const SEARCH_META: &str = "search/meta.json";
/// The pages search finds by name (cities, terms, documents).
pub const SEARCH_PAGES: &str = "search/pages.json";
/// The Atom feed of every article.
pub const FEED: &str = "feed.xml";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// Tells GitHub Pages not to run Jekyll over the site.
pub const NOJEKYLL: &str = ".nojekyll";

/// A page named by its folder and an id (`city/` and `ningbo`: `city/ningbo/`), so that the
/// renderer can write thousands of links a page without allocating for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdPage<'a> {
    pub folder: &'static str,
    pub id: &'a str,
}

impl IdPage<'_> {
    /// The page's folder from the site root.
    pub fn path(self) -> String {
        format!("{}{}/", self.folder, self.id)
    }

    /// Appends the page's HTML file from the site root (`city/ningbo/index.html`), escaped for
    /// an HTML attribute: the renderer writes thousands of these a page, without allocating.
    pub fn push_html_escaped(self, out: &mut String) {
        crate::text::escape::push_html(out, self.folder);
        crate::text::escape::push_html(out, self.id);
        out.push_str("/index.html");
    }
}

const CITY: &str = "city/";
const TERM: &str = TERMS;
const DOCUMENT: &str = DOCUMENTS;

/// A city's page: `city/ningbo/`.
pub fn city(id: &str) -> String {
    IdPage { folder: CITY, id }.path()
}

/// A term's page: `terms/ai-plus/`.
pub fn term(id: &str) -> String {
    IdPage { folder: TERM, id }.path()
}

/// A document's page: `documents/zhejiang-ai-innovation-measures/`.
pub fn document(id: &str) -> String {
    IdPage { folder: DOCUMENT, id }.path()
}

/// A source article's page: `source/000_cc229362e59457d6/`.
pub fn source(seed: &str) -> String {
    format!("source/{seed}/")
}

/// A paragraph of a source article, from the site root: `source/<seed>/index.html#p3`.
pub fn source_paragraph(seed: &str, paragraph: &str) -> String {
    format!("source/{seed}/index.html#{paragraph}")
}

/// A city's Atom feed: `city/ningbo/feed.xml`.
pub fn city_feed(id: &str) -> String {
    format!("city/{id}/feed.xml")
}

/// Page `n` (1-based) of a paginated page at `base`: the first keeps `base`, the others live
/// at `base/page/N/`.
pub fn page(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// A group of an index by its initial: `terms/_a/`, `documents/_0-9/`. The `_` keeps it apart
/// from the entries' own pages, whose ids are slugs (letters, digits and `-`).
pub fn index_group(index: &str, key: &str) -> String {
    format!("{index}_{key}/")
}

/// The HTML file of a page folder: `city/ningbo/` → `city/ningbo/index.html`.
/// Every event of a city, listed on its first page: `city/ningbo/index.html#all-events`.
pub fn city_events(id: &str) -> String {
    format!("{}#{CITY_EVENTS_ANCHOR}", html(&city(id)))
}

/// The id of the list of a city's events on its page.
pub const CITY_EVENTS_ANCHOR: &str = "all-events";

pub fn html(folder: &str) -> String {
    format!("{folder}index.html")
}

/// The annotated Markdown beside a page's HTML (published beside source articles only).
pub fn markdown(folder: &str) -> String {
    format!("{folder}index.md")
}

/// The anchor of a year on the timeline: `y2025`; `year-unknown` for the dates without one.
pub fn year_anchor(year: &str) -> String {
    if year == crate::text::isodate::YEAR_UNKNOWN {
        "year-unknown".to_string()
    } else {
        format!("y{year}")
    }
}

/// An asset copied to `static/`: `static/app.js`.
pub fn asset(name: &str) -> String {
    format!("static/{name}")
}

/// Shard `n` of a segment of the search index: `search/s0-512/3.json`.
pub fn search_shard(segment: &str, n: usize) -> String {
    format!("search/{segment}/{n}.json")
}

/// Block `k` of the search index's documents' text.
pub fn search_block(k: usize) -> String {
    format!("search/d{k}.json")
}

/// Shard `n` of the English words the search index looks up in Chinese.
pub fn search_english(n: usize) -> String {
    format!("search/en-{n}.json")
}

/// The cards the page script shows on a tap, in a script.
pub fn cards(script: Script) -> &'static str {
    match script {
        Script::Hant => "data/cards.json",
        Script::Hans => "data/cards.zh-Hans.json",
    }
}

/// The figure cards: how many shards there are and the words a figure's card is written with,
/// in a script. The page script reads it on the first tap on a figure.
pub fn figure_index(script: Script) -> &'static str {
    match script {
        Script::Hant => "data/figures/index.json",
        Script::Hans => "data/figures/index.zh-Hans.json",
    }
}

/// Shard `n` of the figure cards (each figure statement's card is in shard
/// [`figure_shard_of`] of its id), in a script.
pub fn figure_shard(n: usize, script: Script) -> String {
    match script {
        Script::Hant => format!("data/figures/{n}.json"),
        Script::Hans => format!("data/figures/{n}.zh-Hans.json"),
    }
}

/// The shard of `shards` a statement's card is in: its id's first four hex digits, modulo the
/// number of shards (`static/app.js` finds it the same way).
pub fn figure_shard_of(id: &str, shards: usize) -> usize {
    let head = id.get(..4).and_then(|h| usize::from_str_radix(h, 16).ok()).unwrap_or(0);
    head % shards.max(1)
}

/// Relative path from a page folder to the site root: `city/ningbo/` → `../../`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The site root as a path from the server's root, for a page that may be served at any
/// depth (the 404 page: GitHub Pages serves it for every missing address, below the missing
/// address's folder). From the base URL's path (`https://user.github.io/repo/` → `/repo/`, a
/// custom domain → `/`), so the links work whatever host or scheme serves the site; without a
/// base URL, `/`: right at a domain's root (`explainer serve`, a custom domain, a user site).
pub fn root_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or("", |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => {
            let path = &after_scheme[i..];
            if path.ends_with('/') {
                path.to_string()
            } else {
                format!("{path}/")
            }
        }
        None => "/".to_string(),
    }
}

/// `path` (relative to the site root) made absolute against the site's base URL.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}{path}")
}

use crate::annotate::Kind;
pub use crate::text::script::Script;

/// Traditional pages live at the site root, their Simplified twins under `zh-Hans/` with the
/// same paths below it.
impl Script {
    pub const HANS_PREFIX: &'static str = "zh-Hans/";

    /// Where a page with `path` lives in this script.
    pub fn output_path(self, path: &str) -> String {
        match self {
            Script::Hant => path.to_string(),
            Script::Hans => format!("{}{path}", Script::HANS_PREFIX),
        }
    }
}

/// The site-wide pages and files every page links to, from the site root (a template puts its
/// page's root or assets path before them).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SiteLinks {
    pub home: String,
    pub timeline: String,
    pub compare: String,
    pub about: String,
    pub search: String,
    pub style: String,
    /// The code highlighting stylesheet (pages with code samples).
    pub highlight: String,
    pub icon: String,
    pub app: String,
    pub search_script: String,
    pub export: String,
    pub feed: String,
}

impl Default for SiteLinks {
    fn default() -> SiteLinks {
        SiteLinks {
            home: html(HOME),
            timeline: html(TIMELINE),
            compare: html(COMPARE),
            about: html(ABOUT),
            search: html(SEARCH),
            style: asset("style.css"),
            highlight: asset("highlight.css"),
            icon: asset("favicon.svg"),
            app: asset("app.js"),
            search_script: asset("search.js"),
            export: EXPORT.to_string(),
            feed: FEED.to_string(),
        }
    }
}

/// The addresses a page's frame (`base.html`) shows in one script: its assets, itself and its
/// twin in the other script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// From the page to the shared assets at the site root (`../../`, or the base URL).
    pub assets: String,
    /// The Traditional and Simplified pages, absolute when there is a base URL (for
    /// `hreflang` alternates), else relative.
    pub hant_url: String,
    pub hans_url: String,
    /// The same two, always relative (the script switch).
    pub hant_rel: String,
    pub hans_rel: String,
    /// This page's absolute address (empty base URL: a path from the site root).
    pub canonical: String,
}

impl Frame {
    /// The frame of the page at `path` in `script`. `fixed_root`: the page may be served at
    /// any depth (the 404 page), so its links start from this root ([`root_path`]).
    pub fn new(base_url: &str, path: &str, script: Script, fixed_root: Option<&str>) -> Frame {
        let output = script.output_path(path);
        let assets = fixed_root.map_or_else(|| root_of(&output), str::to_string);
        let alternate = |p: &str| {
            if base_url.is_empty() {
                format!("{assets}{}", html(p))
            } else {
                absolute(base_url, p)
            }
        };
        Frame {
            hant_url: alternate(path),
            hans_url: alternate(&Script::Hans.output_path(path)),
            hant_rel: format!("{assets}{}", html(path)),
            hans_rel: format!("{assets}{}", html(&Script::Hans.output_path(path))),
            canonical: absolute(base_url, &output),
            assets,
        }
    }
}

/// The page an annotation links to (its folder from the site root), by the annotation's kind
/// and value: a city, term or document page, the city a place lies in. `None` for kinds
/// without a page of their own (figures, dates, organisations, places outside any city).
pub fn annotation_page(kind: Kind, value: &str) -> Option<IdPage<'_>> {
    let (folder, id) = match kind {
        Kind::City => (CITY, value),
        Kind::Term => (TERM, value),
        Kind::Document => (DOCUMENT, value),
        Kind::Place => (CITY, value.split_once('/')?.0),
        Kind::Date | Kind::Figure | Kind::Org => return None,
    };
    Some(IdPage { folder, id })
}

/// A group of the timeline (a month, a year's own dates, the dates without a year), by its
/// key ([`crate::text::isodate::group_key`]): `2025-05` → `timeline/2025/05/`, `2025` →
/// `timeline/2025/`, `unknown` → `timeline/unknown/`. A group's address depends on nothing but
/// its key, so it never moves as the corpus grows.
pub fn timeline_group(key: &str) -> String {
    match key.split_once('-') {
        Some((year, month)) => format!("{TIMELINE}{year}/{month}/"),
        None => format!("{TIMELINE}{key}/"),
    }
}

/// The timeline page a date value links to: the first page of its group.
pub fn timeline_of(value: &str) -> String {
    html(&timeline_group(&crate::text::isodate::group_key(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_roots() {
        assert_eq!(root_of(HOME), "");
        assert_eq!(root_of(&city("ningbo")), "../../");
        assert_eq!(page(TIMELINE, 1), "timeline/");
        assert_eq!(page(TIMELINE, 3), "timeline/page/3/");
        assert_eq!(root_of(&page(&term("x"), 2)), "../../../../");
        assert_eq!(Script::Hans.output_path(&city("ningbo")), "zh-Hans/city/ningbo/");
        assert_eq!(
            annotation_page(Kind::Place, "taizhou/huangyan-district")
                .map(IdPage::path)
                .as_deref(),
            Some("city/taizhou/")
        );
        assert_eq!(annotation_page(Kind::Place, "hangzhou-bay"), None);
        let mut href = String::new();
        annotation_page(Kind::Term, "a&b").unwrap().push_html_escaped(&mut href);
        assert_eq!(href, "terms/a&amp;b/index.html");
        assert_eq!(timeline_of("2025-05-14"), "timeline/2025/05/index.html");
        assert_eq!(timeline_of("2024/2027"), "timeline/2024/index.html");
        assert_eq!(timeline_of("--05-14"), "timeline/unknown/index.html");
        assert_eq!(page(&timeline_group("2025-05"), 2), "timeline/2025/05/page/2/");
    }

    #[test]
    fn root_paths_come_from_the_base_url() {
        assert_eq!(root_path("https://user.github.io/repo/"), "/repo/");
        assert_eq!(root_path("https://example.org/"), "/");
        assert_eq!(root_path("http://localhost:1111"), "/");
        assert_eq!(root_path("https://h.example/a/b"), "/a/b/");
        assert_eq!(root_path(""), "/");
        let frame = Frame::new("https://user.github.io/repo/", "", Script::Hans, Some("/repo/"));
        assert_eq!(frame.assets, "/repo/");
        assert_eq!(frame.hant_rel, "/repo/index.html");
    }
}
