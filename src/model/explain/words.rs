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

/// A quoted ordinary word of two characters or more with its dictionary senses.
pub fn dictionary(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let shown = shown(text);
    if shown.chars().count() < 2 || !shown.chars().all(crate::text::han::is_han) {
        return None;
    }
    let word = k.dictionary.word(shown)?;
    // A mark of figurative use earlier in the clause (被誉为上海的“后花园”).
    let stops = &k.lexicon.stops;
    let marked = uses.list.iter().any(|u| {
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
    });
    let figurative = word.figurative || word.concrete || marked;
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
