//! Chinese words and phrases put into English from curated data: the phrase table
//! (`data/explain/phrases.toml`), the document types, the gazetteer's English place names and,
//! where allowed, CC-CEDICT's first sense of an ordinary word of two characters or more with at
//! most two senses. (Not the glossary's labels: a label names a concept, “Beauty + Smart”
//! (Quzhou), and is no translation of the words it is filed under.) The text is cut into the fewest known pieces (curated ones preferred);
//! when any piece has no English the whole has none: no English text is ever made with Chinese
//! left inside it.

use crate::knowledge::Knowledge;
use crate::knowledge::Target;
use crate::text::script::fold_chars as fold;

/// Where a piece's English comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Phrase,
    DocumentType,
    Place,
    Dictionary,
    /// Latin letters, digits and marks, as written.
    Literal,
}

/// One piece of a text and its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub zh: String,
    pub en: String,
    pub from: From,
}

/// Puts text into English from the knowledge; `dictionary`: CC-CEDICT may fill what the curated
/// tables do not (its first sense, which is right for most words of formal titles and wrong
/// often enough elsewhere that names and slogans are put into English from curated data only).
#[derive(Clone, Copy)]
pub struct English<'k> {
    k: &'k Knowledge,
    dictionary: bool,
}

/// The most chars a dictionary piece may have (CC-CEDICT's longest useful words are idioms).
const LONGEST_WORD: usize = 8;

impl<'k> English<'k> {
    /// From curated data only.
    pub fn curated(k: &'k Knowledge) -> English<'k> {
        English { k, dictionary: false }
    }

    /// From curated data, and CC-CEDICT where that has nothing.
    pub fn with_dictionary(k: &'k Knowledge) -> English<'k> {
        English { k, dictionary: true }
    }

    /// `text` in English, or `None` when some part of it has none. A text with 的 outside
    /// quotation marks is read as [what it qualifies]的[the thing]: "the thing for what".
    pub fn english(&self, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        if let Some(de) = last_de_outside_quotes(&chars) {
            let before: String = chars[..de].iter().collect();
            let after: String = chars[de + 1..].iter().collect();
            if !before.trim().is_empty() && !after.trim().is_empty() {
                return Some(format!("{} for {}", self.english(&after)?, self.english(&before)?));
            }
        }
        Some(join(&self.pieces(text)?))
    }

    /// `text` cut into the fewest pieces that have English (curated pieces preferred), or
    /// `None` when it cannot be.
    pub fn pieces(&self, text: &str) -> Option<Vec<Piece>> {
        let chars: Vec<char> = text.chars().collect();
        let folded = fold(text);
        let n = chars.len();
        if n == 0 {
            return None;
        }
        let places = self.places(text);
        // best[i]: the cheapest cut of chars[..i], as (cost, previous position, piece).
        let mut best: Vec<Option<(u32, usize, Option<Piece>)>> = vec![None; n + 1];
        best[0] = Some((0, 0, None));
        for i in 0..n {
            let Some((cost, _, _)) = best[i] else { continue };
            for (len, piece, step) in self.candidates(&chars, &folded, i, &places) {
                let next = cost + step;
                if best[i + len].as_ref().is_none_or(|(c, _, _)| next < *c) {
                    best[i + len] = Some((next, i, piece));
                }
            }
        }
        let mut out = Vec::new();
        let mut at = n;
        while at > 0 {
            let (_, from, piece) = best[at].clone()?;
            out.extend(piece);
            at = from;
        }
        out.reverse();
        (!out.is_empty()).then_some(out)
    }

    /// The gazetteer's names in `text`: (start, end, English).
    fn places(&self, text: &str) -> Vec<(usize, usize, String)> {
        let g = &self.k.gazetteer;
        g.find(text)
            .into_iter()
            .filter_map(|m| {
                let en = match m.target {
                    Target::Province => g.province.name_en.clone(),
                    Target::City(i) => g.cities.get(i)?.name_en.clone(),
                    Target::County { index, .. } => g.counties.get(index)?.name_en.clone(),
                    Target::Place(i) => g.places.get(i)?.name_en.clone(),
                    Target::Outside(i) => g.outside.get(i)?.name_en.clone(),
                };
                Some((m.start, m.end, en))
            })
            .collect()
    }

    /// Every piece that may start at `i`: (its length, the piece or nothing for a mark to
    /// drop, its cost).
    fn candidates(
        &self,
        chars: &[char],
        folded: &[char],
        i: usize,
        places: &[(usize, usize, String)],
    ) -> Vec<(usize, Option<Piece>, u32)> {
        let n = chars.len();
        let mut out = Vec::new();
        let piece = |len: usize, en: String, from: From| Piece {
            zh: chars[i..i + len].iter().collect(),
            en,
            from,
        };
        let c = chars[i];
        // Marks and Latin text.
        if c.is_whitespace() || "“”‘’「」『』\"".contains(c) {
            let en = match c {
                '“' | '「' | '『' => Some("“"),
                '”' | '」' | '』' => Some("”"),
                _ => None,
            };
            out.push((1, en.map(|e| piece(1, e.to_string(), From::Literal)), 1));
            return out;
        }
        if let Some(mark) = mark_english(folded[i]) {
            out.push((1, Some(piece(1, mark.to_string(), From::Literal)), 1));
            return out;
        }
        if c.is_ascii_alphanumeric() || folded[i].is_ascii_alphanumeric() {
            let len = (i..n)
                .take_while(|&k| folded[k].is_ascii_alphanumeric() || (k > i && ".%&".contains(folded[k])))
                .count();
            // A year (2022年) is its number.
            let year =
                len == 4 && folded[i..i + len].iter().all(char::is_ascii_digit) && folded.get(i + len) == Some(&'年');
            if year {
                out.push((
                    len + 1,
                    Some(piece(len + 1, chars[i..i + len].iter().collect(), From::Literal)),
                    10,
                ));
            }
            out.push((
                len,
                Some(piece(len, chars[i..i + len].iter().collect(), From::Literal)),
                10,
            ));
        }
        for &(start, end, ref en) in places {
            if start == i {
                out.push((end - start, Some(piece(end - start, en.clone(), From::Place)), 10));
            }
        }
        let longest = self.k.explain.phrases.longest().max(LONGEST_WORD).min(n - i);
        for len in (1..=longest).rev() {
            let word = &folded[i..i + len];
            let key: String = word.iter().collect();
            if let Some(p) = self.k.explain.phrases.get_folded(&key) {
                out.push((len, Some(piece(len, p.inside().to_string(), From::Phrase)), 10));
                continue;
            }
            if let Some(t) = self.k.explain.type_named(word) {
                out.push((
                    len,
                    Some(piece(len, self.k.explain.types[t].label_en.clone(), From::DocumentType)),
                    10,
                ));
                continue;
            }
            // No piece reaches across a quotation mark (the dictionary's keys leave marks out, so
            // “十四五” would swallow its closing mark).
            if word.iter().any(|c| "“”‘’「」『』\"".contains(*c)) {
                continue;
            }
            if len >= 2
                && self.dictionary
                && len <= LONGEST_WORD
                && let Some(w) = self.k.dictionary.word(&key)
                && w.senses.len() <= 2
                && let Some(en) = w.senses.first().map(|s| short_sense(s)).filter(|s| !s.is_empty())
            {
                out.push((len, Some(piece(len, en, From::Dictionary)), 14));
            }
        }
        if let Some(word) = function_word(folded[i]) {
            out.push((
                1,
                (!word.is_empty()).then(|| piece(1, word.to_string(), From::Literal)),
                5,
            ));
        }
        out
    }
}

/// The English of a mark, or `None` when `c` is not one.
fn mark_english(c: char) -> Option<&'static str> {
    Some(match c {
        '、' | ',' | '，' | ';' | '；' => ",",
        '·' | '•' | '・' => "·",
        '—' | '–' | '-' | '~' | '～' => "–",
        '+' | '＋' => "+",
        '/' => "/",
        ':' | '：' => ":",
        '(' | '（' => "(",
        ')' | '）' => ")",
        _ => return None,
    })
}

/// The few one-char words titles and slogans are joined with; an empty string for one that
/// English leaves out.
fn function_word(c: char) -> Option<&'static str> {
    Some(match c {
        '和' | '与' | '及' | '并' => "and",
        '之' => "",
        '等' => "etc.",
        _ => return None,
    })
}

/// A dictionary sense made short enough to stand in a phrase: up to its first `;` or `,`,
/// without qualifiers in brackets or a leading "to ".
pub fn short_sense(sense: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in sense.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' | ',' if depth == 0 => break,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.strip_prefix("to ").unwrap_or(&out).to_string()
}

/// The pieces' English, with the spacing English puts around marks.
pub fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        let en = p.en.as_str();
        if en.is_empty() {
            continue;
        }
        let glue_left = matches!(en, "," | ":" | ")" | "”" | "/");
        let after_open = out.ends_with('“') || out.ends_with('(') || out.ends_with('/');
        if !out.is_empty() && !glue_left && !after_open {
            out.push(' ');
        }
        out.push_str(en);
    }
    out
}

/// The position of the last 的 outside quotation marks and brackets.
fn last_de_outside_quotes(chars: &[char]) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' | '「' | '『' | '(' | '（' | '《' => depth += 1,
            '”' | '」' | '』' | ')' | '）' | '》' => depth -= 1,
            '的' if depth == 0 => last = Some(i),
            _ => {}
        }
    }
    last
}

/// A title's English in title case: every word capitalised but the small ones (of, on, and,
/// the …) after the first; words already holding capitals (AI, Zhejiang) as they are.
pub fn title_case(text: &str) -> String {
    const SMALL: [&str; 14] = [
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ];
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            if (i > 0 && SMALL.contains(&word)) || word.chars().any(char::is_uppercase) {
                return word.to_string();
            }
            if word.contains('-') {
                // high-quality → High-Quality.
                return word.split('-').map(title_case).collect::<Vec<_>>().join("-");
            }
            let mut cs = word.chars();
            match cs.next() {
                Some(first) if first.is_alphabetic() => first.to_uppercase().chain(cs).collect(),
                Some(first) => {
                    // “word or (word: capitalise the first letter after the mark.
                    let rest: String = cs.collect();
                    let mut inner = rest.chars();
                    match inner.next() {
                        Some(l) if l.is_lowercase() => format!("{first}{}{}", l.to_uppercase(), inner.as_str()),
                        _ => format!("{first}{rest}"),
                    }
                }
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knowledge() -> Knowledge {
        Knowledge::load(None).unwrap()
    }

    #[test]
    fn phrases_places_and_types_in_both_scripts() {
        let k = knowledge();
        let en = English::curated(&k);
        assert_eq!(
            en.english("人工智能创新发展").as_deref(),
            Some("AI innovation and development")
        );
        assert_eq!(
            en.english("人工智能創新發展").as_deref(),
            Some("AI innovation and development")
        );
        assert_eq!(
            en.english("宁波市人工智能行动方案").as_deref(),
            Some("Ningbo AI action programme")
        );
        assert_eq!(en.english("商贸物流").as_deref(), Some("trade logistics"));
        // Latin letters and marks pass; a word nothing knows makes the whole unknown.
        // “AI+” is a phrase of its own; the glossary's labels are no translations.
        assert_eq!(en.english("AI+商贸物流").as_deref(), Some("AI+ trade logistics"));
        assert_eq!(en.english("商贸物流+AI").as_deref(), Some("trade logistics + AI"));
        assert_eq!(en.english("甲乙丙丁戊"), None);
        assert_eq!(
            en.english("2022年国民经济和社会发展统计").as_deref(),
            Some("2022 national economic and social development statistics")
        );
        assert_eq!(en.english(""), None);
    }

    #[test]
    fn the_dictionary_fills_what_curated_data_does_not() {
        let k = knowledge();
        assert_eq!(English::curated(&k).english("压舱石"), None);
        assert_eq!(
            English::with_dictionary(&k).english("压舱石").as_deref(),
            Some("ballast stone")
        );
        // Never a single character from the dictionary: 丽 and 水 are not 丽水.
        let pieces = English::with_dictionary(&k).pieces("丽水").unwrap();
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].from, From::Place);
    }

    #[test]
    fn de_puts_the_thing_first_and_titles_take_capitals() {
        let k = knowledge();
        let en = English::curated(&k);
        let text = en.english("人工智能创新高地的若干政策").unwrap_or_default();
        assert!(text.ends_with("for AI innovation highland"), "{text}");
        assert_eq!(
            title_case("Ningbo AI innovation and development action programme"),
            "Ningbo AI Innovation and Development Action Programme"
        );
        assert_eq!(title_case("on “AI+” and the city"), "On “AI+” and the City");
        assert_eq!(short_sense("(bound form) calm; peaceful"), "calm");
        assert_eq!(short_sense("to accelerate, to speed up"), "accelerate");
    }
}
