//! Set phrases and figurative policy vocabulary (`data/explain/idioms.toml`): 成语, sayings and
//! jargon that recur in policy writing (真金白银, 排头兵, 金字招牌, 窗口指导), with the sense they
//! carry there. Consulted for a quoted term before the dictionary and before any word-by-word
//! reading, since their sense is not the sum of their characters (金字招牌 is a prestigious brand,
//! not gold lettering and a signboard). Looked up as the phrase table is, by the folded text, so
//! one Simplified spelling serves both scripts.

use crate::error::{Error, Result, toml_error};
use crate::knowledge::phrases::key;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;

pub const EMBEDDED: &str = include_str!("../../data/explain/idioms.toml");

/// One set phrase and the sense it carries in policy writing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Idiom {
    /// Simplified spellings.
    pub zh: Vec<String>,
    pub label_en: String,
    /// The sense in Chinese (Simplified).
    pub meaning: String,
    pub en: String,
    /// Its usual use is not the literal one.
    #[serde(default)]
    pub figurative: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    idiom: Vec<Idiom>,
}

/// The table, with a lookup by folded spelling.
#[derive(Debug, Clone, Default)]
pub struct Idioms {
    pub idioms: Vec<Idiom>,
    by_key: FxHashMap<String, usize>,
}

impl Idioms {
    /// Parses the table; an empty field or a spelling listed twice is an error.
    pub fn parse(path: &Path, text: &str) -> Result<Idioms> {
        let file: File = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let mut by_key = FxHashMap::default();
        for (i, idiom) in file.idiom.iter().enumerate() {
            let first = idiom.zh.first().map(String::as_str).unwrap_or("");
            for (field, value) in [
                ("label_en", &idiom.label_en),
                ("meaning", &idiom.meaning),
                ("en", &idiom.en),
            ] {
                if value.trim().is_empty() {
                    return Err(Error::file(
                        path,
                        format!("idiom {} ({first}): `{field}` is empty", i + 1),
                    ));
                }
            }
            if idiom.zh.is_empty() {
                return Err(Error::file(path, format!("idiom {}: no `zh`", i + 1)));
            }
            for zh in &idiom.zh {
                let k = key(zh);
                if k.is_empty() {
                    return Err(Error::file(path, format!("idiom {}: an empty `zh`", i + 1)));
                }
                if let Some(other) = by_key.insert(k, i) {
                    return Err(Error::file(
                        path,
                        format!("`{zh}` is listed twice (idioms {} and {})", other + 1, i + 1),
                    ));
                }
            }
        }
        Ok(Idioms {
            idioms: file.idiom,
            by_key,
        })
    }

    /// The set phrase spelt `text` (either script, quotation marks aside).
    pub fn get(&self, text: &str) -> Option<&Idiom> {
        self.by_key.get(&key(text)).map(|&i| &self.idioms[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<Idioms> {
        Idioms::parse(Path::new("data/explain/idioms.toml"), text)
    }

    #[test]
    fn the_table_loads_and_finds_both_scripts() {
        let t = table(EMBEDDED).unwrap();
        assert!(t.idioms.len() >= 150, "{}", t.idioms.len());
        let gilded = t.get("金字招牌").unwrap();
        assert!(gilded.figurative && gilded.en.contains("reputation"));
        assert_eq!(t.get("“真金白銀”").map(|i| i.label_en.as_str()), Some("hard cash"));
        assert_eq!(t.get("窗口指導").map(|i| i.figurative), Some(false));
        assert!(t.get("金字").is_none());
    }

    #[test]
    fn a_spelling_twice_or_an_empty_sense_is_an_error() {
        let one = "[[idiom]]\nzh = [\"甲乙\"]\nlabel_en = \"a\"\nmeaning = \"甲\"\nen = \"a\"\n";
        let err = table(&format!("{one}{one}")).unwrap_err().to_string();
        assert!(err.contains("`甲乙` is listed twice (idioms 1 and 2)"), "{err}");
        let err = table(&one.replace("meaning = \"甲\"", "meaning = \" \""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`meaning` is empty"), "{err}");
    }
}
