//! Figures: a number with its unit and the qualifiers written with it (5700億元, 超600家,
//! 近三成, 200家以上, 12.5%, 百分之三十, more than 600 specialists). The parsed value and unit are
//! kept for cards and comparisons. Not figures: the digits of dates and titles (claimed before
//! this annotator runs), ordinals and session numbers (第四届, 十三届八次), ranks (前10名),
//! durations (3个月, 3 years), positions (直达3层), identifiers (1号楼, 1.0版), phone numbers, bare
//! numbers without a unit, and small counts in Chinese numerals (两家, 三个), which are prose.
//! The word lists are data (`[figure]` in `data/lexicon.toml`).

use super::numerals::{arabic_digit, arabic_number, chinese_digit, chinese_number, scale};
use super::spans::starts_with;
use crate::knowledge::{FigureWords, Lexicon};
use crate::text::script::fold_han;

/// A figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    pub start: usize,
    pub end: usize,
    /// The value in the reported unit (5700億元 → 5.7e11).
    pub number: f64,
    /// The reported unit (`CNY`, `%`, `companies/institutions`, `share`).
    pub unit: String,
}

impl FoundFigure {
    /// The export value: the number without exponent, then the unit (`570000000000 CNY`).
    pub fn value(&self) -> String {
        if self.unit.is_empty() {
            format_number(self.number)
        } else {
            format!("{} {}", format_number(self.number), self.unit)
        }
    }
}

/// A number as plain decimal text, without exponent and without trailing zeros, to 12
/// significant digits (16.4 × 10⁹ is 16400000000, not 16399999999.999998).
pub fn format_number(n: f64) -> String {
    let n: f64 = format!("{n:.11e}").parse().unwrap_or(n);
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn len(word: &str) -> usize {
    word.chars().count()
}

/// Every figure in `chars`, skipping the ranges in `taken` (dates, titles, terms).
pub fn find(chars: &[char], lexicon: &Lexicon, taken: &[(usize, usize)]) -> Vec<FoundFigure> {
    let taken = super::spans::mask(chars.len(), taken);
    let free = |i: usize| !taken[i];
    let words = &lexicon.figure;
    let mut out: Vec<FoundFigure> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        // A figure may reach back before where it was found (上亿, 超600家): never into the
        // figure before it (10个以上亿元项目: 以上 closes the first; 上亿 is not a second).
        let after_last = |f: &FoundFigure| out.last().is_none_or(|last| f.start >= last.end);
        match figure_at(chars, i, words) {
            Some(found) if after_last(&found) && (found.start..found.end).all(free) => {
                i = found.end;
                out.push(found);
            }
            _ => i += 1,
        }
    }
    out
}

fn figure_at(chars: &[char], at: usize, words: &FigureWords) -> Option<FoundFigure> {
    if let Some(found) = english_figure_at(chars, at, words) {
        return Some(found);
    }
    if let Some(found) = round_number_at(chars, at, words) {
        return Some(found);
    }
    if !starts_a_number(chars, at, words) {
        return None;
    }
    let start = qualifier_before(chars, at, words);
    if starts_with(chars, at, "百分之") {
        return percent_in_words(chars, at, start, words);
    }
    let (value, len, arabic) = if arabic_digit(chars[at]).is_some() {
        let (n, l) = arabic_number(chars, at)?;
        (n, l, true)
    } else {
        let (n, l) = chinese_number(chars, at)?;
        (n, l, false)
    };
    let number = Number {
        start,
        at,
        end: at + len,
        value,
        arabic,
    };
    if let Some(found) = fraction(chars, &number, words) {
        return Some(found);
    }
    if chars.get(number.end) == Some(&'成') && value < 10.0 && value.fract() == 0.0 {
        return share(chars, &number, words);
    }
    counted(chars, number, words)
}

/// A number read at `at`: where its qualifiers start, where its digits end, its value, and
/// whether it is written in Arabic digits.
struct Number {
    start: usize,
    at: usize,
    end: usize,
    value: f64,
    arabic: bool,
}

/// Whether a figure can start at `at`: a digit, a Chinese numeral or 百分之, not inside a longer
/// number or word (a1, 一一, 万千) and not an ordinal or session (第四届, 十三届八次).
fn starts_a_number(chars: &[char], at: usize, words: &FigureWords) -> bool {
    let is_number_start = arabic_digit(chars[at]).is_some()
        || chinese_digit(chars[at]).is_some()
        || chars[at] == '十'
        || starts_with(chars, at, "百分之");
    if !is_number_start {
        return false;
    }
    if at > 0 {
        let before = chars[at - 1];
        if before.is_ascii_alphanumeric()
            || arabic_digit(before).is_some()
            || matches!(before, '.' | '-' | '_' | '/')
            || continues_a_number(chars, at)
        {
            return false;
        }
        // Inside a longer Chinese numeral or a word made of numerals (一一, 万千).
        if arabic_digit(chars[at]).is_none() && (chinese_digit(before).is_some() || scale(before).is_some()) {
            return false;
        }
    }
    !words.ordinal_before.ends_at(chars, at)
}

/// 百分之三十: a percentage in words.
fn percent_in_words(chars: &[char], at: usize, start: usize, words: &FigureWords) -> Option<FoundFigure> {
    let (n, l) = chinese_number(chars, at + 3).or_else(|| arabic_number(chars, at + 3))?;
    Some(FoundFigure {
        start,
        end: qualifier_after(chars, at + 3 + l, words),
        number: n,
        unit: "%".to_string(),
    })
}

/// Fractions: 三分之一, 近四分之一.
fn fraction(chars: &[char], number: &Number, words: &FigureWords) -> Option<FoundFigure> {
    let i = number.end;
    if number.arabic || !starts_with(chars, i, "分之") || number.value <= 0.0 {
        return None;
    }
    let (numerator, l) = chinese_number(chars, i + 2)?;
    Some(FoundFigure {
        start: number.start,
        end: qualifier_after(chars, i + 2 + l, words),
        number: numerator / number.value,
        unit: "share".to_string(),
    })
}

/// Shares: 七成, 超七成, 三成以上, 7成 (a number of tenths before 成); `None` where 成 makes a
/// word of it (一成不变) or nothing says it is a share.
fn share(chars: &[char], number: &Number, words: &FigureWords) -> Option<FoundFigure> {
    let (start, at, i) = (number.start, number.at, number.end);
    let mut value = number.value;
    let after = chars.get(i + 1).copied();
    if after.is_some_and(|c| words.not_share_after.contains(c)) || (value == 1.0 && after == Some('不')) {
        return None;
    }
    let mut end = i + 1;
    if chars.get(end) == Some(&'半') {
        end += 1;
        value += 0.5;
    }
    let qualified = start < at || at > 0 && words.share_after_words.contains(chars[at - 1]);
    let end_q = qualifier_after(chars, end, words);
    if !qualified && end_q == end && !after.is_none_or(|c| !c.is_alphanumeric() || words.share_followers.contains(c)) {
        return None;
    }
    Some(FoundFigure {
        start,
        end: end_q,
        number: value / 10.0,
        unit: "share".to_string(),
    })
}

/// A count or amount: the number, scaled (5700亿, 3.5万), with its unit (600多家, 30余个),
/// unless what follows makes it a session, a duration, a floor or a rank, or it is a small
/// number in words (两家: prose, not a statistic).
fn counted(chars: &[char], number: Number, words: &FigureWords) -> Option<FoundFigure> {
    let Number {
        start,
        at,
        end: mut i,
        value: mut number,
        arabic,
    } = number;
    // A repost that spaces its digits from the Chinese around them (销量达 29.4 万辆): one space
    // between the digits and a Chinese scale or unit is no break.
    if arabic
        && chars.get(i) == Some(&' ')
        && chars.get(i + 1).is_some_and(|&c| !c.is_ascii() && c.is_alphabetic())
        && chars.get(i + 2).is_some()
    {
        i += 1;
    }
    // Scale characters after Arabic digits: 5700亿, 3.5万.
    if arabic {
        while let Some(s) = chars.get(i).and_then(|&c| scale(c)) {
            if chars[i] == '十' {
                break;
            }
            number *= s;
            i += 1;
        }
    }
    // 600多家, 30余个
    let mut unit_at = i;
    if chars.get(unit_at).is_some_and(|&c| words.approximately.contains(c)) {
        unit_at += 1;
        // 200多亿双, 3000多万元: the scale comes after the approximate mark.
        while arabic && let Some(s) = chars.get(unit_at).filter(|&&c| c != '十').and_then(|&c| scale(c)) {
            number *= s;
            unit_at += 1;
        }
    }
    let scaled_to = if unit_at > i + 1 { unit_at } else { i };
    // A number scaled by 万 or 亿 is a quantity even without a unit (超1000亿产业基金).
    let bare_scale = arabic && scaled_to > at && words.scales_without_unit.contains(chars[scaled_to - 1]);
    let (written, unit) = match words.units.iter().find(|(w, _)| unit_starts(chars, unit_at, w)) {
        Some((w, u)) => (w.as_str(), u.clone()),
        None if bare_scale && (unit_at == i || unit_at == scaled_to) => ("", String::new()),
        None => return None,
    };
    let end = unit_at + len(written);
    if chars.get(end).is_some_and(|&c| words.not_quantity_after.contains(c))
        || chars.get(i).is_some_and(|&c| words.not_quantity_after.contains(c))
    {
        return None;
    }
    if !written.is_empty()
        && written.chars().all(|c| c.is_ascii_alphabetic())
        && chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    // 八次全体会议 (a session), 3个月 (a duration).
    if words.session_after.starts_at(chars, end) || words.duration_after.starts_at(chars, end) {
        return None;
    }
    // 直达3层 (a floor, not a count of floors), 前10名 (a rank).
    if words.position_units.iter().any(|u| u == written) && words.position_before.ends_at(chars, start)
        || words.rank_units.iter().any(|u| u == written) && words.rank_before.ends_at(chars, start)
    {
        return None;
    }
    // 两家, 三个, 十个, 一家 are prose ("two companies"), not statistics.
    if !arabic && number < words.min_chinese_count {
        return None;
    }
    Some(FoundFigure {
        start,
        end: qualifier_after(chars, end, words),
        number,
        unit,
    })
}

/// A round number written with scale characters only (近百家, 上千人, 数十个): the figure is
/// the scale, and the prefix belongs to it.
fn round_number_at(chars: &[char], at: usize, words: &FigureWords) -> Option<FoundFigure> {
    let before = *chars.get(at.checked_sub(1)?)?;
    if !words.round_prefixes.contains(before) || scale(chars[at]).is_none() {
        return None;
    }
    let mut number = 1.0;
    let mut i = at;
    while let Some(s) = chars.get(i).and_then(|&c| scale(c)) {
        number *= s;
        i += 1;
    }
    if chars.get(i).is_some_and(|&c| words.approximately.contains(c)) {
        i += 1;
    }
    let (written, unit) = words.units.iter().find(|(w, _)| starts_with(chars, i, w))?;
    let end = i + len(written);
    if words.duration_after.starts_at(chars, end) || number < words.min_chinese_count {
        return None;
    }
    let start = if words.round_prefixes_in_span.contains(before) {
        at - 1
    } else {
        qualifier_before(chars, at, words)
    };
    Some(FoundFigure {
        start,
        end: qualifier_after(chars, end, words),
        number,
        unit: unit.clone(),
    })
}

/// The English word of `chars` starting at `at` (hyphenated compounds included), if one starts
/// there.
fn english_word(chars: &[char], at: usize) -> Option<(usize, String)> {
    let end = (at..chars.len())
        .find(|&k| !(chars[k].is_ascii_alphabetic() || chars[k] == '-' && k > at))
        .unwrap_or(chars.len());
    (end > at).then(|| (end, chars[at..end].iter().collect()))
}

/// English figures: 600 companies, 5.7 billion yuan, $1.2 billion, US$5 billion, RMB 45 bn, 30
/// percent, 12.5%, more than 600 specialists. A number followed by a plural noun is a count of
/// that noun, unless the noun is a duration or a time (3 years, 10 minutes) or the number a rank
/// (top 10; but revenue may top 600,000 yuan).
fn english_figure_at(chars: &[char], at: usize, words: &FigureWords) -> Option<FoundFigure> {
    // A currency written before the number ($, US$, RMB), then the number.
    let currency = words
        .currencies_before_en
        .iter()
        .find(|(w, _)| starts_with(chars, at, w));
    let digits_at = match currency {
        Some((w, _)) if w.ends_with(|c: char| c.is_ascii_alphabetic()) && chars.get(at + len(w)) == Some(&' ') => {
            at + len(w) + 1
        }
        Some((w, _)) => at + len(w),
        None => at,
    };
    if !chars.get(digits_at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if at > 0 && (chars[at - 1].is_alphanumeric() || matches!(chars[at - 1], '.' | '-' | '$' | '#'))
        || continues_a_number(chars, at)
    {
        return None;
    }
    let word_before = |end: usize, word: &str| {
        end > word.len()
            && chars[end - 1] == ' '
            && starts_with(chars, end - 1 - word.len(), word)
            && !(end - 1 - word.len() > 0 && chars[end - 2 - word.len()].is_ascii_alphanumeric())
    };
    let ranked = words.not_counts_before_en.iter().any(|w| word_before(at, w));
    let (mut number, l) = arabic_number(chars, digits_at)?;
    let mut i = digits_at + l;
    // The next word, after a space or, in compounds (a 1-billion-yuan program), a hyphen.
    let word_at = |i: usize, word: &str| {
        let spaced = matches!(chars.get(i), Some(' ' | '-')) && starts_with(chars, i + 1, word);
        let bounded = |end: usize| !chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
        if spaced && bounded(i + 1 + word.len()) {
            Some(i + 1 + word.len())
        } else if word == "%" && chars.get(i) == Some(&'%') {
            Some(i + 1)
        } else {
            None
        }
    };
    if let Some((end, s)) = words.scales_en.iter().find_map(|(w, s)| word_at(i, w).map(|e| (e, s))) {
        number *= s;
        i = end;
    }
    let start = words
        .before_en
        .iter()
        .find(|q| word_before(at, q))
        .map_or(at, |q| at - 1 - q.len());
    if let Some((_, unit)) = currency {
        return Some(FoundFigure {
            start,
            end: i,
            number,
            unit: unit.clone(),
        });
    }
    if let Some((end, unit)) = words.units_en.iter().find_map(|(w, u)| word_at(i, w).map(|e| (e, u))) {
        // After "top", only an amount of money is a figure (revenue topped 600,000 yuan); a
        // count is a rank (the top 100 counties).
        if ranked && !words.currencies.contains(unit) {
            return None;
        }
        return Some(FoundFigure {
            start,
            end,
            number,
            unit: unit.clone(),
        });
    }
    if ranked {
        return None;
    }
    // A count of a plural noun, after at most three words describing it: 600 specialists, 500 AI
    // companies, 11 provincial-level industrial internet platforms; after up to six when the noun
    // is a unit the lexicon knows (10 internationally competitive leading artificial intelligence
    // companies). A year (in 2025 companies) is not a count.
    const MAX_DESCRIBING_WORDS: usize = 3;
    const MAX_DESCRIBING_WORDS_OF_UNITS: usize = 6;
    let year_like = l == 4 && (1900.0..=2100.0).contains(&number);
    if year_like {
        return None;
    }
    let mut k = i;
    for described in 0..=MAX_DESCRIBING_WORDS_OF_UNITS {
        if chars.get(k) != Some(&' ') {
            return None;
        }
        let (end, word) = english_word(chars, k + 1)?;
        if words.function_words_en.contains(&word) || words.not_counts_en.contains(&word) {
            return None;
        }
        let plural = word.len() > 2 && word.ends_with('s') && word.chars().all(|c| c.is_ascii_lowercase());
        if plural && !chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '-') {
            let known = words.units_en.iter().find(|(w, _)| *w == word).map(|(_, u)| u.clone());
            if described > MAX_DESCRIBING_WORDS && known.is_none() {
                return None;
            }
            let unit = known.unwrap_or(word);
            return Some(FoundFigure {
                start,
                end,
                number,
                unit,
            });
        }
        k = end;
    }
    None
}

/// Whether the unit `word` is written at `at`: Latin letters in any case (1500PFlops), Chinese
/// in either script (公裡 for 公里).
fn unit_starts(chars: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| {
        chars
            .get(at + k)
            .is_some_and(|&c| c.eq_ignore_ascii_case(&w) || fold_han(c) == fold_han(w))
    })
}

/// Whether `at` follows a thousands separator (the 000 of 600,000): the rest of a number that
/// could not be read whole.
fn continues_a_number(chars: &[char], at: usize) -> bool {
    at >= 2 && matches!(chars[at - 1], ',' | '，') && arabic_digit(chars[at - 2]).is_some()
}

fn qualifier_before(chars: &[char], at: usize, words: &FigureWords) -> usize {
    words
        .before
        .iter()
        .find(|q| at >= len(q) && starts_with(chars, at - len(q), q))
        .map_or(at, |q| at - len(q))
}

fn qualifier_after(chars: &[char], at: usize, words: &FigureWords) -> usize {
    words
        .after
        .iter()
        .find(|q| starts_with(chars, at, q))
        .map_or(at, |q| at + len(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &lex, &[])
            .iter()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.value()))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        figures(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn money_counts_and_shares() {
        assert_eq!(
            figures("年產值突破5700億元"),
            [("5700億元".to_string(), "570000000000 CNY".to_string())]
        );
        assert_eq!(figures("佔比超七成"), [("超七成".to_string(), "0.7 share".to_string())]);
        assert_eq!(
            texts("從26家發展到超600家,獲批6項任務,推出27條舉措"),
            ["26家", "超600家", "6項", "27條"]
        );
        assert_eq!(
            texts("近三成企业;200家以上;600多家;约3.5万人"),
            ["近三成", "200家以上", "600多家", "约3.5万人"]
        );
        assert_eq!(figures("增长12.5%"), [("12.5%".to_string(), "12.5 %".to_string())]);
        assert_eq!(
            texts("百分之三十的企业,两万人,3EFLOPS算力,1500PFlops"),
            ["百分之三十", "两万人", "3EFLOPS", "1500PFlops"]
        );
    }

    #[test]
    fn round_numbers_and_english() {
        assert_eq!(
            texts("近百家企业,上千人,超万人,数十个项目"),
            ["近百家", "上千人", "超万人"]
        );
        // 以上 ends the first figure; the 上 of 上亿 cannot start a second inside it (found by
        // fuzzing: the two spans overlapped).
        assert_eq!(texts("新增10个以上亿元项目,引进上亿元投资"), ["10个以上", "上亿元"]);
        assert_eq!(
            figures(
                "Output topped 570 billion yuan, up 12.5%, with $1.2 billion invested in 600 companies and 30 percent more."
            ),
            [
                ("570 billion yuan".to_string(), "570000000000 CNY".to_string()),
                ("12.5%".to_string(), "12.5 %".to_string()),
                ("$1.2 billion".to_string(), "1200000000 USD".to_string()),
                ("600 companies".to_string(), "600 companies/institutions".to_string()),
                ("30 percent".to_string(), "30 %".to_string()),
            ]
        );
        assert!(texts("In 2025, Route 66 and R1 models.").is_empty());
    }

    #[test]
    fn english_counts_qualifiers_and_traps() {
        assert_eq!(
            figures("The park drew more than 600 specialists and 1 billion yuan of investment."),
            [
                ("more than 600 specialists".to_string(), "600 specialists".to_string()),
                ("1 billion yuan".to_string(), "1000000000 CNY".to_string()),
            ]
        );
        assert_eq!(texts("It has about 50 universities."), ["about 50 universities"]);
        assert_eq!(
            texts(
                "a 1-billion-yuan voucher program, more than 500 AI companies and 25 industry-specific large models, from 25 to 50 EFLOPS"
            ),
            [
                "1-billion-yuan",
                "more than 500 AI companies",
                "25 industry-specific large models",
                "50 EFLOPS"
            ]
        );
        assert_eq!(
            texts("cultivating more than 10 internationally competitive leading artificial intelligence companies"),
            ["more than 10 internationally competitive leading artificial intelligence companies"]
        );
        // Trap: past three describing words only a known unit is counted (not "results").
        assert!(texts("with 10 very long winding technical research results").is_empty());
        assert!(texts("3 of the firms, 2 and more").is_empty());
        assert!(texts("within 3 years, 10 minutes away, among the top 10 cities, No. 1 plants").is_empty());
        assert!(texts("In 2025 graduates joined.").is_empty());
    }

    #[test]
    fn not_figures() {
        assert!(texts("第四届大会在1号楼举行,电话0577-88888888,邮编325000").is_empty());
        assert!(texts("“361”萬千億級產業集群,五位一體,五鏈融合,四省交界").is_empty());
        assert!(texts("一家企业,一个城市,一成不变,三成为").is_empty());
        assert!(texts("实现两个先行,打造三个一号工程").is_empty());
        assert_eq!(texts("十个项目,3个项目"), ["3个"]);
        assert!(texts("在3年內,5G网络,DeepSeek-R1模型,第3条").is_empty());
        assert!(texts("十四五规划").is_empty());
    }

    #[test]
    fn sessions_ranks_durations_positions_and_identifiers() {
        // Both scripts.
        assert!(texts("溫州市委十三屆八次全體(擴大)會議舉行").is_empty());
        assert!(texts("温州市委十三届八次全体会议,市委八次全会").is_empty());
        assert!(texts("列第一位,位居全国前10名,进入前三").is_empty());
        assert!(texts("用3个月时间,5个工作日内办结,10分钟,24小时,2年以上研发经验").is_empty());
        assert!(texts("實現物流車輛雙向直達3層,1.0版,2號樓").is_empty());
        assert_eq!(texts("6層廠房,含13层办公用房及9层宿舍楼"), ["6層", "13层", "9层"]);
        assert!(texts("嘉兴两家企业,聚焦四大重点领域,千亿级产业集群").is_empty());
        assert_eq!(texts("新增企业3次,组织培训20次"), ["3次", "20次"]);
    }

    #[test]
    fn arabic_shares_and_bare_scaled_numbers() {
        assert_eq!(
            figures("占浙江省產值超过7成,將有超1000亿产业基金"),
            [
                ("7成".to_string(), "0.7 share".to_string()),
                ("超1000亿".to_string(), "100000000000".to_string())
            ]
        );
        // Scales without 万 or 亿, and numbers without any unit, stay out.
        assert!(texts("共3千,编号1000,第5").is_empty());
    }

    #[test]
    fn digits_spaced_from_the_chinese_around_them() {
        assert_eq!(texts("去年累计销量达 29.4 万辆,同比增长104%"), ["29.4 万辆", "104%"]);
        assert_eq!(
            texts("去年累計銷量達 29.4 萬輛,產值 1168 億元"),
            ["29.4 萬輛", "1168 億元"]
        );
        // A space before a word that is no unit keeps the number alone.
        assert!(texts("通过 ISO 9001 认证").is_empty());
    }

    #[test]
    fn taken_ranges_are_skipped() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "2024年有600家".chars().collect();
        let found = find(&chars, &lex, &[(0, 5)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 6);
    }

    #[test]
    fn units_and_measure_words_in_either_script_and_their_variants() {
        // One list, in Simplified: Traditional text and variant spellings match it.
        assert_eq!(
            texts("新建廠房30餘幢,12個部門,全長15公裡,面積3.5平方公裡"),
            ["30餘幢", "12個", "15公裡", "3.5平方公裡"]
        );
        // Measure words of goods, ships and weights, in either script.
        assert_eq!(
            texts("年產襪子200多億雙,新增貨船12艘,收購茶葉800公斤"),
            ["200多億雙", "12艘", "800公斤"]
        );
        assert_eq!(texts("年产袜子200多亿双,新增货船12艘"), ["200多亿双", "12艘"]);
        assert_eq!(texts("投资3000多万元,基金1000余亿"), ["3000多万元", "1000余亿"]);
        // Trap: 10余年 is a duration, with or without the approximate mark.
        assert!(texts("深耕10余年").is_empty());
        assert_eq!(
            texts("新建厂房30余幢,12部门联合,全长15公里"),
            ["30余幢", "12部门", "15公里"]
        );
        assert_eq!(texts("12部門聯合印發"), ["12部門"]);
        // Kinds (36种语言) and Hong Kong's count of firms (4间冲刺上市), in either script.
        assert_eq!(texts("流利使用36種語言,其中4間衝刺上市"), ["36種", "4間"]);
        assert_eq!(texts("流利使用36种语言,其中4间冲刺上市"), ["36种", "4间"]);
        // Trap: a period of years (2020年间) is no count of premises.
        assert!(texts("2020年间").is_empty());
    }

    #[test]
    fn english_money_written_many_ways() {
        assert_eq!(
            figures("revenue top 600,000 yuan; US$5 billion; RMB 45 bn; 16.4 bn RMB; 3,200 mu"),
            [
                ("600,000 yuan".to_string(), "600000 CNY".to_string()),
                ("US$5 billion".to_string(), "5000000000 USD".to_string()),
                ("RMB 45 bn".to_string(), "45000000000 CNY".to_string()),
                ("16.4 bn RMB".to_string(), "16400000000 CNY".to_string()),
                ("3,200 mu".to_string(), "3200 mu".to_string()),
            ]
        );
        assert_eq!(
            texts(
                "11 provincial-level industrial internet platforms and 269 distinctive institutional innovation achievements"
            ),
            [
                "11 provincial-level industrial internet platforms",
                "269 distinctive institutional innovation achievements"
            ]
        );
        // A rank is not a count, and the rest of a number is no number of its own.
        assert!(texts("among the top 100 counties, No. 5 plants").is_empty());
        assert!(texts("1,000,0000 people").iter().all(|t| !t.starts_with("000")));
    }
}
