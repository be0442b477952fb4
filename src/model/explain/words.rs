//! Quoted ordinary words (“压舱石”, “心脏”, “金钥匙”): their senses from CC-CEDICT, the open
//! dictionary shipped in `data/dictionary/`, marked “used figuratively here” where the article's
//! use is not the literal one; and policy phrases the phrase table puts into English (“增长极”).
//! A word the dictionary lists only as a proper noun is a name, not a word: it is not explained
//! here (探路者 is not NASA's Pathfinder in an article about a city).

use super::english::short_sense;
use super::names::Uses;
use super::{Explanation, Origin};
use crate::knowledge::Knowledge;
use crate::knowledge::{DICTIONARY_LICENCE as LICENCE, DICTIONARY_NAME as NAME, DICTIONARY_RELEASE as RELEASE};
use crate::text::script::fold_chars as fold;

/// How many senses are shown.
const SENSES: usize = 3;
/// How far before a quoted word a mark of figurative use may be (被誉为上海的“后花园”).
const MARK_REACH: usize = 12;

/// The term without its quotation marks, as written.
fn shown(text: &str) -> &str {
    text.trim_matches(|c: char| "“”‘’「」『』\"".contains(c) || c.is_whitespace())
}

/// A set phrase or figurative policy word (真金白银, 金字招牌, 窗口指导) with the sense it carries in
/// policy writing, from `data/explain/idioms.toml`: consulted before the dictionary, whose senses
/// are the literal ones (货盘 "pallet") or missing, and before any word-by-word reading.
pub fn idiom(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let shown = shown(text);
    let idiom = k.explain.idioms.get(shown)?;
    let mut zh = format!("“{shown}”是政策文稿中常见的固定说法:{}", idiom.meaning);
    let mut en = format!("“{shown}” is a set phrase of policy writing. {}", idiom.en);
    if idiom.figurative || marked_figurative(uses, k) {
        zh.push_str("此处是比喻用法。");
        en.push_str(" Used figuratively here.");
    }
    Some(Explanation {
        label_en: Some(idiom.label_en.clone()),
        reference: Some(format!("data/explain/idioms.toml: {}", idiom.zh[0])),
        ..Explanation::new(Origin::Dictionary, zh, Some(en))
    })
}

/// A quoted ordinary word of two characters or more with its dictionary senses.
pub fn dictionary(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let shown = shown(text);
    if shown.chars().count() < 2 || !shown.chars().all(crate::text::han::is_han) {
        return None;
    }
    let word = k.dictionary.word(shown)?;
    let figurative = word.figurative || word.concrete || marked_figurative(uses, k);
    let senses: Vec<&str> = word.senses.iter().take(SENSES).map(String::as_str).collect();
    let listed = senses.join("; ");
    let see = if fold(shown).into_iter().collect::<String>() == word.headword {
        String::new()
    } else {
        format!("(词条“{}”)", word.headword)
    };
    let mut zh = format!("“{shown}”{see}读作 {},普通词语。CC-CEDICT 释义:{listed}。", word.pinyin);
    let mut en = format!("“{shown}” ({}), an ordinary word: {listed}.", word.pinyin);
    if figurative {
        zh.push_str("此处是比喻用法。");
        en.push_str(" Used figuratively here.");
    }
    Some(Explanation {
        label_en: senses.first().map(|s| short_sense(s)).filter(|s| !s.is_empty()),
        reference: Some(format!(
            "{NAME} {RELEASE} ({LICENCE}): {} [{}]",
            word.headword, word.numbered_pinyin
        )),
        ..Explanation::new(Origin::Dictionary, zh, Some(en))
    })
}

/// Whether a use has a mark of figurative use earlier in its clause (被誉为上海的“后花园”,
/// 宛如“机器人训练营”).
fn marked_figurative(uses: &Uses, k: &Knowledge) -> bool {
    let stops = &k.lexicon.stops;
    uses.list.iter().any(|u| {
        let open = u.start.saturating_sub(1);
        let from = (open.saturating_sub(MARK_REACH)..open)
            .rev()
            .find(|&i| stops.clause_ends_at(&u.chars, i))
            .unwrap_or(open.saturating_sub(MARK_REACH));
        (from..open).any(|i| {
            k.explain
                .words
                .figurative_marks
                .iter()
                .any(|m| u.folded[i..open].starts_with(m))
        })
    })
}

/// The most pieces a quoted compound is read as.
const MOST_PIECES: usize = 3;
/// How many senses of each piece are shown.
const PIECE_SENSES: usize = 2;

/// One dictionary word of a quoted compound.
struct Piece {
    text: String,
    /// Its English: the phrase table's, else the dictionary's first senses.
    senses: Vec<String>,
    /// Where the English comes from: the dictionary's headword and pinyin, or the phrase table.
    cite: String,
    /// The dictionary gives it more than one sense, and nothing curated says which is meant.
    ambiguous: bool,
}

/// A quoted compound that is not itself a dictionary word but is wholly made of them (世界工厂
/// = 世界 + 工厂, 路径依赖 = 路径 + 依赖): each piece with its CC-CEDICT senses, read word by word
/// and said to be so, marked “used figuratively here” as a single word is. Not a name: no piece
/// may be a proper noun or a place the gazetteer knows (临海步伐 is Linhai's, not a coast's), and
/// the fewest pieces win. A single character is never a piece: its first senses are too often
/// not the one meant (主 is "owner", 拓 "to make a rubbing"); nor is a sense of a restricted
/// register (四大 is not "the four elements" of Buddhism in 四大行动).
pub fn compound(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let shown = shown(text);
    let chars: Vec<char> = shown.chars().collect();
    if !(3..=8).contains(&chars.len()) || !chars.iter().all(|c| crate::text::han::is_han(*c)) {
        return None;
    }
    // Bare county names count here (临海 is Linhai in 临海步伐): a compound naming a place is
    // a name, not words.
    let counties: Vec<usize> = (0..k.gazetteer.counties.len()).collect();
    if k.dictionary.contains(shown) || !k.gazetteer.find_in(shown, &counties).is_empty() {
        return None;
    }
    let pieces = split(&chars, k)?;
    // A four-character term shaped like an idiom (世界品质, 金字招牌) is not the sum of two
    // words whose sense here nothing tells: read word by word only where each half has one sense
    // or a curated one (世界 + 工厂), never by guessing among a half's senses.
    if chars.len() == 4 && pieces.len() == 2 && pieces.iter().any(|p| p.ambiguous) {
        return None;
    }
    let listed_zh: Vec<String> = pieces
        .iter()
        .map(|p| format!("“{}”({})", p.text, p.senses.join("; ")))
        .collect();
    let listed_en: Vec<String> = pieces
        .iter()
        .map(|p| format!("{} ({})", p.senses.join("; "), p.text))
        .collect();
    let mut zh = format!(
        "CC-CEDICT 未把“{shown}”收为一个词条,逐词读作:{}。CC-CEDICT 释义。",
        listed_zh.join(" + ")
    );
    let mut en = format!(
        "CC-CEDICT does not list “{shown}” as one entry; word by word: {}.",
        listed_en.join(" + ")
    );
    if marked_figurative(uses, k) {
        zh.push_str("此处是比喻用法。");
        en.push_str(" Used figuratively here.");
    }
    let cited: Vec<String> = pieces.iter().map(|p| p.cite.clone()).collect();
    Some(Explanation {
        label_en: Some(
            pieces
                .iter()
                .map(|p| short_sense(&p.senses[0]))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        reference: Some(format!("{NAME} {RELEASE} ({LICENCE}); {}", cited.join("; "))),
        ..Explanation::new(Origin::Dictionary, zh, Some(en))
    })
}

/// A part of a slogan read as a compound (数智工厂 = 数智 + 工厂): its English, word by word,
/// the pieces in Chinese with their English, and what that rests on; `None` where it is not
/// wholly made of phrase-table or dictionary words, or names a place.
pub fn compound_parts(part: &str, k: &Knowledge) -> Option<(String, String, String)> {
    let chars: Vec<char> = part.chars().collect();
    let counties: Vec<usize> = (0..k.gazetteer.counties.len()).collect();
    if !(3..=8).contains(&chars.len())
        || !chars.iter().all(|c| crate::text::han::is_han(*c))
        || !k.gazetteer.find_in(part, &counties).is_empty()
    {
        return None;
    }
    let pieces = split(&chars, k)?;
    let en = pieces
        .iter()
        .map(|p| short_sense(&p.senses[0]))
        .collect::<Vec<_>>()
        .join(" ");
    let zh = pieces
        .iter()
        .map(|p| format!("“{}”({})", p.text, p.senses.join("; ")))
        .collect::<Vec<_>>()
        .join(" + ");
    let cite = pieces.iter().map(|p| p.cite.clone()).collect::<Vec<_>>().join("; ");
    Some((
        en,
        format!("逐词读作{zh}"),
        format!("{NAME} {RELEASE} ({LICENCE}); {cite}"),
    ))
}

/// The split of `chars` into the fewest pieces (at least two, at most [`MOST_PIECES`]).
fn split(chars: &[char], k: &Knowledge) -> Option<Vec<Piece>> {
    let n = chars.len();
    // best[i]: the fewest pieces chars[..i] splits into, and where the last one starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 2..=n {
        for start in 0..end - 1 {
            let Some((count, _)) = best[start] else { continue };
            if count + 1 > MOST_PIECES || best[end].is_some_and(|b| b.0 <= count + 1) {
                continue;
            }
            let word: String = chars[start..end].iter().collect();
            if piece(&word, k).is_some() {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let (count, _) = best[n]?;
    if count < 2 {
        return None;
    }
    let mut pieces = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        let word: String = chars[start..end].iter().collect();
        pieces.push(piece(&word, k)?);
        end = start;
    }
    pieces.reverse();
    Some(pieces)
}

/// `word` as a piece of a compound: a policy word the phrase table puts into English (数字 is
/// "digital" there, not the dictionary's "numeral"), else an ordinary dictionary word of two
/// characters or more, never a proper noun nor a place, with its senses of ordinary register.
fn piece(word: &str, k: &Knowledge) -> Option<Piece> {
    if word.chars().count() < 2 {
        return None;
    }
    let counties: Vec<usize> = (0..k.gazetteer.counties.len()).collect();
    if k.dictionary.is_name(word) || !k.gazetteer.find_in(word, &counties).is_empty() {
        return None;
    }
    if let Some(i) = k.explain.idioms.get(word) {
        return Some(Piece {
            text: word.to_string(),
            senses: vec![i.label_en.clone()],
            cite: format!("data/explain/idioms.toml: {word}"),
            ambiguous: false,
        });
    }
    if let Some(p) = k.explain.phrases.get(word) {
        return Some(Piece {
            text: word.to_string(),
            senses: vec![p.en.clone()],
            cite: format!("data/explain/phrases.toml: {word}"),
            ambiguous: false,
        });
    }
    let w = k.dictionary.word(word)?;
    let mut senses: Vec<String> = w
        .senses
        .iter()
        .filter(|s| !RESTRICTED.iter().any(|r| s.contains(r)))
        .map(|s| short_sense(s))
        .filter(|s| !s.is_empty())
        .collect();
    senses.dedup();
    let ambiguous = senses.len() > 1;
    senses.truncate(PIECE_SENSES);
    (!senses.is_empty()).then(|| Piece {
        text: word.to_string(),
        senses,
        cite: format!("{} [{}]", w.headword, w.numbered_pinyin),
        ambiguous,
    })
}

/// Marks of a sense outside ordinary modern use, as CC-CEDICT writes them.
const RESTRICTED: &[&str] = &[
    "(Buddhism)",
    "(literary)",
    "(archaic)",
    "(old)",
    "(dialect)",
    "(classical)",
    "(Cantonese)",
    "(Taiwan)",
    "(Tw)",
    "(slang)",
    "(PRC)",
];

/// A policy phrase with its standard English from the phrase table.
pub fn phrase(text: &str, k: &Knowledge) -> Option<Explanation> {
    let shown = shown(text);
    let p = k.explain.phrases.get(shown)?;
    let zh = format!("“{shown}”是政策用语,标准英文作“{}”。", p.en);
    let en = format!("“{shown}” is a policy term, in standard English “{}”.", p.en);
    Some(Explanation {
        label_en: Some(p.en.clone()),
        reference: Some("data/explain/phrases.toml".to_string()),
        ..Explanation::new(Origin::Dictionary, zh, Some(en))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, k: &Knowledge) -> Option<Explanation> {
        compound(text, &Uses { list: Vec::new() }, k)
    }

    #[test]
    fn a_compound_of_dictionary_words_is_read_word_by_word_in_both_scripts() {
        let k = Knowledge::load(None).unwrap();
        for (text, senses) in [("世界工厂", ["world", "factory"]), ("世界工廠", ["world", "factory"])] {
            let x = read(text, &k).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(x.origin, Origin::Dictionary);
            let en = x.en.as_deref().unwrap();
            assert!(senses.iter().all(|s| en.contains(s)), "{text}: {en}");
            assert!(x.zh.contains("逐词") && x.reference.unwrap().starts_with("CC-CEDICT"));
        }
    }

    #[test]
    fn names_places_single_characters_and_restricted_senses_are_not_read_as_words() {
        let k = Knowledge::load(None).unwrap();
        // A place's pace, not a coast's.
        assert!(read("临海步伐", &k).is_none());
        assert!(read("臨海步伐", &k).is_none());
        // 主 would be "owner", 拓 "to make a rubbing".
        assert!(read("主战场", &k).is_none());
        assert!(read("拓平台", &k).is_none());
        // 四大 is not "the four elements (Buddhism)" here.
        if let Some(x) = read("四大行动", &k) {
            assert!(!x.en.unwrap().contains("Buddhism"));
        }
        // A word the dictionary has whole is the dictionary's, not split.
        assert!(read("压舱石", &k).is_none());
        // Not all Chinese, or one word only: not a compound.
        assert!(read("AI工厂", &k).is_none());
        assert!(read("工厂", &k).is_none());
    }

    #[test]
    fn an_idiom_shaped_term_is_not_split_by_guessing_a_halfs_sense() {
        let k = Knowledge::load(None).unwrap();
        // 品质 is "character" first: 世界品质 is not "world + character".
        assert!(read("世界品质", &k).is_none());
        assert!(read("世界品質", &k).is_none());
        // A half the idiom table knows carries its curated sense (货盘: goods on offer).
        let x = read("数字货盘", &k).unwrap();
        assert!(x.en.unwrap().contains("goods on offer"));
    }

    #[test]
    fn set_phrases_take_their_curated_sense_before_the_dictionary_in_both_scripts() {
        let k = Knowledge::load(None).unwrap();
        let none = Uses { list: Vec::new() };
        for text in ["金字招牌", "“金字招牌”"] {
            let x = idiom(text, &none, &k).unwrap();
            assert_eq!(x.origin, Origin::Dictionary);
            assert!(x.zh.contains("信誉") && x.zh.contains("比喻用法"), "{}", x.zh);
            assert!(x.en.as_deref().unwrap().contains("Used figuratively here"));
            assert!(x.reference.unwrap().starts_with("data/explain/idioms.toml"));
        }
        // Traditional spellings find the Simplified entry.
        assert_eq!(
            idiom("真金白銀", &none, &k).and_then(|x| x.label_en).as_deref(),
            Some("hard cash")
        );
        // Window guidance is a regulator's term, literal in its field: no figurative mark.
        let x = idiom("窗口指導", &none, &k).unwrap();
        assert!(x.en.as_deref().unwrap().to_lowercase().contains("window guidance"));
        assert!(!x.zh.contains("比喻用法"));
        // Not a set phrase: the dictionary's turn.
        assert!(idiom("蛋糕", &none, &k).is_none());
    }
}
