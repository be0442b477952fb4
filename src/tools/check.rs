//! `explainer check`: a site built in memory, verified without writing anything — every
//! internal link and anchor resolves, every seed names a Zhejiang city — and how many terms and
//! documents are explained, by what, with the unexplained ones most used first.

use crate::build::Site;
use crate::model::{Explainer, Origin};
use crate::output::Files;
use crate::output::{BrokenLink, broken_links};
use std::fmt::Write;

/// What `check` found: the report to print, and the broken links (any makes `check` fail).
pub struct Checked {
    pub report: String,
    pub broken: Vec<BrokenLink>,
}

/// Checks a site built in memory (`files` are its files).
pub fn check(site: &Site, files: &Files) -> Checked {
    let ex = &site.explainer;
    let mut report = String::new();
    for s in ex.seeds() {
        if s.paragraphs.iter().all(|p| p.cities.is_empty()) {
            let _ = writeln!(report, "warning: {}: names no Zhejiang city", s.seed.file.display());
        }
    }
    // Seeds without a publication date (metadata, a date line, or an address that holds one):
    // their dates without a year (5月14日, 今年) stay without one until it is filled in.
    let undated: Vec<String> = ex
        .seeds()
        .iter()
        .filter(|s| s.year.is_none())
        .map(|s| s.seed.file.display().to_string())
        .collect();
    if !undated.is_empty() {
        let _ = writeln!(
            report,
            "undated: {} seed{} without a publication date (add `date = \"YYYY-MM-DD\"` to its sidecar or front matter):",
            undated.len(),
            plural(undated.len())
        );
        for file in &undated {
            let _ = writeln!(report, "  {file}");
        }
    }
    report.push_str(&coverage(ex));
    let broken = broken_links(files);
    for b in &broken {
        let _ = writeln!(report, "broken link: {} → {} ({})", b.page, b.target, b.reason);
    }
    if broken.is_empty() {
        let _ = writeln!(
            report,
            "check: {} files, {} pages, no broken links",
            files.len(),
            site.pages
        );
    }
    Checked { report, broken }
}

/// How many terms and documents are explained, by origin, then every unexplained one, most used
/// first.
pub fn coverage(ex: &Explainer) -> String {
    let mut out = String::new();
    let terms: Vec<Option<Origin>> = ex
        .terms()
        .iter()
        .map(|t| t.explanation.as_ref().map(|e| e.origin))
        .collect();
    let documents: Vec<Option<Origin>> = ex
        .documents()
        .iter()
        .map(|d| d.explanation.as_ref().map(|e| e.origin))
        .collect();
    out.push_str(&explained_line("terms", &terms));
    out.push_str(&explained_line("documents", &documents));
    // An explanation that only restates the words is flagged: rules never publish one, so
    // these are glossary entries to rewrite.
    let restating = ex
        .terms()
        .iter()
        .filter_map(|t| Some((t.text.as_str(), "term", t.explanation.as_ref()?)))
        .chain(
            ex.documents()
                .iter()
                .filter_map(|d| Some((d.title.as_str(), "document", d.explanation.as_ref()?))),
        )
        .filter(|(text, _, e)| e.restates(text));
    for (text, what, e) in restating {
        let _ = writeln!(out, "restates: {what} “{text}” ({}): {}", e.origin.as_str(), e.zh);
    }
    let unexplained = Unexplained::of(ex);
    for (text, id, uses) in unexplained.terms {
        let _ = writeln!(out, "unexplained: term “{text}” ({id}), {uses} use{}", plural(uses));
    }
    for (title, id, uses) in unexplained.documents {
        let _ = writeln!(
            out,
            "unexplained: document 《{title}》 ({id}), {uses} mention{}",
            plural(uses)
        );
    }
    out
}

/// `explained: terms 38/39 (97%): glossary 30, article 8`.
fn explained_line(what: &str, origins: &[Option<Origin>]) -> String {
    let total = origins.len();
    let explained = origins.iter().flatten().count();
    let percent = (explained * 100).checked_div(total).unwrap_or(100);
    let by: Vec<String> = [
        Origin::Glossary,
        Origin::Title,
        Origin::Rule,
        Origin::Article,
        Origin::Dictionary,
    ]
    .into_iter()
    .map(|o| (o, origins.iter().filter(|x| **x == Some(o)).count()))
    .filter(|(_, n)| *n > 0)
    .map(|(o, n)| format!("{} {n}", o.as_str()))
    .collect();
    format!(
        "explained: {what} {explained}/{total} ({percent}%){}{}\n",
        if by.is_empty() { "" } else { ": " },
        by.join(", ")
    )
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The terms and documents nothing explains: (text, id, uses) each, most used first.
pub(super) struct Unexplained<'a> {
    pub terms: Vec<(&'a str, &'a str, usize)>,
    pub documents: Vec<(&'a str, &'a str, usize)>,
}

impl<'a> Unexplained<'a> {
    pub fn of(ex: &'a Explainer) -> Unexplained<'a> {
        let most_used_first = |mut out: Vec<(&'a str, &'a str, usize)>| {
            out.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
            out
        };
        Unexplained {
            terms: most_used_first(
                ex.terms()
                    .iter()
                    .filter(|t| t.explanation.is_none())
                    .map(|t| (t.text.as_str(), t.id.as_str(), t.uses.len()))
                    .collect(),
            ),
            documents: most_used_first(
                ex.documents()
                    .iter()
                    .filter(|d| d.explanation.is_none())
                    .map(|d| (d.title.as_str(), d.id.as_str(), d.mentions.len()))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{BuildOptions, build_in_memory};

    /// A site built in memory from made-up seeds, with the embedded knowledge and templates.
    fn site(seeds: &[(&str, &str)]) -> (tempfile::TempDir, Site, Files) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in seeds {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let options = BuildOptions {
            data: None,
            templates: None,
            static_dir: None,
            ..BuildOptions::new(dir.path(), "unused")
        };
        let (site, files) = build_in_memory(&options).unwrap();
        (dir, site, files)
    }

    const SEEDS: [(&str, &str); 2] = [
        (
            "001_a.txt",
            "寧波新政\n寧波推進“人工智能+製造”,建設“沁芯堡”和“沁芯堡”配套,發布《寧波市人工智能產業發展實施方案》。\n",
        ),
        ("002_b.txt", "天氣\n今天天氣晴朗,適合出行。\n"),
    ];

    #[test]
    fn reports_cityless_seeds_coverage_and_no_broken_links() {
        let (_dir, site, files) = site(&SEEDS);
        let checked = check(&site, &files);
        assert!(checked.broken.is_empty(), "{}", checked.report);
        let lines: Vec<&str> = checked.report.lines().collect();
        assert!(
            lines[0].starts_with("warning: ") && lines[0].ends_with("002_b.txt: names no Zhejiang city"),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("explained: terms ")), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("unexplained: term “沁芯堡” (") && l.ends_with("), 1 use")),
            "{lines:?}"
        );
        assert!(lines.last().unwrap().starts_with(&format!(
            "check: {} files, {} pages, no broken links",
            files.len(),
            site.pages
        )));
    }

    #[test]
    fn a_broken_link_is_reported() {
        let (_dir, site, mut files) = site(&SEEDS);
        files.insert(
            "x/index.html".to_string(),
            b"<a href=\"../nowhere/index.html\">".as_slice().into(),
        );
        let checked = check(&site, &files);
        assert_eq!(checked.broken.len(), 1, "{}", checked.report);
        assert!(
            checked
                .report
                .contains("broken link: x/index.html → ../nowhere/index.html"),
            "{}",
            checked.report
        );
        assert!(!checked.report.contains("no broken links"));
    }

    #[test]
    fn coverage_counts_by_origin() {
        let none = explained_line("terms", &[]);
        assert_eq!(none, "explained: terms 0/0 (100%)\n");
        let some = explained_line(
            "documents",
            &[Some(Origin::Title), None, Some(Origin::Glossary), Some(Origin::Title)],
        );
        assert_eq!(some, "explained: documents 3/4 (75%): glossary 1, title 2\n");
    }
}
