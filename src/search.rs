//! The search index: character bigrams (and single characters) over script-folded text, the
//! standard approach for Chinese, which has no spaces to split words on. 寧波 and 宁波 fold to
//! the same key, so a query in either script finds both.
//!
//! The index is sharded so a browser loads only what a query needs: postings in
//! `search/postings-NN.json` (by a hash of the gram), paragraphs in `search/docs-K.json`
//! (chunks in source order), and `search/fold.json`, the character map the browser applies to
//! the query so that it folds exactly as the index did.

use crate::model::Explainer;
use crate::script;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Number of posting shards.
pub const SHARDS: u32 = 16;
/// Paragraphs per document chunk.
pub const CHUNK: usize = 200;

/// Folds text one character at a time (so the browser can do the same with a table):
/// Simplified, full-width to ASCII, lowercase.
pub struct Folder {
    table: BTreeMap<char, char>,
}

impl Folder {
    /// A folder for every character that occurs in `texts`.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Folder {
        let chars: BTreeSet<char> = texts.into_iter().flat_map(str::chars).collect();
        let mut table = BTreeMap::new();
        for c in chars {
            let folded = fold_char(c);
            if folded != c {
                table.insert(c, folded);
            }
        }
        Folder { table }
    }

    pub fn fold(&self, text: &str) -> Vec<char> {
        text.chars().map(|c| self.table.get(&c).copied().unwrap_or(c)).collect()
    }
}

fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let lower: Vec<char> = c.to_lowercase().collect();
    let c = if lower.len() == 1 { lower[0] } else { c };
    if c.is_ascii() {
        return c;
    }
    let hans: Vec<char> = script::to_hans(&c.to_string()).chars().collect();
    if hans.len() == 1 { hans[0] } else { c }
}

/// Characters that are not worth indexing on their own.
fn is_indexed(c: char) -> bool {
    c.is_alphanumeric()
}

/// The grams of folded text: every indexed character and every pair of adjacent ones.
pub fn grams(folded: &[char]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, &c) in folded.iter().enumerate() {
        if !is_indexed(c) {
            continue;
        }
        out.insert(c.to_string());
        if let Some(&next) = folded.get(i + 1)
            && is_indexed(next)
        {
            out.insert(format!("{c}{next}"));
        }
    }
    out
}

/// Which shard a gram's postings live in (FNV-1a, stable across platforms and in JS).
pub fn shard(gram: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for unit in gram.encode_utf16() {
        hash ^= u32::from(unit);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % SHARDS
}

/// The index files, by path under the site root.
pub fn index_files(ex: &Explainer) -> BTreeMap<String, String> {
    let mut docs: Vec<serde_json::Value> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for s in &ex.seeds {
        for p in &s.paragraphs {
            let title = if s.seed.title.is_empty() {
                s.seed.id.as_str()
            } else {
                s.seed.title.as_str()
            };
            docs.push(json!([
                format!("source/{}/index.html#{}", s.seed.id, p.id),
                title,
                p.text
            ]));
            texts.push(&p.text);
        }
    }
    let folder = Folder::new(texts.iter().copied());
    let mut shards: Vec<BTreeMap<String, Vec<usize>>> = vec![BTreeMap::new(); SHARDS as usize];
    for (doc, text) in texts.iter().enumerate() {
        for gram in grams(&folder.fold(text)) {
            shards[shard(&gram) as usize].entry(gram).or_default().push(doc);
        }
    }
    let mut files = BTreeMap::new();
    for (i, postings) in shards.iter().enumerate() {
        files.insert(
            format!("search/postings-{i:02}.json"),
            serde_json::to_string(postings).unwrap_or_default(),
        );
    }
    for (k, chunk) in docs.chunks(CHUNK).enumerate() {
        files.insert(
            format!("search/docs-{k}.json"),
            serde_json::to_string(chunk).unwrap_or_default(),
        );
    }
    // The browser folds queries with this table; it also needs the Traditional forms of
    // characters the corpus only has in Simplified, so both directions of every indexed char.
    let mut fold: BTreeMap<String, String> = folder
        .table
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for c in texts.iter().flat_map(|t| t.chars()).collect::<BTreeSet<char>>() {
        for t in script::to_hant(&c.to_string()).chars() {
            let f = fold_char(t);
            if f != t && t != c {
                fold.insert(t.to_string(), f.to_string());
            }
        }
    }
    let meta = json!({ "shards": SHARDS, "chunk": CHUNK, "docs": docs.len(), "fold": fold });
    files.insert(
        "search/meta.json".to_string(),
        serde_json::to_string(&meta).unwrap_or_default(),
    );
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_scripts_fold_to_the_same_grams() {
        let folder = Folder::new(["寧波數安港", "宁波数安港"]);
        assert_eq!(folder.fold("寧波數安港"), folder.fold("宁波数安港"));
        let g = grams(&folder.fold("寧波5700"));
        assert!(g.contains("宁波") && g.contains("57") && g.contains("宁"));
    }

    #[test]
    fn shards_are_stable() {
        assert_eq!(shard("宁波"), shard("宁波"));
        assert!(shard("ab") < SHARDS);
    }
}
