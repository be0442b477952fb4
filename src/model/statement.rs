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
    /// What is planned, aimed at or forecast (到2027年…超200億元).
    Target,
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
            Status::Condition => "condition",
            Status::Comparison => "comparison",
            Status::Unknown => "unknown",
        }
    }

    /// Whether the figure is one of its subject's own (an outcome, a target, or unsaid), as
    /// opposed to a condition or a comparison.
    pub fn is_of_subject(self) -> bool {
        matches!(self, Status::Outcome | Status::Target | Status::Unknown)
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
    /// The ids of places outside Zhejiang (as place annotations carry them).
    outside: FxHashSet<String>,
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
            outside: k
                .gazetteer
                .outside
                .iter()
                .map(|p| crate::text::slug::slug(&p.name_en))
                .collect(),
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
        let mut previous: Option<(usize, String, Option<String>)> = None;
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
            let tail = self.tail(&t, a, clause_end, english);
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
            let (measure, inherited_kind) = match &previous {
                Some((sentence, before, kind))
                    if (*sentence == s_from && measure.chars().count() <= 1)
                        || (measure.chars().count() >= 2 && before.ends_with(measure.as_str())) =>
                {
                    (before.clone(), kind.clone())
                }
                _ => (measure, None),
            };
            let measure_folded: String = script::fold_chars(&format!("{measure}{tail}")).into_iter().collect();
            let measure_kind = self
                .words
                .measure_kind(&measure_folded, unit)
                .map(|k| k.id.clone())
                .or(inherited_kind);
            previous = Some((s_from, measure.clone(), measure_kind.clone()));
            let when = nearest_date_before(p, a.start());
            let status = self.status(p, &t, a, qualifier, clause_start, s_from, when, year);
            out.push(Reading {
                index,
                id: ArcStr::from(&id[..12]),
                qualifier,
                measure,
                measure_kind,
                lead,
                tail,
                when: when.map(|d| d.value.clone()),
                status,
                names_other_place: self.names_other_place(p, a, clause_start, clause_end),
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
            .find(|(w, _)| span.starts_with(w) && span.len() > w.len())
            .map(|(_, k)| *k);
        let number_end = span
            .iter()
            .rposition(|c| c.is_ascii_digit() || "零一二三四五六七八九十百千万亿两".contains(*c))
            .map_or(span.len(), |i| i + 1);
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
        let mut lead_to = to;
        while lead_to > from && t.chars[lead_to - 1] == ' ' {
            lead_to -= 1;
        }
        let limit = if english {
            self.words.max_chars_en
        } else {
            self.words.max_chars
        };
        let mut lead_from = from.max(lead_to.saturating_sub(limit));
        if english && lead_from > from {
            // Start at a word.
            while lead_from < lead_to && t.chars[lead_from - 1] != ' ' {
                lead_from += 1;
            }
        }
        let lead = t.string(lead_from, lead_to);
        let lead = if lead_from > from { format!("…{lead}") } else { lead };
        // In English, the clause's subject: its words up to the first verb (Cross-border
        // e-commerce exports | to related countries are expected to exceed).
        if english {
            let subject_end = (from..lead_to)
                .filter(|&i| i == from || t.chars[i - 1] == ' ')
                .find(|&i| self.words.tail_words.word_at(&t.folded, i).is_some() && i > from)
                .unwrap_or(lead_to);
            let subject = t.string(from, subject_end).trim().to_string();
            if !subject.is_empty() && subject.chars().count() <= limit {
                return (lead.trim().to_string(), subject);
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
        (lead.trim().to_string(), measure)
    }

    /// The words right after the figure in its clause that name what it counts (推出27條相關舉措
    /// → 相關舉措; 40 billion yuan in imports from related countries → in imports from …).
    fn tail(&self, t: &Text, a: &Annotation, clause_end: usize, english: bool) -> String {
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
            if !starts {
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
        let end = (from..to).find(|&i| is_mark(t.chars[i])).unwrap_or(to).min(from + 8);
        let tail = t.string(from, end);
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
            if w.deadline_before.longest_before(&t.folded, d.start()).is_some() || is_deadline_en(t, d.start()) {
                signals.push((d.start(), Status::Target));
            }
        }
        for (at, _) in words_in(&w.target, t, sentence_start, a.start()) {
            signals.push((at, Status::Target));
        }
        for (at, _) in words_in(&w.outcome, t, sentence_start, a.start()) {
            signals.push((at, Status::Outcome));
        }
        if let Some(&(_, status)) = signals.iter().max_by_key(|(at, _)| *at) {
            return status;
        }
        // Else its year against the article's.
        let when_year = when
            .and_then(|d| IsoDate::parse(&d.value))
            .and_then(|d| d.end.unwrap_or(d.start).year);
        match (when_year, year) {
            (Some(w), Some(y)) if w > y => Status::Target,
            (Some(_), Some(_)) => Status::Outcome,
            _ => Status::Unknown,
        }
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

/// The nearest date before chars `at` in the paragraph whose value says something (not `--`).
fn nearest_date_before(p: &AnnotatedParagraph, at: usize) -> Option<&Annotation> {
    p.annotations
        .iter()
        .rfind(|d| d.kind == Kind::Date && d.end() <= at && &*d.value != "--")
}

/// Every figure of the corpus as a statement: each paragraph's figures read (copies included,
/// in corpus order), the first occurrence of each statement kept and the later ones, in other
/// articles, credited as its copies. Also the statement of every figure, by (paragraph,
/// annotation index).
pub fn statements(
    seeds: &[Arc<AnnotatedSeed>],
    k: &Knowledge,
) -> (Vec<FigureStatement>, FxHashMap<(ParaRef, u32), u32>) {
    let reader = Reader::new(k);
    let read: Vec<Vec<Vec<Reading>>> = seeds
        .par_iter()
        .map(|s| s.paragraphs.iter().map(|p| reader.read(p, s.year)).collect())
        .collect();
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
                            subject: a.about,
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
}
