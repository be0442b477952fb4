//! Plain-text seeds: a title line, an optional short subtitle line, then one paragraph per
//! line. Page chrome is dropped, bylines kept apart, a line holding only a date read as the
//! publication date; an article without a title line is titled by its first sentence.

use super::{Meta, Paragraph, Seed};
use crate::error::Result;
use crate::knowledge::Lexicon;
use crate::text::han::is_wide;
use std::path::Path;

/// Longest first line that can be a headline, in chars: a longer one is a paragraph.
const MAX_TITLE_CHARS: usize = 80;
/// About how long a derived title is: chars of Chinese, twice as many of English.
const DERIVED_TITLE_CHARS: usize = 30;

/// Whether a first line reads as body text rather than a headline: a sentence ending in 。, or
/// longer than any headline, or (English) a sentence of many words ending in a full stop. Only
/// 。 of the lexicon's sentence stops: headlines end in ！ and ？ (重磅！…), never in 。.
pub(super) fn is_body_line(line: &str) -> bool {
    line.chars().count() > MAX_TITLE_CHARS
        || line.contains('。')
        || line.ends_with('.') && !line.ends_with("..") && line.split_whitespace().count() > 12
}

/// A title for an article that has none: its first sentence, without a news agency's dateline
/// (HANGZHOU, Feb. 10 (Xinhua) --), cut at a clause break or a word near 30 chars of Chinese
/// (60 of English) and marked with … when cut.
pub(super) fn derived_title(paragraph: &str, lexicon: &Lexicon) -> String {
    let mut chars: Vec<char> = paragraph.chars().collect();
    if let Some(k) = chars.windows(4).take(80).position(|w| w == [' ', '-', '-', ' ']) {
        chars.drain(..k + 4);
    }
    let end = (0..chars.len())
        .find(|&i| lexicon.stops.is_sentence_end(&chars, i))
        .unwrap_or(chars.len());
    let sentence = &chars[..end];
    let wide = sentence.iter().filter(|&&c| is_wide(c)).count();
    let budget = if wide * 2 >= sentence.len() {
        DERIVED_TITLE_CHARS
    } else {
        DERIVED_TITLE_CHARS * 2
    };
    if sentence.len() <= budget {
        return sentence.iter().collect::<String>().trim().to_string();
    }
    // Cut at the last clause break (or, in English, space) that keeps at least a third, and
    // leave the break out.
    let stops = &lexicon.stops;
    let breaks_at = |k: usize| stops.clause_stop_at(sentence, k).is_some() || matches!(sentence[k], '、' | ' ');
    let mut cut = (budget / 3..=budget).rev().find(|&k| breaks_at(k)).unwrap_or(budget);
    while cut > 0 {
        match stops.clause_stop_before(sentence, cut) {
            Some(n) => cut -= n,
            None if sentence[cut - 1] == '、' || sentence[cut - 1].is_whitespace() => cut -= 1,
            None => break,
        }
    }
    let head: String = sentence[..cut].iter().collect();
    format!("{head}…")
}

/// Whitespace, zero-width characters and BOMs trimmed from both ends.
pub(super) fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
}

pub(super) fn parse_text(path: &Path, id: &str, text: &str, meta: Meta, lexicon: &Lexicon) -> Result<Seed> {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = trim_line(lines.first().copied().unwrap_or(""));
    // A first line that is a paragraph is body: the article has no title line.
    let titled = !is_body_line(first);
    let mut seed = Seed {
        id: id.to_string(),
        file: path.to_path_buf(),
        title: if titled { first.to_string() } else { String::new() },
        title_derived: false,
        subtitle: None,
        bylines: Vec::new(),
        meta,
        language: String::new(),
        paragraphs: Vec::new(),
    };
    let mut start = if titled { 1 } else { 0 };
    let more_follows = lines.iter().skip(2).any(|l| !trim_line(l).is_empty());
    if let Some(second) = lines.get(1).map(|l| trim_line(l))
        && is_subtitle(second, lexicon)
        && date_line(second).is_none()
        && !lexicon.is_byline(second)
        && !seed.title.is_empty()
        && titled
        && more_follows
    {
        seed.subtitle = Some(second.to_string());
        start = 2;
    }
    for (index, raw) in lines.iter().enumerate().skip(start) {
        add_line(&mut seed, index + 1, trim_line(raw), lexicon);
    }
    apply_meta_overrides(&mut seed);
    Ok(seed)
}

pub(super) fn apply_meta_overrides(seed: &mut Seed) {
    if let Some(title) = seed.meta.title.clone() {
        seed.title = title;
    }
    if let Some(subtitle) = seed.meta.subtitle.clone() {
        seed.subtitle = Some(subtitle);
    }
}

/// Sorts one body line into paragraph, byline, metadata or chrome.
pub(super) fn add_line(seed: &mut Seed, line: usize, text: &str, lexicon: &Lexicon) {
    if text.is_empty() || lexicon.is_chrome(text) {
        return;
    }
    // Bylines and contact lines (联系人:…, 联系电话:…) are about the article, not of it.
    // So are a dateline with its source (2015-05-20 来源: 中国新闻网) and a photo's credit
    // (旖旎的湖山风光 章建辉 摄).
    if lexicon.is_byline(text)
        || lexicon.is_contact(text)
        || lexicon.is_dated_byline(text)
        || lexicon.is_photo_credit(text)
    {
        // A dateline's date is the publication date, as a date line alone is.
        if let Some(date) = text.split(['来', '來']).next().and_then(|d| date_line(d.trim())) {
            seed.meta.date.get_or_insert(date);
        }
        seed.bylines.push(text.to_string());
        return;
    }
    if let Some(date) = date_line(text) {
        seed.meta.date.get_or_insert(date);
        // Above the body it is a dateline; after it, a signing date, which is part of the text.
        if seed.paragraphs.is_empty() {
            return;
        }
    }
    let id = format!("p{}", seed.paragraphs.len() + 1);
    seed.paragraphs.push(Paragraph {
        id,
        line,
        text: text.to_string(),
    });
}

/// A short line with no comma and nothing that ends a sentence: a subtitle, not a paragraph. A
/// line ending in a colon introduces what follows (各县(区)人民政府:, a document's addressee):
/// body.
pub(super) fn is_subtitle(line: &str, lexicon: &Lexicon) -> bool {
    let chars: Vec<char> = line.chars().collect();
    !chars.is_empty()
        && chars.len() <= 40
        && !line.contains(['，', ','])
        && !lexicon.stops.holds_sentence_end(&chars)
        && !line.ends_with([':', '：'])
}

/// A line that is only a publication date (`2025-05-20`, `2025年5月20日 08:30`, `20251224`), as
/// its ISO form.
pub(super) fn date_line(line: &str) -> Option<String> {
    if let Some((y, m, d)) = crate::text::isodate::compact_date(line.trim()) {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    let digits: Vec<u32> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    let allowed = line
        .chars()
        .all(|c| c.is_ascii_digit() || " -/.:年月日".contains(c) || c == '\u{3000}');
    match digits.as_slice() {
        [y, m, d, rest @ ..]
            if allowed
                && (1900..2100).contains(y)
                && (1..=12).contains(m)
                && (1..=31).contains(d)
                && rest.len() <= 3 =>
        {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}
