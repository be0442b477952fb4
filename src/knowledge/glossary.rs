//! The glossary (`data/glossary.toml` and the themed files of `data/glossary/`): hand-written
//! explanations, in Chinese and English, of the policy jargon and documents the seeds use, keyed
//! by id, each with the public source its facts rest on. Chinese is written in one script; the
//! other is derived. Annotators use it to give a term the same id in every spelling; the model
//! uses it to explain. A name or id given to two entries, in one file or two, is an error that
//! names both places.

use crate::error::{Error, Result, toml_error};
use crate::text::script;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const EMBEDDED: &str = include_str!("../../data/glossary.toml");

/// One explained term.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    pub id: String,
    /// Every spelling that names this term (either script; the other is added).
    pub names: Vec<String>,
    /// Short English label (`AI + manufacturing`).
    pub label_en: String,
    /// Explanation for a newcomer, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
    /// Where the explanation comes from, when there is a public source.
    #[serde(default)]
    pub source: Option<String>,
    /// Recognised in running text without quotation marks (单项冠军); otherwise only quoted.
    #[serde(default)]
    pub unquoted: bool,
    /// The track this term describes when a city adopts it (`AI + manufacturing`), if any.
    #[serde(default)]
    pub focus: Option<String>,
}

/// One explained document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub id: String,
    /// The full title and any short names.
    pub names: Vec<String>,
    pub title_en: String,
    pub issuer: String,
    /// When it was issued (ISO, partial allowed).
    #[serde(default)]
    pub date: Option<String>,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub source: Option<String>,
}

/// A city's track, set by an editor when the derived one is not right.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FocusOverride {
    pub city: String,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    term: Vec<TermEntry>,
    #[serde(default)]
    document: Vec<DocumentEntry>,
    #[serde(default)]
    focus: Vec<FocusOverride>,
}

/// The themed files of `data/glossary/`, embedded (a test checks that the list matches the
/// folder).
pub const EMBEDDED_PARTS: [(&str, &str); 6] = [
    ("ai-plus.toml", include_str!("../../data/glossary/ai-plus.toml")),
    ("governance.toml", include_str!("../../data/glossary/governance.toml")),
    ("industry.toml", include_str!("../../data/glossary/industry.toml")),
    ("plans.toml", include_str!("../../data/glossary/plans.toml")),
    ("regional.toml", include_str!("../../data/glossary/regional.toml")),
    ("technology.toml", include_str!("../../data/glossary/technology.toml")),
];

/// The embedded glossary files, as (path, text): `data/glossary.toml`, then the themed files.
pub fn embedded_sources() -> Vec<(PathBuf, String)> {
    std::iter::once((PathBuf::from("data/glossary.toml"), EMBEDDED.to_string()))
        .chain(
            EMBEDDED_PARTS
                .iter()
                .map(|(name, text)| (Path::new("data/glossary").join(name), text.to_string())),
        )
        .collect()
}

/// The loaded glossary with a lookup from every folded spelling to its entry.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<TermEntry>,
    pub documents: Vec<DocumentEntry>,
    pub focus: Vec<FocusOverride>,
    term_by_name: BTreeMap<String, usize>,
    document_by_name: BTreeMap<String, usize>,
    term_by_id: BTreeMap<String, usize>,
    document_by_id: BTreeMap<String, usize>,
    /// Every spelling of the terms marked `unquoted`, for finding them in running text.
    unquoted: Option<(AhoCorasick, Vec<usize>)>,
    /// English forms of the terms ([`english_key`]): their English names and label, and the
    /// phrase table's English of their Chinese names, singular and plural alike; a form two
    /// entries share is left out. Looked up only for a quoted phrase without Chinese in it.
    term_by_english: BTreeMap<String, usize>,
}

/// The key an English phrase is found by: each word lowercase, letters, digits and `+` only,
/// British -ise/-isation spelt -ize/-ization, a plural's last `s` dropped (policies → policy,
/// vouchers → voucher), and the words joined; a bracketed aside is left out (“Project No. 1”
/// (top priority) → projectno1). `None` for a phrase with a Han character, or too short to
/// name anything.
pub fn english_key(text: &str) -> Option<String> {
    if text.chars().any(crate::text::han::is_han) {
        return None;
    }
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<String> = plain
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(english_word)
        .filter(|w| !w.is_empty())
        .collect();
    // An article before the name is not part of it (the “Double-Eight Strategy”).
    let skip = usize::from(words.len() > 1 && matches!(words[0].as_str(), "the" | "a" | "an"));
    let key: String = words[skip..].concat();
    (key.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2).then_some(key)
}

/// One word of an [`english_key`].
fn english_word(word: &str) -> String {
    let mut w: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+')
        .collect();
    for (british, american) in [
        ("isation", "ization"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("ise", "ize"),
    ] {
        if w.len() > british.len() + 2 && w.ends_with(british) {
            w.truncate(w.len() - british.len());
            w.push_str(american);
            break;
        }
    }
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    w
}

/// The key a name is looked up by: folded across scripts and widths, without quotation marks
/// (“人工智能+”行动 and 人工智能+行动 are one name), and with the marks that join a slogan's halves
/// made one (活力新衢州、美丽大花园 is written with 、, ， or · as often).
pub fn name_key(name: &str) -> String {
    let mut key = script::fold(name);
    key.retain(|c| !QUOTE_MARKS.contains(c));
    key.chars()
        .map(|c| {
            if SLOGAN_JOINS.contains(c) {
                '、'
            } else if RANGE_DASHES.contains(c) {
                // A period is written 2025—2030, 2025-2030 or 2025~2030: one title.
                '—'
            } else {
                c
            }
        })
        .collect()
}

const RANGE_DASHES: &str = "-‐‑–—―~～－";

const QUOTE_MARKS: &str = "“”‘’「」『』\"'";
const SLOGAN_JOINS: &str = ",，、·・";

/// Where an entry was read: its file and the line of its `id`.
struct Origin<'a> {
    path: &'a Path,
    line: usize,
}

impl std::fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// The line (1-based) of `id = "<id>"` in a glossary file's text, else 1.
fn id_line(source: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    source
        .lines()
        .position(|l| l.trim_start().starts_with("id") && l.contains(&needle))
        .map_or(1, |i| i + 1)
}

/// Builds a name index over entries read from several files: a name (or id) given to two
/// entries is an error naming both places.
fn index<'a>(
    kind: &str,
    entries: impl Iterator<Item = (&'a str, &'a [String], Origin<'a>)>,
) -> Result<(BTreeMap<String, usize>, BTreeMap<String, usize>)> {
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut origins: Vec<(String, Origin<'a>)> = Vec::new();
    for (i, (id, names, origin)) in entries.enumerate() {
        if let Some(&other) = by_id.get(id) {
            return Err(Error::at(
                origin.path,
                origin.line,
                format!("{kind} id `{id}` is also the id of the {kind} at {}", origins[other].1),
            ));
        }
        by_id.insert(id.to_string(), i);
        for name in names {
            let key = name_key(name);
            if key.is_empty() {
                return Err(Error::at(
                    origin.path,
                    origin.line,
                    format!("{kind} `{id}` has an empty name"),
                ));
            }
            if let Some(&other) = by_name.get(&key)
                && other != i
            {
                return Err(Error::at(
                    origin.path,
                    origin.line,
                    format!(
                        "{kind} name `{name}` belongs to both `{}` ({}) and `{id}`",
                        origins[other].0, origins[other].1
                    ),
                ));
            }
            by_name.insert(key, i);
        }
        origins.push((id.to_string(), origin));
    }
    Ok((by_name, by_id))
}

impl Glossary {
    /// The embedded glossary: `data/glossary.toml` and every file of `data/glossary/`.
    pub fn embedded() -> Result<Glossary> {
        Glossary::parse_files(&embedded_sources())
    }

    /// One glossary file on its own; `path` is only used in error messages.
    pub fn parse(path: &Path, source: &str) -> Result<Glossary> {
        Glossary::parse_files(&[(path.to_path_buf(), source.to_string())])
    }

    /// The glossary made of several files (`data/glossary.toml` and the themed files), in order.
    pub fn parse_files(files: &[(PathBuf, String)]) -> Result<Glossary> {
        let mut terms: Vec<(TermEntry, usize)> = Vec::new();
        let mut documents: Vec<(DocumentEntry, usize)> = Vec::new();
        let mut focus = Vec::new();
        for (k, (path, source)) in files.iter().enumerate() {
            let file: File = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
            terms.extend(file.term.into_iter().map(|t| (t, k)));
            documents.extend(file.document.into_iter().map(|d| (d, k)));
            focus.extend(file.focus);
        }
        let origin = |k: usize, id: &str| Origin {
            path: &files[k].0,
            line: id_line(&files[k].1, id),
        };
        // A stub pasted in before it was filled in would explain with nothing.
        fn blank(fields: &[(&'static str, &str)]) -> Option<&'static str> {
            fields.iter().find(|(_, v)| v.trim().is_empty()).map(|(k, _)| *k)
        }
        for (t, k) in &terms {
            if let Some(field) = blank(&[("label_en", t.label_en.as_str()), ("zh", &t.zh), ("en", &t.en)]) {
                let o = origin(*k, &t.id);
                return Err(Error::at(
                    o.path,
                    o.line,
                    format!("term `{}`: `{field}` is empty", t.id),
                ));
            }
        }
        for (d, k) in &documents {
            if let Some(field) = blank(&[("title_en", d.title_en.as_str()), ("zh", &d.zh), ("en", &d.en)]) {
                let o = origin(*k, &d.id);
                return Err(Error::at(
                    o.path,
                    o.line,
                    format!("document `{}`: `{field}` is empty", d.id),
                ));
            }
        }
        let (term_by_name, term_by_id) = index(
            "term",
            terms
                .iter()
                .map(|(t, k)| (t.id.as_str(), t.names.as_slice(), origin(*k, &t.id))),
        )?;
        let (document_by_name, document_by_id) = index(
            "document",
            documents
                .iter()
                .map(|(d, k)| (d.id.as_str(), d.names.as_slice(), origin(*k, &d.id))),
        )?;
        let terms: Vec<TermEntry> = terms.into_iter().map(|(t, _)| t).collect();
        let documents: Vec<DocumentEntry> = documents.into_iter().map(|(d, _)| d).collect();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, entry) in terms.iter().enumerate().filter(|(_, t)| t.unquoted) {
            for name in entry.names.iter().flat_map(|n| script::spellings(n)) {
                patterns.push(name);
                owners.push(i);
            }
        }
        let unquoted = if patterns.is_empty() {
            None
        } else {
            let matcher = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .map_err(|e| Error::msg(format!("glossary: {e}")))?;
            Some((matcher, owners))
        };
        let mut glossary = Glossary {
            terms,
            documents,
            focus,
            term_by_name,
            document_by_name,
            term_by_id,
            document_by_id,
            unquoted,
            term_by_english: BTreeMap::new(),
        };
        glossary.index_english(&|_| Vec::new());
        Ok(glossary)
    }

    /// Indexes every term's English forms ([`english_key`]): its label, its English names and
    /// `more` of each of its names (the phrase table's English of a Chinese name). A form that
    /// names two entries names neither.
    pub fn index_english(&mut self, more: &dyn Fn(&str) -> Vec<String>) {
        let mut by_key: BTreeMap<String, Option<usize>> = BTreeMap::new();
        for (i, t) in self.terms.iter().enumerate() {
            let forms = std::iter::once(t.label_en.clone())
                .chain(t.names.iter().cloned())
                .chain(t.names.iter().flat_map(|n| more(n)));
            for key in forms.filter_map(|f| english_key(&f)) {
                by_key
                    .entry(key)
                    .and_modify(|e| {
                        if *e != Some(i) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        self.term_by_english = by_key.into_iter().filter_map(|(k, i)| Some((k, i?))).collect();
    }

    /// The curated entry for a term, by any of its spellings, or, for an English phrase, by
    /// its English in the singular or plural, in British or American spelling.
    pub fn term(&self, name: &str) -> Option<&TermEntry> {
        self.term_by_name
            .get(&name_key(name))
            .or_else(|| {
                self.term_by_english
                    .get(&english_key(name.trim_matches(|c| QUOTE_MARKS.contains(c)))?)
            })
            .map(|&i| &self.terms[i])
    }

    /// Terms marked `unquoted` in running text: (start, end) in chars, and the entry.
    pub fn find_unquoted(&self, text: &str) -> Vec<(usize, usize, &TermEntry)> {
        let Some((matcher, owners)) = &self.unquoted else {
            return Vec::new();
        };
        let char_at = crate::text::offsets::byte_to_char_map(text);
        matcher
            .find_iter(text)
            .map(|m| {
                (
                    char_at[m.start()],
                    char_at[m.end()],
                    &self.terms[owners[m.pattern().as_usize()]],
                )
            })
            .collect()
    }

    pub fn term_by_id(&self, id: &str) -> Option<&TermEntry> {
        self.term_by_id.get(id).map(|&i| &self.terms[i])
    }

    /// The curated entry for a document, by its title or a short name.
    pub fn document(&self, name: &str) -> Option<&DocumentEntry> {
        self.document_by_name.get(&name_key(name)).map(|&i| &self.documents[i])
    }

    pub fn document_by_id(&self, id: &str) -> Option<&DocumentEntry> {
        self.document_by_id.get(id).map(|&i| &self.documents[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_glossary_loads_every_file_with_sources() {
        let g = Glossary::embedded().unwrap();
        assert!(g.terms.len() >= 250, "{}", g.terms.len());
        let sourced = g
            .terms
            .iter()
            .filter(|t| t.source.as_deref().is_some_and(|s| !s.trim().is_empty()))
            .count();
        assert!(sourced >= 200, "{sourced}");
        // An entry from a themed file, found by a spelling in the other script.
        assert_eq!(
            g.term("揭榜掛帥").map(|t| t.id.as_str()),
            Some("open-competition-mechanism")
        );
        assert_eq!(g.term("小巨人").map(|t| t.id.as_str()), Some("little-giant"));
    }

    #[test]
    fn a_slogan_is_one_name_whichever_mark_joins_its_halves() {
        let g = Glossary::embedded().unwrap();
        for written in [
            "活力新衢州,美麗大花園",
            "活力新衢州，美丽大花园",
            "活力新衢州、美丽大花园",
        ] {
            assert_eq!(
                g.term(written).map(|t| t.id.as_str()),
                Some("vibrant-new-quzhou"),
                "{written}"
            );
        }
        // A join is not a wildcard: the halves must still be the entry's.
        assert!(g.term("活力新衢州,美丽新家园").is_none());
    }

    #[test]
    fn embedded_parts_match_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/glossary");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = EMBEDDED_PARTS.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, embedded);
        for (name, text) in EMBEDDED_PARTS {
            assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), text, "{name}");
        }
    }

    #[test]
    fn quotation_marks_do_not_change_a_name() {
        let g = Glossary::embedded().unwrap();
        assert_eq!(
            g.term("人工智能+行動").map(|t| t.id.as_str()),
            g.term("“人工智能+”行动").map(|t| t.id.as_str())
        );
    }

    #[test]
    fn english_keys_fold_case_number_spelling_and_asides() {
        assert_eq!(
            english_key("Computing Power Vouchers"),
            english_key("computing power voucher")
        );
        assert_eq!(english_key("specialised SMEs"), english_key("specialized SME"));
        assert_eq!(
            english_key("the Double-Eight Strategy"),
            english_key("Double Eight strategy")
        );
        assert_eq!(
            english_key("“Project No. 1” (top priority)").as_deref(),
            Some("projectno1")
        );
        assert_eq!(english_key("No.1 Project"), english_key("No. 1 Project"));
        // Words that end in s without being plurals keep it.
        assert_eq!(english_key("business process").as_deref(), Some("businessprocess"));
        // Chinese, or too little to name anything, has no English key.
        assert_eq!(english_key("算力券"), None);
        assert_eq!(english_key("AI算力券"), None);
        assert_eq!(english_key("5G"), None);
    }

    #[test]
    fn a_quoted_english_phrase_finds_its_entry_by_its_english() {
        let g = Glossary::embedded().unwrap();
        let id = |s: &str| g.term(s).map(|t| t.id.clone());
        assert_eq!(id("compute vouchers").as_deref(), Some("computing-voucher"));
        assert_eq!(id("Computing Power Voucher").as_deref(), Some("computing-voucher"));
        assert_eq!(
            id("“specialized and sophisticated”").as_deref(),
            Some("specialised-sme")
        );
        assert_eq!(id("No.1 Project").as_deref(), Some("number-one-project"));
        assert_eq!(id("two mountains").as_deref(), Some("two-mountains"));
        // By its label alone, in British or American spelling.
        assert_eq!(
            id("Zhejiang's 26 mountain counties").as_deref(),
            Some("mountain-26-counties")
        );
        // Ordinary English that no entry is named by is nothing.
        assert_eq!(id("walking path"), None);
        assert_eq!(id("powerful engine"), None);
        assert_eq!(id("project"), None);
    }

    #[test]
    fn an_english_form_two_entries_share_names_neither() {
        let entry_en = |id: &str, name: &str, label: &str| {
            format!("[[term]]\nid = \"{id}\"\nnames = [\"{name}\"]\nlabel_en = \"{label}\"\nzh = \"x\"\nen = \"x\"\n")
        };
        let text = format!(
            "{}{}{}",
            entry_en("a", "甲", "pilot zone"),
            entry_en("b", "乙", "pilot zones"),
            entry_en("c", "丙", "green bank")
        );
        let mut g = Glossary::parse(Path::new("g.toml"), &text).unwrap();
        assert!(g.term("pilot zone").is_none());
        assert_eq!(g.term("Green Banks").map(|t| t.id.as_str()), Some("c"));
        // The phrase table's English of a name names its entry, unless another entry has it.
        g.index_english(&|name| match name {
            "甲" => vec!["digital village".to_string()],
            "丙" => vec!["pilot zone".to_string()],
            _ => Vec::new(),
        });
        assert_eq!(g.term("digital villages").map(|t| t.id.as_str()), Some("a"));
        assert!(g.term("pilot zone").is_none());
    }

    fn entry(id: &str, name: &str) -> String {
        format!("[[term]]\nid = \"{id}\"\nnames = [\"{name}\"]\nlabel_en = \"x\"\nzh = \"x\"\nen = \"x\"\n")
    }

    #[test]
    fn a_name_in_two_files_names_both() {
        let files = vec![
            (PathBuf::from("data/glossary.toml"), entry("a", "算力")),
            (
                PathBuf::from("data/glossary/tech.toml"),
                format!("# tech\n\n{}", entry("b", "算力")),
            ),
        ];
        let err = Glossary::parse_files(&files).unwrap_err().to_string();
        assert!(err.starts_with("data/glossary/tech.toml:4:"), "{err}");
        assert!(
            err.contains("`a` (data/glossary.toml:2)") && err.contains("`b`"),
            "{err}"
        );
        // The same name in the other script is the same name.
        let files = vec![
            (PathBuf::from("one.toml"), entry("a", "數據要素")),
            (PathBuf::from("two.toml"), entry("b", "数据要素")),
        ];
        assert!(Glossary::parse_files(&files).is_err());
        let files = vec![
            (PathBuf::from("one.toml"), entry("a", "x1")),
            (PathBuf::from("two.toml"), entry("a", "x2")),
        ];
        let err = Glossary::parse_files(&files).unwrap_err().to_string();
        assert!(err.contains("term id `a`") && err.contains("one.toml:2"), "{err}");
        // A stub not yet filled in.
        let stub = "# 1 use\n[[term]]\nid = \"x\"\nnames = [\"x\"]\nlabel_en = \"\"\nzh = \"\"\nen = \"\"\n";
        let err = Glossary::parse(Path::new("g.toml"), stub).unwrap_err().to_string();
        assert_eq!(err, "g.toml:3: term `x`: `label_en` is empty");
    }
}
