//! Curated knowledge, as data files under `data/` that editors change without touching code
//! (embedded in the binary as the default, read from disk when a `data/` folder is present):
//! the gazetteer, the glossary, the annotators' word lists, the map, the site's names and the
//! words pages are written with.

pub mod gazetteer;
pub mod glossary;
pub mod lexicon;
pub mod map;
pub mod strings;

use crate::error::{Error, Result, toml_error};
use gazetteer::Gazetteer;
use glossary::Glossary;
use lexicon::Lexicon;
use std::path::{Path, PathBuf};
use strings::Strings;

/// The curated knowledge every stage may read.
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub glossary: Glossary,
    pub map: map::Map,
    pub names: SiteNames,
    pub strings: Strings,
}

/// What the site calls itself (`data/site.toml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteNames {
    pub title: String,
    pub headline: String,
}

impl Knowledge {
    /// Loads each file from `dir` when present there, else the embedded default.
    pub fn load(dir: Option<&Path>) -> Result<Knowledge> {
        Knowledge::parse(&Knowledge::sources(dir)?)
    }

    /// The text of each knowledge file (from `dir` when present there, else embedded), in the
    /// order `parse` reads them.
    pub fn sources(dir: Option<&Path>) -> Result<Vec<(PathBuf, String)>> {
        let embedded = [
            ("gazetteer.toml", gazetteer::EMBEDDED),
            ("lexicon.toml", lexicon::EMBEDDED),
            ("glossary.toml", glossary::EMBEDDED),
            ("map.json", map::EMBEDDED),
            ("site.toml", include_str!("../../data/site.toml")),
            ("strings.toml", strings::EMBEDDED),
        ];
        embedded
            .into_iter()
            .map(
                |(name, embedded)| match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                    Some(path) => {
                        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                        Ok((path, text))
                    }
                    None => Ok((PathBuf::from("data").join(name), embedded.to_string())),
                },
            )
            .collect()
    }

    pub fn parse(sources: &[(PathBuf, String)]) -> Result<Knowledge> {
        let [gazetteer, lexicon, glossary, map, names, strings] = sources else {
            return Err(Error::msg("internal: six knowledge files expected"));
        };
        Ok(Knowledge {
            gazetteer: Gazetteer::parse(&gazetteer.0, &gazetteer.1)?,
            lexicon: Lexicon::parse(&lexicon.0, &lexicon.1)?,
            glossary: Glossary::parse(&glossary.0, &glossary.1)?,
            map: map::Map::parse(&map.0, &map.1)?,
            names: toml::from_str(&names.1).map_err(|e| toml_error(&names.0, &names.1, &e))?,
            strings: Strings::parse(&strings.0, &strings.1)?,
        })
    }
}
