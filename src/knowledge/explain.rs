//! The tables explanations are composed from (`data/explain/`): the kinds of government document
//! and the status marks a 《title》 ends with (`document-types.toml`), the sectors X of
//! “人工智能+X” (`sectors.toml`), the kinds of names, the nouns that say what a quoted name
//! names (`categories.toml`), the words the rules read definitions and compose explanations by
//! (`words.toml`), and the standard English of policy phrases (`phrases.toml`, [`Phrases`]).
//! Words are written in Simplified and matched char by char in either script
//! ([`script::fold_char_cached`], which keeps a text's length, so offsets carry over).

use crate::error::{Error, Result, toml_error};
use crate::knowledge::idioms::{self, Idioms};
use crate::knowledge::phrases::{self, Phrases};
use crate::text::script::{self, fold_chars as fold};
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const EMBEDDED_DOCUMENT_TYPES: &str = include_str!("../../data/explain/document-types.toml");
pub const EMBEDDED_SECTORS: &str = include_str!("../../data/explain/sectors.toml");
pub const EMBEDDED_CATEGORIES: &str = include_str!("../../data/explain/categories.toml");
pub const EMBEDDED_WORDS: &str = include_str!("../../data/explain/words.toml");
pub use idioms::EMBEDDED as EMBEDDED_IDIOMS;
pub use phrases::EMBEDDED as EMBEDDED_PHRASES;

/// A kind of document, recognised by how a title ends (指导意见, 行动计划), explained once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub suffixes: Vec<String>,
    pub label_en: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

/// A mark of a title's status (征求意见稿, 试行).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusMark {
    pub marks: Vec<String>,
    pub label_en: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

/// A sector X of “人工智能+X”, and what applying AI there means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub names: Vec<String>,
    pub label_en: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

/// A kind of name: the nouns that say what a quoted name names (微信公众号, 工程, 大会).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub words: Vec<String>,
    /// The kind with its measure word (一个平台): “X”是[whose的]{zh}.
    pub zh: String,
    /// The kind with its article (a platform): “X” is {en}.
    pub en: String,
    /// The word may also end a name on its own (南太湖精英计划), not only follow its quotation
    /// marks.
    #[serde(default)]
    pub head: bool,
    /// Words that mark a name of this kind when written right before its opening quotation
    /// mark (主题为“…”, 微信公众号“…”), in Simplified, matched in either script.
    #[serde(default)]
    pub before: Vec<String>,
}

impl Category {
    /// The kind without its article, after an owner's name (Huzhou's platform).
    pub fn en_owned(&self) -> &str {
        self.en
            .strip_prefix("a ")
            .or_else(|| self.en.strip_prefix("an "))
            .unwrap_or(&self.en)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentTypesFile {
    #[serde(rename = "type")]
    types: Vec<DocumentType>,
    status: Vec<StatusMark>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorsFile {
    sector: Vec<Sector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    category: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    definition: DefinitionLists,
    composition: CompositionLists,
    dictionary: DictionaryLists,
    names: NameLists,
    documents: DocumentLists,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentLists {
    sign_verbs: Vec<String>,
    carried_out_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DictionaryLists {
    figurative_marks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameLists {
    time_units: Vec<String>,
    counting_marks: Vec<String>,
    continues_to: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinitionLists {
    so_called_says: Vec<String>,
    not_after_ji: String,
    defining_nouns: Vec<String>,
    between_nouns: Vec<String>,
    short_name_marks: Vec<String>,
    name_joins: Vec<String>,
    part_says: String,
    lists_says: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompositionLists {
    plan_words: Vec<String>,
    ai_heads: Vec<String>,
}

/// The words the explanation rules read articles and terms by (`words.toml`), folded.
#[derive(Debug, Clone)]
pub struct RuleWords {
    /// 所谓X…: the words that say what X is.
    pub so_called_says: Vec<Vec<char>>,
    /// After 即, these make a word of it (即将, 即使): not a definition.
    pub not_after_ji: Vec<char>,
    /// X是…的<noun>: the nouns that define X as a kind of thing.
    pub defining_nouns: Vec<Vec<char>>,
    /// “X”<noun>,即…: the nouns between a quoted term and its definition, longest first.
    pub between_nouns: Vec<Vec<char>>,
    /// (以下简称X): what introduces a short name, longest first.
    pub short_name_marks: Vec<Vec<char>>,
    /// The words that join two names into the one a short name stands for (Simplified).
    pub name_joins: Vec<String>,
    /// “1”即…: what may follow a quoted part of a numbered slogan.
    pub part_says: Vec<char>,
    /// “三高地”分别是…: what lists the parts of a numbered term after it.
    pub lists_says: Vec<Vec<char>>,
    /// What may follow a five-year plan's short name in a term.
    pub plan_words: Vec<String>,
    /// How 人工智能+X slogans start.
    pub ai_heads: Vec<Vec<char>>,
    /// Words before a quoted ordinary word that mark it figurative (被誉为, 当好).
    pub figurative_marks: Vec<Vec<char>>,
    /// After a number, a length of time (“四年” is no name).
    pub time_units: Vec<Vec<char>>,
    /// After a number, a count of things (“四大行动” is no name).
    pub counting_marks: Vec<Vec<char>>,
    /// A kind after a quoted name that goes on to one of these (…项目集中签约仪式) is not its kind.
    pub continues_to: Vec<Vec<char>>,
    /// Before a 《title》: the parties before it signed it.
    pub sign_verbs: Vec<Vec<char>>,
    /// Who carries a document out (由…牵头).
    pub carried_out_by: Vec<Vec<char>>,
    /// Finds a paragraph worth reading for definitions: one that holds a word a definition
    /// starts with.
    markers: AhoCorasick,
}

/// Marks that close a quotation, folded.
pub const CLOSING_QUOTES: &str = "”’」』";

impl RuleWords {
    fn parse(path: &Path, text: &str) -> Result<RuleWords> {
        let file: WordsFile = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let (d, c) = (file.definition, file.composition);
        let (dictionary, names, documents) = (file.dictionary, file.names, file.documents);
        let folded = |words: &[String]| -> Vec<Vec<char>> { words.iter().map(|w| fold(w)).collect() };
        let mut short_name_marks = folded(&d.short_name_marks);
        let mut between_nouns = folded(&d.between_nouns);
        between_nouns.sort_by_key(|w| std::cmp::Reverse(w.len()));
        short_name_marks.sort_by_key(|w| std::cmp::Reverse(w.len()));
        // The words every definition pattern starts from, in both scripts, and the closing marks.
        let mut markers: Vec<String> = ["所谓", "是指", "即"].map(String::from).to_vec();
        markers.extend(d.short_name_marks.iter().cloned());
        markers.extend(d.defining_nouns.iter().map(|n| format!("的{n}")));
        markers.extend(d.lists_says.iter().cloned());
        // “…”的“四个一”: a quoted list before a quoted count of it.
        markers.extend(["”的“", "」的「", "』的『", "’的‘"].map(String::from));
        let markers: Vec<String> = markers.iter().flat_map(|w| script::spellings(w)).collect();
        let markers = AhoCorasick::new(&markers).map_err(|e| Error::file(path, e.to_string()))?;
        Ok(RuleWords {
            so_called_says: folded(&d.so_called_says),
            lists_says: folded(&d.lists_says),
            not_after_ji: fold(&d.not_after_ji),
            defining_nouns: folded(&d.defining_nouns),
            between_nouns,
            short_name_marks,
            name_joins: d.name_joins,
            part_says: fold(&d.part_says),
            plan_words: c.plan_words.iter().map(|w| fold(w).into_iter().collect()).collect(),
            ai_heads: folded(&c.ai_heads),
            figurative_marks: folded(&dictionary.figurative_marks),
            time_units: folded(&names.time_units),
            counting_marks: folded(&names.counting_marks),
            continues_to: folded(&names.continues_to),
            sign_verbs: folded(&documents.sign_verbs),
            carried_out_by: folded(&documents.carried_out_by),
            markers,
        })
    }

    /// Whether `text` holds a word some definition starts from.
    pub fn may_define(&self, text: &str) -> bool {
        self.markers.is_match(text)
    }
}

/// Words to match, folded, longest first, each with the entry it belongs to.
#[derive(Debug, Clone, Default)]
struct Words(Vec<(Vec<char>, usize)>);

impl Words {
    /// The words of every entry; a word of two entries is an error.
    fn new<'a>(path: &Path, what: &str, entries: impl Iterator<Item = &'a [String]>) -> Result<Words> {
        let mut owner: BTreeMap<Vec<char>, usize> = BTreeMap::new();
        for (i, words) in entries.enumerate() {
            for word in words {
                let key = fold(word);
                if key.is_empty() {
                    return Err(Error::file(path, format!("an empty {what}")));
                }
                if let Some(&other) = owner.get(&key)
                    && other != i
                {
                    return Err(Error::file(
                        path,
                        format!(
                            "{what} `{word}` belongs to two entries (numbers {} and {})",
                            other + 1,
                            i + 1
                        ),
                    ));
                }
                owner.insert(key, i);
            }
        }
        let mut words: Vec<(Vec<char>, usize)> = owner.into_iter().collect();
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Words(words))
    }

    /// The longest word `folded` ends with: (entry, its length in chars).
    fn ending(&self, folded: &[char]) -> Option<(usize, usize)> {
        self.0
            .iter()
            .find(|(w, _)| folded.ends_with(w))
            .map(|(w, i)| (*i, w.len()))
    }

    /// The longest word at `at`: (entry, its length in chars).
    fn at(&self, folded: &[char], at: usize) -> Option<(usize, usize)> {
        let rest = folded.get(at..)?;
        self.0
            .iter()
            .find(|(w, _)| rest.starts_with(w))
            .map(|(w, i)| (*i, w.len()))
    }
}

/// Every table, with its matchers.
#[derive(Debug, Clone)]
pub struct ExplainTables {
    pub types: Vec<DocumentType>,
    pub statuses: Vec<StatusMark>,
    pub sectors: Vec<Sector>,
    pub categories: Vec<Category>,
    pub words: RuleWords,
    pub phrases: Phrases,
    /// Set phrases and figurative policy vocabulary, with the sense they carry.
    pub idioms: Idioms,
    type_words: Words,
    status_words: Words,
    category_words: Words,
    /// The `before` words of the categories.
    category_before: Words,
    sector_by_name: BTreeMap<String, usize>,
}

impl ExplainTables {
    pub fn embedded() -> Result<ExplainTables> {
        ExplainTables::parse(&embedded_sources())
    }

    /// `files`: the document types, the sectors, the categories, the rules' words and the
    /// phrases and the set phrases, in that order.
    pub fn parse(files: &[(PathBuf, String); 6]) -> Result<ExplainTables> {
        let [
            (types_path, types),
            (sectors_path, sectors),
            (categories_path, categories),
            (words_path, words),
            (phrases_path, phrases),
            (idioms_path, idioms),
        ] = files;
        let t: DocumentTypesFile = toml::from_str(types).map_err(|e| toml_error(types_path, types, &e))?;
        let s: SectorsFile = toml::from_str(sectors).map_err(|e| toml_error(sectors_path, sectors, &e))?;
        let c: CategoriesFile = toml::from_str(categories).map_err(|e| toml_error(categories_path, categories, &e))?;
        let type_words = Words::new(types_path, "suffix", t.types.iter().map(|t| t.suffixes.as_slice()))?;
        let status_words = Words::new(types_path, "mark", t.status.iter().map(|s| s.marks.as_slice()))?;
        let category_words = Words::new(categories_path, "word", c.category.iter().map(|c| c.words.as_slice()))?;
        let category_before = Words::new(
            categories_path,
            "word before a name",
            c.category.iter().map(|c| c.before.as_slice()),
        )?;
        let sector_words = Words::new(sectors_path, "name", s.sector.iter().map(|s| s.names.as_slice()))?;
        let sector_by_name = sector_words
            .0
            .into_iter()
            .map(|(w, i)| (w.into_iter().collect(), i))
            .collect();
        // A type's or a status mark's English is the document-type table's alone.
        let reserved = |key: &str| {
            let folded: Vec<char> = key.chars().collect();
            [&type_words, &status_words]
                .iter()
                .any(|w| w.ending(&folded).is_some_and(|(_, n)| n == folded.len()))
        };
        let phrases = Phrases::parse(phrases_path, phrases, &reserved)?;
        Ok(ExplainTables {
            types: t.types,
            statuses: t.status,
            sectors: s.sector,
            categories: c.category,
            words: RuleWords::parse(words_path, words)?,
            phrases,
            idioms: Idioms::parse(idioms_path, idioms)?,
            type_words,
            status_words,
            category_words,
            category_before,
            sector_by_name,
        })
    }

    /// The document type a folded title core ends with (the longest suffix wins: 指导意见 before
    /// 意见): (type, suffix length in chars).
    pub fn type_ending(&self, folded: &[char]) -> Option<(usize, usize)> {
        self.type_words.ending(folded)
    }

    /// The status mark a folded text ends with: (mark, length in chars).
    pub fn status_ending(&self, folded: &[char]) -> Option<(usize, usize)> {
        self.status_words.ending(folded)
    }

    /// The status mark starting at `at` of a folded text.
    pub fn status_at(&self, folded: &[char], at: usize) -> Option<(usize, usize)> {
        self.status_words.at(folded, at)
    }

    /// The document type whose suffix is exactly `folded` (行动方案): its index.
    pub fn type_named(&self, folded: &[char]) -> Option<usize> {
        self.type_words
            .ending(folded)
            .filter(|&(_, n)| n == folded.len())
            .map(|(i, _)| i)
    }

    /// The category noun starting at `at` of a folded text: (category, length in chars).
    pub fn category_at(&self, folded: &[char], at: usize) -> Option<(usize, usize)> {
        self.category_words.at(folded, at)
    }

    /// The category whose `before` word `folded[..at]` ends with (主题为“…”): the category.
    pub fn category_before(&self, folded: &[char], at: usize) -> Option<usize> {
        self.category_before.ending(folded.get(..at)?).map(|(i, _)| i)
    }

    /// The category a folded name ends with, when its word may end a name (南太湖精英计划 →
    /// a plan) and something comes before it: (category, length in chars).
    pub fn category_ending(&self, folded: &[char]) -> Option<(usize, usize)> {
        self.category_words
            .ending(folded)
            .filter(|&(i, n)| self.categories[i].head && n < folded.len())
    }

    /// The sector named `name` (either script).
    pub fn sector(&self, name: &str) -> Option<&Sector> {
        let key: String = fold(name).into_iter().collect();
        self.sector_by_name.get(&key).map(|&i| &self.sectors[i])
    }
}

/// The embedded tables, as (path, text), in the order [`ExplainTables::parse`] reads them.
pub fn embedded_sources() -> [(PathBuf, String); 6] {
    [
        ("document-types.toml", EMBEDDED_DOCUMENT_TYPES),
        ("sectors.toml", EMBEDDED_SECTORS),
        ("categories.toml", EMBEDDED_CATEGORIES),
        ("words.toml", EMBEDDED_WORDS),
        ("phrases.toml", EMBEDDED_PHRASES),
        ("idioms.toml", EMBEDDED_IDIOMS),
    ]
    .map(|(name, text)| (Path::new("data/explain").join(name), text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_match_in_both_scripts() {
        let t = ExplainTables::embedded().unwrap();
        assert!(t.types.len() >= 20, "{}", t.types.len());
        let ending = |s: &str| t.type_ending(&fold(s)).map(|(i, n)| (t.types[i].label_en.as_str(), n));
        assert_eq!(
            ending("关于加快人工智能产业发展的指导意见"),
            Some(("guiding opinions", 4))
        );
        assert_eq!(
            ending("關於加快人工智能產業發展的指導意見"),
            Some(("guiding opinions", 4))
        );
        assert_eq!(
            ending("杭州市人工智能產業發展實施方案"),
            Some(("implementation plan", 4))
        );
        assert_eq!(ending("人工智能产业"), None);
        let status = t
            .status_ending(&fold("征求意見稿"))
            .map(|(i, _)| t.statuses[i].label_en.as_str());
        assert_eq!(status, Some("draft for comment"));
        assert_eq!(
            t.sector("製造業").map(|s| s.label_en.as_str()),
            t.sector("制造").map(|s| s.label_en.as_str())
        );
        assert!(t.sector("制造").is_some() && t.sector("不存在").is_none());
        let at = t
            .category_at(&fold("“溫州發布”微信公眾號"), 6)
            .map(|(i, n)| (t.categories[i].en.as_str(), n));
        assert_eq!(at, Some(("a WeChat public account or video channel", 5)));
        // A kind that may end a name: 南太湖精英计划 is a plan; 计划 alone names nothing.
        let ending = |s: &str| {
            t.category_ending(&fold(s))
                .map(|(i, n)| (t.categories[i].en.as_str(), n))
        };
        assert_eq!(ending("南太湖精英計劃"), Some(("a plan or programme", 2)));
        assert_eq!(ending("计划"), None);
        assert_eq!(ending("“温州发布”微信公众号"), None, "an account only after its marks");
        assert_eq!(
            t.type_named(&fold("行動方案")).map(|i| t.types[i].label_en.as_str()),
            Some("action programme")
        );
        assert_eq!(t.type_named(&fold("人工智能行动方案")), None);
        assert_eq!(t.phrases.get("人工智能").map(|p| p.inside()), Some("AI"));
    }

    #[test]
    fn a_word_of_two_entries_is_an_error() {
        let mut files = embedded_sources();
        files[2]
            .1
            .push_str("\n[[category]]\nwords = [\"平台\"]\nzh = \"x\"\nen = \"x\"\n");
        let err = ExplainTables::parse(&files).unwrap_err().to_string();
        assert!(
            err.contains("data/explain/categories.toml") && err.contains("`平台`"),
            "{err}"
        );
    }
}
