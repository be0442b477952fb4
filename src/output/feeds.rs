//! What a published site needs besides its pages: `sitemap.xml`, `robots.txt`, Atom feeds
//! (all seeds, and one per city), newest first. URLs are absolute when a base URL is given
//! and relative otherwise (Atom resolves them against the feed's own address).

use crate::model::Explainer;
use crate::text::escape;
use crate::text::offsets::first_chars;
use crate::urls;

/// `sitemap.xml` (only with a base URL: sitemaps require absolute URLs).
pub fn sitemap(paths: &[String], base_url: &str) -> Option<String> {
    if base_url.is_empty() {
        return None;
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape::html(&urls::absolute(base_url, path))
        ));
    }
    out.push_str("</urlset>\n");
    Some(out)
}

/// `robots.txt`: everything may be crawled; names the sitemap when there is one.
pub fn robots(base_url: &str) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if !base_url.is_empty() {
        out.push_str(&format!("Sitemap: {}\n", urls::absolute(base_url, urls::SITEMAP)));
    }
    out
}

/// The date a seed is filed under in feeds: its publication date, else its (inferred) year.
fn seed_updated(ex: &Explainer, seed: usize) -> String {
    let s = &ex.seeds()[seed];
    let date = s
        .seed
        .meta
        .date
        .clone()
        .or_else(|| s.year.map(|y| y.to_string()))
        .unwrap_or_else(|| "1970".to_string());
    let full = match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.chars().take(10).collect(),
    };
    format!("{full}T00:00:00Z")
}

/// Articles in a feed: the newest.
pub const FEED_ENTRIES: usize = 50;

/// An Atom feed of the newest [`FEED_ENTRIES`] seeds, newest first; `city` limits it to seeds about one city.
/// `path` is where the feed lives (`feed.xml`, `city/ningbo/feed.xml`).
pub fn atom(ex: &Explainer, site_title: &str, base_url: &str, city: Option<&str>, path: &str) -> String {
    let up = urls::root_of(path);
    let url = |rel: &str| {
        if base_url.is_empty() {
            format!("{up}{rel}")
        } else {
            format!("{base_url}{rel}")
        }
    };
    let mut seeds: Vec<usize> = (0..ex.seeds().len())
        .filter(|&s| {
            city.is_none_or(|c| {
                ex.seeds()[s]
                    .paragraphs
                    .iter()
                    .any(|p| p.page_cities().any(|x| **x == *c))
            })
        })
        .collect();
    // Newest first; among articles of one date, the one added last first.
    seeds.sort_by_cached_key(|&s| std::cmp::Reverse((seed_updated(ex, s), s)));
    // A feed reader wants what is new: a feed of every article would grow with the corpus and
    // change whole with each one added.
    seeds.truncate(FEED_ENTRIES);
    let title = match city.and_then(|c| ex.city(c)) {
        Some(c) => format!("{} · {site_title}", c.info.name),
        None => site_title.to_string(),
    };
    let updated = seeds
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |&s| seed_updated(ex, s));
    let self_url = url(path);
    let home = url(&city.map_or(String::new(), urls::city));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hant\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n  <updated>{updated}</updated>\n  <author><name>explainer</name></author>\n",
        escape::html(&title),
        escape::html(&self_url),
        escape::html(&self_url),
        escape::html(&home)
    );
    for s in seeds {
        let a = &ex.seeds()[s];
        let link = url(&urls::source(&a.seed.id));
        let summary = first_chars(&a.paragraphs[0].text, 140);
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape::html(a.seed.display_title()),
            escape::html(&link),
            escape::html(&link),
            seed_updated(ex, s),
            escape::html(&summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}
