//! Conversion between Traditional and Simplified Chinese (OpenCC's tables, via ferrous-opencc).
//!
//! Used to fold spellings so that 寧波 and 宁波 are one city, one term id, one search key, and
//! to render the zh-Hans mirror of the site. The converters are built once per process.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn converter(cell: &'static OnceLock<Option<OpenCC>>, config: BuiltinConfig) -> Option<&'static OpenCC> {
    cell.get_or_init(|| OpenCC::from_config(config).ok()).as_ref()
}

/// Simplified spelling of `text` (Traditional → Simplified; Simplified text is unchanged).
pub fn to_hans(text: &str) -> String {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    match converter(&T2S, BuiltinConfig::T2s) {
        Some(cc) => cc.convert(text),
        None => text.to_string(),
    }
}

/// Longest run (in bytes) that `to_hans_markup` remembers.
const MAX_CACHED_RUN: usize = 96;

/// `to_hans` over markup: only the runs of non-ASCII text are converted, so tags, attribute
/// names, URLs and path data pass through untouched and uncounted.
pub fn to_hans_markup(markup: &str) -> String {
    // Runs repeat across pages (navigation, labels, the same paragraph on a city page and its
    // source): each thread converts each distinct run once. Per thread, so that two threads do
    // not take turns at one lock thousands of times a page.
    thread_local! {
        static RUNS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
    }
    let mut out = String::with_capacity(markup.len());
    RUNS.with_borrow_mut(|cache| {
        let mut rest = markup;
        // Bytes, not chars: ASCII bytes never occur inside a multi-byte char, so both ends of a
        // non-ASCII run are char boundaries, and a byte scan is several times faster.
        while let Some(start) = rest.bytes().position(|b| !b.is_ascii()) {
            out.push_str(&rest[..start]);
            let run = &rest[start..];
            let end = run.bytes().position(|b| b.is_ascii()).unwrap_or(run.len());
            let run = &run[..end];
            // Only short runs repeat often enough to be worth keeping (and long ones would
            // make the cache as large as the corpus).
            if run.len() > MAX_CACHED_RUN {
                out.push_str(&to_hans(run));
            } else if let Some(known) = cache.get(run) {
                out.push_str(known);
            } else {
                let converted = to_hans(run);
                out.push_str(&converted);
                cache.insert(run.into(), converted.into());
            }
            rest = &rest[start + end..];
        }
        out.push_str(rest);
    });
    out
}

/// Traditional spelling of `text` (Simplified → Traditional).
pub fn to_hant(text: &str) -> String {
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    match converter(&S2T, BuiltinConfig::S2t) {
        Some(cc) => cc.convert(text),
        None => text.to_string(),
    }
}

/// Both spellings of a word, deduplicated, the given one first.
pub fn spellings(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for other in [to_hans(word), to_hant(word)] {
        if !out.contains(&other) {
            out.push(other);
        }
    }
    out
}

/// The key that identifies a phrase across scripts: Simplified, without whitespace, ASCII
/// letters lowercased, full-width forms folded to ASCII.
pub fn fold(text: &str) -> String {
    let hans = to_hans(text);
    hans.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folds text one character at a time: Simplified, full-width to ASCII, lowercase. Cheaper than
/// [`fold`] (no phrase lookups) and exactly reproducible in the browser from its table, so the
/// search index and duplicate detection use it. Built for the characters of a corpus, whose
/// table it exports.
#[derive(Debug, Clone, Default)]
pub struct CharFolder {
    /// Every char seen whose folded form differs.
    table: BTreeMap<char, char>,
    /// Every char seen, in code point order.
    seen: Vec<char>,
}

impl CharFolder {
    /// A folder for every character that occurs in `texts`.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> CharFolder {
        // A bit per BMP char: a corpus has millions of chars but a few thousand distinct ones.
        let mut bmp_seen = vec![false; 0x10000];
        let mut astral = BTreeSet::new();
        for c in texts.into_iter().flat_map(str::chars) {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < 0x10000 => bmp_seen[i] = true,
                _ => {
                    astral.insert(c);
                }
            }
        }
        let seen: Vec<char> = (0..0x10000u32)
            .filter(|&i| bmp_seen[i as usize])
            .filter_map(char::from_u32)
            .chain(astral)
            .collect();
        let table = seen
            .iter()
            .map(|&c| (c, fold_char_cached(c)))
            .filter(|&(c, folded)| folded != c)
            .collect();
        CharFolder { table, seen }
    }

    pub fn fold(&self, text: &str) -> Vec<char> {
        text.chars().map(fold_char_cached).collect()
    }

    /// Chars whose folded form differs, with that form.
    pub fn table(&self) -> &BTreeMap<char, char> {
        &self.table
    }

    /// Every char of the corpus, in code point order.
    pub fn chars(&self) -> &[char] {
        &self.seen
    }
}

/// [`fold_char`], remembered per process for Basic Multilingual Plane chars (the conversion
/// looks up OpenCC's tables; a corpus has a few thousand distinct chars and millions of uses).
pub fn fold_char_cached(c: char) -> char {
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    // 0 means "not yet folded" (U+0000 folds to itself and is never looked up here).
    static TABLE: OnceLock<Vec<AtomicU32>> = OnceLock::new();
    let index = c as usize;
    if index == 0 || index >= 0x10000 {
        return fold_char(c);
    }
    let table = TABLE.get_or_init(|| (0..0x10000).map(|_| AtomicU32::new(0)).collect());
    match char::from_u32(table[index].load(Relaxed)) {
        Some(folded) if folded != '\0' => folded,
        _ => {
            let folded = fold_char(c);
            // Two threads may both fold the same char: they store the same answer.
            table[index].store(u32::from(folded), Relaxed);
            folded
        }
    }
}

/// A hash of `text` folded char by char without whitespace: equal for the same paragraph in
/// either script, width or case (re-published copies).
pub fn copy_key(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        hasher.write_u32(u32::from(fold_char_cached(c)));
    }
    hasher.finish()
}

/// One char folded on its own: full-width to ASCII, lowercase, Simplified.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    if c.is_ascii() {
        return c;
    }
    let mut buf = [0u8; 4];
    let hans = to_hans(c.encode_utf8(&mut buf));
    let mut chars = hans.chars();
    match (chars.next(), chars.next()) {
        (Some(h), None) => h,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_folder_folds_scripts_widths_and_case() {
        let folder = CharFolder::new(["寧波數安港", "宁波数安港", "ＡＩ+Ai"]);
        assert_eq!(folder.fold("寧波數安港"), folder.fold("宁波数安港"));
        assert_eq!(folder.fold("ＡＩ").iter().collect::<String>(), "ai");
        assert_eq!(folder.table().get(&'寧'), Some(&'宁'));
        assert!(folder.chars().contains(&'港') && !folder.table().contains_key(&'港'));
    }

    #[test]
    fn copies_match_across_scripts_widths_and_spaces() {
        assert_eq!(copy_key("寧波擁有104家 單項冠軍"), copy_key("宁波拥有１０４家单项冠军"));
        assert_ne!(copy_key("宁波拥有104家"), copy_key("宁波拥有105家"));
        assert_eq!(fold_char_cached('寧'), '宁');
        assert_eq!(fold_char_cached('寧'), '宁');
    }

    #[test]
    fn converts_both_ways() {
        assert_eq!(to_hans("寧波溫州數據安全"), "宁波温州数据安全");
        assert_eq!(to_hant("宁波温州"), "寧波溫州");
    }

    #[test]
    fn markup_keeps_tags_and_converts_text() {
        let html = "<p title=\"寧波\"><a href=\"city/ningbo/\">寧波</a>擁有104家</p>";
        assert_eq!(
            to_hans_markup(html),
            "<p title=\"宁波\"><a href=\"city/ningbo/\">宁波</a>拥有104家</p>"
        );
    }

    #[test]
    fn fold_is_script_independent() {
        assert_eq!(fold("人工智能＋製造"), fold("人工智能+制造"));
        assert_eq!(fold("AI+工業"), "ai+工业");
    }

    #[test]
    fn spellings_include_both_scripts() {
        let s = spellings("数据安全");
        assert!(s.contains(&"數據安全".to_string()) && s.contains(&"数据安全".to_string()));
    }
}
