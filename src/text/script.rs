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

/// The two scripts Chinese is written in. The site is written in Traditional (its pages at the
/// root); every page has a Simplified twin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Script {
    Hant,
    Hans,
}

impl Script {
    /// The `lang` tag of text in this script.
    pub fn lang(self) -> &'static str {
        match self {
            Script::Hant => "zh-Hant",
            Script::Hans => "zh-Hans",
        }
    }

    /// `text` written in this script.
    pub fn convert(self, text: &str) -> String {
        match self {
            Script::Hant => to_hant(text),
            Script::Hans => to_hans(text),
        }
    }
}

/// Longest run (in bytes) that [`convert_markup`] remembers.
const MAX_CACHED_RUN: usize = 96;

/// Markup (HTML, annotated Markdown, JSON) written in Simplified: every run of non-ASCII text
/// converted, so tags, attribute names, URLs and path data pass through untouched and
/// uncounted. Elements marked `lang="zh-Hant"` keep their text.
pub fn to_hans_markup(markup: &str) -> String {
    convert_markup(markup, Script::Hans)
}

/// Markup written in Traditional: runs of text holding a character Simplified writes
/// differently (发, and shared characters that a Traditional text would write otherwise, 并 for
/// 並) are converted with OpenCC's s2t and its phrases; runs without one are kept exactly as
/// written (s2t would still rewrite some of their characters to other Traditional forms, 平台
/// to 平臺). Elements marked `lang="zh-Hans"` keep their text.
pub fn to_hant_markup(markup: &str) -> String {
    convert_markup(markup, Script::Hant)
}

/// Markup with its text written in `script` (see [`to_hans_markup`], [`to_hant_markup`]).
pub fn convert_markup(markup: &str, script: Script) -> String {
    // Runs repeat across pages (navigation, labels, the same paragraph on a city page and its
    // source): each thread converts each distinct run once. Per thread, so that two threads do
    // not take turns at one lock thousands of times a page.
    thread_local! {
        static RUNS: RefCell<[FxHashMap<Box<str>, Box<str>>; 2]> = RefCell::new(Default::default());
    }
    let other_lang = match script {
        Script::Hant => " lang=\"zh-Hans\"",
        Script::Hans => " lang=\"zh-Hant\"",
    };
    let mut out = String::with_capacity(markup.len());
    RUNS.with_borrow_mut(|caches| {
        let cache = &mut caches[script as usize];
        let mut convert = |out: &mut String, run: &str| {
            if script == Script::Hant && !run.chars().any(|c| char_script(c) == Some(Script::Hans)) {
                out.push_str(run);
            } else if run.len() > MAX_CACHED_RUN {
                // Only short runs repeat often enough to be worth keeping (and long ones would
                // make the cache as large as the corpus).
                out.push_str(&script.convert(run));
            } else if let Some(known) = cache.get(run) {
                out.push_str(known);
            } else {
                let converted = script.convert(run);
                out.push_str(&converted);
                cache.insert(run.into(), converted.into());
            }
        };
        // Text outside elements marked with the other script's language, then each such
        // element copied as it is. Found by the attribute, not by looking into every tag.
        let mut rest = markup;
        loop {
            match rest.find(other_lang).map(|at| (at, marked_element_around(rest, at))) {
                Some((_, Some((open, end)))) => {
                    convert_runs(&mut out, &rest[..open], &mut convert);
                    out.push_str(&rest[open..end]);
                    rest = &rest[end..];
                }
                // The attribute's text outside a tag: ASCII, so cutting after it splits no run.
                Some((at, None)) => {
                    let cut = at + other_lang.len();
                    convert_runs(&mut out, &rest[..cut], &mut convert);
                    rest = &rest[cut..];
                }
                None => {
                    convert_runs(&mut out, rest, &mut convert);
                    break;
                }
            }
        }
    });
    out
}

/// Converts each run of non-ASCII text in `text` with `convert`, copying the rest.
fn convert_runs(out: &mut String, text: &str, convert: &mut impl FnMut(&mut String, &str)) {
    let mut rest = text;
    // Bytes, not chars: ASCII bytes never occur inside a multi-byte char, so both ends of a
    // non-ASCII run are char boundaries, and a byte scan is several times faster.
    while let Some(start) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..start]);
        let from = &rest[start..];
        let end = from.bytes().position(|b| b.is_ascii()).unwrap_or(from.len());
        convert(out, &from[..end]);
        rest = &from[end..];
    }
    out.push_str(rest);
}

/// The element whose opening tag holds the attribute found at byte `at` of `markup`: where its
/// tag opens and where its closing tag (the first of its name: the site never nests an element
/// of one script inside another of the same name) ends. `None` when `at` is not inside a tag or
/// the element is not closed, in which case the text is converted like any other.
fn marked_element_around(markup: &str, at: usize) -> Option<(usize, usize)> {
    let open = markup[..at].rfind('<')?;
    if markup[open..at].contains('>') {
        return None;
    }
    let tag_end = at + markup[at..].find('>')?;
    let name_end = markup[open + 1..tag_end].find(|c: char| !c.is_ascii_alphanumeric())? + open + 1;
    let close = format!("</{}>", &markup[open + 1..name_end]);
    let end = markup[tag_end..].find(&close)? + tag_end + close.len();
    Some((open, end))
}

/// Which script a piece of Chinese text is written in, judged by its characters: those only
/// Traditional has (發, 們) against those Simplified writes for a Traditional one (发, 们).
/// Characters both scripts use and Simplified maps onward (台, 后, 杰) count too, so a
/// Traditional text is recognised by its many Traditional-only characters, not by the absence
/// of shared ones. `None` when the text shows neither (no Chinese, or only neutral characters).
pub fn written_in(text: &str) -> Option<Script> {
    let (mut hant, mut hans) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        match char_script(c) {
            Some(Script::Hant) => hant += 1,
            Some(Script::Hans) => hans += 1,
            None => {}
        }
    }
    match (hant, hans) {
        (0, 0) => None,
        (t, s) if s > t => Some(Script::Hans),
        _ => Some(Script::Hant),
    }
}

/// The script a single character belongs to (see [`written_in`]), remembered per process for
/// the Basic Multilingual Plane.
fn char_script(c: char) -> Option<Script> {
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};
    // 0: not yet looked up; 1: neutral; 2: Traditional; 3: Simplified.
    static TABLE: OnceLock<Vec<AtomicU8>> = OnceLock::new();
    let look_up = |c: char| -> u8 {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        if to_hans(s) != *s {
            2
        } else if to_hant(s) != *s {
            3
        } else {
            1
        }
    };
    let class = match usize::try_from(u32::from(c)) {
        Ok(index) if index < 0x10000 => {
            let table = TABLE.get_or_init(|| (0..0x10000).map(|_| AtomicU8::new(0)).collect());
            match table[index].load(Relaxed) {
                0 => {
                    let class = look_up(c);
                    table[index].store(class, Relaxed);
                    class
                }
                known => known,
            }
        }
        _ => look_up(c),
    };
    match class {
        2 => Some(Script::Hant),
        3 => Some(Script::Hans),
        _ => None,
    }
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

/// The distinct characters of many texts, in code point order: a bit per BMP char, since a
/// corpus has millions of chars but a few thousand distinct ones.
#[derive(Debug, Clone)]
pub struct DistinctChars {
    bmp: Vec<bool>,
    astral: BTreeSet<char>,
}

impl Default for DistinctChars {
    fn default() -> Self {
        DistinctChars {
            bmp: vec![false; 0x10000],
            astral: BTreeSet::new(),
        }
    }
}

impl DistinctChars {
    pub fn add(&mut self, text: &str) {
        for c in text.chars() {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < 0x10000 => self.bmp[i] = true,
                _ => {
                    self.astral.insert(c);
                }
            }
        }
    }

    /// Every char added, in code point order.
    pub fn chars(&self) -> Vec<char> {
        (0..0x10000u32)
            .filter(|&i| self.bmp[i as usize])
            .filter_map(char::from_u32)
            .chain(self.astral.iter().copied())
            .collect()
    }
}

impl CharFolder {
    /// A folder for every character that occurs in `texts`.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> CharFolder {
        let mut set = DistinctChars::default();
        texts.into_iter().for_each(|t| set.add(t));
        let seen = set.chars();
        let table = seen
            .iter()
            .map(|&c| (c, fold_char_cached(c)))
            .filter(|&(c, folded)| folded != c)
            .collect();
        CharFolder { table, seen }
    }

    pub fn fold(&self, text: &str) -> Vec<char> {
        fold_chars(text)
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

/// `text` folded char by char ([`fold_char_cached`]: Simplified, half-width, lowercase), as
/// long as `text`, so that offsets into it are offsets into `text`.
pub fn fold_chars(text: &str) -> Vec<char> {
    text.chars().map(fold_char_cached).collect()
}

/// A Chinese char in Simplified, as [`fold_char_cached`] folds it (裡, 裏 and 里 are 里; 餘 is
/// 余); any other char as it is, so that Latin letters keep their case. Word lists compare text
/// through it, so one list matches both scripts and their variants (公裡 as a repost spells
/// 公里).
pub fn fold_han(c: char) -> char {
    if c.is_ascii() { c } else { fold_char_cached(c) }
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

/// Lowercase Latin letters with diacritics (from U+00C0–U+024F and U+1E00–U+1EFF: those whose
/// canonical decomposition is an ASCII letter and combining marks), in code point order, and the
/// letter each decomposes to. Made with Python's `unicodedata`; the search page's script strips
/// the same marks from a query (`normalize("NFD")` in the same ranges).
const ACCENTED: &str = concat!(
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏő",
    "ŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯ",
    "ȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳ",
    "ṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừử",
    "ữựỳỵỷỹ",
);
const UNACCENTED: &str = concat!(
    "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooo",
    "rrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooo",
    "oyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttu",
    "uuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuu",
    "uuyyyy",
);

/// A lowercase Latin letter without its diacritics (ō → o), so that Níngbō finds ningbo.
fn strip_diacritics(c: char) -> char {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| ACCENTED.chars().zip(UNACCENTED.chars()).collect());
    table
        .binary_search_by_key(&c, |&(accented, _)| accented)
        .map_or(c, |i| table[i].1)
}

/// One char folded on its own: full-width to ASCII, lowercase, Latin letters without their
/// diacritics, Simplified.
/// Variant forms OpenCC does not fold (衞, 靑, 鄕 in Hong Kong and Taiwan reposts; 呉, 塩, 竜 in
/// Japanese-style text), each with its Simplified form: `data/han_variants.toml`, read into the
/// binary so that folding needs no file.
fn variants() -> &'static FxHashMap<char, char> {
    static VARIANTS: OnceLock<FxHashMap<char, char>> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        include_str!("../../data/han_variants.toml")
            .lines()
            .filter_map(|line| {
                let (variant, standard) = line.split_once('=')?;
                let one = |s: &str| {
                    let mut chars = s.trim().trim_matches('"').chars();
                    chars.next().filter(|_| chars.next().is_none())
                };
                Some((one(variant)?, one(standard)?))
            })
            .collect()
    })
}

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
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        return strip_diacritics(c);
    }
    if let Some(&standard) = variants().get(&c) {
        return standard;
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
    fn a_text_is_recognised_by_its_script() {
        assert_eq!(
            written_in("溫州市委、市政府召開全市人工智能創新發展大會"),
            Some(Script::Hant)
        );
        assert_eq!(
            written_in("温州市委、市政府召开全市人工智能创新发展大会"),
            Some(Script::Hans)
        );
        // A Traditional text keeps shared characters such as 杰 and 台: still Traditional.
        assert_eq!(
            written_in("市長張文杰在台州與溫州共同為新成立的局揭牌"),
            Some(Script::Hant)
        );
        assert_eq!(written_in("人工智能 AI 2025"), None);
        assert_eq!(
            to_hant_markup("<p title=\"宁波\">发展</p>"),
            "<p title=\"寧波\">發展</p>"
        );
        // Traditional text without a Simplified form is kept as written; text marked as the
        // other script too.
        assert_eq!(to_hant_markup("<p>溫州市數據局</p>"), "<p>溫州市數據局</p>");
        assert_eq!(to_hant_markup("<p>擬定并組織</p>"), "<p>擬定並組織</p>");
        assert_eq!(
            to_hant_markup("<h1>寧波 <span class=\"alt\" lang=\"zh-Hans\">宁波</span></h1>发展"),
            "<h1>寧波 <span class=\"alt\" lang=\"zh-Hans\">宁波</span></h1>發展"
        );
        assert_eq!(
            to_hans_markup("<a lang=\"zh-Hant\">繁體</a><a lang=\"zh-Hans\">简体</a>發展"),
            "<a lang=\"zh-Hant\">繁體</a><a lang=\"zh-Hans\">简体</a>发展"
        );
        // The attribute's words as text, then a marked element: only the element is kept.
        assert_eq!(
            to_hans_markup(" lang=\"zh-Hant\" 發展<b lang=\"zh-Hant\">發展</b>發展"),
            " lang=\"zh-Hant\" 发展<b lang=\"zh-Hant\">發展</b>发展"
        );
    }

    #[test]
    fn char_folder_folds_scripts_widths_and_case() {
        let folder = CharFolder::new(["寧波數安港", "宁波数安港", "ＡＩ+Ai"]);
        assert_eq!(folder.fold("寧波數安港"), folder.fold("宁波数安港"));
        assert_eq!(folder.fold("ＡＩ").iter().collect::<String>(), "ai");
        assert_eq!(folder.table().get(&'寧'), Some(&'宁'));
        assert!(folder.chars().contains(&'港') && !folder.table().contains_key(&'港'));
    }

    #[test]
    fn latin_letters_fold_without_their_diacritics() {
        assert_eq!(ACCENTED.chars().count(), UNACCENTED.chars().count());
        let accented: Vec<char> = ACCENTED.chars().collect();
        assert!(accented.windows(2).all(|w| w[0] < w[1]), "sorted for the binary search");
        let fold = |s: &str| s.chars().map(fold_char).collect::<String>();
        assert_eq!(fold("Níngbō"), "ningbo");
        assert_eq!(fold("Lìshuǐ ZHÈJIĀNG Ǖ"), "lishui zhejiang u");
        assert_eq!(fold("café ø ß"), "cafe ø ß");
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
    fn variant_forms_fold_like_their_standard_forms() {
        // Forms OpenCC leaves alone (from data/han_variants.toml) and forms it already folds.
        for (variant, standard) in [
            ('衞', '卫'),
            ('靑', '青'),
            ('呉', '吴'),
            ('鄕', '乡'),
            ('塩', '盐'),
            ('淸', '清'),
            ('竜', '龙'),
            ('産', '产'),
            ('爲', '为'),
            ('裏', '里'),
            ('綫', '线'),
            ('吳', '吴'),
            ('崙', '仑'),
            ('鎭', '镇'),
        ] {
            assert_eq!(fold_han(variant), fold_han(standard), "{variant} {standard}");
        }
        assert_eq!(fold_chars("靑田縣鄕鎭"), fold_chars("青田县乡镇"));
        // A char that is no variant keeps its own form.
        assert_ne!(fold_han('青'), fold_han('清'));
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
