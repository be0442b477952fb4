//! The glossary (`data/glossary.toml`): hand-written explanations, in Chinese and English, of
//! the policy jargon and documents the seeds use, keyed by id. Annotators use it to give a
//! term the same id in every spelling; pages use it to explain.

use crate::error::{Error, Result, toml_error};
use crate::text::script;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

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

/// The loaded glossary with a lookup from every folded spelling to its entry.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<TermEntry>,
    pub documents: Vec<DocumentEntry>,
    pub focus: Vec<FocusOverride>,
    term_by_name: BTreeMap<String, usize>,
    document_by_name: BTreeMap<String, usize>,
    /// Every spelling of the terms marked `unquoted`, for finding them in running text.
    unquoted: Option<(AhoCorasick, Vec<usize>)>,
}

impl Glossary {
    pub fn embedded() -> Result<Glossary> {
        Glossary::parse(Path::new("data/glossary.toml"), EMBEDDED)
    }

    pub fn parse(path: &Path, source: &str) -> Result<Glossary> {
        let file: File = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
        let mut term_by_name = BTreeMap::new();
        for (i, entry) in file.term.iter().enumerate() {
            for name in &entry.names {
                if let Some(other) = term_by_name.insert(script::fold(name), i) {
                    if other != i {
                        return Err(Error::file(
                            path,
                            format!(
                                "term name `{name}` belongs to both `{}` and `{}`",
                                file.term[other].id, entry.id
                            ),
                        ));
                    }
                }
            }
        }
        let mut document_by_name = BTreeMap::new();
        for (i, entry) in file.document.iter().enumerate() {
            for name in &entry.names {
                document_by_name.insert(script::fold(name), i);
            }
        }
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, entry) in file.term.iter().enumerate().filter(|(_, t)| t.unquoted) {
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
                .map_err(|e| Error::file(path, e.to_string()))?;
            Some((matcher, owners))
        };
        Ok(Glossary {
            terms: file.term,
            documents: file.document,
            focus: file.focus,
            term_by_name,
            document_by_name,
            unquoted,
        })
    }

    /// The curated entry for a term, by any of its spellings.
    pub fn term(&self, name: &str) -> Option<&TermEntry> {
        self.term_by_name.get(&script::fold(name)).map(|&i| &self.terms[i])
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
        self.terms.iter().find(|t| t.id == id)
    }

    /// The curated entry for a document, by its title or a short name.
    pub fn document(&self, name: &str) -> Option<&DocumentEntry> {
        self.document_by_name
            .get(&script::fold(name))
            .map(|&i| &self.documents[i])
    }

    pub fn document_by_id(&self, id: &str) -> Option<&DocumentEntry> {
        self.documents.iter().find(|d| d.id == id)
    }
}
