//! The articles' own words: definitions and expansions of numbered slogans, each quoted verbatim
//! (the whole sentence) from one paragraph.
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
/// The Chinese numerals a numbered term starts with (四个一, 六大行动), by value from 1.
const CHINESE_DIGITS: &str = "一二三四五六七八九";
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

/// A find in one paragraph: which term, and its definition with the sentence.
#[derive(Clone)]
struct Hit {
    term: usize,
    explanation: Explanation,
}

/// What the articles say about the terms asked for, first find first.
#[derive(Default)]
pub struct Found {
    definitions: FxHashMap<usize, Explanation>,
}

impl Found {
    /// The first definition of term `term`.
    pub fn definition(&self, term: usize) -> Option<Explanation> {
        self.definitions.get(&term).cloned()
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
                Some(Hit {
                    term: now(h.term)?,
                    explanation: h.explanation.clone(),
                })
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
    for Hit { term, explanation } in read.into_iter().flat_map(|(hits, _)| hits) {
        found.definitions.entry(term).or_insert(explanation);
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

    /// Where the sentence holding char `at` starts.
    fn sentence_start(&self, at: usize) -> usize {
        self.stops.sentence_start_before(self.chars, at)
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

    /// Every definition in the paragraph, in order.
    fn hits(&self) -> Vec<Hit> {
        let mut out = Vec::new();
        let n = self.folded.len();
        for i in 0..n {
            let c = self.folded[i];
            let found = match c {
                '所' if self.starts_with(i, "所谓") => self.so_called(i),
                '是' if self.starts_with(i, "是指") && !self.so_called_before(i) => self.defined_before(i, i),
                '(' if self.starts_with(i + 1, "即") => self.defined_before(i, i),
                '(' => self.short_name(i).or_else(|| self.bracket_gloss(i)),
                ',' if self.starts_with(i + 1, "即") && self.ji_defines(i + 1) => self.defined_before(i, i),
                '即' if i > 0 && CLOSING.contains(self.folded[i - 1]) && self.ji_defines(i) => {
                    self.defined_before(i, i)
                }
                '的' => self.defining_noun(i).or_else(|| self.listed_before(i)),
                '分' if self.words.lists_says.iter().any(|w| self.starts_with_word(i, w)) => self.listed_after(i),
                _ => None,
            };
            if let Some(hit) = found {
                let repeated = |h: &Hit| {
                    h.term == hit.term
                        && h.explanation.quote.as_ref().map(|q| q.start)
                            == hit.explanation.quote.as_ref().map(|q| q.start)
                };
                if !out.iter().any(repeated) {
                    out.push(hit);
                }
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
        (self.sentence_start(at)..at).any(|k| self.starts_with(k, "所谓"))
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
        let mut s = self.sentence_start(start);
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
        Hit {
            term,
            explanation: Explanation {
                quote: Some(quote.clone()),
                ..Explanation::new(Origin::Article, quote.text, None)
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
            // A noun or a short word after the marks (“揭榜挂帅”机制,即…; “123”总体目标,即…;
            // “港产城”联动,即…): what follows explains the quoted name.
            quoted_end = (lo + 1..end)
                .find(|&k| {
                    CLOSING.contains(self.folded[k - 1])
                        && (self
                            .words
                            .between_nouns
                            .iter()
                            .any(|w| k + w.len() == end && self.starts_with_word(k, w))
                            || self
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
            Some(_) => self.unmarked_name_start(before),
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
        // The full name stays Chinese; in English it stands as an original in brackets, with
        // its kind where its last word says it (…有限公司: a company).
        let folded_full: Vec<char> = self.folded[full_start..full_end].to_vec();
        let kind = self
            .tables
            .category_ending(&folded_full)
            .map_or("the name", |(c, _)| self.tables.categories[c].en.as_str());
        Some(Hit {
            term,
            explanation: Explanation {
                quote: Some(quote),
                ..Explanation::new(
                    Origin::Article,
                    format!("“{short}”是“{full}”的简称。"),
                    Some(format!(
                        "“{short}” is the article's short name for {kind} it writes in full before it （{full}）."
                    )),
                )
            },
        })
    }

    /// Where a name that ends at `end` and is not marked starts: after the clause stop before
    /// it, then at a word boundary (成立了浙江省…联盟 → 浙江省…联盟). A bracket inside the name
    /// belongs to it (智谋(浙江)科技发展有限公司): the clause stop is looked for before it, and the
    /// word boundary in the text without it, so the place in the bracket does not start the name.
    fn unmarked_name_start(&self, end: usize) -> usize {
        let mut lo = end;
        let mut groups: Vec<(usize, usize)> = Vec::new();
        while lo > 0 && end - lo < MAX_TERM + 12 {
            if self.folded[lo - 1] == ')'
                && let Some(open) = (lo.saturating_sub(MAX_TERM)..lo - 1)
                    .rev()
                    .find(|&k| self.folded[k] == '(')
                && open > 0
                && !self.ends_clause(open - 1)
            {
                groups.push((open, lo));
                lo = open;
                continue;
            }
            if self.ends_clause(lo - 1) {
                break;
            }
            lo -= 1;
        }
        let kept: Vec<usize> = (lo..end)
            .filter(|&i| !groups.iter().any(|&(a, b)| (a..b).contains(&i)))
            .collect();
        let region: Vec<char> = kept.iter().map(|&i| self.chars[i]).collect();
        let at = segment::noun_phrase_start(&region, self.words);
        kept.get(at).copied().unwrap_or(end)
    }

    /// “X”(…): a bracket right after a quoted term glosses it (“两园一楼一镇六飞地”(花园258
    /// 创新创业园,大学生创业园…)), unless it holds no Chinese, or only a date or a number.
    fn bracket_gloss(&self, open: usize) -> Option<Hit> {
        if open == 0 || !CLOSING.contains(self.folded[open - 1]) {
            return None;
        }
        let q_open = (open.saturating_sub(MAX_TERM + 2)..open - 1)
            .rev()
            .find(|&k| OPENING.contains(self.folded[k]))?;
        let term = self.term_at(q_open, open)?;
        let mut depth = 0;
        let close = (open..self.folded.len().min(open + 120)).find(|&k| {
            match self.folded[k] {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth == 0
        })?;
        let inside = &self.chars[open + 1..close];
        let han = inside.iter().filter(|c| is_han(**c)).count();
        let dateish = inside
            .iter()
            .all(|c| c.is_ascii_digit() || "年月日—-~至.".contains(*c) || c.is_whitespace());
        if han < 2 || dateish {
            return None;
        }
        Some(self.definition(term, q_open, close + 1))
    }

    /// “三高地”分别是A、B、C: the term before 分别是, quoted up to the end of the clause that
    /// lists its parts (a sentence that runs on says other things after it).
    fn listed_after(&self, at: usize) -> Option<Hit> {
        let mut hit = self.defined_before(at, at)?;
        let quote = hit.explanation.quote.as_mut()?;
        let end = (at + 1..quote.end)
            .find(|&k| matches!(self.folded[k], ',' | ';'))
            .unwrap_or(quote.end);
        if end < quote.end {
            quote.end = end;
            quote.text = self.chars[quote.start..end].iter().collect();
            hit.explanation.zh = quote.text.clone();
        }
        Some(hit)
    }

    /// “一规划一方案一政策一活动”的“四个一”: a quoted numbered term (starting with a Chinese
    /// numeral) right after a quoted phrase and 的 is what that phrase lists.
    fn listed_before(&self, at: usize) -> Option<Hit> {
        if at == 0
            || !CLOSING.contains(self.folded[at - 1])
            || !self.folded.get(at + 1).is_some_and(|c| OPENING.contains(*c))
        {
            return None;
        }
        let open = at + 1;
        let close =
            (open + 1..self.folded.len().min(open + MAX_TERM + 2)).find(|&k| CLOSING.contains(self.folded[k]))?;
        if !self
            .folded
            .get(open + 1)
            .is_some_and(|c| CHINESE_DIGITS.contains(*c) || *c == '两')
        {
            return None;
        }
        let term = self.term_at(open + 1, close)?;
        let first_open = (0..at - 1).rev().find(|&k| OPENING.contains(self.folded[k]))?;
        Some(self.definition(term, first_open, close + 1))
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
        let s = self.sentence_start(at);
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
    if let Some(n) = chinese_numbered(&folded) {
        return chinese_slogan(&folded, n, uses, seeds, paragraph, reading);
    }
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
            return Some(expansion(at, &chars, start, end));
        }
    }
    None
}

/// A slogan expanded by the article's own words: chars `start..end` of the paragraph at `at`,
/// quoted verbatim.
fn expansion(at: ParaRef, chars: &[char], start: usize, end: usize) -> Explanation {
    let text: String = chars[start..end].iter().collect();
    Explanation {
        quote: Some(Quote {
            at,
            start,
            end,
            text: text.clone(),
        }),
        ..Explanation::new(Origin::Article, text, None)
    }
}

/// How many things a term that counts them names (六大行动 → 6, 九场硬战 → 9, 三高地 → 3): a
/// Chinese numeral from 二 (or 两) to 九, then Chinese only, no other numeral right after it.
fn chinese_numbered(folded: &[char]) -> Option<usize> {
    let first = *folded.first()?;
    let n = if first == '两' {
        2
    } else {
        CHINESE_DIGITS.chars().position(|c| c == first)? + 1
    };
    let rest = &folded[1..];
    (n >= 2
        && !rest.is_empty()
        && rest.iter().all(|&c| is_han(c))
        && !CHINESE_DIGITS.contains(rest[0])
        && !"十百千万亿".contains(rest[0]))
    .then_some(n)
}

/// A term that counts its parts (六大行动) expanded where the article goes on with exactly
/// that many 一是…二是…: after the term in a paragraph that uses it, or in the next one.
fn chinese_slogan<'s>(
    folded_term: &[char],
    n: usize,
    uses: &[ParaRef],
    seeds: &'s [Arc<AnnotatedSeed>],
    paragraph: impl Fn(ParaRef) -> &'s crate::annotate::AnnotatedParagraph,
    reading: Reading,
) -> Option<Explanation> {
    for &r in uses.iter().take(SLOGAN_USES_READ) {
        let next = ParaRef {
            seed: r.seed,
            para: r.para + 1,
        };
        for (at, here) in [(r, true), (next, false)] {
            if at.para >= seeds[at.seed].paragraphs.len() {
                continue;
            }
            let chars: Vec<char> = paragraph(at).text.chars().collect();
            let p_folded = fold(&chars.iter().collect::<String>());
            let from = if here {
                match (0..p_folded.len()).find(|&k| p_folded[k..].starts_with(folded_term)) {
                    Some(k) => k + folded_term.len(),
                    None => continue,
                }
            } else {
                0
            };
            let text = Expanded {
                chars: &chars,
                folded: &p_folded,
                reading,
            };
            if let Some((start, end)) = text.ordinals_from(n, from) {
                return Some(expansion(at, &chars, start, end));
            }
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
        self.ordinals_from(n, 0)
    }

    /// [`Self::ordinals`] from char `from` on.
    fn ordinals_from(&self, n: usize, from: usize) -> Option<(usize, usize)> {
        const NUMBERS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let folded = self.folded;
        let mut at = Vec::new();
        let mut from = from;
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

    /// (term, zh, quote) of every definition.
    fn hits(text: &str, terms: &[&str]) -> Vec<(String, String, String)> {
        let c = case(text, terms);
        let p = Paragraph::new(ParaRef { seed: 0, para: 0 }, &c.chars, &c.wanted, c.reading());
        p.hits()
            .into_iter()
            .map(|h| {
                (
                    terms[h.term].to_string(),
                    h.explanation.zh,
                    h.explanation.quote.unwrap().text,
                )
            })
            .collect()
    }

    /// The English of every definition.
    fn english(text: &str, terms: &[&str]) -> Vec<Option<String>> {
        let c = case(text, terms);
        let p = Paragraph::new(ParaRef { seed: 0, para: 0 }, &c.chars, &c.wanted, c.reading());
        p.hits().into_iter().map(|h| h.explanation.en).collect()
    }

    /// (term, explanation) of each definition.
    fn definitions(hits: &[Hit]) -> Vec<(usize, String)> {
        hits.iter().map(|h| (h.term, h.explanation.zh.clone())).collect()
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

    /// A company's full name keeps its inner bracket: 科技发展有限公司 is not the name that
    /// 智谋科技 is short for (a reading that must not come back), in both scripts.
    #[test]
    fn a_full_name_is_not_cut_at_its_inner_bracket() {
        for (text, full) in [
            (
                "记者走进位于嘉兴市南湖区的智谋(浙江)科技发展有限公司(以下简称“智谋科技”),看到机器狗。",
                "智谋(浙江)科技发展有限公司",
            ),
            (
                "記者走進位於嘉興市南湖區的智謀(浙江)科技發展有限公司(以下簡稱“智謀科技”),看到機器狗。",
                "智謀(浙江)科技發展有限公司",
            ),
            (
                "星河(杭州)智能装备有限公司(简称“星河智能”)成立于2020年。",
                "星河(杭州)智能装备有限公司",
            ),
        ] {
            let h = hits(text, &["智谋科技", "星河智能"]);
            assert_eq!(h.len(), 1, "{h:?}");
            assert!(h[0].1.contains(&format!("是“{full}”的简称")), "{}", h[0].1);
            let en = english(text, &["智谋科技", "星河智能"]);
            let en = en[0].as_deref().unwrap();
            assert!(en.contains("a company") && en.contains(&format!("（{full}）")), "{en}");
        }
    }

    #[test]
    fn a_bracket_after_a_quoted_term_glosses_it() {
        let h = hits(
            "整合利用“两园一楼一镇六飞地”(花园创新创业园、大学生创业园等),集聚企业。",
            &["两园一楼一镇六飞地"],
        );
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(h[0].2.contains("(花园创新创业园、大学生创业园等)"), "{h:?}");
        let h = hits("實現“123”總體目標,即全市在役工業機器人達到1萬台。", &["123"]);
        assert_eq!(h.len(), 1, "{h:?}");
        // A date or a number in brackets glosses nothing.
        assert!(hits("发布“数字浙江”(2024年)方案。", &["数字浙江"]).is_empty());
        assert!(hits("推进“AI+”(AI Plus)行动。", &["AI+"]).is_empty());
    }

    #[test]
    fn defining_nouns() {
        let h = hits("“赛马制”是一种让多个团队平行攻关、优胜劣汰的机制。", &["赛马制"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].2, "“赛马制”是一种让多个团队平行攻关、优胜劣汰的机制。");
        // A quoted phrase with nothing defining it says nothing (its category is no definition).
        assert!(hits("该项目以“弹性进化、高效集约”为核心。", &["弹性进化、高效集约"]).is_empty());
        assert!(hits("建设“创新温州”,加快发展。", &["创新温州"]).is_empty());
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
        // After the term only: an enumeration before it is another one.
        assert_eq!(
            expanded("一是建平台;二是强应用。实施“两大行动”。", &|e| e
                .ordinals_from(2, 12)),
            None
        );
    }

    #[test]
    fn terms_that_count_their_parts() {
        assert_eq!(chinese_numbered(&fold("六大行动")), Some(6));
        assert_eq!(chinese_numbered(&fold("九場硬戰")), Some(9));
        assert_eq!(chinese_numbered(&fold("三高地")), Some(3));
        assert_eq!(chinese_numbered(&fold("兩大平臺")), Some(2));
        // One thing, a number of more than one digit, digits: not counted here.
        assert_eq!(chinese_numbered(&fold("一号工程")), None);
        assert_eq!(chinese_numbered(&fold("十四五")), None);
        assert_eq!(chinese_numbered(&fold("三十六行")), None);
        assert_eq!(chinese_numbered(&fold("3高地")), None);
    }

    #[test]
    fn parts_listed_after_a_numbered_term_or_quoted_before_it_in_both_scripts() {
        let h = hits("普陀提出“三高地”分别是打造产业高地、场景高地、数据高地。", &["三高地"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].2, "普陀提出“三高地”分别是打造产业高地、场景高地、数据高地。");
        // A sentence that goes on about other things is quoted to the end of the list's clause.
        let h = hits(
            "“三高地”分别是产业高地、场景高地、数据高地,同时提出重点发展海洋经济。",
            &["三高地"],
        );
        assert_eq!(h[0].2, "“三高地”分别是产业高地、场景高地、数据高地");
        let h = hits("“兩大平臺”分別為數據平臺和算力平臺。", &["两大平台"]);
        assert_eq!(h.len(), 1, "{h:?}");
        let h = hits("余杭构建了“一规划一方案一政策一活动”的“四个一”工作体系。", &["四个一"]);
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(h[0].2.contains("“一规划一方案一政策一活动”的“四个一”"), "{h:?}");
        let h = hits("構建“一規劃一方案”的“兩個一”體系。", &["两个一"]);
        assert_eq!(h.len(), 1, "{h:?}");
        // A quoted name after a quoted phrase and 的 that counts nothing is not its list.
        assert!(hits("擦亮“数字经济”的“金名片”。", &["金名片"]).is_empty());
        // 分别 that is not 分别是 says nothing of what the term is.
        assert!(hits("“三高地”分别由三个部门牵头。", &["三高地"]).is_empty());
    }
}
