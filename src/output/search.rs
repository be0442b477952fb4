//! The search index, laid out so that it stays a small multiple of the text and adding an
//! article rewrites little of it.
//!
//! **Documents** are the shown paragraphs (a re-published copy is not a document of its own:
//! its first occurrence is, crediting the others), numbered in corpus order — so an added
//! article's paragraphs take new numbers and no old one moves.
//!
//! **Keys.** Chinese (and any other text without spaces) is keyed by character bigrams over
//! script-folded text (寧波 and 宁波 are one key), plus one key per run-final character (`市$`),
//! so that every character starts some key: a one-character query is every key it starts.
//! Latin letters and digits are keyed as words ([`english_key`]: lowercase, without diacritics
//! or a plural's `s`), English stop words left out. A paragraph is also keyed by the pinyin and
//! English names of the cities and places it names or is about (`ningbo` finds 寧波's
//! paragraphs) and by the English labels of its glossary terms.
//!
//! **Segments** hold the postings, as full-text engines do: the articles in file order fill
//! segments of [`UNIT`] articles; [`FANOUT`] full segments of one size are merged into one of the
//! next size. So an added article rewrites only the last, unfinished segment (and, once in
//! [`FANOUT`] segments, merges the ones before it), and a query reads one shard of each of a
//! few segments. A segment's keys are split into shards by their first character, so the keys
//! a one-character query needs are in one shard. Postings are the documents' numbers as gaps,
//! LEB128 varints in base64.
//!
//! **Documents' text**, for results and for checking a match the bigrams only suggest, is kept
//! once, in Traditional, in blocks of [`BLOCK`] documents (only the last block changes as
//! articles are added); a Simplified page shows it through a per-character table, with the few
//! characters that table gets wrong written out per paragraph, so results are shown exactly as
//! the pages show them.
//!
//! Files: `search/meta.json` (the segments, the folding and Simplified tables),
//! `search/s<first>-<size>/<shard>.json`, `search/d<block>.json`, `search/pages.json` (cities,
//! terms and documents by every name), `search/en-<shard>.json` (English words and the Chinese
//! words of the corpus that mean them, from the dictionary). `static/search.js` reads them.

use crate::annotate::{AnnotatedParagraph, AnnotatedSeed, Kind};
use crate::knowledge::{english_key, english_words};
use crate::model::{Explainer, ParaRef};
use crate::text::script::{self, Script};
use crate::urls;
use rayon::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Articles in the smallest segment.
pub const UNIT: usize = 128;
/// Segments of one size that merge into one of the next.
pub const FANOUT: usize = 4;
/// Documents per block of text.
pub const BLOCK: usize = 256;
/// Blocks of text made at once (in parallel) before they are written.
const BLOCKS_AT_ONCE: usize = 16;
/// Shards of the English words.
pub const ENGLISH_SHARDS: u32 = 16;
/// About how many bytes of postings a shard holds: enough that a segment is a few files, few
/// enough that a query downloads little.
const SHARD_BYTES: usize = 48 * 1024;
/// Chinese words an English word is looked up as, at most.
const ENGLISH_ALTERNATIVES: usize = 8;

/// A segment: the articles `start..end` (at most `size` of them; fewer in the last one, which
/// fills up as articles are added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub size: usize,
    pub end: usize,
}

impl Segment {
    /// Its folder's name: where it starts and how many articles it holds when full.
    pub fn id(&self) -> String {
        format!("s{}-{}", self.start, self.size)
    }
}

/// The segments of `seeds` articles: the largest full ones first, each at most [`FANOUT`] − 1
/// of a size before they merge into one of the next; the articles after the last full unit in
/// one unfinished segment.
pub fn segments(seeds: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < seeds {
        let mut size = UNIT;
        while at % (size * FANOUT) == 0 && at + size * FANOUT <= seeds {
            size *= FANOUT;
        }
        let end = (at + size).min(seeds);
        out.push(Segment { start: at, size, end });
        at = end;
    }
    out
}

/// What a character is to the index: part of a Latin word (ASCII letters and digits, after
/// folding), part of a run keyed by bigrams (any other letter or digit), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Word,
    Run,
    Other,
}

fn class(c: char) -> CharClass {
    if c.is_ascii_alphanumeric() {
        CharClass::Word
    } else if c.is_alphanumeric() {
        CharClass::Run
    } else {
        CharClass::Other
    }
}

/// The keys of folded text: bigrams and run-final characters of runs, words of Latin letters
/// and digits.
fn text_keys(folded: &[char], out: &mut BTreeSet<String>) {
    let mut i = 0;
    while i < folded.len() {
        match class(folded[i]) {
            CharClass::Word => {
                let end = (i..folded.len())
                    .find(|&k| class(folded[k]) != CharClass::Word)
                    .unwrap_or(folded.len());
                let word: String = folded[i..end].iter().collect();
                if let Some(key) = english_key(&word) {
                    out.insert(key);
                }
                i = end;
            }
            CharClass::Run => {
                let end = (i..folded.len())
                    .find(|&k| class(folded[k]) != CharClass::Run)
                    .unwrap_or(folded.len());
                for k in i..end {
                    let mut key = String::with_capacity(8);
                    key.push(folded[k]);
                    key.push(if k + 1 < end { folded[k + 1] } else { '$' });
                    out.insert(key);
                }
                i = end;
            }
            CharClass::Other => i += 1,
        }
    }
}

/// The words of an English name or label as keys (`Ningbo` → `ningbo`; `AI + manufacturing` →
/// `ai`, `manufacturing`).
fn name_keys(name: &str, out: &mut BTreeSet<String>) {
    let folded: String = name.chars().map(script::fold_char_cached).collect();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some(key) = english_key(word) {
            out.insert(key);
        }
    }
}

/// Every key of a paragraph: its text's, and the English and pinyin names of what it names.
fn paragraph_keys(ex: &Explainer, p: &AnnotatedParagraph) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    text_keys(&script::fold_chars(&p.text), &mut keys);
    let city = |id: &str, keys: &mut BTreeSet<String>| {
        if let Some(c) = ex.city(id) {
            name_keys(&c.info.pinyin, keys);
            name_keys(&c.info.name_en, keys);
        }
    };
    for id in p.cities.iter() {
        city(id, &mut keys);
    }
    for a in p.annotations.iter().chain(&p.nested) {
        match a.kind {
            Kind::City => city(&a.value, &mut keys),
            Kind::Place | Kind::Org => {
                if let Some(label) = &a.label {
                    name_keys(label, &mut keys);
                }
            }
            Kind::Term => {
                if let Some(entry) = ex.term(&a.value).and_then(|t| t.entry.as_ref()) {
                    name_keys(&entry.label_en, &mut keys);
                }
            }
            Kind::Document | Kind::Date | Kind::Figure => {}
        }
    }
    keys
}

/// Which shard of `shards` a key is in: by its first character (FNV-1a over its UTF-16 units,
/// as `static/search.js` computes it), so a one-character query reads one shard.
pub fn shard(key: &str, shards: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let first = key.chars().next().unwrap_or(' ');
    let mut buf = [0u16; 2];
    for unit in first.encode_utf16(&mut buf) {
        hash ^= u32::from(*unit);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % shards.max(1)
}

/// One key's documents, ascending, numbered from the segment's first, as LEB128 varints of the
/// gaps between them.
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    last: u32,
}

impl Postings {
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
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 without padding (the browser's `atob` reads it).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for k in 0..=chunk.len() {
            out.push(char::from(BASE64[((n >> (18 - 6 * k)) & 63) as usize]));
        }
    }
    out
}

/// A shown paragraph: where it is, and the other articles that carry it.
struct Doc<'a> {
    seed: &'a AnnotatedSeed,
    at: ParaRef,
    paragraph: &'a AnnotatedParagraph,
    copies: &'a [ParaRef],
}

/// Every shown paragraph, in corpus order; and where each article's start in that list.
fn documents(ex: &Explainer) -> (Vec<Doc<'_>>, Vec<usize>) {
    let copies: BTreeSet<ParaRef> = ex.copies().flat_map(|(_, c)| c.iter().copied()).collect();
    let mut docs = Vec::new();
    let mut starts = Vec::with_capacity(ex.seeds().len() + 1);
    for (s, seed) in ex.seeds().iter().enumerate() {
        starts.push(docs.len());
        for (p, paragraph) in seed.paragraphs.iter().enumerate() {
            let at = ParaRef { seed: s, para: p };
            if !copies.contains(&at) {
                docs.push(Doc {
                    seed,
                    at,
                    paragraph,
                    copies: ex.also_in(at),
                });
            }
        }
    }
    starts.push(docs.len());
    (docs, starts)
}

/// Documents whose keys are made at once (in parallel) before they join a segment's postings:
/// enough to keep the cores busy, few enough that a segment of thousands of articles never
/// holds every document's keys at once (at 10,000 articles that was 230 MB).
const KEYS_AT_ONCE: usize = 2048;
/// Documents whose keys one thread gathers by key before they join the segment's: each key is
/// then looked up in the segment's postings once per run, not once per document.
const KEYS_PER_THREAD: usize = 128;

/// The postings of one segment's documents, by key; each two-character key is also added to
/// `bigrams` (what the English words are checked against).
fn segment_postings(ex: &Explainer, docs: &[Doc], bigrams: &mut BTreeSet<String>) -> BTreeMap<String, Postings> {
    let mut postings: BTreeMap<String, Postings> = BTreeMap::new();
    for (c, chunk) in docs.chunks(KEYS_AT_ONCE).enumerate() {
        // Each run of documents' keys, with the documents (numbered in the segment) that have
        // each; runs in document order, so the postings stay ascending.
        let runs: Vec<BTreeMap<String, Vec<u32>>> = chunk
            .par_chunks(KEYS_PER_THREAD)
            .enumerate()
            .map(|(r, run)| {
                let mut by_key: BTreeMap<String, Vec<u32>> = BTreeMap::new();
                for (i, d) in run.iter().enumerate() {
                    let doc = u32::try_from(c * KEYS_AT_ONCE + r * KEYS_PER_THREAD + i).unwrap_or(u32::MAX);
                    for key in paragraph_keys(ex, d.paragraph) {
                        by_key.entry(key).or_default().push(doc);
                    }
                }
                by_key
            })
            .collect();
        for run in runs {
            for (key, run_docs) in run {
                if key.chars().count() == 2 && !bigrams.contains(&key) {
                    bigrams.insert(key.clone());
                }
                let p = match postings.get_mut(&key) {
                    Some(p) => p,
                    None => postings.entry(key).or_default(),
                };
                for doc in run_docs {
                    p.push(doc);
                }
            }
        }
    }
    postings
}

/// A segment's postings, shard by shard, as JSON objects of key → base64 postings.
fn segment_shards(postings: &BTreeMap<String, Postings>) -> Vec<String> {
    let bytes: usize = postings.iter().map(|(k, p)| k.len() + p.bytes.len() * 4 / 3 + 6).sum();
    let shards = bytes.div_ceil(SHARD_BYTES).next_power_of_two().clamp(1, 256) as u32;
    let mut out: Vec<String> = vec![String::from("{"); shards as usize];
    for (key, p) in postings {
        let json = &mut out[shard(key, shards) as usize];
        if json.len() > 1 {
            json.push(',');
        }
        // Keys are letters, digits and `$`: nothing to escape.
        json.push('"');
        json.push_str(key);
        json.push_str("\":\"");
        json.push_str(&base64(&p.bytes));
        json.push('"');
    }
    for json in &mut out {
        json.push('}');
    }
    out
}

/// The Simplified form of each character (the table a Simplified page shows text through).
fn hans_char(c: char) -> char {
    let mut buf = [0u8; 4];
    let hans = script::to_hans(c.encode_utf8(&mut buf));
    let mut chars = hans.chars();
    match (chars.next(), chars.next()) {
        (Some(h), None) => h,
        _ => c,
    }
}

/// How a Simplified page shows `hant`: what the per-character table gets wrong, as
/// `[[offset, text], …]` (offsets in chars), or the whole text when the lengths differ.
fn hans_fix(hant: &str, hans: &str) -> Option<serde_json::Value> {
    let (t, s): (Vec<char>, Vec<char>) = (hant.chars().collect(), hans.chars().collect());
    if t.len() != s.len() {
        return Some(json!(hans));
    }
    let mut fixes: Vec<(usize, String)> = Vec::new();
    for (i, (&a, &b)) in t.iter().zip(&s).enumerate() {
        if hans_char(a) != b {
            match fixes.last_mut() {
                Some((at, text)) if *at + text.chars().count() == i => text.push(b),
                _ => fixes.push((i, b.to_string())),
            }
        }
    }
    (!fixes.is_empty()).then(|| json!(fixes))
}

/// A block of documents' text: `{"seeds": [[id, title, title in Simplified, lang]],
/// "docs": [[seed, paragraph id, text, Simplified fixes, [[seed, paragraph id], …] copies]]}`,
/// text in Traditional; seeds are indexes into the block's own list. With the characters of
/// the text shown.
fn block_json(ex: &Explainer, docs: &[Doc]) -> (String, script::DistinctChars) {
    let mut shown = script::DistinctChars::default();
    let mut seeds: Vec<usize> = Vec::new();
    let mut seed_ref = |s: usize| match seeds.iter().position(|&x| x == s) {
        Some(i) => i,
        None => {
            seeds.push(s);
            seeds.len() - 1
        }
    };
    let mut rows = Vec::with_capacity(docs.len());
    for d in docs {
        let seed = seed_ref(d.at.seed);
        let english = d.seed.seed.language == "en";
        let text = if english {
            d.paragraph.text.to_string()
        } else {
            script::convert_markup(&d.paragraph.text, Script::Hant)
        };
        shown.add(&text);
        let fix = if english {
            None
        } else {
            hans_fix(&text, &script::convert_markup(&d.paragraph.text, Script::Hans))
        };
        let copies: Vec<serde_json::Value> = d
            .copies
            .iter()
            .map(|c| json!([seed_ref(c.seed), &*ex.paragraph(*c).id]))
            .collect();
        let mut row = vec![json!(seed), json!(&*d.paragraph.id), json!(text)];
        if fix.is_some() || !copies.is_empty() {
            row.push(fix.unwrap_or(serde_json::Value::Null));
        }
        if !copies.is_empty() {
            row.push(json!(copies));
        }
        rows.push(serde_json::Value::Array(row));
    }
    let seeds: Vec<serde_json::Value> = seeds
        .iter()
        .map(|&s| {
            let seed = &ex.seeds()[s].seed;
            let title = seed.display_title();
            let mut row = vec![
                json!(seed.id),
                json!(script::convert_markup(title, Script::Hant)),
                json!(script::convert_markup(title, Script::Hans)),
            ];
            if seed.language == "en" {
                row.push(json!("en"));
            }
            serde_json::Value::Array(row)
        })
        .collect();
    (json!({ "seeds": seeds, "docs": rows }).to_string(), shown)
}

/// Every city, term and document page, with the names each is found by (folded, one a line):
/// `[url, kind, title, title in Simplified, label, names]`.
fn named_pages(ex: &Explainer) -> String {
    let mut out: Vec<serde_json::Value> = Vec::new();
    let fold = |names: Vec<String>| {
        let mut folded: Vec<String> = names
            .iter()
            .map(|n| n.chars().map(script::fold_char_cached).collect())
            .collect();
        folded.sort();
        folded.dedup();
        folded.join("\n")
    };
    let mut push = |url: String, kind: &str, title: String, label: Option<String>, names: Vec<String>| {
        out.push(json!([
            url,
            kind,
            script::convert_markup(&title, Script::Hant),
            script::convert_markup(&title, Script::Hans),
            label,
            fold(names)
        ]));
    };
    for c in ex.cities() {
        let i = &c.info;
        let mut names = vec![i.name.clone(), i.name_hans.clone(), i.pinyin.clone(), i.name_en.clone()];
        names.extend(i.names.iter().cloned());
        names.extend(i.names_en.iter().cloned());
        push(
            urls::html(&urls::city(&i.id)),
            "city",
            i.name.clone(),
            Some(format!("{} · {}", i.pinyin, i.name_en)),
            names,
        );
    }
    for t in ex.terms() {
        let mut names = vec![t.text.clone()];
        if let Some(e) = &t.entry {
            names.extend(e.names.iter().cloned());
            names.push(e.label_en.clone());
        }
        push(
            urls::html(&urls::term(&t.id)),
            "term",
            t.text.clone(),
            t.entry.as_ref().map(|e| e.label_en.clone()),
            names,
        );
    }
    for d in ex.documents() {
        let mut names = vec![d.title.clone()];
        if let Some(e) = &d.entry {
            names.extend(e.names.iter().cloned());
            names.push(e.title_en.clone());
        }
        push(
            urls::html(&urls::document(&d.id)),
            "document",
            format!("《{}》", d.title),
            d.entry.as_ref().map(|e| e.title_en.clone()),
            names,
        );
    }
    serde_json::Value::Array(out).to_string()
}

/// English words and the Chinese words of the corpus that mean them (folded): from the
/// dictionary, keeping the Chinese words whose keys the corpus has; and the cities' and their
/// counties' pinyin and English names.
fn english_of_corpus(ex: &Explainer, has: impl Fn(&str) -> bool) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let folded = |w: &str| -> String { w.chars().map(script::fold_char_cached).collect() };
    // A word is in the corpus (as far as keys tell) when each of its bigrams is a key.
    let in_corpus = |w: &str| {
        let chars: Vec<char> = w.chars().collect();
        chars.len() >= 2
            && chars.iter().all(|&c| class(c) == CharClass::Run)
            && chars.windows(2).all(|p| has(&p.iter().collect::<String>()))
    };
    for c in ex.cities() {
        for name in [&c.info.pinyin, &c.info.name_en] {
            if let Some(key) = english_key(&folded(name)) {
                out.entry(key).or_default().push(folded(&c.info.name_hans));
            }
        }
    }
    for (word, chinese) in english_words() {
        let found: Vec<String> = chinese
            .iter()
            .map(|w| folded(w))
            .filter(|w| in_corpus(w))
            .take(ENGLISH_ALTERNATIVES)
            .collect();
        if !found.is_empty() {
            let known = out.entry(word.clone()).or_default();
            for w in found {
                if !known.contains(&w) && known.len() < ENGLISH_ALTERNATIVES {
                    known.push(w);
                }
            }
        }
    }
    out
}

/// Sends each index file to `put` (path under the site root, text) as soon as it is made, so
/// that a large index is never held whole.
pub fn write_index(ex: &Explainer, put: &mut dyn FnMut(&str, &str) -> crate::Result<()>) -> crate::Result<()> {
    let (docs, starts) = documents(ex);
    let mut all_keys: BTreeSet<String> = BTreeSet::new();
    let mut segment_rows = Vec::new();
    for segment in segments(ex.seeds().len()) {
        let (first, last) = (starts[segment.start], starts[segment.end]);
        let shards = segment_shards(&segment_postings(ex, &docs[first..last], &mut all_keys));
        let id = segment.id();
        for (n, json) in shards.iter().enumerate() {
            put(&urls::search_shard(&id, n), json)?;
        }
        segment_rows.push(json!([id, first, shards.len()]));
    }
    // The browser folds queries with one table (as the index folded text: a reader types what
    // a page shows, 製造 where the article wrote 制造), and shows Traditional text in Simplified
    // through the other; both only for the characters the corpus and its Traditional text have.
    let folder = script::CharFolder::new(docs.iter().map(|d| &*d.paragraph.text));
    let mut chars: BTreeSet<char> = folder.chars().iter().copied().collect();
    // Blocks are made a few at a time (in parallel) and written, never all held at once.
    for (g, group) in docs.chunks(BLOCK * BLOCKS_AT_ONCE).enumerate() {
        let blocks: Vec<(String, script::DistinctChars)> =
            group.par_chunks(BLOCK).map(|chunk| block_json(ex, chunk)).collect();
        for (k, (json, shown)) in blocks.into_iter().enumerate() {
            put(&urls::search_block(g * BLOCKS_AT_ONCE + k), &json)?;
            chars.extend(shown.chars());
        }
    }
    put(urls::SEARCH_PAGES, &named_pages(ex))?;
    let english = english_of_corpus(ex, |key| all_keys.contains(key));
    let mut english_shards: Vec<BTreeMap<&str, &Vec<String>>> = vec![BTreeMap::new(); ENGLISH_SHARDS as usize];
    for (word, chinese) in &english {
        english_shards[shard(word, ENGLISH_SHARDS) as usize].insert(word, chinese);
    }
    for (n, words) in english_shards.iter().enumerate() {
        put(&urls::search_english(n), &json!(words).to_string())?;
    }
    let (mut fold, mut hans) = (BTreeMap::new(), BTreeMap::new());
    for &c in &chars {
        for t in std::iter::once(c).chain(script::to_hant(&c.to_string()).chars()) {
            let f = script::fold_char_cached(t);
            if f != t {
                fold.insert(t.to_string(), f.to_string());
            }
            let h = hans_char(t);
            if h != t {
                hans.insert(t.to_string(), h.to_string());
            }
        }
    }
    let meta = json!({
        "docs": docs.len(),
        "block": BLOCK,
        "segments": segment_rows,
        "english": ENGLISH_SHARDS,
        "fold": fold,
        "hans": hans,
    });
    put(urls::SEARCH_META, &meta.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_fill_then_merge() {
        assert_eq!(segments(0), []);
        let ids =
            |n: usize| -> Vec<(usize, usize, usize)> { segments(n).iter().map(|s| (s.start, s.size, s.end)).collect() };
        assert_eq!(ids(5), [(0, UNIT, 5)]);
        assert_eq!(ids(UNIT), [(0, UNIT, UNIT)]);
        assert_eq!(ids(UNIT + 1), [(0, UNIT, UNIT), (UNIT, UNIT, UNIT + 1)]);
        let big = UNIT * FANOUT;
        assert_eq!(ids(big), [(0, big, big)]);
        assert_eq!(ids(big + 3), [(0, big, big), (big, UNIT, big + 3)]);
        // Adding an article changes only the last segment, unless it completes a merge.
        for n in 1..3000 {
            let (before, after) = (segments(n), segments(n + 1));
            let kept = before.iter().filter(|s| after.contains(s)).count();
            let last_full = after.last().is_some_and(|s| s.end - s.start == s.size);
            assert!(kept + 1 >= before.len() || last_full, "{n}");
            assert!(after.len() < 4 * FANOUT, "{n}: {}", after.len());
        }
    }

    #[test]
    fn keys_are_bigrams_run_ends_and_words() {
        let mut keys = BTreeSet::new();
        text_keys(&script::fold_chars("寧波AI+製造 Robots, 2025年"), &mut keys);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(keys, ["2025", "ai", "robot", "制造", "宁波", "年$", "波$", "造$"]);
    }

    #[test]
    fn postings_are_varint_gaps_in_base64() {
        let mut p = Postings::default();
        [0u32, 1, 130].iter().for_each(|&d| p.push(d));
        assert_eq!(p.bytes, [0, 1, 0x81, 0x01]);
        assert_eq!(base64(&p.bytes), "AAGBAQ");
        assert_eq!(base64(b"Ma"), "TWE");
    }

    #[test]
    fn simplified_text_is_the_table_and_its_fixes() {
        assert_eq!(hans_fix("寧波製造", "宁波制造"), None);
        // A character the table reads one way and the page another is written out.
        let fix = hans_fix("乾隆", "乾隆");
        assert_eq!(fix, Some(json!([[0, "乾"]])));
    }
}
