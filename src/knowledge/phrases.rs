//! The phrase table (`data/explain/phrases.toml`): the standard English of the words policy
//! documents and news are made of (人工智能 AI, 高质量发展 high-quality development, 创新高地
//! innovation highland), for putting titles, slogans and names into English. Looked up by the
//! folded text (Simplified, half-width, lowercase, without whitespace or quotation marks), so
//! one Simplified spelling serves both scripts.

use crate::error::{Error, Result, toml_error};
use crate::text::script::fold_char_cached;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;

pub const EMBEDDED: &str = include_str!("../../data/explain/phrases.toml");

/// One phrase and its English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// Simplified spellings, the usual one first.
    pub zh: Vec<String>,
    pub en: String,
    /// The short form used inside titles and slogans (人工智能 → AI).
    #[serde(default)]
    pub short_en: Option<String>,
}

impl Phrase {
    /// The English to use inside a longer text: the short form when there is one.
    pub fn inside(&self) -> &str {
        self.short_en.as_deref().unwrap_or(&self.en)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    phrase: Vec<Phrase>,
}

/// The table, with a lookup by folded spelling.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    pub phrases: Vec<Phrase>,
    by_key: FxHashMap<String, usize>,
    /// The longest spelling, in chars.
    longest: usize,
}

/// The key a spelling is found by.
pub fn key(text: &str) -> String {
    text.chars()
        .map(fold_char_cached)
        .filter(|c| !c.is_whitespace() && !"“”‘’「」『』\"'".contains(*c))
        .collect()
}

impl Phrases {
    /// Parses the table; a spelling listed twice, or one in `reserved` (the document types'
    /// suffixes and status marks, whose English lives in their own table), is an error.
    pub fn parse(path: &Path, text: &str, reserved: &dyn Fn(&str) -> bool) -> Result<Phrases> {
        let file: File = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let mut by_key = FxHashMap::default();
        let mut longest = 0;
        for (i, p) in file.phrase.iter().enumerate() {
            for zh in &p.zh {
                let k = key(zh);
                if k.is_empty() {
                    return Err(Error::file(path, format!("phrase {}: an empty `zh`", i + 1)));
                }
                if reserved(&k) {
                    return Err(Error::file(
                        path,
                        format!(
                            "`{zh}` is a document type or status mark: its English lives in data/explain/document-types.toml"
                        ),
                    ));
                }
                if let Some(other) = by_key.insert(k, i) {
                    return Err(Error::file(
                        path,
                        format!("`{zh}` is listed twice (phrases {} and {})", other + 1, i + 1),
                    ));
                }
                longest = longest.max(zh.chars().count());
            }
        }
        Ok(Phrases {
            phrases: file.phrase,
            by_key,
            longest,
        })
    }

    /// The phrase spelt `text` (either script).
    pub fn get(&self, text: &str) -> Option<&Phrase> {
        self.by_key.get(&key(text)).map(|&i| &self.phrases[i])
    }

    /// The phrase whose folded spelling is `folded`.
    pub fn get_folded(&self, folded: &str) -> Option<&Phrase> {
        self.by_key.get(folded).map(|&i| &self.phrases[i])
    }

    /// The longest spelling in chars (no phrase is longer).
    pub fn longest(&self) -> usize {
        self.longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<Phrases> {
        Phrases::parse(Path::new("data/explain/phrases.toml"), text, &|k| k == "行动方案")
    }

    #[test]
    fn the_table_loads_and_finds_both_scripts() {
        let t = table(EMBEDDED).unwrap();
        assert!(t.phrases.len() > 1000);
        assert_eq!(t.get("人工智能").map(Phrase::inside), Some("AI"));
        assert_eq!(
            t.get("高質量發展").map(|p| p.en.as_str()),
            Some("high-quality development")
        );
        assert!(t.get("不是短语的东西").is_none());
    }

    #[test]
    fn a_spelling_twice_or_a_document_type_is_an_error() {
        let twice = "[[phrase]]\nzh = [\"甲乙\"]\nen = \"a\"\n[[phrase]]\nzh = [\"甲乙\"]\nen = \"b\"\n";
        let err = table(twice).unwrap_err().to_string();
        assert!(err.contains("`甲乙` is listed twice (phrases 1 and 2)"), "{err}");
        let genre = "[[phrase]]\nzh = [\"行動方案\"]\nen = \"action plan\"\n";
        let err = table(genre).unwrap_err().to_string();
        assert!(err.contains("document-types.toml"), "{err}");
    }
}
