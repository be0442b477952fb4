//! Page weight per page type: what a browser downloads to show one page of a built site.
//!
//! For every `index.html` (and `404.html`) under the site, the stylesheets and scripts it loads
//! are gzipped (level 6, what static hosts serve) and summed; the card data the page script
//! fetches on the first tap is reported beside them (loaded lazily, like the search index,
//! which is not counted). Pages are grouped by type (the first folder of their path), with the
//! largest page of each type, so the pagination budget (about 100 KB of HTML) shows too.
//!
//! Run: `cargo bench --bench weight -- [SITE]` (default `site/`). Prints a Markdown table;
//! budgets: JavaScript ≤ 20 KB and CSS ≤ 15 KB gzipped per page.

use explainer::output;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const JS_BUDGET: usize = 20 * 1024;
const CSS_BUDGET: usize = 15 * 1024;
const HTML_BUDGET: usize = 100 * 1024;

/// What the largest page of one type weighs, and how many pages the type has.
#[derive(Default)]
struct Weight {
    pages: usize,
    html: usize,
    html_gz: usize,
    js_gz: usize,
    css_gz: usize,
    lazy_gz: usize,
    largest: String,
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |out| out.len())
}

/// The page type of a path relative to the site root: its first folder, or `home`.
fn page_type(relative: &Path) -> String {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [one] if one == "404.html" => "404".to_string(),
        [_] => "home".to_string(),
        [first, ..] => first.clone(),
        [] => "home".to_string(),
    }
}

fn main() {
    let site = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| PathBuf::from("site"), PathBuf::from);
    if !site.join("index.html").is_file() {
        eprintln!("{}: no built site here (run `explainer build` first)", site.display());
        std::process::exit(2);
    }
    let mut gz_of_asset: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut gz = |path: PathBuf| -> usize {
        *gz_of_asset
            .entry(path)
            .or_insert_with_key(|p| std::fs::read(p).map_or(0, |b| gzipped_len(&b)))
    };
    let mut types: BTreeMap<String, Weight> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&site).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy();
        let relative = entry.path().strip_prefix(&site).unwrap_or(entry.path()).to_path_buf();
        // One script is enough: the Simplified pages load the same assets.
        if !(name == "index.html" || name == "404.html") || relative.starts_with("zh-Hans") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let dir = entry.path().parent().unwrap_or(&site).to_path_buf();
        // The site's scripts and stylesheets are the only `.js` sources and `.css` links.
        let assets = |attribute: &str, extension: &str| -> Vec<PathBuf> {
            output::attribute_values(&html, attribute)
                .into_iter()
                .map(output::unescape_attribute)
                .filter(|target| target.ends_with(extension))
                .map(|target| dir.join(target))
                .collect()
        };
        let js: usize = assets("src", ".js").into_iter().map(&mut gz).sum();
        let css: usize = assets("href", ".css").into_iter().map(&mut gz).sum();
        // The page script fetches the cards of the page's script on the first tap.
        let lazy = if js > 0 { gz(site.join("data/cards.json")) } else { 0 };
        let weight = types.entry(page_type(&relative)).or_default();
        weight.pages += 1;
        weight.js_gz = weight.js_gz.max(js);
        weight.css_gz = weight.css_gz.max(css);
        weight.lazy_gz = weight.lazy_gz.max(lazy);
        if html.len() > weight.html {
            weight.html = html.len();
            weight.html_gz = gzipped_len(html.as_bytes());
            weight.largest = relative.to_string_lossy().into_owned();
        }
    }
    let kb = |bytes: usize| format!("{:.1} KB", bytes as f64 / 1024.0);
    let mark = |bytes: usize, budget: usize| if bytes <= budget { "" } else { " ⚠" };
    println!(
        "| page type | pages | JS (gzip) | CSS (gzip) | cards, on first tap (gzip) | largest page | its HTML | gzip |"
    );
    println!("|---|---:|---:|---:|---:|---|---:|---:|");
    for (kind, w) in &types {
        println!(
            "| {kind} | {} | {}{} | {}{} | {} | `{}` | {}{} | {} |",
            w.pages,
            kb(w.js_gz),
            mark(w.js_gz, JS_BUDGET),
            kb(w.css_gz),
            mark(w.css_gz, CSS_BUDGET),
            kb(w.lazy_gz),
            w.largest,
            kb(w.html),
            mark(w.html, HTML_BUDGET),
            kb(w.html_gz),
        );
    }
}
