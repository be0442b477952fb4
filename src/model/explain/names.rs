//! Names: of programmes, plans, meetings, brands, platforms, parks, accounts, companies. A quoted
//! term is a name when a word of `data/explain/categories.toml` follows its quotation marks
//! (“温州发布”微信公众号, “智慧海洋”工程) or, when the dictionary does not have it as a word,
//! ends it (南太湖精英计划, 云栖大会). It is explained by what kind of thing it is, whose (a place
//! or organisation written right before it, 我市 for the paragraph's city, or a city or county
//! its name holds), and the article's own sentence that says something of it, quoted verbatim
//! and linked. A number followed by a time word (“四年”) or a counting word (“六大”行动) is never
//! a name.

use super::english::English;
use super::{Explanation, Origin, ParaRef, Quote};
use crate::annotate::{AnnotatedParagraph, AnnotatedSeed, Kind};
use crate::knowledge::Category;
use crate::knowledge::Knowledge;
use crate::knowledge::Target;
use crate::model::TermModel;
use crate::text::script::fold_chars as fold;
use std::sync::Arc;

/// How many of a term's uses are read (a term in thousands of paragraphs is named in its first).
const USES_READ: usize = 8;
/// Chars of a sentence before the term beyond which a quote starts at the term's clause.
const LONG_LEAD: usize = 60;
/// Chars of a sentence after the term beyond which a quote ends at a clause.
const LONG_TAIL: usize = 90;
/// Most chars between a clause's subject and the quoted name it owns (嘉兴启动“…”).
const SUBJECT_REACH: usize = 4;

/// One use of a term: its paragraph and where the term stands in it (without its marks).
pub struct Use<'a> {
    pub at: ParaRef,
    pub paragraph: &'a AnnotatedParagraph,
    pub chars: Vec<char>,
    /// `chars` folded, same length.
    pub folded: Vec<char>,
    pub start: usize,
    pub end: usize,
}

impl Use<'_> {
    /// Whether the term is in quotation marks here.
    pub(super) fn quoted(&self) -> bool {
        self.start > 0
            && is_opening(self.chars[self.start - 1])
            && self.chars.get(self.end).is_some_and(|c| is_closing(*c))
    }

    /// Where the chars after the term and its closing mark start.
    pub(super) fn after(&self) -> usize {
        if self.quoted() { self.end + 1 } else { self.end }
    }

    /// Where the term's opening mark is (or the term, unquoted).
    fn before(&self) -> usize {
        if self.quoted() { self.start - 1 } else { self.start }
    }
}

fn is_opening(c: char) -> bool {
    "“‘「『\"".contains(c)
}

fn is_closing(c: char) -> bool {
    "”’」』\"".contains(c)
}

/// A term's first uses.
pub struct Uses<'a> {
    pub list: Vec<Use<'a>>,
}

impl<'a> Uses<'a> {
    pub fn of(t: &TermModel, seeds: &'a [Arc<AnnotatedSeed>]) -> Uses<'a> {
        let mut list = Vec::new();
        for &at in t.uses.iter().take(USES_READ) {
            let paragraph = &seeds[at.seed].paragraphs[at.para];
            let Some(a) = paragraph
                .annotations
                .iter()
                .chain(paragraph.nested.iter())
                .find(|a| a.kind == Kind::Term && *a.value == *t.id)
            else {
                continue;
            };
            let chars: Vec<char> = paragraph.text.chars().collect();
            let folded = chars
                .iter()
                .map(|&c| crate::text::script::fold_char_cached(c))
                .collect();
            list.push(Use {
                at,
                paragraph,
                chars,
                folded,
                start: a.start(),
                end: a.end(),
            });
        }
        Uses { list }
    }

    /// What the articles call a quoted list right after it (“A、B、C”三大主线): the count and
    /// the words, as written and folded, from the first use that says.
    pub fn list_heads(&self, k: &Knowledge) -> Vec<super::compose::ListHead> {
        self.list
            .iter()
            .filter(|u| u.quoted())
            .filter_map(|u| super::compose::list_head(&u.folded, u.after(), &k.explain.words.counting_marks))
            .collect()
    }

    /// The sentence of a use, as a quote: from the clause holding the term when the sentence runs
    /// on for long before it, to a clause end when it runs on for long after it.
    pub fn quote(&self, u: &Use, k: &Knowledge) -> Quote {
        let stops = &k.lexicon.stops;
        let (mut s, mut e) = stops.sentence_around(&u.chars, u.start, u.end);
        if u.start - s > LONG_LEAD {
            s = (s..u.before())
                .rev()
                .find(|&i| stops.clause_ends_at(&u.chars, i))
                .unwrap_or(s);
        }
        if e > u.end + LONG_TAIL {
            e = (u.after() + LONG_TAIL / 3..e)
                .find(|&i| stops.clause_ends_at(&u.chars, i))
                .unwrap_or(e);
        }
        while s < u.start && (u.chars[s].is_whitespace() || is_closing(u.chars[s])) {
            s += 1;
        }
        Quote {
            at: u.at,
            start: s,
            end: e,
            text: u.chars[s..e].iter().collect(),
        }
    }

    /// The use whose sentence says the most about the term: one with a figure or a date, then
    /// one that goes on after it, then the first.
    pub fn best(&self, k: &Knowledge) -> Option<(&Use<'a>, Quote)> {
        self.list
            .iter()
            .map(|u| {
                let q = self.quote(u, k);
                let holds = |kind: Kind| {
                    u.paragraph
                        .annotations
                        .iter()
                        .any(|a| a.kind == kind && a.start() >= q.start && a.end() <= q.end)
                };
                let outside = (q.end - q.start).saturating_sub(u.end - u.start);
                let score = 2 * usize::from(holds(Kind::Figure) || holds(Kind::Date)) + usize::from(outside >= 12);
                (score, u, q)
            })
            .enumerate()
            .max_by_key(|(i, (score, _, _))| (*score, std::cmp::Reverse(*i)))
            .map(|(_, (_, u, q))| (u, q))
    }
}

/// The term's text without its marks, folded.
fn bare(text: &str) -> Vec<char> {
    fold(text)
        .into_iter()
        .filter(|c| !is_opening(*c) && !is_closing(*c) && !c.is_whitespace())
        .collect()
}

/// Chinese numerals and digits.
const NUMERALS: &str = "0123456789一二三四五六七八九十百千万两双几多";

/// A number (一, 四, 24, 百) followed by one of `words` at its end: “四年”, “六大”.
fn number_then(folded: &[char], words: &[Vec<char>]) -> bool {
    let digits = folded.iter().take_while(|c| NUMERALS.contains(**c)).count();
    digits > 0 && words.iter().any(|w| folded[digits..].starts_with(w))
}

/// A term named by the kind that follows its marks in some use (“温州发布”微信公众号, 以“…”为
/// 主题) or that a category's `before` word precedes (主题为“…”).
pub fn marked(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let folded = bare(text);
    if folded.is_empty() || number_then(&folded, &k.explain.words.time_units) {
        return None;
    }
    let category = uses.list.iter().find_map(|u| {
        if !u.quoted() {
            return None;
        }
        // A kind written right before the opening mark: 主题为“…”, 微信公众号“…”.
        if let Some(c) = k.explain.category_before(&u.folded, u.before()) {
            return Some(c);
        }
        let mut at = u.after();
        // “X”的品牌; “X”等专项政策 (one of them).
        if matches!(u.folded.get(at), Some('的' | '等')) {
            at += 1;
        }
        let (c, len) = k.explain.category_at(&u.folded, at)?;
        // The kind must be the head of the noun it starts (“…”工程, but not “…”重大项目集中签约
        // 仪式, a ceremony): no word of `continues_to` follows it in its clause.
        let stops = &k.lexicon.stops;
        let clause_end = (at + len..u.chars.len())
            .find(|&i| stops.breaks_at(&u.chars, i))
            .unwrap_or(u.chars.len());
        let continues = (at + len..clause_end).any(|i| {
            k.explain
                .words
                .continues_to
                .iter()
                .any(|w| u.folded[i..].starts_with(w))
        });
        (!continues).then_some(c)
    })?;
    name(text, uses, &k.explain.categories[category], k)
}

/// A term that ends with its kind and is not a dictionary word: 南太湖精英计划, 云栖大会.
pub fn by_head(text: &str, uses: &Uses, k: &Knowledge) -> Option<Explanation> {
    let folded = bare(text);
    if number_then(&folded, &k.explain.words.counting_marks) || number_then(&folded, &k.explain.words.time_units) {
        return None;
    }
    let key: String = folded.iter().collect();
    if k.dictionary.contains(&key)
        || folded
            .first()
            .is_some_and(|c| NUMERALS.contains(*c) && !c.is_ascii_digit())
    {
        return None;
    }
    let (category, len) = k.explain.category_ending(&folded)?;
    // A verb before the kind makes a slogan of it (拓平台: expand platforms; 虚拟集团): the
    // dictionary's first sense of the first word says "to …".
    let before = &folded[..folded.len() - len];
    if starts_with_verb(before, k) {
        return None;
    }
    name(text, uses, &k.explain.categories[category], k)
}

/// Whether the first word of `folded` (the longest the dictionary has, up to four chars) is a
/// verb there: its first sense says "to …".
fn starts_with_verb(folded: &[char], k: &Knowledge) -> bool {
    (1..=folded.len().min(4))
        .rev()
        .find_map(|n| {
            let word: String = folded[..n].iter().collect();
            k.dictionary.word(&word)
        })
        .is_some_and(|w| w.senses.first().is_some_and(|s| s.starts_with("to ")))
}

/// Whose a name is, in Chinese as written and in English.
struct Owner {
    zh: String,
    en: Option<String>,
}

/// The owner written right before the name in a use (a city, place or organisation, with or
/// without 的; 我市 for the paragraph's city), or starting the clause with a short verb between
/// (嘉兴启动“南湖英才计划”), else a city or county the name holds.
fn owner(text: &str, uses: &Uses, k: &Knowledge) -> Option<Owner> {
    let city_owner = |id: &str, zh: String| {
        k.gazetteer.city(id).map(|c| Owner {
            zh,
            en: Some(c.name_en.clone()),
        })
    };
    let stops = &k.lexicon.stops;
    for u in &uses.list {
        let open = u.before();
        let mut end = open;
        if end > 0 && u.folded[end - 1] == '的' {
            end -= 1;
        }
        let clause = (open.saturating_sub(SUBJECT_REACH + 8)..open)
            .rev()
            .find(|&i| stops.clause_ends_at(&u.chars, i))
            .unwrap_or(0);
        let written = u.paragraph.annotations.iter().find(|a| {
            matches!(a.kind, Kind::City | Kind::Place | Kind::Org)
                && (a.end() == end || (a.start() == clause && a.end() < open && open - a.end() <= SUBJECT_REACH))
        });
        if let Some(a) = written {
            let zh = a.text.to_string();
            return match a.kind {
                Kind::City => city_owner(&a.value, zh),
                Kind::Place => Some(Owner {
                    en: a.label.as_deref().map(str::to_string),
                    zh,
                }),
                _ => Some(Owner {
                    en: English::curated(k).english(&zh),
                    zh,
                }),
            };
        }
        let this_city = |at: usize| {
            k.lexicon
                .attribution
                .this_city
                .iter()
                .any(|w| u.chars[at..].iter().take(w.chars().count()).collect::<String>() == *w)
        };
        let before_quote = end >= 2 && this_city(end - 2);
        let starts_clause = clause + 2 < open && this_city(clause) && open - (clause + 2) <= SUBJECT_REACH;
        if (before_quote || starts_clause)
            && let Some(city) = u.paragraph.cities.first()
        {
            let name = k.gazetteer.city(city).map(|c| c.name_hans.clone()).unwrap_or_default();
            return city_owner(city, name);
        }
    }
    let g = &k.gazetteer;
    g.find(text).into_iter().find_map(|m| match m.target {
        Target::City(i) => Some(Owner {
            zh: text.chars().skip(m.start).take(m.end - m.start).collect(),
            en: Some(g.cities[i].name_en.clone()),
        }),
        Target::County { index, .. } => Some(Owner {
            zh: text.chars().skip(m.start).take(m.end - m.start).collect(),
            en: Some(g.counties[index].name_en.clone()),
        }),
        _ => None,
    })
}

/// A name's explanation: its kind, whose, and the sentence that says most of it.
fn name(text: &str, uses: &Uses, category: &Category, k: &Knowledge) -> Option<Explanation> {
    let (_, quote) = uses.best(k)?;
    let owner = owner(text, uses, k);
    let shown = text.trim_matches(|c| is_opening(c) || is_closing(c));
    let english = English::curated(k).english(shown).filter(|e| e != shown);
    let zh = match &owner {
        Some(o) => format!("“{shown}”是{}的{}。", o.zh, category.zh),
        None => format!("“{shown}”是{}。", category.zh),
    };
    let called = match &english {
        Some(e) => format!("“{shown}” ({e})"),
        None => format!("“{shown}”"),
    };
    // An owner without an English name is left out of the English rather than written in Chinese.
    let en = match owner.as_ref().and_then(|o| o.en.as_deref()) {
        Some(whose) => format!(
            "{called} is {whose}'s {}; the article's sentence about it is quoted.",
            category.en_owned()
        ),
        None => format!(
            "{called} is {}; the article's sentence about it is quoted.",
            category.en
        ),
    };
    Some(Explanation {
        label_en: english,
        quote: Some(quote),
        with_quote: true,
        ..Explanation::new(Origin::Article, zh, Some(en))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_time_or_counting_words_are_not_names() {
        let k = Knowledge::load(None).unwrap();
        let w = &k.explain.words;
        assert!(number_then(&bare("四年"), &w.time_units));
        assert!(number_then(&bare("“六大”"), &w.counting_marks));
        assert!(!number_then(&bare("南太湖"), &w.time_units));
        assert!(!number_then(&bare("833"), &w.counting_marks));
    }
}
