//! Link checking over a built site in memory: every internal `href`/`src` must name a file of
//! the site, and every `#fragment` an `id` in that file.

use std::collections::{BTreeMap, BTreeSet};

/// A broken link: the page it is on and what it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub page: String,
    pub target: String,
    pub reason: &'static str,
}

/// Values of an attribute (`href="…"`) in an HTML text, as written (see [`unescape_attribute`]).
pub fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// An attribute value with the character references Tera writes turned back into text.
pub fn unescape_attribute(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
}

/// Resolves `target` against the folder of `page`; `None` when it leaves the site.
fn resolve(page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if target.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// Every broken internal link in the site's HTML files.
pub fn broken_links(files: &super::Files) -> Vec<BrokenLink> {
    let html: BTreeMap<&str, String> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p.as_str(), String::from_utf8_lossy(b).into_owned()))
        .collect();
    let ids: BTreeMap<&str, BTreeSet<String>> = html
        .iter()
        .map(|(p, text)| {
            (
                *p,
                attribute_values(text, "id")
                    .into_iter()
                    .map(unescape_attribute)
                    .collect(),
            )
        })
        .collect();
    let mut broken = Vec::new();
    for (page, text) in &html {
        let mut targets = attribute_values(text, "href");
        targets.extend(attribute_values(text, "src"));
        for raw in targets {
            let target = unescape_attribute(raw);
            if target.contains("://") || target.starts_with("mailto:") || target.starts_with("data:") {
                continue;
            }
            let (path, fragment) = target
                .split_once('#')
                .map_or((target.as_str(), None), |(p, f)| (p, Some(f)));
            let path = path.split_once('?').map_or(path, |(p, _)| p);
            let file = if path.is_empty() {
                Some(page.to_string())
            } else {
                resolve(page, path)
            };
            let Some(file) = file else {
                broken.push(BrokenLink {
                    page: page.to_string(),
                    target,
                    reason: "points outside the site",
                });
                continue;
            };
            if !files.contains_key(&file) {
                broken.push(BrokenLink {
                    page: page.to_string(),
                    target,
                    reason: "no such file",
                });
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && ids.get(file.as_str()).is_some_and(|set| !set.contains(fragment))
            {
                broken.push(BrokenLink {
                    page: page.to_string(),
                    target,
                    reason: "no such anchor",
                });
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_missing_files_and_anchors() {
        let mut files = crate::output::Files::new();
        files.insert(
            "index.html".to_string(),
            br##"<a href="city/a/index.html">a</a><a href="city/b/index.html">b</a><a href="x.html#nope">x</a>"##
                .as_slice()
                .into(),
        );
        files.insert(
            "city/a/index.html".to_string(),
            br##"<p id="p1"></p><a href="../../index.html">home</a><a href="#p1">self</a>"##
                .as_slice()
                .into(),
        );
        files.insert("x.html".to_string(), b"<p></p>".as_slice().into());
        let broken = broken_links(&files);
        assert_eq!(broken.len(), 2, "{broken:?}");
        assert_eq!(broken[0].target, "city/b/index.html");
        assert_eq!(broken[1].reason, "no such anchor");
    }
}
