//! The search index: character bigrams (and single characters) over script-folded text, the
//! standard approach for Chinese, which has no spaces to split words on. 寧波 and 宁波 fold to
//! the same key, so a query in either script finds both; Latin letters fold without their
//! diacritics, so Níngbō finds ningbo.
//!
//! Two kinds of documents share the postings: every body paragraph, and the pages a reader may
//! be looking for by name (each city, by its names in both scripts, pinyin and English; each
//! term and document, by its names and English label), numbered after the paragraphs.
//!
//! The index is sharded so a browser loads only what a query needs: postings in
//! `search/postings-NN.json` (by a hash of the gram), paragraphs in `search/docs-K.json`
//! (chunks in source order) and pages in `search/pages-K.json` — each chunk once per script
//! (`….zh-Hans.json`), so results show in the page's script — and `search/meta.json`: the
//! counts and the character map the browser applies to the query so that it folds exactly as
//! the index did.

use crate::annotate::{AnnotatedParagraph, AnnotatedSeed};
use crate::model::Explainer;
use crate::text::script::{self, Script};
use crate::urls;
use rayon::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// Number of posting shards: a query of a few words loads a few of them, each a sixty-fourth of
/// the postings.
pub const SHARDS: u32 = 64;
/// Paragraphs (or pages) per chunk.
pub const CHUNK: usize = 200;

/// Characters that are not worth indexing on their own.
fn is_indexed(c: char) -> bool {
    c.is_alphanumeric()
}

/// A gram as a number: its first char in the high half, its second (or 0) in the low half, so
/// that numeric order is the order of the grams as strings.
type Gram = u64;

fn gram_key(first: char, second: Option<char>) -> Gram {
    (u64::from(u32::from(first)) << 32) | second.map_or(0, |c| u64::from(u32::from(c)))
}

fn gram_text(gram: Gram) -> String {
    let first = char::from_u32((gram >> 32) as u32);
    let second = char::from_u32((gram & 0xFFFF_FFFF) as u32).filter(|&c| c != '\0');
    first.into_iter().chain(second).collect()
}

/// The grams of folded text: every indexed character and every pair of adjacent ones, sorted
/// and without repeats.
fn grams(folded: &[char]) -> Vec<Gram> {
    let mut out = Vec::with_capacity(folded.len() * 2);
    for (i, &c) in folded.iter().enumerate() {
        if !is_indexed(c) {
            continue;
        }
        out.push(gram_key(c, None));
        if let Some(&next) = folded.get(i + 1)
            && is_indexed(next)
        {
            out.push(gram_key(c, Some(next)));
        }
    }
    out.sort_unstable();
    out.dedup();
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

/// One gram's documents, ascending, as LEB128 varints of the gaps between them: a large corpus
/// has tens of millions of postings, and most gaps fit one byte instead of a `u32`'s four.
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    last: u32,
}

impl Postings {
    /// Adds a document after every one already added.
    fn push(&mut self, doc: u32) {
        let mut gap = doc - self.last;
        self.last = doc;
        loop {
            let low = (gap & 0x7F) as u8;
            gap >>= 7;
            if gap == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    fn docs(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.bytes.iter();
        let mut doc = 0u32;
        std::iter::from_fn(move || {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let byte = *bytes.next()?;
                gap |= u32::from(byte & 0x7F) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    doc += gap;
                    return Some(doc);
                }
            }
        })
    }
}

/// Paragraphs whose grams are computed together: enough to keep both cores busy, few enough
/// that their grams take little memory before they join the postings.
const BATCH: usize = 4096;

/// A page a query may be looking for by name.
struct NamedPage {
    url: String,
    /// `city`, `term` or `document`.
    kind: &'static str,
    title: String,
    /// A line under the title (pinyin and English name, English label).
    label: Option<String>,
    /// Every name it is found by.
    names: Vec<String>,
}

/// Every city, term and document page, with the names each is known by.
fn named_pages(ex: &Explainer) -> Vec<NamedPage> {
    let mut out = Vec::new();
    for c in ex.cities() {
        let i = &c.info;
        let mut names = vec![i.name.clone(), i.name_hans.clone(), i.pinyin.clone(), i.name_en.clone()];
        names.extend(i.names.iter().cloned());
        names.extend(i.names_en.iter().cloned());
        out.push(NamedPage {
            url: urls::html(&urls::city(&i.id)),
            kind: "city",
            title: i.name.clone(),
            label: Some(format!("{} · {}", i.pinyin, i.name_en)),
            names,
        });
    }
    for t in ex.terms() {
        let mut names = vec![t.text.clone()];
        if let Some(e) = &t.entry {
            names.extend(e.names.iter().cloned());
            names.push(e.label_en.clone());
        }
        out.push(NamedPage {
            url: urls::html(&urls::term(&t.id)),
            kind: "term",
            title: t.text.clone(),
            label: t.entry.as_ref().map(|e| e.label_en.clone()),
            names,
        });
    }
    for d in ex.documents() {
        let mut names = vec![d.title.clone()];
        if let Some(e) = &d.entry {
            names.extend(e.names.iter().cloned());
            names.push(e.title_en.clone());
        }
        out.push(NamedPage {
            url: urls::html(&urls::document(&d.id)),
            kind: "document",
            title: format!("《{}》", d.title),
            label: d.entry.as_ref().map(|e| e.title_en.clone()),
            names,
        });
    }
    for page in &mut out {
        page.names.sort();
        page.names.dedup();
    }
    out
}

/// Text shown to readers in one script (seed text as written may be in either).
fn in_script(text: &str, script: Script) -> String {
    script::convert_markup(text, script)
}

/// Where each index file goes: `put(path under the site root, text)`.
type Put<'p> = dyn FnMut(&str, &str) -> crate::Result<()> + 'p;

/// Sends each index file to `put` (path under the site root, text) as soon as it is made, so
/// that a large index is never held whole: the postings, the paragraphs and the pages in chunks
/// per script, then the description with the folding table.
pub fn write_index(ex: &Explainer, put: &mut Put) -> crate::Result<()> {
    let paragraphs: Vec<(&AnnotatedSeed, &AnnotatedParagraph)> = ex
        .seeds()
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(move |p| (&**s, p)))
        .collect();
    let pages = named_pages(ex);
    // A page is found by any of its names, each on its own (a line break is no gram).
    let page_texts: Vec<String> = pages.iter().map(|p| p.names.join("\n")).collect();
    let texts: Vec<&str> = paragraphs
        .iter()
        .map(|(_, p)| &*p.text)
        .chain(page_texts.iter().map(String::as_str))
        .collect();
    let folder = script::CharFolder::new(texts.iter().copied());
    write_postings(postings(&texts, &folder), put)?;
    drop(texts);
    let shown_chars = write_paragraphs(&paragraphs, put)?;
    write_pages(&pages, &folder, put)?;
    let meta = json!({
        "shards": SHARDS,
        "chunk": CHUNK,
        "docs": paragraphs.len(),
        "pages": pages.len(),
        "fold": fold_table(&folder, &shown_chars),
    });
    let json = serde_json::to_string(&meta).map_err(|e| crate::Error::serialize(urls::SEARCH_META, e))?;
    put(urls::SEARCH_META, &json)
}

/// Every gram of the folded texts, with the texts (by position) that hold it; the texts are
/// cut into grams in parallel, a batch at a time.
fn postings(texts: &[&str], folder: &script::CharFolder) -> HashMap<Gram, Postings> {
    let mut postings: HashMap<Gram, Postings> = HashMap::new();
    for (b, batch) in texts.chunks(BATCH).enumerate() {
        let batch_grams: Vec<Vec<Gram>> = batch.par_iter().map(|text| grams(&folder.fold(text))).collect();
        for (i, doc_grams) in batch_grams.into_iter().enumerate() {
            let doc = u32::try_from(b * BATCH + i).unwrap_or(u32::MAX);
            for gram in doc_grams {
                postings.entry(gram).or_default().push(doc);
            }
        }
    }
    postings
}

/// The postings in [`SHARDS`] files, by the gram's hash, each gram's list written as it goes.
fn write_postings(mut postings: HashMap<Gram, Postings>, put: &mut Put) -> crate::Result<()> {
    let mut by_shard: Vec<Vec<(Gram, String)>> = vec![Vec::new(); SHARDS as usize];
    for &gram in postings.keys() {
        let text = gram_text(gram);
        by_shard[shard(&text) as usize].push((gram, text));
    }
    for (i, mut grams) in by_shard.into_iter().enumerate() {
        grams.sort_unstable();
        let mut out = String::from("{");
        for (gram, text) in grams {
            if out.len() > 1 {
                out.push(',');
            }
            out.push('"');
            out.push_str(&text); // grams are letters and digits: nothing to escape
            out.push_str("\":[");
            for (k, doc) in postings.remove(&gram).unwrap_or_default().docs().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push_str(&doc.to_string());
            }
            out.push(']');
        }
        out.push('}');
        put(&urls::search_postings(i as u32), &out)?;
    }
    Ok(())
}

/// The paragraphs, [`CHUNK`] a file in each script: `[url, title, text]`, and `"en"` after them
/// for a paragraph in English. Each chunk's entries are made as it is written, so the corpus's
/// URLs are never held whole. Returns the chars the shown texts hold, which only the converted
/// texts may have (制造 shown as 製造 on a Traditional page): the browser re-checks results
/// against the shown text, and a reader types what the page shows.
fn write_paragraphs(
    paragraphs: &[(&AnnotatedSeed, &AnnotatedParagraph)],
    put: &mut Put,
) -> crate::Result<script::DistinctChars> {
    let mut shown_chars = script::DistinctChars::default();
    for (k, chunk) in paragraphs.chunks(CHUNK).enumerate() {
        for script in [Script::Hant, Script::Hans] {
            let docs: Vec<Vec<String>> = chunk
                .iter()
                .map(|(s, p)| {
                    let text = in_script(&p.text, script);
                    shown_chars.add(&text);
                    let mut doc = vec![
                        urls::source_paragraph(&s.seed.id, &p.id),
                        in_script(s.seed.display_title(), script),
                        text,
                    ];
                    if s.seed.language == "en" {
                        doc.push("en".to_string());
                    }
                    doc
                })
                .collect();
            let path = urls::search_docs(k, script);
            let json = serde_json::to_string(&docs).map_err(|e| crate::Error::serialize(&path, e))?;
            put(&path, &json)?;
        }
    }
    Ok(shown_chars)
}

/// The pages a query can name, [`CHUNK`] a file in each script: `[url, kind, title, label,
/// names]`, the names folded as the query is (for telling an exact name from a part of one),
/// one a line.
fn write_pages(pages: &[NamedPage], folder: &script::CharFolder, put: &mut Put) -> crate::Result<()> {
    for (k, chunk) in pages.chunks(CHUNK).enumerate() {
        for script in [Script::Hant, Script::Hans] {
            let entries: Vec<serde_json::Value> = chunk
                .iter()
                .map(|p| {
                    let mut names: Vec<String> = p.names.iter().map(|n| folder.fold(n).into_iter().collect()).collect();
                    names.sort();
                    names.dedup();
                    json!([
                        p.url,
                        p.kind,
                        in_script(&p.title, script),
                        p.label.as_deref().map(|l| in_script(l, script)),
                        names.join("\n")
                    ])
                })
                .collect();
            let path = urls::search_pages(k, script);
            let json = serde_json::to_string(&entries).map_err(|e| crate::Error::serialize(&path, e))?;
            put(&path, &json)?;
        }
    }
    Ok(())
}

/// The table the browser folds queries with: every indexed char whose fold differs, the chars
/// only the shown texts have, and the Traditional forms of chars the corpus has only in
/// Simplified (a reader may type either).
fn fold_table(folder: &script::CharFolder, shown_chars: &script::DistinctChars) -> BTreeMap<String, String> {
    let mut fold: BTreeMap<String, String> = folder
        .table()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for c in shown_chars.chars() {
        let f = script::fold_char_cached(c);
        if f != c {
            fold.insert(c.to_string(), f.to_string());
        }
    }
    for &c in folder.chars() {
        for t in script::to_hant(&c.to_string()).chars() {
            let f = script::fold_char(t);
            if f != t && t != c {
                fold.insert(t.to_string(), f.to_string());
            }
        }
    }
    fold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_scripts_fold_to_the_same_grams() {
        let folder = script::CharFolder::new(["寧波數安港", "宁波数安港", "寧波5700"]);
        assert_eq!(folder.fold("寧波數安港"), folder.fold("宁波数安港"));
        let g: Vec<String> = grams(&folder.fold("寧波5700")).into_iter().map(gram_text).collect();
        assert!(g.iter().any(|g| g == "宁波") && g.iter().any(|g| g == "57") && g.iter().any(|g| g == "宁"));
        assert!(!g.iter().any(|g| g == "寧"));
    }

    #[test]
    fn postings_round_trip_through_varint_gaps() {
        let docs = [0u32, 1, 2, 130, 131, 20_000, 20_001, 3_000_000, u32::MAX];
        let mut postings = Postings::default();
        docs.iter().for_each(|&d| postings.push(d));
        assert_eq!(postings.docs().collect::<Vec<_>>(), docs);
        // Small gaps take one byte each.
        let mut dense = Postings::default();
        (0..100).for_each(|d| dense.push(d));
        assert_eq!(dense.bytes.len(), 100);
    }

    #[test]
    fn grams_sort_as_their_text() {
        let mut keys = vec![
            gram_key('宁', Some('波')),
            gram_key('宁', None),
            gram_key('a', Some('i')),
        ];
        keys.sort_unstable();
        let texts: Vec<String> = keys.into_iter().map(gram_text).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn shards_are_stable() {
        assert_eq!(shard("宁波"), shard("宁波"));
        assert!(shard("ab") < SHARDS);
    }
}
