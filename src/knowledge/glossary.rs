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
}

/// The key a name is looked up by: folded across scripts and widths, without quotation marks
/// (“人工智能+”行动 and 人工智能+行动 are one name).
pub fn name_key(name: &str) -> String {
    let mut key = script::fold(name);
    key.retain(|c| !QUOTE_MARKS.contains(c));
    key
}

const QUOTE_MARKS: &str = "“”‘’「」『』\"'";

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
        Ok(Glossary {
            terms,
            documents,
            focus,
            term_by_name,
            document_by_name,
            term_by_id,
            document_by_id,
            unquoted,
        })
    }

    /// The curated entry for a term, by any of its spellings.
    pub fn term(&self, name: &str) -> Option<&TermEntry> {
        self.term_by_name.get(&name_key(name)).map(|&i| &self.terms[i])
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
