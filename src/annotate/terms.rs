//! Terms: phrases in “” 「」 ‘’ 『』 "" (nested too), AI+X and 人工智能+X slogans, numbered
//! systems (“510”, 1+4+N). A quotation that is speech — a sentence someone said — is not a term;
//! a list of short parallel phrases (“企业主体、政府引导,应用导向、赋能实体”) is one, however long.
//! The span excludes the quotation marks. Slogan heads and stops, speech verbs and sentence stops
//! are data (`data/lexicon.toml`).

use crate::knowledge::Lexicon;
use crate::text::han::is_han;

/// A term found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTerm {
    pub start: usize,
    pub end: usize,
    /// Terms quoted inside this one (‘人工智能+数据安全’ inside “全力抢占…赛道”).
    pub nested: Vec<(usize, usize)>,
}

const PAIRS: [(char, char); 5] = [('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’'), ('"', '"')];
/// Longest phrase that is still a term rather than a quoted sentence.
const MAX_TERM_CHARS: usize = 30;
/// Longest phrase with a comma that is a term, unless it is a list of short phrases.
const MAX_COMMA_TERM_CHARS: usize = 12;
/// Longest part of a list of parallel phrases (企业主体、政府引导), in chars.
const MAX_LIST_PART_CHARS: usize = 6;
/// Most words in an English quoted phrase that is a term rather than speech.
const MAX_TERM_WORDS: usize = 6;

/// Every term in `chars`, outermost only, skipping the ranges in `taken` (document titles).
pub fn find(chars: &[char], lexicon: &Lexicon, taken: &[(usize, usize)]) -> Vec<FoundTerm> {
    let taken = super::spans::mask(chars.len(), taken);
    let free = |i: usize| !taken[i];
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        if let Some(&(open, close)) = PAIRS.iter().find(|(o, _)| *o == chars[i])
            && let Some(end) = closing(chars, i, open, close)
        {
            let (start, stop) = (i + 1, end);
            if is_term(chars, start, stop, lexicon) {
                let nested = quoted_inside(chars, start, stop);
                out.push(FoundTerm {
                    start,
                    end: stop,
                    nested,
                });
            }
            i = end + 1;
            continue;
        }
        if let Some(found) = slogan_at(chars, i, lexicon).or_else(|| numbered_system_at(chars, i))
            && (found.start..found.end).all(free)
        {
            i = found.end;
            out.push(found);
            continue;
        }
        i += 1;
    }
    out
}

/// The index of the mark closing the quotation opened at `at`.
fn closing(chars: &[char], at: usize, open: char, close: char) -> Option<usize> {
    if open == close {
        // ASCII quotes: the next one on the paragraph.
        return (at + 1..chars.len()).find(|&k| chars[k] == close);
    }
    let mut depth = 0;
    for (k, &c) in chars.iter().enumerate().skip(at) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// Quoted phrase or quoted speech? Speech is long, holds sentence punctuation, or follows a
/// colon or a verb of saying; a list of short parallel phrases is a term however long.
fn is_term(chars: &[char], start: usize, end: usize, lexicon: &Lexicon) -> bool {
    let inner = &chars[start..end];
    if inner.is_empty() || inner.len() > MAX_TERM_CHARS || inner.iter().all(|c| c.is_whitespace()) {
        return false;
    }
    let sentence = (0..inner.len()).any(|k| {
        lexicon.term.speech_marks.contains(inner[k]) || inner[k] != '.' && lexicon.stops.is_sentence_end(inner, k)
    });
    if sentence || inner.last().is_some_and(|&c| matches!(c, '.' | ',' | '，')) {
        return false;
    }
    if !inner.iter().any(|&c| is_han(c)) {
        // English: a short phrase, not a quoted sentence.
        let words = inner.iter().collect::<String>().split_whitespace().count();
        if words > MAX_TERM_WORDS {
            return false;
        }
    } else {
        let commas = inner.iter().filter(|c| matches!(c, '，' | ',')).count();
        if commas > 0 && inner.len() > MAX_COMMA_TERM_CHARS && !is_phrase_list(inner) {
            return false;
        }
    }
    if is_count_or_word_in_passing(inner, chars.iter().any(|&c| is_han(c)), lexicon) {
        return false;
    }
    let before: String = chars[start.saturating_sub(6)..start - 1].iter().collect();
    let before = before.trim_end();
    if before.ends_with(['：', ':']) {
        return false;
    }
    lexicon.term.naming_verbs.iter().any(|v| before.ends_with(v.as_str()))
        || !lexicon.term.speech_verbs.iter().any(|v| before.ends_with(v.as_str()))
}

/// Quoted things that are not terms: a bare number of four digits or more (“1161”: numbered
/// formulas such as “510” are shorter), a count (“4处”), one ordinary English word in scare
/// quotes in a Chinese paragraph (“worth”, “Plan”: not an acronym, not a formula like “AI+”; an
/// English article quotes its terms by their English), a predicate (“已取得联系”).
fn is_count_or_word_in_passing(inner: &[char], in_chinese: bool, lexicon: &Lexicon) -> bool {
    let digits = inner.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == inner.len() && digits >= 4 {
        return true;
    }
    if digits > 0 && inner.len() == digits + 1 && lexicon.term.count_words.contains(inner[digits]) {
        return true;
    }
    let one_word = in_chinese
        && inner.iter().all(|c| c.is_ascii_alphabetic())
        && inner.len() >= 2
        && inner[1..].iter().all(|c| c.is_ascii_lowercase());
    if one_word {
        return true;
    }
    let text: String = inner.iter().collect();
    lexicon
        .term
        .predicate_starts
        .iter()
        .any(|p| text.starts_with(p.as_str()))
}

/// Short phrases joined by 、 and commas (企业主体、政府引导,应用导向、赋能实体): a list of
/// principles, not a sentence.
fn is_phrase_list(inner: &[char]) -> bool {
    let parts = inner.split(|c| matches!(c, '、' | '，' | ','));
    let mut n = 0;
    for part in parts {
        if part.is_empty() || part.len() > MAX_LIST_PART_CHARS {
            return false;
        }
        n += 1;
    }
    n >= 3
}

fn quoted_inside(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if let Some(&(open, close)) = PAIRS.iter().find(|(o, _)| *o == chars[i])
            && let Some(stop) = closing(&chars[..end], i, open, close)
        {
            if stop > i + 1 {
                out.push((i + 1, stop));
            }
            i = stop + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// An unquoted AI+X / 人工智能+X slogan at `at`.
fn slogan_at(chars: &[char], at: usize, lexicon: &Lexicon) -> Option<FoundTerm> {
    let head = lexicon.term.slogan_heads.iter().find(|h| chars[at..].starts_with(h))?;
    if at > 0 && chars[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let plus = at + head.len();
    if !matches!(chars.get(plus), Some('+' | '＋')) {
        return None;
    }
    let mut end = plus + 1;
    while end < chars.len() && end - plus <= 6 && is_han(chars[end]) && !lexicon.term.slogan_stops.contains(chars[end])
    {
        end += 1;
    }
    Some(FoundTerm {
        start: at,
        end,
        nested: Vec::new(),
    })
}

/// The parts of a numbered slogan (1+4+N → 1, 4, N), when the whole of `text` is one.
pub fn numbered_system(text: &str) -> Option<Vec<&str>> {
    let chars: Vec<char> = text.chars().collect();
    let found = numbered_system_at(&chars, 0)?;
    (found.end == chars.len()).then(|| text.split('+').collect())
}

/// 1+4+N, 1+N, 8+4+2: parts of digits or N joined by +; three parts, or two with an N.
fn numbered_system_at(chars: &[char], at: usize) -> Option<FoundTerm> {
    let is_part_char = |c: char| c.is_ascii_digit() || c == 'N';
    if at > 0 && (chars[at - 1].is_ascii_alphanumeric() || chars[at - 1] == '+') || !chars[at].is_ascii_digit() {
        return None;
    }
    let mut end = at;
    let mut parts = 0;
    let mut has_n = false;
    loop {
        let part_start = end;
        while end < chars.len() && is_part_char(chars[end]) {
            has_n |= chars[end] == 'N';
            end += 1;
        }
        if end == part_start {
            return None;
        }
        parts += 1;
        if chars.get(end) == Some(&'+') && chars.get(end + 1).is_some_and(|&c| is_part_char(c)) {
            end += 1;
        } else {
            break;
        }
    }
    let whole = !chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '=');
    (whole && (parts >= 3 || parts == 2 && has_n)).then_some(FoundTerm {
        start: at,
        end,
        nested: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &lex, &[])
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn quoted_phrases_in_all_marks() {
        assert_eq!(
            terms("搶佔“人工智能+數字安全”賽道,推動“AI+工業”“AI+農業”"),
            ["人工智能+數字安全", "AI+工業", "AI+農業"]
        );
        assert_eq!(terms("建設「數安港」與『大滿貫』"), ["數安港", "大滿貫"]);
        assert_eq!(terms("作为“510”科技创新体系"), ["510"]);
    }

    #[test]
    fn nested_quotes_make_one_term() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "“全力搶佔‘人工智能+數據安全’發展賽道”這句話".chars().collect();
        let found = find(&chars, &lex, &[]);
        assert_eq!(found.len(), 1);
        let nested: String = chars[found[0].nested[0].0..found[0].nested[0].1].iter().collect();
        assert_eq!(nested, "人工智能+數據安全");
    }

    #[test]
    fn quoted_speech_is_not_a_term() {
        assert!(terms("他说:“我们要加快发展人工智能产业。”").is_empty());
        assert!(terms("负责人表示“今年将继续加大投入，推动产业升级和数字化转型”").is_empty());
        assert!(terms("市长指出“要抓紧”").is_empty());
        assert_eq!(terms("推广“企业认定、政府认账”机制"), ["企业认定、政府认账"]);
        // A short name is a name, though 称 is a verb of saying.
        assert_eq!(terms("杭州市卫生健康委员会(以下簡稱“市衛健委”)牵头"), ["市衛健委"]);
        assert!(terms("他称“我们要加快发展”").is_empty());
    }

    #[test]
    fn lists_of_short_phrases_are_terms() {
        assert_eq!(
            terms("坚持“企业主体、政府引导,应用导向、赋能实体,创新驱动、生态共建”原则"),
            ["企业主体、政府引导,应用导向、赋能实体,创新驱动、生态共建"]
        );
        assert_eq!(
            terms("堅持“企業主體、政府引導,應用導向、賦能實體,創新驅動、生態共建”原則"),
            ["企業主體、政府引導,應用導向、賦能實體,創新驅動、生態共建"]
        );
        // A quoted sentence with commas is still speech.
        assert!(terms("他说“我们要抓紧时间,把项目尽快落地见效”").is_empty());
        assert!(terms("“今年我们要加快推进建设,确保项目按期交付使用”昨天他说").is_empty());
    }

    #[test]
    fn counts_numbers_passing_english_words_and_predicates_are_not_terms() {
        for text in [
            "全市新增“4处”口袋公园",
            "編號為“1161”的項目",
            "这款产品很“worth”,剧情有“script”",
            "推出“Plan”和“Bonjour”",
            "双方“已取得联系”,并“已经现场参访”",
            "雙方“正在推進”",
        ] {
            assert!(terms(text).is_empty(), "{text}: {:?}", terms(text));
        }
        // Numbered formulas, acronyms and English in an English article still are.
        assert_eq!(terms("作为“510”体系与“1+6+N”格局"), ["510", "1+6+N"]);
        assert_eq!(terms("发展“AI”与“AIGC”"), ["AI", "AIGC"]);
        assert_eq!(terms("the \"unicorn\" firms"), ["unicorn"]);
    }

    #[test]
    fn english_quoted_phrases() {
        assert_eq!(
            terms("licensing under a \"use first, pay later\" model and an \"AI+\" initiative"),
            ["use first, pay later", "AI+"]
        );
        assert!(terms("\"We will speed up the construction of computing power,\" Lou said.").is_empty());
        assert!(terms("\"Hangzhou is going to open many more labs for companies next year\"").is_empty());
    }

    #[test]
    fn unquoted_slogans_and_systems() {
        assert_eq!(terms("推进人工智能+制造的融合"), ["人工智能+制造"]);
        assert_eq!(terms("实施AI+医疗行动"), ["AI+医疗"]);
        assert_eq!(terms("构建1+4+N政策体系,3+2=5,1+N"), ["1+4+N", "1+N"]);
    }

    #[test]
    fn interleaved_marks_do_not_panic() {
        assert!(terms("「《(」》").len() <= 1);
    }

    #[test]
    fn titles_are_skipped() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "《浙江省“人工智能+”行動計劃》".chars().collect();
        assert!(find(&chars, &lex, &[(1, chars.len() - 1)]).is_empty());
    }
}
