//! `explainer add`: put new articles into `seeds/` the way the existing ones are named — a
//! sequence number and a content hash (`007_3f1c…e2.txt`) — with encoding and line endings
//! normalised, exact duplicates refused, and metadata from the command line kept beside it.

use crate::annotate::Annotator;
use crate::error::{Error, Result};
use crate::ingest::{self, Meta};
use crate::text::hash::content_hash;
use std::path::{Path, PathBuf};

/// What `add` did with one article.
#[derive(Debug)]
pub struct Added {
    pub path: PathBuf,
    pub title: String,
    pub cities: Vec<String>,
    /// The publication date recorded, and whether it was read from the source's address.
    pub date: Option<String>,
    pub date_from_address: bool,
}

/// The normalised text of an article: UTF-8, `\n` line endings, no BOM, one final newline.
pub fn normalise(origin: &Path, bytes: &[u8]) -> Result<String> {
    let text = ingest::decode(origin, bytes)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok(format!("{}\n", text.trim_end_matches(['\n', ' ', '\t', '\u{3000}'])))
}

/// Adds one article (`bytes`, read from `origin`) to `seeds`.
pub fn add(seeds: &Path, origin: &Path, bytes: &[u8], meta: &Meta, annotator: &Annotator) -> Result<Added> {
    let text = normalise(origin, bytes)?;
    let hash = content_hash(&text);
    std::fs::create_dir_all(seeds).map_err(|e| Error::io(seeds, e))?;
    let mut next = 0;
    for entry in std::fs::read_dir(seeds).map_err(|e| Error::io(seeds, e))? {
        let path = entry.map_err(|e| Error::io(seeds, e))?.path();
        let is_seed = path.extension().is_some_and(|e| e == "txt" || e == "md");
        if !is_seed {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(n) = name.split('_').next().and_then(|n| n.parse::<u32>().ok()) {
            next = next.max(n + 1);
        }
        let existing = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        if normalise(&path, &existing).is_ok_and(|t| t == text) {
            return Err(Error::file(
                origin,
                format!("already in the seeds as {}", path.display()),
            ));
        }
    }
    let path = seeds.join(format!("{next:03}_{hash}.txt"));
    // Parse before writing, so a file that is not an article never lands in seeds/.
    let seed =
        ingest::parse(&path, text.as_bytes(), annotator.lexicon).map_err(|e| Error::file(origin, e.message()))?;
    std::fs::write(&path, &text).map_err(|e| Error::io(&path, e))?;
    // Without --date or a date line in the text, the date the address holds (…/2025/0604/…),
    // recorded as read from it.
    let mut meta = meta.clone();
    if seed.meta.date.is_none() {
        meta.date_from_address();
    }
    if meta != Meta::default() {
        let sidecar = path.with_extension("toml");
        let toml = toml::to_string(&meta).map_err(|e| Error::file(&sidecar, e.to_string()))?;
        std::fs::write(&sidecar, toml).map_err(|e| Error::io(&sidecar, e))?;
    }
    let title = seed.title.clone();
    let annotated = annotator.annotate(seed);
    let mut cities: Vec<String> = Vec::new();
    for p in &annotated.paragraphs {
        for c in &p.cities {
            if !cities.iter().any(|known| **known == **c) {
                cities.push(c.to_string());
            }
        }
    }
    let date = meta.date.clone().or_else(|| annotated.seed.meta.date.clone());
    let date_from_address = meta.date_is_from_address();
    Ok(Added {
        path,
        title,
        cities,
        date,
        date_from_address,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_hashes_stably() {
        let a = normalise(Path::new("a"), "\u{FEFF}题\r\n正文。\r\n\r\n".as_bytes()).unwrap();
        assert_eq!(a, "题\n正文。\n");
        assert_eq!(content_hash(&a), content_hash("题\n正文。\n"));
        assert_eq!(content_hash(&a).len(), 16);
    }
}
