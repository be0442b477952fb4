//! The articles' own words: definitions, expansions of numbered slogans, and the category an
//! article gives a quoted name, each quoted verbatim (the whole sentence) from one paragraph.
//!
//! Definitions: 所谓X,是指…; X是指…; X(即…); X,即… and “X”即…; …(以下简称X); X是…的模式
//! (机制, 制度, 做法, 方式). Where X is quoted its marks bound it; where it is not, its left edge is
//! a word boundary found by segmentation ([`super::segment`]), and X counts only when it is the
//! text of a term the articles use (so 发放算力券(即…) explains 算力券, never 发放算力券). A
//! slogan of numbers (1+4+N, 361) is expanded where the article says what each part is (“1”即…
//! “4”即… “N”即…, or 一是…二是…三是… after it).

use super::segment;
use super::{Explanation, Origin, ParaRef, Quote};
use crate::annotate::AnnotatedSeed;
use crate::knowledge::{CLOSING_QUOTES, ExplainTables, RuleWords};
use crate::text::han::is_han;
use crate::text::hash;
use crate::text::script::fold_chars as fold;
use crate::text::sentences::Stops;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::{Arc, Mutex, PoisonError};

/// Besides the ends of clauses, the marks a term's left edge may be at the latest (folded): the
/// enumeration comma and brackets.
const TERM_EDGES: &str = "、()《》[]【】";
const OPENING: &str = "“‘「『";
const CLOSING: &str = CLOSING_QUOTES;
/// Longest X, in chars.
const MAX_TERM: usize = 30;
/// Longest word between a quoted name and 即 for the definition to be the name's.
const SHORT_WORD: usize = 3;

/// How many of a slogan's uses are read for its expansion.
const SLOGAN_USES_READ: usize = 32;
/// Chars of a sentence before the words quoted beyond which the quote starts at their clause.
const LONG_LEAD: usize = 40;

/// The key a term is found by: folded char by char (Simplified, half-width, lowercase), without
/// quotation marks or spaces. Char by char, as paragraphs are folded, so that no phrase
/// conversion runs for each of the thousands of places a term might start.
pub fn key(text: &str) -> String {
    folded_key(&fold(text))
}

fn folded_key(folded: &[char]) -> String {
    folded
        .iter()
        .filter(|c| !c.is_whitespace() && !OPENING.contains(**c) && !CLOSING.contains(**c) && **c != '"')
        .collect()
}

/// A find in one paragraph: which term, what was found, and the sentence.
#[derive(Clone)]
enum Hit {
    Definition { term: usize, explanation: Explanation },
    Category { term: usize, category: usize, quote: Quote },
}

/// What the articles say about the terms asked for, first find first.
#[derive(Default)]
pub struct Found {
    definitions: FxHashMap<usize, Explanation>,
    categories: FxHashMap<usize, (usize, Quote)>,
}

impl Found {
    /// The first definition of term `term`.
    pub fn definition(&self, term: usize) -> Option<Explanation> {
        self.definitions.get(&term).cloned()
    }

    /// The category the articles first give term `term` (written `text`).
    pub fn category(&self, term: usize, text: &str, tables: &ExplainTables) -> Option<Explanation> {
        let (category, quote) = self.categories.get(&term)?;
        let c = &tables.categories[*category];
        Some(Explanation {
            origin: Origin::Article,
            label_en: None,
            zh: format!("据原文,“{text}”是{}。", c.zh),
            en: Some(format!("According to the article, “{text}” is {}.", c.en)),
            reference: None,
            quote: Some(quote.clone()),
            parts: Vec::new(),
            notes: Vec::new(),
        })
    }
}

/// What reading each paragraph found, kept between builds (`serve` keeps one): reading the
/// paragraphs is most of the model stage, and an edit changes few of them. A paragraph's finds
/// hold while its text is the same and every text it looked up among the wanted terms is, or
/// is not, a wanted term as before (a term explained elsewhere since, or newly used, changes
/// the answer). Made for one knowledge: cleared when it changes.
#[derive(Default)]
pub struct Finds {
    /// By paragraph and a hash of its text.
    kept: Mutex<FxHashMap<(ParaRef, u64), Arc<ParagraphFinds>>>,
}

impl Finds {
    /// Forgets every find (the knowledge changed).
    pub fn clear(&self) {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

/// A paragraph's finds, by the paragraph and a hash of its text.
type Kept = ((ParaRef, u64), Arc<ParagraphFinds>);

/// One paragraph's hits, and every text it looked up with the term found for it.
struct ParagraphFinds {
    hits: Vec<Hit>,
    looked: Vec<(String, Option<usize>)>,
}

impl ParagraphFinds {
    /// The hits, their terms numbered as in `wanted`, when every look-up gives the answer it
    /// gave (terms are numbered anew each build, so a hit's term is found again by its text).
    fn hits_for(&self, wanted: &FxHashMap<String, usize>) -> Option<Vec<Hit>> {
        if !self
            .looked
            .iter()
            .all(|(k, was)| wanted.contains_key(k) == was.is_some())
        {
            return None;
        }
        let now = |was: usize| {
            let (k, _) = self.looked.iter().find(|(_, t)| *t == Some(was))?;
            wanted.get(k).copied()
        };
        self.hits
            .iter()
            .map(|h| {
                let mut h = h.clone();
                match &mut h {
                    Hit::Definition { term, .. } | Hit::Category { term, .. } => *term = now(*term)?,
                }
                Some(h)
            })
            .collect()
    }
}

/// Reads every paragraph that holds a marker, for the terms in `wanted` (by [`key`]); with
/// `finds`, reads again only paragraphs whose finds no longer hold, and keeps this build's.
pub fn find(
    seeds: &[Arc<AnnotatedSeed>],
    wanted: &FxHashMap<String, usize>,
    reading: Reading,
    finds: Option<&Finds>,
) -> Found {
    let refs: Vec<ParaRef> = seeds
        .iter()
        .enumerate()
        .flat_map(|(s, seed)| (0..seed.paragraphs.len()).map(move |p| ParaRef { seed: s, para: p }))
        .collect();
    let mut kept = finds.map(|f| std::mem::take(&mut *f.kept.lock().unwrap_or_else(PoisonError::into_inner)));
    let read: Vec<(Vec<Hit>, Option<Kept>)> = refs
        .par_iter()
        .map(|&at| {
            let text = &seeds[at.seed].paragraphs[at.para].text;
            if !reading.tables.words.may_define(text) {
                return (Vec::new(), None);
            }
            let id = (at, hash::of(&**text));
            if let Some(old) = kept.as_ref().and_then(|k| k.get(&id))
                && let Some(hits) = old.hits_for(wanted)
            {
                return (hits, Some((id, Arc::clone(old))));
            }
            let chars: Vec<char> = text.chars().collect();
            let paragraph = Paragraph::new(at, &chars, wanted, reading);
            let hits = paragraph.hits();
            let looked = paragraph.looked.into_inner();
            let now = finds.map(|_| {
                let finds = ParagraphFinds {
                    hits: hits.clone(),
                    looked,
                };
                (id, Arc::new(finds))
            });
            (hits, now)
        })
        .collect();
    if let (Some(finds), Some(kept)) = (finds, kept.as_mut()) {
        kept.clear();
        kept.extend(read.iter().filter_map(|(_, now)| now.clone()));
        *finds.kept.lock().unwrap_or_else(PoisonError::into_inner) = std::mem::take(kept);
    }
    let mut found = Found::default();
    for hit in read.into_iter().flat_map(|(hits, _)| hits) {
        match hit {
            Hit::Definition { term, explanation } => {
                found.definitions.entry(term).or_insert(explanation);
            }
            Hit::Category { term, category, quote } => {
                found.categories.entry(term).or_insert((category, quote));
            }
        }
    }
    found
}

/// What reading an article for definitions takes: the tables and words of `data/explain/`, and
/// where sentences and clauses end.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub tables: &'a ExplainTables,
    pub stops: &'a Stops,
}

/// One paragraph being read.
struct Paragraph<'a> {
    at: ParaRef,
    chars: &'a [char],
    /// `chars` folded (Simplified, ASCII punctuation), same length.
    folded: Vec<char>,
    wanted: &'a FxHashMap<String, usize>,
    /// Every text looked up in `wanted`, with what it found ([`ParagraphFinds`]).
    looked: RefCell<Vec<(String, Option<usize>)>>,
    tables: &'a ExplainTables,
    words: &'a RuleWords,
    stops: &'a Stops,
}

impl<'a> Paragraph<'a> {
    fn new(at: ParaRef, chars: &'a [char], wanted: &'a FxHashMap<String, usize>, reading: Reading<'a>) -> Self {
        let folded = chars
            .iter()
            .map(|&c| crate::text::script::fold_char_cached(c))
            .collect();
        Paragraph {
            at,
            chars,
            folded,
            wanted,
            looked: RefCell::new(Vec::new()),
            tables: reading.tables,
            words: &reading.tables.words,
            stops: reading.stops,
        }
    }

    /// Whether a sentence starts after char `k`: it ends one.
    fn ends_sentence(&self, k: usize) -> bool {
        self.stops.is_sentence_end(self.chars, k)
    }

    /// Whether a term may start after char `k` at the earliest: it ends a sentence or a clause,
    /// or is a bracket or an enumeration comma.
    fn ends_clause(&self, k: usize) -> bool {
        self.stops.clause_ends_at(self.chars, k + 1) || TERM_EDGES.contains(self.folded[k])
    }

    /// Whether a clause ends at char `k`: a sentence or clause stop, a bracket or an enumeration
    /// comma starts there.
    fn breaks_at(&self, k: usize) -> bool {
        self.stops.breaks_at(self.chars, k) || TERM_EDGES.contains(self.folded[k])
    }

    fn starts_with_word(&self, at: usize, word: &[char]) -> bool {
        self.folded.get(at..).is_some_and(|rest| rest.starts_with(word))
    }

    fn starts_with(&self, at: usize, word: &str) -> bool {
        (at..).zip(word.chars()).all(|(k, w)| self.folded.get(k) == Some(&w))
    }

    /// Every definition and category in the paragraph, in order.
    fn hits(&self) -> Vec<Hit> {
        let mut out = Vec::new();
        let n = self.folded.len();
        for i in 0..n {
            let c = self.folded[i];
            let found = match c {
                '所' if self.starts_with(i, "所谓") => self.so_called(i),
                '是' if self.starts_with(i, "是指") && !self.so_called_before(i) => self.defined_before(i, i),
                '(' if self.starts_with(i + 1, "即") => self.defined_before(i, i),
                '(' => self.short_name(i),
                ',' if self.starts_with(i + 1, "即") && self.ji_defines(i + 1) => self.defined_before(i, i),
                '即' if i > 0 && CLOSING.contains(self.folded[i - 1]) && self.ji_defines(i) => {
                    self.defined_before(i, i)
                }
                '的' => self.defining_noun(i),
                _ => None,
            };
            if let Some(hit) = found {
                let repeated = |h: &Hit| match (h, &hit) {
                    (
                        Hit::Definition {
                            term: a,
                            explanation: x,
                        },
                        Hit::Definition {
                            term: b,
                            explanation: y,
                        },
                    ) => a == b && x.quote.as_ref().map(|q| q.start) == y.quote.as_ref().map(|q| q.start),
                    _ => false,
                };
                if !out.iter().any(repeated) {
                    out.push(hit);
                }
            }
            if CLOSING.contains(c)
                && let Some(hit) = self.category(i)
            {
                out.push(hit);
            }
        }
        out
    }

    /// 即 at `at` starts a definition (not 即将, 即使, 即可 …).
    fn ji_defines(&self, at: usize) -> bool {
        self.folded
            .get(at + 1)
            .is_some_and(|c| !self.words.not_after_ji.contains(c))
    }

    /// A 所谓 earlier in the sentence before `at` (所谓X,是指… is read from 所谓).
    fn so_called_before(&self, at: usize) -> bool {
        let mut k = at;
        while k > 0 && !self.ends_sentence(k - 1) {
            k -= 1;
        }
        (k..at).any(|k| self.starts_with(k, "所谓"))
    }

    /// Where the clause ending at `end` starts.
    fn clause_start(&self, end: usize) -> usize {
        let mut k = end;
        while k > 0 && end - k < MAX_TERM + 2 && !self.ends_clause(k - 1) {
            k -= 1;
        }
        k
    }

    /// The sentence around `start..end`, as a quote; when the sentence runs on for long before
    /// it, from the clause that holds `start`.
    fn quote(&self, start: usize, end: usize) -> Quote {
        let mut s = start;
        while s > 0 && !self.ends_sentence(s - 1) {
            s -= 1;
        }
        if start - s > LONG_LEAD {
            s = start;
            while s > 0 && !self.ends_clause(s - 1) {
                s -= 1;
            }
        }
        // Not from the mark that closes the sentence before (“…标杆。”金义产投集团…).
        while s < start && (self.chars[s].is_whitespace() || CLOSING.contains(self.folded[s])) {
            s += 1;
        }
        let e = self.stops.sentence_end_from(self.chars, end.max(s));
        Quote {
            at: self.at,
            start: s,
            end: e,
            text: self.chars[s..e].iter().collect(),
        }
    }

    fn definition(&self, term: usize, start: usize, end: usize) -> Hit {
        let quote = self.quote(start, end);
        Hit::Definition {
            term,
            explanation: Explanation {
                origin: Origin::Article,
                label_en: None,
                zh: quote.text.clone(),
                en: None,
                reference: None,
                quote: Some(quote),
                parts: Vec::new(),
                notes: Vec::new(),
            },
        }
    }

    /// The term whose text is `chars[start..end]`, without quotation marks.
    fn term_at(&self, start: usize, end: usize) -> Option<usize> {
        if start >= end || end - start > MAX_TERM + 2 {
            return None;
        }
        let key = folded_key(&self.folded[start..end]);
        let term = self.wanted.get(&key).copied();
        self.looked.borrow_mut().push((key, term));
        term
    }

    /// The term that ends at `end` and starts no earlier than `lo`: quoted (its marks bound
    /// it, a category noun may follow the marks: “揭榜挂帅”机制), else starting at a word
    /// boundary (the longest that is a term's text).
    fn term_ending(&self, lo: usize, end: usize) -> Option<(usize, usize)> {
        if end <= lo {
            return None;
        }
        let mut quoted_end = end;
        if !CLOSING.contains(self.folded[end - 1]) {
            // A category noun or a short word after the marks (“揭榜挂帅”机制,即…; “港产城”联动,
            // 即…): what follows explains the quoted name.
            quoted_end = (lo + 1..end)
                .find(|&k| {
                    CLOSING.contains(self.folded[k - 1])
                        && (self
                            .tables
                            .category_at(&self.folded, k)
                            .is_some_and(|(_, n)| k + n == end)
                            || (end - k <= SHORT_WORD && self.chars[k..end].iter().all(|&c| is_han(c))))
                })
                .unwrap_or(end);
        }
        if CLOSING.contains(self.folded[quoted_end - 1]) {
            let open = (lo..quoted_end - 1).rev().find(|&k| OPENING.contains(self.folded[k]))?;
            return self.term_at(open, quoted_end).map(|t| (t, open));
        }
        // Unquoted: the longest text of a term that ends here and starts at a word boundary.
        // Segmenting (and loading the segmenter) only when some term's text ends here at all.
        let candidates: Vec<(usize, usize)> = (lo..end).filter_map(|s| self.term_at(s, end).map(|t| (t, s))).collect();
        if candidates.is_empty() {
            return None;
        }
        let words = segment::words(&self.chars[lo..end]);
        candidates
            .into_iter()
            .find(|&(_, s)| words.iter().any(|(r, _)| lo + r.start == s))
    }

    /// 所谓X,是指… / 所谓X就是… / 所谓X,即…
    fn so_called(&self, at: usize) -> Option<Hit> {
        let start = at + 2;
        let limit = (start + MAX_TERM + 2).min(self.folded.len());
        let end = (start + 1..limit).find(|&k| {
            self.folded[k] == ',' || self.words.so_called_says.iter().any(|w| self.starts_with_word(k, w))
        })?;
        let (term, _) = self
            .term_at(start, end)
            .map(|t| (t, start))
            .or_else(|| self.term_ending(start, end))?;
        Some(self.definition(term, at, end))
    }

    /// X是指…, X(即…), X,即…, “X”即…: the term that ends at `end` (the marker at `at`).
    fn defined_before(&self, at: usize, end: usize) -> Option<Hit> {
        let mut end = end;
        while end > 0 && (self.folded[end - 1] == ',' || self.folded[end - 1].is_whitespace()) {
            end -= 1;
        }
        let lo = self.clause_start(end);
        let (term, start) = self.term_ending(lo, end)?;
        Some(self.definition(term, start, at))
    }

    /// …(以下简称X) / (简称X) / (下称X): X is short for the name before the bracket.
    fn short_name(&self, open: usize) -> Option<Hit> {
        let marker = self
            .words
            .short_name_marks
            .iter()
            .find(|w| self.starts_with_word(open + 1, w))?;
        let start = open + 1 + marker.len();
        let close = (start..self.folded.len().min(start + MAX_TERM + 4)).find(|&k| self.folded[k] == ')')?;
        let term = self.term_at(start, close)?;
        let short: String = self.chars[start..close]
            .iter()
            .filter(|c| !OPENING.contains(**c) && !CLOSING.contains(**c) && !"《》".contains(**c))
            .collect();
        // The full name: marked (“…” 《…》) or the noun phrase before the bracket.
        let before = open;
        let full_start = match self.folded.get(before.wrapping_sub(1)) {
            Some(&c) if CLOSING.contains(c) || c == '》' => {
                let opener = if c == '》' { "《" } else { OPENING };
                (0..before - 1).rev().find(|&k| opener.contains(self.folded[k]))? + 1
            }
            Some(_) => {
                let lo = self.clause_start(before);
                lo + segment::noun_phrase_start(&self.chars[lo..before], self.words)
            }
            None => return None,
        };
        let full_end = match self.folded[before - 1] {
            c if CLOSING.contains(c) || c == '》' => before - 1,
            _ => before,
        };
        if full_end <= full_start {
            return None;
        }
        let full: String = self.chars[full_start..full_end].iter().collect();
        if key(&full) == key(&short) {
            return None;
        }
        let quote = self.quote(full_start, close);
        Some(Hit::Definition {
            term,
            explanation: Explanation {
                origin: Origin::Article,
                label_en: None,
                zh: format!("“{short}”是“{full}”的简称。"),
                en: Some(format!("“{short}” is short for “{full}”.")),
                reference: None,
                quote: Some(quote),
                parts: Vec::new(),
                notes: Vec::new(),
            },
        })
    }

    /// X是…的模式 (机制, 制度 …) ending a clause: X is defined as that kind of thing.
    fn defining_noun(&self, at: usize) -> Option<Hit> {
        let noun = self
            .words
            .defining_nouns
            .iter()
            .find(|w| self.starts_with_word(at + 1, w))?;
        let after = at + 1 + noun.len();
        if after < self.folded.len() && !self.breaks_at(after) {
            return None;
        }
        // The first 是 of the sentence, with the term right before it.
        let mut s = at;
        while s > 0 && !self.ends_sentence(s - 1) {
            s -= 1;
        }
        let shi = (s..at).find(|&k| self.folded[k] == '是')?;
        let mut end = shi;
        if end > s && self.folded[end - 1] == '就' {
            end -= 1;
        }
        while end > s && (self.folded[end - 1] == ',' || self.folded[end - 1].is_whitespace()) {
            end -= 1;
        }
        let lo = self.clause_start(end).max(s);
        let (term, start) = self.term_ending(lo, end)?;
        Some(self.definition(term, start, after))
    }

    /// “X”<category> (“温州发布”微信公众号), “X”的<category>, 以“X”为<category>.
    fn category(&self, close: usize) -> Option<Hit> {
        let open = (close.saturating_sub(MAX_TERM + 1)..close)
            .rev()
            .find(|&k| OPENING.contains(self.folded[k]))?;
        let term = self.term_at(open, close + 1)?;
        let mut after = close + 1;
        let in_yi_wei = open > 0 && self.folded[open - 1] == '以' && self.folded.get(after) == Some(&'为');
        if in_yi_wei || self.folded.get(after) == Some(&'的') {
            after += 1;
        }
        let (category, len) = self.tables.category_at(&self.folded, after)?;
        Some(Hit::Category {
            term,
            category,
            quote: self.quote(open, after + len),
        })
    }
}

/// A numbered slogan (1+4+N, 361) expanded where the article says what each part is: “1”即…
/// “4”即… “N”即… (the parts in order, in one paragraph that uses it or the next), or, for a
/// slogan written with +, as many 一是…二是… after it as it has parts.
pub fn slogan<'s>(
    text: &str,
    uses: &[ParaRef],
    seeds: &'s [Arc<AnnotatedSeed>],
    paragraph: impl Fn(ParaRef) -> &'s crate::annotate::AnnotatedParagraph,
    reading: Reading,
) -> Option<Explanation> {
    let folded: Vec<char> = fold(text)
        .into_iter()
        .filter(|c| !OPENING.contains(*c) && !CLOSING.contains(*c))
        .collect();
    if folded.len() < 2 || !folded.iter().all(|c| c.is_ascii_digit() || *c == 'n' || *c == '+') {
        return None;
    }
    let plus = folded.contains(&'+');
    let splits: Vec<Vec<String>> = if plus {
        vec![folded.split(|c| *c == '+').map(|p| p.iter().collect()).collect()]
    } else {
        compositions(&folded)
    };
    if splits.iter().any(|parts| parts.iter().any(String::is_empty)) {
        return None;
    }
    // An article expands a slogan where it first uses it: the first uses are enough (a term in
    // thousands of paragraphs is not read thousands of times).
    let mut places: Vec<ParaRef> = Vec::new();
    for &r in uses.iter().take(SLOGAN_USES_READ) {
        for next in [
            r,
            ParaRef {
                seed: r.seed,
                para: r.para + 1,
            },
        ] {
            if next.para < seeds[next.seed].paragraphs.len() && !places.contains(&next) {
                places.push(next);
            }
        }
    }
    for at in places {
        let chars: Vec<char> = paragraph(at).text.chars().collect();
        let p_folded = fold(&chars.iter().collect::<String>());
        let text = Expanded {
            chars: &chars,
            folded: &p_folded,
            reading,
        };
        let span = splits
            .iter()
            .find_map(|parts| text.parts(parts))
            .or_else(|| if plus { text.ordinals(splits[0].len()) } else { None });
        if let Some((start, end)) = span {
            let text: String = chars[start..end].iter().collect();
            return Some(Explanation {
                origin: Origin::Article,
                label_en: None,
                zh: text.clone(),
                en: None,
                reference: None,
                quote: Some(Quote { at, start, end, text }),
                parts: Vec::new(),
                notes: Vec::new(),
            });
        }
    }
    None
}

/// The ways to cut a run of digits into two or more parts (361 → 3|61, 36|1, 3|6|1).
fn compositions(digits: &[char]) -> Vec<Vec<String>> {
    let n = digits.len();
    if n > 6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for mask in 1..(1u32 << (n - 1)) {
        let mut parts = Vec::new();
        let mut current = String::new();
        for (i, &c) in digits.iter().enumerate() {
            current.push(c);
            if i + 1 < n && mask & (1 << i) != 0 {
                parts.push(std::mem::take(&mut current));
            }
        }
        parts.push(current);
        out.push(parts);
    }
    // More parts first: 3|6|1 is the likelier reading of 361 than 36|1.
    out.sort_by_key(|parts| std::cmp::Reverse(parts.len()));
    out
}

/// A paragraph read for a slogan's expansion.
struct Expanded<'a> {
    chars: &'a [char],
    /// `chars` folded, same length.
    folded: &'a [char],
    reading: Reading<'a>,
}

impl Expanded<'_> {
    /// “p1”即… “p2”即…: each part quoted and said (即, 是, 指, 为, :) in order; the span from
    /// the first part to the end of the last part's sentence.
    fn parts(&self, parts: &[String]) -> Option<(usize, usize)> {
        let folded = self.folded;
        let says = &self.reading.tables.words.part_says;
        let mut from = 0;
        let mut first = None;
        let mut last_end = 0;
        for part in parts {
            let part: Vec<char> = part.chars().collect();
            let at = (from..folded.len()).find(|&k| {
                OPENING.contains(folded[k])
                    && folded[k + 1..].starts_with(&part)
                    && folded.get(k + 1 + part.len()).is_some_and(|c| CLOSING.contains(*c))
                    && folded.get(k + 2 + part.len()).is_some_and(|c| says.contains(c))
            })?;
            first.get_or_insert(at);
            last_end = at + part.len() + 2;
            from = last_end;
        }
        Some((first?, self.reading.stops.sentence_end_from(self.chars, last_end)))
    }

    /// 一是…二是…三是… with exactly `n` parts: the span from 一是 to the end of the last part's
    /// sentence.
    fn ordinals(&self, n: usize) -> Option<(usize, usize)> {
        const NUMBERS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let folded = self.folded;
        let mut at = Vec::new();
        let mut from = 0;
        for number in NUMBERS {
            match (from..folded.len().saturating_sub(1)).find(|&k| folded[k] == number && folded[k + 1] == '是') {
                Some(k) if at.is_empty() || k > from => {
                    at.push(k);
                    from = k + 2;
                }
                _ => break,
            }
        }
        if at.len() != n || n < 2 {
            return None;
        }
        Some((at[0], self.reading.stops.sentence_end_from(self.chars, *at.last()?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        chars: Vec<char>,
        wanted: FxHashMap<String, usize>,
        tables: ExplainTables,
        stops: Stops,
    }

    fn case(text: &str, terms: &[&str]) -> Case {
        Case {
            chars: text.chars().collect(),
            wanted: terms.iter().enumerate().map(|(i, t)| (key(t), i)).collect(),
            tables: ExplainTables::embedded().unwrap(),
            stops: crate::knowledge::Lexicon::embedded().unwrap().stops,
        }
    }

    impl Case {
        fn reading(&self) -> Reading<'_> {
            Reading {
                tables: &self.tables,
                stops: &self.stops,
            }
        }
    }

    /// (term, zh or category, quote) of every hit of one kind.
    fn found(text: &str, terms: &[&str], definitions: bool) -> Vec<(String, String, String)> {
        let c = case(text, terms);
        let p = Paragraph::new(ParaRef { seed: 0, para: 0 }, &c.chars, &c.wanted, c.reading());
        p.hits()
            .into_iter()
            .filter_map(|h| match h {
                Hit::Definition { term, explanation } if definitions => {
                    Some((terms[term].to_string(), explanation.zh, explanation.quote.unwrap().text))
                }
                Hit::Category { term, category, quote } if !definitions => Some((
                    terms[term].to_string(),
                    c.tables.categories[category].en.clone(),
                    quote.text,
                )),
                _ => None,
            })
            .collect()
    }

    fn hits(text: &str, terms: &[&str]) -> Vec<(String, String, String)> {
        found(text, terms, true)
    }

    fn categories(text: &str, terms: &[&str]) -> Vec<(String, String, String)> {
        found(text, terms, false)
    }

    /// (term, explanation) of each definition.
    fn definitions(hits: &[Hit]) -> Vec<(usize, String)> {
        hits.iter()
            .filter_map(|h| match h {
                Hit::Definition { term, explanation } => Some((*term, explanation.zh.clone())),
                Hit::Category { .. } => None,
            })
            .collect()
    }

    #[test]
    fn kept_finds_hold_only_while_their_look_ups_answer_the_same() {
        let text = "向中小企业发放算力券(即政府补贴企业购买算力的凭证),降低成本。";
        let c = case(text, &["算力券"]);
        let p = Paragraph::new(ParaRef { seed: 0, para: 0 }, &c.chars, &c.wanted, c.reading());
        let hits = p.hits();
        let kept = ParagraphFinds {
            hits: hits.clone(),
            looked: p.looked.into_inner(),
        };
        assert_eq!(definitions(&hits).len(), 1);
        // Terms numbered otherwise in a later build: the same find, under the term's new number.
        let renumbered: FxHashMap<String, usize> = [(key("数据要素"), 0), (key("算力券"), 7)].into_iter().collect();
        let again = kept.hits_for(&renumbered).expect("the same look-ups answer the same");
        assert_eq!(definitions(&again), [(7, definitions(&hits)[0].1.clone())]);
        // A text the paragraph looked up that is now a term (发放算力券 became one), or the term
        // it found gone: read again.
        let longer: FxHashMap<String, usize> = [(key("算力券"), 0), (key("发放算力券"), 1)].into_iter().collect();
        assert!(kept.hits_for(&longer).is_none());
        assert!(kept.hits_for(&FxHashMap::default()).is_none());
        // And reading it again with that term finds what a fresh read finds.
        let fresh = case(text, &["算力券", "发放算力券"]);
        let p = Paragraph::new(
            ParaRef { seed: 0, para: 0 },
            &fresh.chars,
            &fresh.wanted,
            fresh.reading(),
        );
        assert!(!p.hits().is_empty());
    }

    #[test]
    fn so_called_and_shi_zhi_in_both_scripts() {
        let h = hits(
            "近年來發展迅速。所謂“鏈長制”,是指由黨政主要負責人擔任鏈長的制度。其他。",
            &["链长制"],
        );
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].2, "所謂“鏈長制”,是指由黨政主要負責人擔任鏈長的制度。");
        let h = hits("所谓数据资产入表就是把数据资源计入资产负债表。", &["数据资产入表"]);
        assert_eq!(h[0].0, "数据资产入表");
        // Unquoted, after a verb: the left edge is a word boundary, not the clause start.
        let h = hits("全市推行数据资产入表是指把数据计入报表。", &["数据资产入表"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].2, "全市推行数据资产入表是指把数据计入报表。");
    }

    #[test]
    fn ji_in_brackets_after_a_comma_and_after_quotes() {
        let h = hits(
            "向中小企业发放算力券(即政府补贴企业购买算力的凭证),降低成本。",
            &["算力券"],
        );
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].0, "算力券");
        // A term that is only the end of a longer one is not taken: 券 alone is no term here.
        assert!(hits("发放算力券(即凭证)。", &["券"]).is_empty());
        let h = hits("锚定“1+4+N”目标,“1”即建设特色之城;“4”即聚焦四大领域。", &["1", "4"]);
        assert_eq!(
            h.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect::<Vec<_>>(),
            [
                ("1", "锚定“1+4+N”目标,“1”即建设特色之城;"),
                ("4", "“4”即聚焦四大领域。")
            ]
        );
        let h = hits("實行“揭榜掛帥”機制,即由企業出題、科研人員答題。", &["揭榜挂帅"]);
        assert_eq!(h.len(), 1, "{h:?}");
        let h = hits("寧波提出“港產城”聯動,即港口、產業、城市一體發展。", &["港产城"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(hits("推进“港产城”融合发展工作,即将启动。", &["港产城"]).is_empty());
        // 即将, 即可: not definitions.
        assert!(hits("“算力券”,即将在下月发放。", &["算力券"]).is_empty());
        assert!(hits("申请“算力券”,即可享受补贴。", &["算力券"]).is_empty());
    }

    #[test]
    fn short_names_name_the_full_name() {
        let h = hits(
            "去年成立了浙江省人工智能产业技术联盟(以下简称“联盟”),成员超百家。",
            &["联盟"],
        );
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].1, "“联盟”是“浙江省人工智能产业技术联盟”的简称。");
        let h = hits("由浙江大學牽頭組建的人工智能創新聯合體(下稱“聯合體”)。", &["联合体"]);
        assert_eq!(h[0].1, "“聯合體”是“人工智能創新聯合體”的简称。");
    }

    #[test]
    fn defining_nouns_and_categories() {
        let h = hits("“赛马制”是一种让多个团队平行攻关、优胜劣汰的机制。", &["赛马制"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].2, "“赛马制”是一种让多个团队平行攻关、优胜劣汰的机制。");
        let h = categories("據“溫州發布”微信公眾號,會上揭牌。", &["温州发布"]);
        assert_eq!(
            (h[0].0.as_str(), h[0].1.as_str()),
            ("温州发布", "a WeChat public account")
        );
        assert_eq!(h[0].2, "據“溫州發布”微信公眾號,會上揭牌。");
        let h = categories(
            "“打造标杆。”负责人介绍,该项目以“弹性进化、高效集约”为核心。",
            &["弹性进化、高效集约"],
        );
        assert_eq!(h[0].2, "负责人介绍,该项目以“弹性进化、高效集约”为核心。");
        assert_eq!(h[0].1, "the core idea of the work described");
        let h = categories("形成“小而精、专而强”的产业特质。", &["小而精、专而强"]);
        assert_eq!(h[0].1, "a distinctive character");
        // A quoted phrase with no category after it says nothing.
        assert!(categories("建设“创新温州”,加快发展。", &["创新温州"]).is_empty());
    }

    #[test]
    fn slogans_split_into_parts() {
        assert_eq!(compositions(&['3', '6', '1'])[0], ["3", "6", "1"]);
        assert_eq!(compositions(&['5', '1', '0']).len(), 3);
        let c = case("", &[]);
        let expanded = |text: &str, read: &dyn Fn(&Expanded) -> Option<(usize, usize)>| -> Option<String> {
            let chars: Vec<char> = text.chars().collect();
            let folded = fold(text);
            let (s, e) = read(&Expanded {
                chars: &chars,
                folded: &folded,
                reading: c.reading(),
            })?;
            Some(chars[s..e].iter().collect())
        };
        let parts = ["1", "4", "n"].map(String::from);
        assert_eq!(
            expanded(
                "锚定“1+4+N”目标,“1”即总目标;“4”即四大领域;“N”即N个领域。其后。",
                &|e| e.parts(&parts)
            )
            .as_deref(),
            Some("“1”即总目标;“4”即四大领域;“N”即N个领域。")
        );
        assert_eq!(
            expanded("构建“1+2”体系:一是建平台;二是强应用。", &|e| e
                .ordinals(2))
            .as_deref(),
            Some("一是建平台;二是强应用。")
        );
        assert_eq!(expanded("一是建平台;二是强应用;三是优环境。", &|e| e.ordinals(2)), None);
    }
}
