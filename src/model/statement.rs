//! A figure is a statement, not a number: 超200億元 in 到2027年底,全市人工智能核心產業產值/營收
//! 超200億元 says that Huzhou's AI core industry is to take more than ¥20 billion by the end of
//! 2027. This module reads that statement from the figure's annotation and its paragraph's text
//! (nothing is asked of the annotators): what it measures (its clause, with the words that only
//! say when or whose cut away), of whom (the claim's subject), for when (the nearest date before
//! it in its paragraph), whether it is a target or an outcome, a condition of a policy
//! (对年薪50万元以上的人才, 最高500万元补助) or a comparison (两市的距离为1752亿元), and the
//! qualifier written with it (超, 以上, 多, 近, 约, more than) as written.
//!
//! A statement's id is a hash of its sentence and its figure as written, folded across scripts,
//! so a re-published copy of the sentence, in either script and in any article, is the same
//! statement: it is shown once and the copies are credited beside it. The word lists are data
//! (`data/statements.toml`).

use super::ParaRef;
use crate::annotate::{About, AnnotatedParagraph, AnnotatedSeed, Annotation, Kind};
use crate::knowledge::{Knowledge, QualifierKind, StatementWords};
use crate::text::hash;
use crate::text::isodate::IsoDate;
use crate::text::script;
use crate::text::words::WordSet;
use arcstr::ArcStr;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Whether a figure is a target, an outcome, or not a figure of a place at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// What has been reached (2024年…突破5700億元).
    Outcome,
    /// What a plan commits to (到2027年…超200億元, 力爭, 目標).
    Target,
    /// What is forecast or expected (預計增長6%左右, 有望, expected): not a commitment, and
    /// not yet reached.
    Forecast,
    /// A condition or incentive of a policy: a threshold (年薪50萬元以上的), a cap (不超過30%),
    /// a subsidy (給予最高500萬元補助).
    Condition,
    /// A comparison between places or years (兩市的距離爲1752億元, 高出3個百分點).
    Comparison,
    /// The text does not say.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Outcome => "outcome",
            Status::Target => "target",
            Status::Forecast => "forecast",
            Status::Condition => "condition",
            Status::Comparison => "comparison",
            Status::Unknown => "unknown",
        }
    }

    /// Whether the figure is one of its subject's own (an outcome, a target, a forecast, or
    /// unsaid), as opposed to a condition or a comparison.
    pub fn is_of_subject(self) -> bool {
        matches!(
            self,
            Status::Outcome | Status::Target | Status::Forecast | Status::Unknown
        )
    }
}

/// One figure read as a statement.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct FigureStatement {
    /// Twelve hex digits: the same for every copy of the statement (see the module's note).
    pub id: ArcStr,
    /// Where it is first stated, and the index of its annotation in that paragraph.
    pub at: ParaRef,
    pub index: usize,
    /// The figure as written (超200億元, 30多個, more than 600 specialists).
    pub text: ArcStr,
    /// The qualifier written with it, if any.
    pub qualifier: Option<QualifierKind>,
    /// What it measures, from its clause (全市人工智能核心產業產值/營收); may be empty.
    pub measure: String,
    /// The kind of measure it is, when it is one the compare page may put side by side.
    pub measure_kind: Option<String>,
    /// Its clause as a short label: the words before the figure that say what it counts, and
    /// the noun after it (推出 | 27條 | 相關舉措).
    pub lead: String,
    pub tail: String,
    /// Whose figure it is (the claim's subject).
    pub subject: Option<About>,
    /// When it is for: the value of the nearest date before it in its paragraph.
    pub when: Option<ArcStr>,
    pub status: Status,
    /// Its clause names a place other than its subject (another city, a place outside
    /// Zhejiang): it is never shown as a figure of its subject's alone.
    pub names_other_place: bool,
    /// Where its sentence starts and ends in its paragraph (chars).
    pub sentence: (u32, u32),
    /// The same statement in other articles (re-published copies).
    pub copies: Vec<ParaRef>,
}

impl FigureStatement {
    /// Whether the statement may stand as one of its subject's figures: it is the subject's own
    /// (not a condition or a comparison), names no other place, and says what it measures.
    pub fn is_headline(&self) -> bool {
        self.status.is_of_subject() && !self.names_other_place && !(self.measure.is_empty() && self.tail.is_empty())
    }

    /// How good a headline it makes, compared as a tuple: a known kind of measure, a known
    /// status, a unit readers weigh (money, companies, people, a rate), a date, then the kind's
    /// place in the data's list (AI industry first).
    fn headline_rank(&self, kinds: &[crate::knowledge::MeasureKind], unit: &str) -> (bool, bool, bool, bool, usize) {
        let kind_order = self
            .measure_kind
            .as_ref()
            .and_then(|k| kinds.iter().position(|m| &m.id == k))
            .map_or(0, |p| kinds.len() - p);
        (
            self.measure_kind.is_some(),
            matches!(self.status, Status::Outcome | Status::Target),
            STRONG_UNITS.contains(&unit),
            self.when.is_some(),
            kind_order,
        )
    }
}

/// Units whose figures make headlines: amounts, companies, people, rates. A count of "units" or
/// "items" (打造20個場景) says less.
const STRONG_UNITS: [&str; 8] = [
    "CNY",
    "USD",
    "EUR",
    "HKD",
    "companies/institutions",
    "people",
    "%",
    "share",
];

/// What the model needs to read a paragraph's figures.
pub struct Reader<'k> {
    words: &'k StatementWords,
    stops: &'k crate::text::sentences::Stops,
    /// Words that make a claim province-wide (全省, 我省).
    province: &'k WordSet,
    /// The ids of places outside Zhejiang (as place annotations carry them).
    outside: FxHashSet<String>,
    /// Units that are money (CNY, USD): one amount may be given in two of them.
    currencies: &'k std::collections::BTreeMap<String, String>,
}

/// A figure read from its paragraph (before it is known where else it stands).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub index: usize,
    pub id: ArcStr,
    pub qualifier: Option<QualifierKind>,
    pub measure: String,
    pub measure_kind: Option<String>,
    pub lead: String,
    pub tail: String,
    pub when: Option<ArcStr>,
    pub status: Status,
    pub names_other_place: bool,
    /// Its sentence names the province (全省, 浙江, Zhejiang): only then may it be the
    /// province's figure.
    pub says_province: bool,
    pub sentence: (u32, u32),
}

/// The chars of a paragraph and the same chars folded (Simplified, lowercase, half-width), one
/// for one.
struct Text {
    chars: Vec<char>,
    folded: Vec<char>,
}

impl Text {
    fn new(text: &str) -> Text {
        Text {
            chars: text.chars().collect(),
            folded: script::fold_chars(text),
        }
    }

    fn string(&self, from: usize, to: usize) -> String {
        self.chars[from.min(to)..to].iter().collect()
    }
}

/// Whether `c` is a mark or space (no word).
fn is_mark(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation() && c != '%' && c != '/')
        || "，。、；：？！“”‘’（）《》「」『』—…·〈〉【】﹔".contains(c)
}

/// Whether the paragraph reads as English.
fn is_english(t: &Text) -> bool {
    let letters = t.chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let wide = t.chars.iter().filter(|c| !c.is_ascii()).count();
    letters > 2 * wide
}

/// Positions in `from..to` where a word of `set` starts, with its length. ASCII words must
/// stand alone (`will` is not in `willing`).
fn words_in(set: &WordSet, t: &Text, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        match set.word_at(&t.folded, i) {
            Some(n) if i + n <= to => {
                out.push((i, n));
                i += n;
            }
            _ => i += 1,
        }
    }
    out
}

impl<'k> Reader<'k> {
    pub fn new(k: &'k Knowledge) -> Reader<'k> {
        Reader {
            words: &k.statements,
            stops: &k.lexicon.stops,
            province: &k.lexicon.attribution.province,
            outside: k
                .gazetteer
                .outside
                .iter()
                .map(|p| crate::text::slug::slug(&p.name_en))
                .collect(),
            currencies: &k.strings.currency_symbols,
        }
    }

    /// Every figure of a paragraph, read as a statement. `year` is the article's publication
    /// year, when known.
    pub fn read(&self, p: &AnnotatedParagraph, year: Option<i32>) -> Vec<Reading> {
        if !p.annotations.iter().any(|a| a.kind == Kind::Figure) {
            return Vec::new();
        }
        let t = Text::new(&p.text);
        let english = is_english(&t);
        let split = self.stops.split(&t.chars);
        let mut out = Vec::new();
        // How often each (sentence, figure) pair was seen, so that the same figure twice in a
        // sentence is two statements.
        let mut seen: Vec<(usize, String)> = Vec::new();
        // The measure of the figure before in the paragraph, and its sentence.
        let mut previous: Option<(usize, String, Option<String>, &str)> = None;
        for (index, a) in p.annotations.iter().enumerate() {
            if a.kind != Kind::Figure {
                continue;
            }
            let (s_from, s_to) = self.stops.sentence_around(&t.chars, a.start(), a.end());
            // The clause, titles and quotations aside; but never past a clause mark before the
            // figure (a quotation mark left open would otherwise make the clause the paragraph).
            let raw_start = (0..a.start())
                .rev()
                .find(|&i| self.stops.breaks_at(&t.chars, i))
                .map_or(0, |i| i + 1);
            let clause_start = split
                .clause_ends
                .iter()
                .rev()
                .find(|&&e| e <= a.start())
                .copied()
                .unwrap_or(0)
                .max(s_from)
                .max(raw_start.min(a.start()));
            let clause_end = split
                .clause_ends
                .iter()
                .find(|&&e| e >= a.end())
                .copied()
                .unwrap_or(t.chars.len())
                .min(s_to.max(a.end()));
            let folded_text: String = t.folded[a.start()..a.end()].iter().collect();
            let nth = seen.iter().filter(|(s, f)| *s == s_from && *f == folded_text).count();
            seen.push((s_from, folded_text.clone()));
            let sentence_key: String = t.folded[s_from..s_to].iter().filter(|c| !c.is_whitespace()).collect();
            let id = hash::content_hash(&format!("{sentence_key}\u{1}{folded_text}\u{1}{nth}"));
            let qualifier = self.qualifier(&t, a);
            let (lead, measure) = self.measure(p, &t, a, clause_start, english);
            let tail = self.tail(p, &t, a, clause_end, english);
            // In English what an amount is of comes after it (40 billion yuan in imports).
            let measure = if (measure.is_empty() || english) && !tail.is_empty() {
                self.trim_tail(&tail)
            } else {
                measure
            };
            let unit = a.unit().unwrap_or_default();
            // A figure whose clause says nothing of its own measures what the figure before it
            // in its sentence does; one whose measure is the end of the measure before it in its
            // paragraph (…人工智能核心產業產值/營收超200億元,力爭到2030年產值/營收超500億元)
            // measures the same thing.
            // A change said alone (,增長6.5%; , up 6.5%) measures the change of what the figure
            // before it in its sentence measures (產值增長, output growth), and is no total.
            let change = {
                let said: Vec<char> = script::fold_chars(self.words.drop_words(lead.trim_start_matches('…')).trim());
                self.words.change_noun(&said).map(|noun| {
                    if english {
                        format!(" {noun}")
                    } else {
                        let n = noun.chars().count();
                        let written: Vec<char> = lead.trim().chars().collect();
                        written[written.len().saturating_sub(n)..].iter().collect()
                    }
                })
            };
            let (measure, inherited_kind) = match (&previous, change) {
                (Some((sentence, before, _, _)), Some(noun))
                    if *sentence == s_from && measure.is_empty() && !before.is_empty() =>
                {
                    (format!("{before}{noun}"), None)
                }
                (previous, _) => match previous {
                    // Never across units (8万人 after 面积达26平方公里 counts people, not area), but an amount
                    // may be given again in another currency (390 billion yuan ($58.54 billion)).
                    Some((sentence, before, kind, before_unit))
                        if (*before_unit == unit
                            || self.currencies.contains_key(*before_unit) && self.currencies.contains_key(unit))
                            && ((*sentence == s_from && measure.chars().count() <= 1)
                                || (measure.chars().count() >= 2 && before.ends_with(measure.as_str()))) =>
                    {
                        (before.clone(), kind.clone())
                    }
                    _ => (measure, None),
                },
            };
            let measure_folded: String = script::fold_chars(&format!("{measure}{tail}")).into_iter().collect();
            let measure_kind = self
                .words
                .measure_kind(&measure_folded, unit)
                .map(|k| k.id.clone())
                .or(inherited_kind);
            // Whichever way it was found, a measure is a noun phrase or nothing.
            let measure = self.noun_phrase(&measure, false);
            previous = Some((s_from, measure.clone(), measure_kind.clone(), unit));
            let when = self.governing_date(p, &t, a, clause_start, clause_end, s_from, english);
            let status = self.status(p, &t, a, qualifier, clause_start, s_from, when, year);
            out.push(Reading {
                index,
                id: ArcStr::from(&id[..12]),
                qualifier,
                measure,
                measure_kind,
                lead,
                // Shown when there is no measure: a noun phrase too, or nothing.
                tail: self.noun_phrase(&self.trim_tail(&tail), false),
                when: when.map(|d| d.value.clone()),
                status,
                names_other_place: self.names_other_place(p, a, clause_start, clause_end),
                says_province: self.says_province(p, &t, s_from, s_to),
                sentence: (s_from as u32, s_to as u32),
            });
        }
        out
    }

    /// The qualifier written with the figure: inside its span (超600家, 200家以上, 30多個, more
    /// than 600) or right before it (超過7成, 不超過30%).
    fn qualifier(&self, t: &Text, a: &Annotation) -> Option<QualifierKind> {
        let span = &t.folded[a.start()..a.end()];
        let before_at = |at: usize| {
            self.words
                .qualifiers_before
                .iter()
                .find(|(w, _)| {
                    t.folded[..at].ends_with(w)
                        && !(w[0].is_ascii_alphabetic()
                            && at > w.len()
                            && t.folded[at - w.len() - 1].is_ascii_alphabetic())
                })
                .map(|(_, k)| *k)
        };
        // Outside the span: the qualifier right before it (spaces between, in English).
        let mut at = a.start();
        while at > 0 && t.chars[at - 1] == ' ' {
            at -= 1;
        }
        let outside = before_at(at);
        // Inside the span: a qualifier it starts with, else one after its number.
        let inside_before = self
            .words
            .qualifiers_before
            .iter()
            .chain(&self.words.qualifiers_leading)
            .find(|(w, _)| span.starts_with(w) && span.len() > w.len())
            .map(|(_, k)| *k);
        // The number ends where its run of digits and numerals does (300多亿元: 300, then 多),
        // not at its last numeral (亿).
        let numeral =
            |c: char| c.is_ascii_digit() || ".,".contains(c) || "零一二三四五六七八九十百千万亿两".contains(c);
        let number_end = span.iter().position(|&c| numeral(c)).map_or(span.len(), |start| {
            start + span[start..].iter().take_while(|&&c| numeral(c)).count()
        });
        let inside_after = self
            .words
            .qualifiers_after
            .iter()
            .find(|(w, _)| {
                let ends = span.ends_with(w);
                // 多 and 余 stand between the number and its unit (30多个), -plus after it.
                let after_number = span.get(number_end..).is_some_and(|rest| rest.starts_with(w));
                ends || after_number
            })
            .map(|(_, k)| *k);
        // A cap written before the figure (不超過30%) says more than the figure's own 超.
        match outside {
            Some(k @ (QualifierKind::AtMost | QualifierKind::LessThan | QualifierKind::AtLeast)) => Some(k),
            _ => inside_before.or(inside_after).or(outside),
        }
    }

    /// The figure's clause before it with the words that only say when, where or whose cut
    /// away: the lead as a label (the last `max_chars` of it), and what it measures (the lead
    /// without the verb before the figure; in English, the clause's subject when it has one).
    fn measure(
        &self,
        p: &AnnotatedParagraph,
        t: &Text,
        a: &Annotation,
        clause_start: usize,
        english: bool,
    ) -> (String, String) {
        let mut from = clause_start;
        let to = a.start();
        // An English clause that is the last item of a list (…, secondary, and tertiary
        // industries was): its words name that item, not what each figure of the list measures.
        if english
            && clause_start > 0
            && t.chars[..clause_start].iter().rev().find(|c| !c.is_whitespace()) == Some(&',')
        {
            let mut at = clause_start;
            while at < to && t.chars[at].is_whitespace() {
                at += 1;
            }
            // The item before it is a few words after a comma (…, secondary, and), not a clause
            // of its own (…have been added, and the scale of the fund has reached).
            let comma = t.chars[..clause_start].iter().rposition(|&c| c == ',').unwrap_or(0);
            let item_from = t.chars[..comma].iter().rposition(|&c| c == ',').map_or(0, |c| c + 1);
            let item = t.string(item_from, comma);
            let short_item = item_from > 0
                && item.split_whitespace().count() <= 3
                && !p
                    .annotations
                    .iter()
                    .any(|b| b.kind == Kind::Figure && b.start() >= item_from && b.end() <= comma);
            if short_item
                && self
                    .words
                    .list_joins
                    .word_at(&t.folded, at)
                    .is_some_and(|n| t.chars.get(at + n) == Some(&' '))
            {
                return (t.string(at, to).trim().to_string(), String::new());
            }
        }
        // Not across another figure of the clause (從26家發展到超600家): what this one measures
        // is said after it, or else is the other's.
        if let Some(end) = p
            .annotations
            .iter()
            .filter(|b| b.kind == Kind::Figure && b.end() <= to && b.end() > from)
            .map(Annotation::end)
            .max()
        {
            from = end;
        }
        // Dates and places at the start of the clause, and lead words, until none is left.
        loop {
            let before = from;
            while from < to && is_mark(t.chars[from]) {
                from += 1;
            }
            if let Some(b) = p
                .annotations
                .iter()
                .find(|b| b.start() == from && b.end() <= to && matches!(b.kind, Kind::Date | Kind::City | Kind::Place))
            {
                from = b.end();
                // A place named without its level (秀洲 in 秀洲区新增企业) leaves the level word,
                // which starts no measure (区新增企业).
                if matches!(b.kind, Kind::City | Kind::Place)
                    && from < to
                    && self.words.place_levels.word_at(&t.folded, from).is_some()
                {
                    from += 1;
                }
            }
            if let Some(n) = self
                .words
                .lead_words
                .word_at(&t.folded, from)
                .filter(|n| from + n <= to)
            {
                from += n;
            }
            if from == before {
                break;
            }
        }
        // What is counted comes after the verb that opens the clause (打造…企業20個, Build 80
        // benchmark enterprises); the lead keeps the verb.
        let lead_start = from;
        if let Some(n) = self
            .words
            .verbs
            .word_at(&t.folded, from)
            .filter(|&n| from + n < to && ascii_bounded(t, from, from + n))
        {
            from += n;
            while from < to && t.chars[from] == ' ' {
                from += 1;
            }
            // …and the article or connective after it (cut a total of → total).
            while let Some(n) = self
                .words
                .lead_words
                .word_at(&t.folded, from)
                .filter(|&n| from + n < to)
            {
                from += n;
                while from < to && t.chars[from] == ' ' {
                    from += 1;
                }
            }
        }
        // A possessive left by a place cut from the start (Wenzhou's GDP → GDP).
        if english
            && from > 0
            && from + 2 <= to
            && matches!(t.chars[from - 1], '\'' | '’')
            && t.chars[from] == 's'
            && t.chars[from + 1] == ' '
        {
            from += 2;
        }
        let mut lead_to = to;
        while lead_to > from && t.chars[lead_to - 1] == ' ' {
            lead_to -= 1;
        }
        let limit = if english {
            self.words.max_chars_en
        } else {
            self.words.max_chars
        };
        let mut lead_from = lead_start.max(lead_to.saturating_sub(limit));
        if english && lead_from > lead_start {
            // Start at a word.
            while lead_from < lead_to && t.chars[lead_from - 1] != ' ' {
                lead_from += 1;
            }
        }
        let lead = t.string(lead_from, lead_to);
        let truncated = lead_from > lead_start;
        let lead = if truncated { format!("…{lead}") } else { lead };
        // An English clause cut short after a list (the primary, secondary, and tertiary
        // industries in H1 was …): the words left name one item of it, not what this figure is.
        if english && truncated && t.chars[lead_start..lead_from].contains(&',') {
            return (lead.trim().to_string(), String::new());
        }
        let lead_from = lead_from.max(from);
        // In English, a noun phrase right before "of" is what the figure measures (Yiwu had a
        // GDP of, with a growth rate of, a year-on-year increase of): its words back to an
        // article, a verb or a preposition.
        if english {
            let before = t.string(from, lead_to);
            if let Some(head) = before.trim_end().strip_suffix(" of") {
                let w = self.words;
                let stops = |word: &str| {
                    let folded: Vec<char> = script::fold_chars(word);
                    let whole = |set: &WordSet| set.word_at(&folded, 0) == Some(folded.len());
                    whole(&w.lead_words) || whole(&w.tail_words) || whole(&w.verbs)
                };
                let mut words: Vec<&str> = head
                    .split(' ')
                    .rev()
                    .take_while(|word| !word.is_empty() && !stops(word) && !word.ends_with(','))
                    .take(5)
                    .collect();
                words.reverse();
                let phrase = self.noun_phrase(&words.join(" "), false);
                if !phrase.is_empty() {
                    return (lead.trim().to_string(), phrase);
                }
            }
        }
        // In English, the clause's subject: its words up to the first verb (Cross-border
        // e-commerce exports | to related countries are expected to exceed).
        if english {
            // Up to its first verb: a preposition (the scale of the core industry) does not end it.
            let w = self.words;
            let subject_end = (from..lead_to)
                .filter(|&i| i == from || t.chars[i - 1] == ' ')
                .find(|&i| {
                    i > from
                        && ((w.tail_words.word_at(&t.folded, i).is_some()
                            && w.lead_words.word_at(&t.folded, i).is_none())
                            || w.verbs
                                .word_at(&t.folded, i)
                                .is_some_and(|n| ascii_bounded(t, i, i + n)))
                })
                .unwrap_or(lead_to);
            let mut subject = t.string(from, subject_end).trim().to_string();
            // Too long: its words up to the limit (a noun phrase cut after a noun, by
            // `noun_phrase`, which drops a preposition it ends with).
            if subject.chars().count() > limit {
                let mut cut = String::new();
                for word in subject.split(' ') {
                    if cut.chars().count() + word.chars().count() + 1 > limit {
                        break;
                    }
                    if !cut.is_empty() {
                        cut.push(' ');
                    }
                    cut.push_str(word);
                }
                subject = cut;
            }
            // A possessive left by a place cut from its start (Yiwu’s output → output).
            let subject = ["’s ", "'s "]
                .iter()
                .find_map(|s| subject.strip_prefix(s))
                .map_or(subject.clone(), str::to_string);
            if !subject.is_empty() && subject.chars().count() <= limit {
                return (lead.trim().to_string(), self.noun_phrase(&subject, false));
            }
        }
        // What it measures: the lead without the verbs and prepositions before the figure, and
        // without closing marks whose opening mark it does not hold.
        let mut end = lead_to;
        loop {
            while end > from && is_mark(t.chars[end - 1]) && !closes_within(&t.chars[from..end]) {
                end -= 1;
            }
            match self.words.tail_words.longest_before(&t.folded, end) {
                Some(n) if end - n >= from && ascii_bounded(t, end - n, end) => end -= n,
                _ => break,
            }
        }
        let measure = t.string(lead_from.min(end), end).trim().to_string();
        (lead.trim().to_string(), self.noun_phrase(&measure, truncated))
    }

    /// A measure as a noun phrase naming what is counted, or nothing: without the verbs and
    /// prepositions at its end; when its clause was cut short at its start, from after the last
    /// verb in it (…聯盟已發佈科技成果 → 科技成果), and nothing if it is then a list cut
    /// mid-way (…聯網、數據元件、區塊鏈); nothing if it ends with a word no noun phrase ends
    /// with (最多時, 則可, 具體舉措與, stands on).
    fn noun_phrase(&self, measure: &str, truncated: bool) -> String {
        let w = self.words;
        // Words that say how the figures of a list share a measure (分别, respectively) are no
        // part of it: 收入分别增长 measures 收入增长.
        let measure = w.drop_words(measure);
        let t = Text::new(&measure);
        let (mut from, mut end) = (0, t.chars.len());
        if truncated {
            if let Some((at, n)) = words_in(&w.verbs, &t, 0, end)
                .into_iter()
                .rev()
                .find(|&(at, n)| at + n < end)
            {
                from = at + n;
            } else if let Some(at) = t.chars[..end.saturating_sub(1)].iter().position(|&c| c == '的') {
                // Else after a 的 (…施的企业补贴比例 → 企业补贴比例): a clause cut mid-word
                // starts a noun phrase there.
                from = at + 1;
            }
            if t.chars[from..end].iter().any(|&c| c == '、' || c == ',') {
                return String::new();
            }
        }
        loop {
            while end > from && is_mark(t.chars[end - 1]) && !closes_within(&t.chars[from..end]) {
                end -= 1;
            }
            match w.tail_words.longest_before(&t.folded, end) {
                Some(n)
                    if end - n >= from
                        && ascii_bounded(&t, end - n, end)
                        && (end - n == from
                            || t.chars[end - n - 1] == ' '
                            || !t.chars[end - 1].is_ascii_alphabetic()) =>
                {
                    end -= n
                }
                _ => break,
            }
        }
        while from < end && is_mark(t.chars[from]) {
            from += 1;
        }
        if end <= from {
            return String::new();
        }
        // An English list (the primary, secondary, and tertiary industries): which of its items
        // a figure measures is not said here; no measure rather than another item's.
        if t.chars[from..end].contains(&',') && t.chars[from..end].iter().any(char::is_ascii_alphabetic) {
            return String::new();
        }
        // An English verb at the start (Build …, includes cultivating …).
        if let Some(n) = w
            .verbs
            .word_at(&t.folded, from)
            .filter(|&n| ascii_bounded(&t, from, from + n))
        {
            let next = from + n;
            if next >= end || t.chars[next] == ' ' {
                return String::new();
            }
        }
        let ends_badly = [&w.fragment_end, &w.verbs].iter().any(|set| {
            set.longest_before(&t.folded, end).is_some_and(|n| {
                let at = end - n;
                // An English word must stand alone (up, not group).
                !t.chars[at].is_ascii_alphabetic() || at == from || t.chars[at - 1] == ' '
            })
        });
        let alone = w.not_alone.word_at(&t.folded, from) == Some(end - from);
        if ends_badly || alone || t.chars[from..end].iter().filter(|c| !is_mark(**c)).count() < 2 {
            return String::new();
        }
        t.string(from, end).trim().to_string()
    }

    /// The words right after the figure in its clause that name what it counts (推出27條相關舉措
    /// → 相關舉措; 40 billion yuan in imports from related countries → in imports from …).
    fn tail(&self, p: &AnnotatedParagraph, t: &Text, a: &Annotation, clause_end: usize, english: bool) -> String {
        let from = a.end();
        let mut to = clause_end.min(t.chars.len());
        while to > from && is_mark(t.chars[to - 1]) {
            to -= 1;
        }
        if english {
            // A phrase starting with in, of or worth (of): what the amount is of.
            let rest = t.string(from, to);
            let rest = rest.trim_start();
            // Of something named in words, not of a year or another number (in 2024).
            let starts = ["in ", "of ", "worth of ", "worth "].iter().any(|w| {
                rest.strip_prefix(w)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
            });
            // Nor of a date (in H1, in the first half of the year).
            let skipped = t.string(from, to).len() - rest.len();
            let phrase_at = from + t.string(from, to)[..skipped].chars().count();
            let word_end = (phrase_at..to).find(|&i| t.chars[i] == ' ').map_or(to, |i| i + 1);
            let of_date = p
                .annotations
                .iter()
                .any(|d| d.kind == Kind::Date && d.start() >= word_end && d.start() <= word_end + 4);
            if !starts || of_date {
                return String::new();
            }
            let words: Vec<&str> = rest.split(' ').take(7).collect();
            let mut phrase = words.join(" ");
            if let Some(cut) = phrase.find(" and ") {
                phrase.truncate(cut);
            }
            return phrase.trim_end_matches(['.', ',', ';']).to_string();
        }
        // Chinese: up to the next mark, at most eight chars, not past a 的 that starts a new phrase.
        // Not past a conjunction or another number (24條具體舉措與14項支持政策: 具體舉措).
        let end = (from..to)
            .find(|&i| {
                is_mark(t.chars[i]) || (i > from && ("与和及".contains(t.folded[i]) || t.chars[i].is_ascii_digit()))
            })
            .unwrap_or(to)
            .min(from + 8);
        let tail = t.string(from, end);
        // A verb phrase of place (奋战在建设工地上, 分布在): what they do, not what is counted.
        if tail.chars().skip(1).any(|c| c == '在') {
            return String::new();
        }
        // A tail that is itself a verb phrase (,力爭…) says nothing of what the figure counts.
        if tail.chars().next().is_some_and(|c| "的和與与及,，".contains(c)) {
            return String::new();
        }
        tail
    }

    /// A tail without its function words, as what a figure measures when its lead says nothing.
    fn trim_tail(&self, tail: &str) -> String {
        let t = Text::new(tail);
        let mut from = 0;
        loop {
            while from < t.chars.len() && (is_mark(t.chars[from]) || t.chars[from] == '/') {
                from += 1;
            }
            match self.words.lead_words.word_at(&t.folded, from) {
                Some(n) => from += n,
                None => break,
            }
        }
        let trimmed = t.string(from, t.chars.len());
        let mut trimmed = trimmed.trim();
        for word in ["worth of ", "worth ", "in ", "of "] {
            if let Some(rest) = trimmed.strip_prefix(word) {
                trimmed = rest;
                break;
            }
        }
        trimmed.to_string()
    }

    /// The date a figure is for: the one governing its clause, never a baseline (比2020年,
    /// 自2022年…以來, from 2023). In order: the nearest date before it in its clause (in
    /// English, else the first after it: reached 570 billion yuan in 2024); the nearest before
    /// it in its sentence; a date heading an earlier sentence of its paragraph (2024年,全市…。
    /// 其中…), never one said in passing in the middle of another sentence.
    #[allow(clippy::too_many_arguments)]
    fn governing_date<'p>(
        &self,
        p: &'p AnnotatedParagraph,
        t: &Text,
        a: &Annotation,
        clause_start: usize,
        clause_end: usize,
        sentence_start: usize,
        english: bool,
    ) -> Option<&'p Annotation> {
        let w = self.words;
        let dates = || {
            p.annotations
                .iter()
                .filter(|d| d.kind == Kind::Date && &*d.value != "--")
                .filter(|d| {
                    let before = d.start() - marks_before(t, d.start());
                    !w.baseline_before.ends_at(&t.folded, before)
                        && !(d.end()..(d.end() + 12).min(t.chars.len()))
                            .take_while(|&i| !self.stops.breaks_at(&t.chars, i))
                            .any(|i| w.baseline_after.starts_at(&t.folded, i))
                })
        };
        if let Some(d) = dates().rfind(|d| d.start() >= clause_start && d.end() <= a.start()) {
            return Some(d);
        }
        if english && let Some(d) = dates().find(|d| d.start() >= a.end() && d.end() <= clause_end) {
            return Some(d);
        }
        if let Some(d) = dates().rfind(|d| d.start() >= sentence_start && d.end() <= a.start()) {
            return Some(d);
        }
        // A date heading its clause: nothing before it in the clause but marks, lead words
        // (在, 截至), places and cities, or a few words (在剛剛過去的2021年, It is proposed that
        // by 2027) and no figure.
        let opens_clause = |d: &Annotation| {
            let start = (0..d.start())
                .rev()
                .find(|&i| self.stops.breaks_at(&t.chars, i))
                .map_or(0, |i| i + 1);
            let mut at = start;
            loop {
                let before = at;
                while at < d.start() && is_mark(t.chars[at]) {
                    at += 1;
                }
                if let Some(b) = p
                    .annotations
                    .iter()
                    .find(|b| b.start() == at && b.end() <= d.start() && matches!(b.kind, Kind::City | Kind::Place))
                {
                    at = b.end();
                }
                if let Some(n) = w.lead_words.word_at(&t.folded, at).filter(|n| at + n <= d.start()) {
                    at += n;
                }
                if at == before {
                    break;
                }
            }
            let words = if english {
                t.string(at, d.start()).split_whitespace().count()
            } else {
                (at..d.start()).filter(|&i| !is_mark(t.chars[i])).count() / 2
            };
            words <= 4
                && !p
                    .annotations
                    .iter()
                    .any(|f| f.kind == Kind::Figure && f.start() >= start && f.end() <= d.start())
        };
        dates().rfind(|d| d.end() <= sentence_start && opens_clause(d))
    }

    /// Target, outcome, condition or comparison.
    #[allow(clippy::too_many_arguments)]
    fn status(
        &self,
        p: &AnnotatedParagraph,
        t: &Text,
        a: &Annotation,
        qualifier: Option<QualifierKind>,
        clause_start: usize,
        sentence_start: usize,
        when: Option<&Annotation>,
        year: Option<i32>,
    ) -> Status {
        let w = self.words;
        let before_clause = |set: &WordSet| !words_in(set, t, clause_start, a.start()).is_empty();
        // A cap (不超過30%, 按不超過合同費用的30%) or a word of incentive anywhere in its clause
        // (…30%給予補貼), or a threshold's 的 after it.
        let clause_end = (a.end()..t.chars.len())
            .find(|&i| self.stops.breaks_at(&t.chars, i))
            .unwrap_or(t.chars.len());
        if qualifier == Some(QualifierKind::AtMost)
            || !words_in(&w.condition_before, t, clause_start, clause_end).is_empty()
            || w.condition_after.starts_at(&t.folded, a.end())
        {
            return Status::Condition;
        }
        if before_clause(&w.comparison) {
            return Status::Comparison;
        }
        // The nearest signal before the figure in its sentence: a deadline (到2027年), a word of
        // aim, or a word of what was reached.
        let mut signals: Vec<(usize, Status)> = Vec::new();
        for d in p
            .annotations
            .iter()
            .filter(|d| d.kind == Kind::Date && d.start() >= sentence_start && d.end() <= a.start())
        {
            // 截至2024年底 is "as of" (an outcome's date), though it ends in 至.
            if w.as_of_before.longest_before(&t.folded, d.start()).is_some() {
                continue;
            }
            if let Some(n) = w.deadline_before.longest_before(&t.folded, d.start()) {
                // 预计到2027年 is a forecast's date, not a plan's deadline.
                let status = if w.forecast.longest_before(&t.folded, d.start() - n).is_some() {
                    Status::Forecast
                } else {
                    Status::Target
                };
                signals.push((d.start(), status));
            } else if is_deadline_en(t, d.start()) {
                signals.push((d.start(), Status::Target));
            }
        }
        for (at, _) in words_in(&w.target, t, sentence_start, a.start()) {
            // 预计将 is a forecast's "will", not a plan's; 虚拟 and 拟上市公司 hold no aim.
            if w.forecast.longest_before(&t.folded, at).is_none() && !w.not_target_covers(&t.folded, at) {
                signals.push((at, Status::Target));
            }
        }
        for (at, _) in words_in(&w.forecast, t, sentence_start, a.start()) {
            signals.push((at, Status::Forecast));
        }
        for (at, _) in words_in(&w.outcome, t, sentence_start, a.start()) {
            signals.push((at, Status::Outcome));
        }
        let when_year = when
            .and_then(|d| IsoDate::parse(&d.value))
            .and_then(|d| d.end.unwrap_or(d.start).year);
        let future = matches!((when_year, year), (Some(w), Some(y)) if w > y);
        if let Some(&(_, status)) = signals.iter().max_by_key(|(at, _)| *at) {
            // Nothing is reached in a year still to come (…by 2027, the fund has reached ¥10
            // billion): a figure for a later year than the article's is what is aimed at.
            return if status == Status::Outcome && future {
                Status::Target
            } else {
                status
            };
        }
        // An existing stock said with no word of aim (累计引育企业50家, 现有) is what there is.
        if !words_in(&w.stock, t, sentence_start, a.start()).is_empty() && !future {
            return Status::Outcome;
        }
        // Else its year against the article's.
        match (when_year, year) {
            (Some(w), Some(y)) if w > y => Status::Target,
            (Some(_), Some(_)) => Status::Outcome,
            _ => Status::Unknown,
        }
    }

    /// Whether a sentence names the province: a word of the province (全省, 我省) or a place
    /// annotation whose value is the province.
    fn says_province(&self, p: &AnnotatedParagraph, t: &Text, from: usize, to: usize) -> bool {
        (from..to)
            .any(|i| self.province.word_at(&t.chars, i).is_some() || self.province.word_at(&t.folded, i).is_some())
            || p.annotations.iter().any(|b| {
                b.start() >= from
                    && b.end() <= to
                    && matches!(b.kind, Kind::Place | Kind::City)
                    && About::city(&b.value).is_none()
                    && b.cities().is_empty()
                    && (b.value.contains("zhejiang") || b.text.contains("浙江") || b.text.contains("Zhejiang"))
            })
    }

    /// Whether the figure's clause names a place other than the figure's subject: another of
    /// Zhejiang's cities, a county of another, or a place outside Zhejiang.
    fn names_other_place(&self, p: &AnnotatedParagraph, a: &Annotation, from: usize, to: usize) -> bool {
        let subject = a.about;
        p.annotations
            .iter()
            .filter(|b| b.start() >= from && b.end() <= to)
            .any(|b| match b.kind {
                Kind::City => About::city(&b.value) != subject,
                Kind::Place if self.outside.contains(&*b.value) => true,
                Kind::Place => b
                    .cities()
                    .iter()
                    .any(|c| About::city(c).is_some_and(|c| Some(c) != subject && subject != Some(About::Zhejiang))),
                _ => false,
            })
    }
}

/// Whether the last char of `chars` closes a mark opened within them (“數智優品”).
fn closes_within(chars: &[char]) -> bool {
    let Some(&last) = chars.last() else { return false };
    let opening = match last {
        '”' => '“',
        '」' => '「',
        '》' => '《',
        ')' => '(',
        '）' => '（',
        '’' => '‘',
        _ => return false,
    };
    chars[..chars.len() - 1].contains(&opening)
}

/// Whether an ASCII word cut at `from..to` stands alone.
fn ascii_bounded(t: &Text, from: usize, to: usize) -> bool {
    let alnum = |i: usize| t.chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let word = t.chars[from..to].iter().any(|c| c.is_ascii_alphabetic());
    !(word && from > 0 && alnum(from - 1) && alnum(from))
}

/// `by 2027`: an English deadline right before a date.
fn is_deadline_en(t: &Text, at: usize) -> bool {
    at >= 3 && t.folded[..at].ends_with(&['b', 'y', ' '])
}

/// How many chars of marks and spaces end at `end`, and start at `at`.
fn marks_before(t: &Text, end: usize) -> usize {
    t.chars[..end].iter().rev().take_while(|&&c| c == ' ').count()
}

/// Every figure of the corpus as a statement: each paragraph's figures read (copies included,
/// in corpus order), the first occurrence of each statement kept and the later ones, in other
/// articles, credited as its copies. Also the statement of every figure, by (paragraph,
/// annotation index).
pub fn statements(
    seeds: &[Arc<AnnotatedSeed>],
    k: &Knowledge,
    kept: Option<Vec<Vec<Vec<Reading>>>>,
) -> (Vec<FigureStatement>, FxHashMap<(ParaRef, u32), u32>) {
    // Each paragraph's figures: as `serve` kept them (by seed, then paragraph), else read now.
    let read: Vec<Vec<Vec<Reading>>> = match kept {
        Some(kept) => kept,
        None => {
            let reader = Reader::new(k);
            seeds
                .par_iter()
                .map(|s| s.paragraphs.iter().map(|p| reader.read(p, s.year)).collect())
                .collect()
        }
    };
    let mut statements: Vec<FigureStatement> = Vec::new();
    let mut by_id: FxHashMap<ArcStr, u32> = FxHashMap::default();
    let mut statement_of: FxHashMap<(ParaRef, u32), u32> = FxHashMap::default();
    for (s, paragraphs) in read.into_iter().enumerate() {
        for (pi, readings) in paragraphs.into_iter().enumerate() {
            let at = ParaRef { seed: s, para: pi };
            let p = &seeds[s].paragraphs[pi];
            for r in readings {
                let index = u32::try_from(r.index).unwrap_or(u32::MAX);
                let n = match by_id.get(&r.id) {
                    Some(&n) => {
                        let first = &mut statements[n as usize];
                        if first.at.seed != s && !first.copies.iter().any(|c| c.seed == s) {
                            first.copies.push(at);
                        }
                        n
                    }
                    None => {
                        let n = u32::try_from(statements.len()).unwrap_or(u32::MAX);
                        let a = &p.annotations[r.index];
                        by_id.insert(r.id.clone(), n);
                        statements.push(FigureStatement {
                            id: r.id,
                            at,
                            index: r.index,
                            text: a.text.clone(),
                            qualifier: r.qualifier,
                            measure: r.measure,
                            measure_kind: r.measure_kind,
                            lead: r.lead,
                            tail: r.tail,
                            // Never the province's unless its sentence says so (a county's
                            // story read as province-wide is not).
                            subject: match a.about {
                                Some(About::Zhejiang) if !r.says_province => None,
                                about => about,
                            },
                            when: r.when,
                            status: r.status,
                            names_other_place: r.names_other_place,
                            sentence: r.sentence,
                            copies: Vec::new(),
                        });
                        n
                    }
                };
                statement_of.insert((at, index), n);
            }
        }
    }
    (statements, statement_of)
}

/// The best `n` headline figures of `candidates` (indexes into `statements`, in corpus order):
/// only those that may stand as their subject's ([`FigureStatement::is_headline`]), the best
/// ranked first; one per sentence and kind of measure while there are enough, then one per
/// sentence, then any.
pub fn key_figures(
    seeds: &[Arc<AnnotatedSeed>],
    statements: &[FigureStatement],
    candidates: &[usize],
    kinds: &[crate::knowledge::MeasureKind],
    n: usize,
) -> Vec<usize> {
    let unit = |st: &FigureStatement| {
        let a = &seeds[st.at.seed].paragraphs[st.at.para].annotations[st.index];
        a.unit().unwrap_or_default().to_string()
    };
    let mut ranked: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| statements[i].is_headline())
        .collect();
    // Stable: among equals, corpus order.
    ranked.sort_by_key(|&i| std::cmp::Reverse(statements[i].headline_rank(kinds, &unit(&statements[i]))));
    let sentence = |i: usize| (statements[i].at, statements[i].sentence);
    let kind = |i: usize| statements[i].measure_kind.as_deref();
    // The same figure of the same measure said in two sentences (a plan and the news of it) is
    // one key figure.
    let said = |i: usize| {
        let st = &statements[i];
        (
            script::fold_chars(&st.text),
            script::fold_chars(&st.measure),
            st.when.clone(),
        )
    };
    let mut out: Vec<usize> = Vec::new();
    for pass in 0..3 {
        for &i in &ranked {
            if out.len() >= n || out.contains(&i) || out.iter().any(|&o| said(o) == said(i)) {
                continue;
            }
            let new_sentence = !out.iter().any(|&o| sentence(o) == sentence(i));
            let new_kind = kind(i).is_none() || !out.iter().any(|&o| kind(o) == kind(i));
            let fits = match pass {
                0 => new_sentence && new_kind,
                1 => new_sentence,
                _ => true,
            };
            if fits {
                out.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotator;
    use std::path::Path;

    fn seed(text: &str) -> (AnnotatedSeed, Knowledge) {
        let k = Knowledge::load(None).unwrap();
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &k.lexicon).unwrap();
        (Annotator::new(&k).annotate(seed), k)
    }

    /// A figure read in a test: (as written, qualifier, measure, status, when).
    type ReadFigure = (String, Option<&'static str>, String, &'static str, Option<String>);

    /// Every figure of the first paragraph.
    fn read(text: &str) -> Vec<ReadFigure> {
        let (s, k) = seed(text);
        let reader = Reader::new(&k);
        let p = &s.paragraphs[0];
        reader
            .read(p, s.year)
            .into_iter()
            .map(|r| {
                (
                    p.annotations[r.index].text.to_string(),
                    r.qualifier.map(QualifierKind::as_str),
                    r.measure,
                    r.status.as_str(),
                    r.when.map(|w| w.to_string()),
                )
            })
            .collect()
    }

    fn row(
        text: &str,
        q: Option<&'static str>,
        measure: &str,
        status: &'static str,
        when: Option<&str>,
    ) -> (String, Option<&'static str>, String, &'static str, Option<String>) {
        (text.into(), q, measure.into(), status, when.map(String::from))
    }

    #[test]
    fn a_figure_says_what_it_measures_for_when_and_whether_it_is_a_target() {
        let rows = read("題\n到2027年底,全市人工智能核心產業產值/營收超200億元,力爭到2030年底產值/營收超500億元。");
        assert_eq!(
            rows,
            [
                row(
                    "超200億元",
                    Some("more_than"),
                    "人工智能核心產業產值/營收",
                    "target",
                    Some("2027")
                ),
                // Its own clause says only 產值/營收: what the figure before it measures.
                row(
                    "超500億元",
                    Some("more_than"),
                    "人工智能核心產業產值/營收",
                    "target",
                    Some("2030")
                ),
            ]
        );
        // Simplified, dated by the article: an outcome of the year it names.
        let rows = read(
            "题\n2024-06-01\n据统计,2024年浙江全省人工智能产业年产值突破5700亿元,其中杭州企业利润总额占比超七成。",
        );
        assert_eq!(
            rows,
            [
                row(
                    "5700亿元",
                    Some("more_than"),
                    "人工智能产业年产值",
                    "outcome",
                    Some("2024")
                ),
                row("超七成", Some("more_than"), "企业利润总额占比", "outcome", Some("2024")),
            ]
        );
    }

    #[test]
    fn qualifiers_are_kept_as_written() {
        let rows =
            read("題\n2025-03-01\n全市已集聚企業30多個,培育專精特新企業近百家,引進人才約3.5萬人,產值200億元以上。");
        let q: Vec<(String, Option<&str>)> = rows.iter().map(|r| (r.0.clone(), r.1)).collect();
        assert_eq!(
            q,
            [
                ("30多個".to_string(), Some("more_than")),
                ("近百家".to_string(), Some("nearly")),
                ("約3.5萬人".to_string(), Some("about")),
                ("200億元以上".to_string(), Some("more_than")),
            ]
        );
        // 數百項 is several hundred: more than the hundred its number reads, never "100 items".
        let rows = read("題\n2025-03-01\n兩家企業擁有數百項核心技術,帶動数千名工人就業。");
        let q: Vec<(String, Option<&str>)> = rows.iter().map(|r| (r.0.clone(), r.1)).collect();
        assert_eq!(
            q,
            [
                ("數百項".to_string(), Some("more_than")),
                ("数千名".to_string(), Some("more_than")),
            ]
        );
        let rows = read("Title\nThe park drew more than 600 specialists and about 50 universities.");
        let q: Vec<Option<&str>> = rows.iter().map(|r| r.1).collect();
        assert_eq!(q, [Some("more_than"), Some("about")]);
        // 多 after the number and before a unit of ten thousands or more (300多億元) is kept; 數 that
        // ends a word before a figure (人數5.6萬人) qualifies nothing.
        for text in [
            "題\n2025-03-01\n年產值300多億元,涉及就業人數5.6萬人。",
            "题\n2025-03-01\n年产值300多亿元,涉及就业人数5.6万人。",
        ] {
            let rows = read(text);
            let q: Vec<Option<&str>> = rows.iter().map(|r| r.1).collect();
            assert_eq!(q, [Some("more_than"), None], "{text}");
        }
    }

    #[test]
    fn conditions_and_comparisons_are_no_figures_of_a_place() {
        let rows = read("題\n對年薪50萬元以上的人才,給予最高100萬元獎勵;補貼比例不超過合同費用的30%。");
        let statuses: Vec<(&str, &str)> = rows.iter().map(|r| (r.0.as_str(), r.3)).collect();
        assert_eq!(
            statuses,
            [
                ("50萬元以上", "condition"),
                ("100萬元", "condition"),
                ("30%", "condition")
            ]
        );
        let rows = read("题\n2025-02-01\n杭州与成都的距离为1752亿元。");
        assert_eq!(rows[0].3, "comparison");
    }

    #[test]
    fn the_same_sentence_in_either_script_is_one_statement() {
        let (hant, k) = seed("題\n據統計,2024年浙江全省人工智能產業年產值突破5700億元。");
        let (hans, _) = seed("题\n据统计，2024年浙江全省人工智能产业年产值突破5700亿元。");
        let reader = Reader::new(&k);
        let a = reader.read(&hant.paragraphs[0], None);
        let b = reader.read(&hans.paragraphs[0], None);
        assert_eq!(a[0].id, b[0].id);
        assert_eq!(a[0].id.len(), 12);
        // Another sentence with the same number is another statement.
        let (other, _) = seed("題\n寧波去年產值5700億元。");
        assert_ne!(reader.read(&other.paragraphs[0], None)[0].id, a[0].id);
    }

    #[test]
    fn a_clause_naming_another_place_is_marked() {
        let (s, k) = seed("題\n2025-01-01\n杭州GDP達2萬億元,按武漢預計增長6%左右。");
        let reader = Reader::new(&k);
        let p = &s.paragraphs[0];
        let readings = reader.read(p, s.year);
        let by_text = |t: &str| readings.iter().find(|r| &*p.annotations[r.index].text == t).unwrap();
        assert!(!by_text("2萬億元").names_other_place);
        assert!(by_text("6%左右").names_other_place);
    }

    #[test]
    fn english_figures_read_their_measure_from_after_them() {
        let (s, k) = seed(
            "Title\nBy 2025, the city hopes to see 40 billion yuan in imports from related countries. Output topped 570 billion yuan in 2024.",
        );
        let reader = Reader::new(&k);
        let p = &s.paragraphs[0];
        let r = reader.read(p, Some(2023));
        assert_eq!(r[0].measure, "imports from related countries");
        assert_eq!(r[0].status, Status::Target);
        assert_eq!(r[1].measure, "Output");
    }

    #[test]
    fn a_measure_is_a_noun_phrase_or_nothing() {
        // 最多時 and 則可 are pieces of a clause, not what is counted.
        let rows = read("題\n2025-03-01\n園區高峰期最多時達3000人,一些特製汽車則可達3萬多個。");
        assert!(rows.iter().all(|r| r.2.is_empty()), "{rows:?}");
        // The verb opening the clause is not what is counted.
        let rows = read("题\n2025-03-01\n到2027年,打造人工智能应用标杆企业20个,新增高新技术企业12家。");
        let measures: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(measures, ["人工智能应用标杆企业", "高新技术企业"]);
        // English: neither a verb nor a preposition (stands on, Build).
        let rows = read("Title\nThe museum stands on 300 hectares. Build 80 benchmark enterprises.");
        let measures: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(measures, ["museum", ""], "{rows:?}");
        let rows = read("Title\nWenzhou's GDP increased by 3.3 percent in 2022.");
        assert_eq!(rows[0].2, "GDP");
        // A noun phrase before "of" is what is measured.
        let rows =
            read("Title\nLatest data shows that Yiwu had a GDP of 81.57 billion yuan, with a growth rate of 15.5%.");
        let measures: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(measures, ["GDP", "growth rate"], "{rows:?}");
        // 增長 alone says not what grew.
        let rows = read("題\n2025-03-01\n2024年,同比增長6.5%,工業增加值增長7%。");
        let measures: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(measures, ["", "工業增加值增長"], "{rows:?}");
    }

    #[test]
    fn a_change_after_a_figure_measures_the_change_of_that_figure() {
        let measures = |text: &str| -> Vec<String> { read(text).into_iter().map(|r| r.2).collect() };
        assert_eq!(
            measures("題\n2025-03-01\n全市實現產值120億元，增長6.5%。"),
            ["產值", "產值增長"]
        );
        assert_eq!(
            measures("题\n2025-03-01\n全县地区生产总值300亿元、同比增长5.1%;财政收入20亿元。"),
            ["地区生产总值", "地区生产总值增长", "财政收入"]
        );
        assert_eq!(
            measures("Title\nYiwu's output reached 12 billion yuan, up 6.5 percent year-on-year."),
            ["output", "output growth"]
        );
    }

    #[test]
    fn a_measure_ending_in_a_dangling_word_or_naming_one_item_of_a_list_is_none() {
        // A preposition left dangling: no measure (and no tail shown in its place).
        let (seed, k) =
            seed("Title\nThere are 5 leading companies in the field of robotics with a value of over 1 billion yuan.");
        let r = &Reader::new(&k).read(&seed.paragraphs[0], seed.year)[0];
        assert!(r.measure.is_empty() && r.tail.is_empty(), "{} | {}", r.measure, r.tail);
        // Each figure of a list "primary, secondary, and tertiary" is one item's: none is
        // credited the last item's name; a period (in H1) is no part of a measure.
        let rows = read(
            "Title\nThe county's value-added in the primary, secondary, and tertiary industries in H1 was 1.2 billion yuan, 3.4 billion yuan, and 5.6 billion yuan respectively. The county generated 7.8 billion yuan in industrial output in H1.",
        );
        let measures: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(measures, ["", "", "", "industrial output"], "{rows:?}");
        // A clause of its own after ", and" keeps its measure.
        let rows = read(
            "Title\nA total of 10 new tasks have been added, and the scale of the city's fund has reached 2 billion yuan.",
        );
        assert_eq!(rows[1].2, "scale of the city's fund", "{rows:?}");
        // 首次 is an adverb, not part of what is measured.
        let rows = read("題\n2025-11-01\n全市外貿進出口總值首次突破600億元。");
        assert_eq!(rows[0].2, "外貿進出口總值");
    }

    #[test]
    fn a_target_needs_a_cue_and_a_stock_is_what_there_is() {
        // 虚拟 and 拟上市 hold 拟 but aim at nothing; 累计 with no aim is a stock.
        let rows = read("題\n2025-03-01\n一個“虛擬集團”盤活了7000餘家企業。");
        assert_ne!(rows[0].3, "target", "{rows:?}");
        let rows = read("题\n2025-03-01\n安吉在谈拟上市公司21家。");
        assert_ne!(rows[0].3, "target", "{rows:?}");
        let rows = read("题\n2025-03-01\n全市累计引育人工智能企业50家。");
        assert_eq!(rows[0].3, "outcome", "{rows:?}");
        // …but 到2027年累计 is a deadline's target.
        let rows = read("题\n2025-03-01\n到2027年,全市累计引育人工智能企业80家。");
        assert_eq!(rows[0].3, "target", "{rows:?}");
        // Nothing is reached in a year still to come.
        let rows = read(
            "Title\n2025-03-01\nIt is proposed that by 2027 the scale of the city's artificial intelligence fund has reached 10 billion yuan.",
        );
        assert_eq!(rows[0].3, "target", "{rows:?}");
    }

    #[test]
    fn measures_are_no_fragments() {
        // 分别 is no part of what is measured; 预计 ends none.
        let rows = read("題\n2025-03-01\n城鄉居民人均可支配收入分別增長5.9%和6.2%。");
        assert_eq!(rows[0].2, "城鄉居民人均可支配收入增長", "{rows:?}");
        let rows = read("题\n2025-03-01\n全年R&D经费投入强度预计2.7%。");
        assert_eq!(rows[0].2, "R&D经费投入强度", "{rows:?}");
        // People are not an area: no measure rather than the figure before's.
        let rows = read("題\n2025-03-01\n島上已開發面積達26平方公里,最多時有8萬人奮戰在建設工地上。");
        assert_eq!(rows[1].2, "", "{rows:?}");
        // An amount given again in another currency measures the same thing.
        let rows =
            read("Title\n2025-03-01\nIn 2024, Yiwu's foreign trade amounted to 390 billion yuan ($58.5 billion).");
        assert_eq!(rows[1].2, rows[0].2, "{rows:?}");
    }

    #[test]
    fn a_figure_is_dated_by_its_own_clause_never_by_a_baseline() {
        let rows = read("題\n2025-03-01\n2024年,全市產值達120億元,比2020年增長45%。");
        assert_eq!(rows[1].4.as_deref(), Some("2024"), "{rows:?}");
        let rows = read("题\n2025-03-01\n自2022年举办首届大会以来,全市数据企业已从26家发展到超600家。");
        assert!(rows.iter().all(|r| r.4.is_none()), "{rows:?}");
        let rows = read("Title\nExports stood at 40 billion yuan in 2024, up 8 percent from 2023.");
        assert_eq!(rows[0].4.as_deref(), Some("2024"), "{rows:?}");
        assert_eq!(rows[1].4.as_deref(), Some("2024"), "{rows:?}");
    }

    #[test]
    fn a_forecast_is_no_target_and_as_of_is_an_outcome() {
        let rows = read("題\n2025-03-01\n2025年全市GDP預計將增長6%左右,有望突破8000億元;力爭到2027年產值超500億元。");
        let statuses: Vec<&str> = rows.iter().map(|r| r.3).collect();
        assert_eq!(statuses, ["forecast", "forecast", "target"], "{rows:?}");
        let rows = read("题\n2025-03-01\n截至2024年底,全市累计培育企业300家。");
        assert_eq!(rows[0].3, "outcome", "{rows:?}");
        let rows = read("Title\nOutput is expected to reach 90 billion yuan by 2027.");
        assert_eq!(rows[0].3, "forecast", "{rows:?}");
    }

    #[test]
    fn a_figure_is_the_provinces_only_when_its_sentence_says_so() {
        let (s, k) = seed("題\n2025-03-01\n天台縣今年新增企業30家。\n全省今年新增企業3000家。");
        let (sts, _) = statements(&[Arc::new(s)], &k, None);
        let about: Vec<Option<About>> = sts.iter().map(|st| st.subject).collect();
        assert_ne!(about[0], Some(About::Zhejiang), "{about:?}");
        assert_eq!(about[1], Some(About::Zhejiang), "{about:?}");
    }
}
