//! Curated knowledge, as data files under `data/` that editors change without touching code
//! (embedded in the binary as the default, read from disk when a `data/` folder is present):
//! the gazetteer, the glossary, the annotators' word lists, the map, the site's names, the
//! words pages are written with, the tables explanations are composed from, the words that
//! make a figure a statement, and the open dictionary CC-CEDICT ([`Dictionary`]), embedded only.

mod dictionary;
mod english;
mod explain;
mod gazetteer;
mod glossary;
mod idioms;
mod lexicon;
mod map;
mod phrases;
mod statements;
mod strings;

pub use dictionary::{
    Dictionary, LICENCE as DICTIONARY_LICENCE, NAME as DICTIONARY_NAME, RELEASE as DICTIONARY_RELEASE, Word,
};
pub use english::{ENGLISH_STOP_WORDS, english_key, english_words};
pub use explain::{CLOSING_QUOTES, Category, DocumentType, ExplainTables, RuleWords, Sector, StatusMark};
pub use gazetteer::{CITY_IDS, City, County, DIRECTION, Gazetteer, Mention, Place, Province, Target};
pub use glossary::{DocumentEntry, FocusOverride, Glossary, TermEntry};
pub use idioms::{Idiom, Idioms};
pub use lexicon::{AttributionWords, DateWords, DocumentWords, FigureWords, Lexicon, OrgWords, PlaceWords, TermWords};
pub use map::{Map, MapCity};
pub use phrases::Phrases;
pub use statements::{MeasureKind, QualifierKind, StatementWords};
pub use strings::{NumberWord, Strings, fill};

use crate::error::{Error, Result, toml_error};
use std::path::{Path, PathBuf};

/// The curated knowledge every stage may read.
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub glossary: Glossary,
    pub map: map::Map,
    pub names: SiteNames,
    pub strings: Strings,
    /// The tables explanations are composed from (document types, sectors, categories,
    /// phrases) and the words the rules read by.
    pub explain: ExplainTables,
    /// The words that make a figure a statement and a dated sentence an event.
    pub statements: StatementWords,
    /// CC-CEDICT, embedded (not read from `data/` at run time: see [`dictionary`]).
    pub dictionary: Dictionary,
}

/// What the site calls itself (`data/site.toml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteNames {
    pub title: String,
    pub headline: String,
}

/// The text of every knowledge file, each from the data folder when present there, else
/// embedded. `serve` fingerprints it to tell whether the knowledge changed.
#[derive(Debug, Clone, Hash)]
pub struct Sources {
    pub gazetteer: (PathBuf, String),
    pub lexicon: (PathBuf, String),
    /// `glossary.toml`, then every `glossary/*.toml` in name order.
    pub glossary: Vec<(PathBuf, String)>,
    pub map: (PathBuf, String),
    pub site: (PathBuf, String),
    pub strings: (PathBuf, String),
    /// `explain/document-types.toml`, `explain/sectors.toml`, `explain/categories.toml`,
    /// `explain/words.toml`, `explain/phrases.toml`, `explain/idioms.toml`.
    pub explain: [(PathBuf, String); 6],
    pub statements: (PathBuf, String),
}

/// `name` from `dir` when the file is there, else the embedded text.
fn one(dir: Option<&Path>, name: &str, embedded: &str) -> Result<(PathBuf, String)> {
    match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, text))
        }
        None => Ok((PathBuf::from("data").join(name), embedded.to_string())),
    }
}

/// Every `*.toml` of the `glossary/` folder of `dir`, in name order, when the folder is there;
/// else the embedded copies.
fn glossary_parts(dir: Option<&Path>) -> Result<Vec<(PathBuf, String)>> {
    let Some(folder) = dir.map(|d| d.join("glossary")).filter(|p| p.is_dir()) else {
        return Ok(glossary::embedded_sources().split_off(1));
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map_err(|e| Error::io(&folder, e))?
        .map(|e| e.map(|e| e.path()).map_err(|e| Error::io(&folder, e)))
        .collect::<Result<Vec<_>>>()?;
    paths.retain(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"));
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, text))
        })
        .collect()
}

impl Knowledge {
    /// Loads each file from `dir` when present there, else the embedded default.
    pub fn load(dir: Option<&Path>) -> Result<Knowledge> {
        Knowledge::parse(&Knowledge::sources(dir)?)
    }

    /// The text of each knowledge file (from `dir` when present there, else embedded).
    pub fn sources(dir: Option<&Path>) -> Result<Sources> {
        let mut glossary = vec![one(dir, "glossary.toml", glossary::EMBEDDED)?];
        glossary.extend(glossary_parts(dir)?);
        Ok(Sources {
            gazetteer: one(dir, "gazetteer.toml", gazetteer::EMBEDDED)?,
            lexicon: one(dir, "lexicon.toml", lexicon::EMBEDDED)?,
            glossary,
            map: one(dir, "map.json", map::EMBEDDED)?,
            site: one(dir, "site.toml", include_str!("../../data/site.toml"))?,
            strings: one(dir, "strings.toml", strings::EMBEDDED)?,
            explain: [
                one(dir, "explain/document-types.toml", explain::EMBEDDED_DOCUMENT_TYPES)?,
                one(dir, "explain/sectors.toml", explain::EMBEDDED_SECTORS)?,
                one(dir, "explain/categories.toml", explain::EMBEDDED_CATEGORIES)?,
                one(dir, "explain/words.toml", explain::EMBEDDED_WORDS)?,
                one(dir, "explain/phrases.toml", explain::EMBEDDED_PHRASES)?,
                one(dir, "explain/idioms.toml", explain::EMBEDDED_IDIOMS)?,
            ],
            statements: one(dir, "statements.toml", statements::EMBEDDED)?,
        })
    }

    pub fn parse(sources: &Sources) -> Result<Knowledge> {
        let Sources {
            gazetteer,
            lexicon,
            glossary,
            map,
            site,
            strings,
            explain,
            statements,
        } = sources;
        let explain = ExplainTables::parse(explain)?;
        let mut glossary = Glossary::parse_files(glossary)?;
        // An English article quotes a term by its standard English (“computing power
        // vouchers”): the phrase table's English of a glossary name names the entry too.
        glossary.index_english(&|name| {
            explain
                .phrases
                .get(name)
                .map(|p| p.short_en.iter().chain([&p.en]).cloned().collect())
                .unwrap_or_default()
        });
        Ok(Knowledge {
            gazetteer: Gazetteer::parse(&gazetteer.0, &gazetteer.1)?,
            lexicon: Lexicon::parse(&lexicon.0, &lexicon.1)?,
            glossary,
            map: map::Map::parse(&map.0, &map.1)?,
            names: toml::from_str(&site.1).map_err(|e| toml_error(&site.0, &site.1, &e))?,
            strings: Strings::parse(&strings.0, &strings.1)?,
            explain,
            statements: StatementWords::parse(&statements.0, &statements.1)?,
            dictionary: Dictionary::embedded(),
        })
    }
}
