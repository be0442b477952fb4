//! Figures: a number with its unit and the qualifiers written with it (5700億元, 超600家,
//! 近三成, 200家以上, 12.5%, 百分之三十). The parsed value and unit are kept for cards and
//! comparisons. The digits of dates, ordinals (第四届), identifiers (1号楼), phone numbers and
//! bare numbers without a unit are not figures; dates and document titles are claimed before
//! this annotator runs.

use super::numerals::{arabic_digit, arabic_number, chinese_digit, chinese_number, scale};
use super::starts_with;
use crate::knowledge::lexicon::Lexicon;

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
        format!("{} {}", format_number(self.number), self.unit)
    }
}

/// A number as plain decimal text, without exponent and without trailing zeros.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Characters after a number that make it an identifier or ordinal, not a quantity.
const NOT_QUANTITY_AFTER: [char; 14] = [
    '号', '號', '楼', '樓', '期', '届', '屆', '版', '代', '级', '級', '室', '栋', '棟',
];
/// Characters after 成 that make it a verb (成为, 成立), not a share.
const NOT_SHARE_AFTER: [char; 16] = [
    '为', '為', '立', '功', '果', '本', '熟', '员', '員', '就', '绩', '績', '交', '型', '效', '长',
];

fn len(word: &str) -> usize {
    word.chars().count()
}

/// Every figure in `chars`, skipping the ranges in `taken` (dates, titles, terms).
pub fn find(chars: &[char], lexicon: &Lexicon, taken: &[(usize, usize)]) -> Vec<FoundFigure> {
    let taken = super::mask(chars.len(), taken);
    let free = |i: usize| !taken[i];
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
        match figure_at(chars, i, lexicon) {
            Some(found) if after_last(&found) && (found.start..found.end).all(free) => {
                i = found.end;
                out.push(found);
            }
            _ => i += 1,
        }
    }
    out
}

fn figure_at(chars: &[char], at: usize, lexicon: &Lexicon) -> Option<FoundFigure> {
    if let Some(found) = english_figure_at(chars, at) {
        return Some(found);
    }
    if let Some(found) = round_number_at(chars, at, lexicon) {
        return Some(found);
    }
    let is_number_start = arabic_digit(chars[at]).is_some()
        || chinese_digit(chars[at]).is_some()
        || chars[at] == '十'
        || starts_with(chars, at, "百分之");
    if !is_number_start {
        return None;
    }
    if at > 0 {
        let before = chars[at - 1];
        if before == '第'
            || before.is_ascii_alphanumeric()
            || arabic_digit(before).is_some()
            || matches!(before, '.' | '-' | '_' | '/')
        {
            return None;
        }
        // Inside a longer Chinese numeral or a word made of numerals (一一, 万千).
        if arabic_digit(chars[at]).is_none() && (chinese_digit(before).is_some() || scale(before).is_some()) {
            return None;
        }
    }
    let start = qualifier_before(chars, at, lexicon);
    let mut i = at;
    let (mut number, arabic) = if starts_with(chars, at, "百分之") {
        let (n, l) = chinese_number(chars, at + 3).or_else(|| arabic_number(chars, at + 3))?;
        i += 3 + l;
        return Some(FoundFigure {
            start,
            end: qualifier_after(chars, i, lexicon),
            number: n,
            unit: "%".to_string(),
        });
    } else if arabic_digit(chars[at]).is_some() {
        let (n, l) = arabic_number(chars, at)?;
        i += l;
        (n, true)
    } else {
        let (n, l) = chinese_number(chars, at)?;
        i += l;
        (n, false)
    };
    // Fractions: 三分之一, 近四分之一.
    if !arabic
        && starts_with(chars, i, "分之")
        && let Some((numerator, l)) = chinese_number(chars, i + 2)
        && number > 0.0
    {
        let end = qualifier_after(chars, i + 2 + l, lexicon);
        return Some(FoundFigure {
            start,
            end,
            number: numerator / number,
            unit: "share".to_string(),
        });
    }
    // Shares in words: 七成, 超七成, 三成以上.
    if !arabic && chars.get(i) == Some(&'成') && number < 10.0 && number.fract() == 0.0 {
        let after = chars.get(i + 1).copied();
        if after.is_some_and(|c| NOT_SHARE_AFTER.contains(&c)) || (number == 1.0 && after == Some('不')) {
            return None;
        }
        let mut end = i + 1;
        if chars.get(end) == Some(&'半') {
            end += 1;
            number += 0.5;
        }
        let qualified = start < at || matches!(chars.get(at.wrapping_sub(1)), Some('占' | '佔' | '比' | '达' | '達'));
        let end_q = qualifier_after(chars, end, lexicon);
        if !qualified && end_q == end && !after.is_none_or(|c| !c.is_alphanumeric() || "的左以多".contains(c)) {
            return None;
        }
        return Some(FoundFigure {
            start,
            end: end_q,
            number: number / 10.0,
            unit: "share".to_string(),
        });
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
    let had_scale = i > at && chars[at..i].iter().any(|&c| scale(c).is_some());
    // 600多家, 30余个
    let mut unit_at = i;
    if matches!(chars.get(unit_at), Some('多' | '余' | '餘')) {
        unit_at += 1;
    }
    let (written, unit) = lexicon.units.iter().find(|(w, _)| starts_with(chars, unit_at, w))?;
    let end = unit_at + len(written);
    if chars.get(end).is_some_and(|c| NOT_QUANTITY_AFTER.contains(c))
        || chars.get(i).is_some_and(|c| NOT_QUANTITY_AFTER.contains(c))
    {
        return None;
    }
    if written.chars().all(|c| c.is_ascii_alphabetic()) && chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // 一家, 一个 are articles ("a company"), not counts; 两个先行, 三个一号工程 are slogans.
    if !arabic && !had_scale && (number == 1.0 || (number < 10.0 && matches!(written.as_str(), "个" | "個"))) {
        return None;
    }
    Some(FoundFigure {
        start,
        end: qualifier_after(chars, end, lexicon),
        number,
        unit: unit.clone(),
    })
}

/// Words that make a bare scale character a number: 数十家, 上百家, 近千人, 几万人.
const ROUND_NUMBER_PREFIXES: &str = "数數几幾上近超逾";

/// A round number written with scale characters only (近百家, 上千人, 数十个): the figure is
/// the scale, and the prefix belongs to it.
fn round_number_at(chars: &[char], at: usize, lexicon: &Lexicon) -> Option<FoundFigure> {
    let before = *chars.get(at.checked_sub(1)?)?;
    if !ROUND_NUMBER_PREFIXES.contains(before) || scale(chars[at]).is_none() {
        return None;
    }
    let mut number = 1.0;
    let mut i = at;
    while let Some(s) = chars.get(i).and_then(|&c| scale(c)) {
        number *= s;
        i += 1;
    }
    if matches!(chars.get(i), Some('多' | '余' | '餘')) {
        i += 1;
    }
    let (written, unit) = lexicon.units.iter().find(|(w, _)| starts_with(chars, i, w))?;
    let end = i + len(written);
    let start = if "数數几幾上".contains(before) {
        at - 1
    } else {
        qualifier_before(chars, at, lexicon)
    };
    Some(FoundFigure {
        start,
        end: qualifier_after(chars, end, lexicon),
        number,
        unit: unit.clone(),
    })
}

/// English figures: 600 companies, 5.7 billion yuan, $1.2 billion, 30 percent, 12.5%.
fn english_figure_at(chars: &[char], at: usize) -> Option<FoundFigure> {
    const SCALES: [(&str, f64); 4] = [
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
    ];
    const UNITS: [(&str, &str); 18] = [
        ("percentage points", "percentage points"),
        ("per cent", "%"),
        ("percent", "%"),
        ("%", "%"),
        ("yuan", "CNY"),
        ("US dollars", "USD"),
        ("dollars", "USD"),
        ("companies", "companies/institutions"),
        ("enterprises", "companies/institutions"),
        ("firms", "companies/institutions"),
        ("projects", "items"),
        ("people", "people"),
        ("residents", "people"),
        ("tons", "t"),
        ("tonnes", "t"),
        ("square kilometers", "km²"),
        ("kilometers", "km"),
        ("times", "times"),
    ];
    let dollar = chars[at] == '$';
    let digits_at = if dollar { at + 1 } else { at };
    if !chars.get(digits_at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if at > 0 && (chars[at - 1].is_alphanumeric() || matches!(chars[at - 1], '.' | '-' | '$')) {
        return None;
    }
    let (mut number, l) = arabic_number(chars, digits_at)?;
    let mut i = digits_at + l;
    let word_at = |i: usize, word: &str| {
        let spaced = chars.get(i) == Some(&' ') && starts_with(chars, i + 1, word);
        let bounded = |end: usize| !chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
        if spaced && bounded(i + 1 + word.len()) {
            Some(i + 1 + word.len())
        } else if word == "%" && chars.get(i) == Some(&'%') {
            Some(i + 1)
        } else {
            None
        }
    };
    if let Some((end, s)) = SCALES.iter().find_map(|(w, s)| word_at(i, w).map(|e| (e, s))) {
        number *= s;
        i = end;
    }
    if dollar {
        return Some(FoundFigure {
            start: at,
            end: i,
            number,
            unit: "USD".to_string(),
        });
    }
    let (end, unit) = UNITS.iter().find_map(|(w, u)| word_at(i, w).map(|e| (e, u)))?;
    Some(FoundFigure {
        start: at,
        end,
        number,
        unit: unit.to_string(),
    })
}

fn qualifier_before(chars: &[char], at: usize, lexicon: &Lexicon) -> usize {
    lexicon
        .figure_before
        .iter()
        .find(|q| at >= len(q) && starts_with(chars, at - len(q), q))
        .map_or(at, |q| at - len(q))
}

fn qualifier_after(chars: &[char], at: usize, lexicon: &Lexicon) -> usize {
    lexicon
        .figure_after
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
            texts("百分之三十的企业,两万人,3EFLOPS算力"),
            ["百分之三十", "两万人", "3EFLOPS"]
        );
    }

    #[test]
    fn round_numbers_and_english() {
        assert_eq!(
            texts("近百家企业,上千人,数十个项目,超万人"),
            ["近百家", "上千人", "数十个", "超万人"]
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
    fn not_figures() {
        assert!(texts("第四届大会在1号楼举行,电话0577-88888888,邮编325000").is_empty());
        assert!(texts("“361”萬千億級產業集群,五位一體,五鏈融合,四省交界").is_empty());
        assert!(texts("一家企业,一个城市,一成不变,三成为").is_empty());
        assert!(texts("实现两个先行,打造三个一号工程").is_empty());
        assert_eq!(texts("十个项目,3个项目"), ["十个", "3个"]);
        assert!(texts("在3年內,5G网络,DeepSeek-R1模型,第3条").is_empty());
        assert!(texts("十四五规划").is_empty());
    }

    #[test]
    fn taken_ranges_are_skipped() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "2024年有600家".chars().collect();
        let found = find(&chars, &lex, &[(0, 5)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 6);
    }
}
