//! Stage 3 — model: the explainer built from annotated seeds. Cities, terms, documents and
//! dated events, each pointing back to the paragraphs it came from. Everything a page shows is
//! computed here, so templates only display.

mod build;
mod events;
mod explain;
mod memo;
mod statement;
mod view;

pub use build::{build, build_with};
pub use explain::{Explanation, Note, Origin, Quote, TitlePart};
pub use memo::Memo;
pub use statement::{FigureStatement, Status};
pub use view::{CityHead, CityOverview, Read, View, key};

use crate::annotate::{About, AnnotatedParagraph, AnnotatedSeed};
use crate::knowledge::City;
use crate::knowledge::{DocumentEntry, TermEntry};
use arcstr::ArcStr;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A paragraph's address: seed index and paragraph index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParaRef {
    pub seed: usize,
    pub para: usize,
}

/// A paragraph about a city, with every seed that carries the same text.
#[derive(Debug, Clone, Hash)]
pub struct CityParagraph {
    pub at: ParaRef,
    /// Other seeds carrying the same paragraph (re-published articles).
    pub also_in: Vec<ParaRef>,
}

/// One city that some seed talks about.
#[derive(Debug, Clone)]
pub struct CityModel {
    pub info: City,
    /// The paragraphs that name it, or hold a claim about it.
    pub paragraphs: Vec<CityParagraph>,
    /// The figure statements about it (wherever they stand), in corpus order: indexes into
    /// `Explainer::statements`.
    pub figures: Vec<usize>,
    /// Its headline figures, best first: its own outcomes and targets that say what they
    /// measure (no conditions, comparisons or figures of other places), one per sentence.
    pub key_figures: Vec<usize>,
    /// Term ids, most used first.
    pub terms: Vec<String>,
    /// Ids of the documents mentioned as its own (about it, or issued by it), in order of
    /// first mention.
    pub documents: Vec<String>,
    /// The events about it: indexes into `Explainer::events`.
    pub events: Vec<usize>,
    /// Cities named in the same paragraphs, with how often.
    pub related: Vec<(String, usize)>,
    /// Its track (curated override, else derived from the AI+X terms it uses).
    pub focus_zh: Option<String>,
    pub focus_en: Option<String>,
}

/// A term and every place it is used.
#[derive(Debug, Clone)]
pub struct TermModel {
    pub id: String,
    /// The spelling first seen.
    pub text: String,
    pub entry: Option<TermEntry>,
    /// What it means and where that comes from (the glossary, a rule, the articles).
    pub explanation: Option<Explanation>,
    pub uses: Vec<ParaRef>,
    /// The cities of the paragraphs that use it, in order of first use.
    pub cities: Vec<String>,
}

/// A document and every mention.
#[derive(Debug, Clone)]
pub struct DocumentModel {
    pub id: String,
    pub title: String,
    pub entry: Option<DocumentEntry>,
    /// What it is and where that comes from (the glossary, its title).
    pub explanation: Option<Explanation>,
    pub mentions: Vec<ParaRef>,
    /// The cities of the paragraphs that mention it, in order of first mention.
    pub cities: Vec<String>,
}

/// A dated statement: a date annotation in a paragraph.
#[derive(Debug, Clone, Hash)]
pub struct Event {
    /// Shared with the date annotation it comes from.
    pub date: ArcStr,
    pub text: ArcStr,
    pub inferred: bool,
    /// What the dated statement is about (a city, the province, other).
    pub about: Option<About>,
    pub at: ParaRef,
    /// Where the date starts in its paragraph (chars): a paragraph may give one date twice.
    pub start: u32,
    /// The part of its sentence the date heads (chars of its paragraph): what the event says.
    pub segment: (u32, u32),
    /// A target (a deadline, a plan's period, a date after the article), not something that
    /// happened.
    pub target: bool,
    /// Expected or scheduled, not a target and not yet happened: a forecast (預計, 有望), a
    /// date later than the article with no word of aim (a rule that takes effect, a deadline
    /// for comments).
    pub expected: bool,
    /// It names something national or foreign and no place of Zhejiang: no city's own event.
    pub national: bool,
    /// A procedure's time line (征集开始时间…结束时间): listed, but no city's latest event.
    pub procedural: bool,
    /// The cities its paragraph names.
    pub cities: Box<[ArcStr]>,
    /// The same statement in other articles (re-published copies), credited beside it.
    pub also_in: Vec<ParaRef>,
}

/// A group of the timeline: the events of one month (`2025-05`), the events dated only to a
/// year (`2025`), or those without a known year (`unknown`), in the order the corpus gives them
/// (articles in file order), which is the order they were added: a page of a group keeps the
/// events it showed, and new ones go to its last page.
#[derive(Debug, Clone, Hash)]
pub struct EventGroup {
    /// [`crate::text::isodate::group_key`] of its events' dates.
    pub key: String,
    /// Indexes into [`Explainer::events`], in corpus order.
    pub events: Vec<usize>,
}

/// A group of an index (the terms, the documents): the entries whose pinyin starts with one
/// letter (`a`), with a digit (`0-9`) or with anything else (`other`), in order of first use, so
/// that a page of the group keeps the entries it listed and new ones go to its last page.
#[derive(Debug, Clone, Hash)]
pub struct IndexGroup {
    pub key: String,
    /// Indexes into [`Explainer::terms`] or [`Explainer::documents`], ascending.
    pub items: Vec<usize>,
}

/// The whole explainer. Its fields are private: pages read it through a recording [`View`];
/// the files made from the whole corpus (export, cards, search index, feeds) through the
/// accessors below.
#[derive(Debug, Clone)]
pub struct Explainer {
    /// Shared with `serve`'s cache, which keeps the annotation of every unchanged seed.
    seeds: Vec<Arc<AnnotatedSeed>>,
    cities: Vec<CityModel>,
    terms: Vec<TermModel>,
    documents: Vec<DocumentModel>,
    /// Sorted by date (those without a known year last), then source order.
    events: Vec<Event>,
    /// How many events each year has, in the events' order (the year's group: `2025`, or
    /// [`isodate::YEAR_UNKNOWN`]).
    event_years: Vec<(String, usize)>,
    /// The timeline's groups, by key (years and months in order, the unknown year last).
    event_groups: Vec<EventGroup>,
    /// Paragraphs about no city in particular (province-level).
    province_paragraphs: Vec<ParaRef>,
    /// Every figure read as a statement, in corpus order, each once (copies credited).
    statements: Vec<FigureStatement>,
    /// The statement of every figure of every paragraph (copies included): (paragraph,
    /// annotation index) → index into `statements`.
    statement_of: FxHashMap<(ParaRef, u32), u32>,
    /// The overview's headline figures, best first: the province's own, then the cities'.
    headline: Vec<usize>,
    /// Terms and documents by the initial of their pinyin, for the indexes' pages.
    term_groups: Vec<IndexGroup>,
    document_groups: Vec<IndexGroup>,
    /// Re-published copies: the first paragraph of each text, and the others that carry it.
    /// Only the first is shown; the others are credited beside it.
    copies: FxHashMap<ParaRef, Vec<ParaRef>>,
    /// Position of each term and document by id, for lookups in large corpora.
    term_index: BTreeMap<String, usize>,
    document_index: BTreeMap<String, usize>,
}

/// The whole corpus at once, unrecorded: for the files made from all of it, which are made
/// again on every build. Pages read through a [`View`] instead.
impl Explainer {
    pub fn seeds(&self) -> &[Arc<AnnotatedSeed>] {
        &self.seeds
    }

    pub fn cities(&self) -> &[CityModel] {
        &self.cities
    }

    pub fn terms(&self) -> &[TermModel] {
        &self.terms
    }

    pub fn documents(&self) -> &[DocumentModel] {
        &self.documents
    }

    /// Every dated event, by date.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events each year has, in order.
    pub fn event_years(&self) -> &[(String, usize)] {
        &self.event_years
    }

    /// Terms by the initial of their pinyin.
    pub fn term_groups(&self) -> &[IndexGroup] {
        &self.term_groups
    }

    /// Documents by the initial of their pinyin.
    pub fn document_groups(&self) -> &[IndexGroup] {
        &self.document_groups
    }

    /// The timeline's groups (months, years, the unknown year).
    pub fn event_groups(&self) -> &[EventGroup] {
        &self.event_groups
    }

    /// Paragraphs about no city in particular.
    pub fn province_paragraphs(&self) -> &[ParaRef] {
        &self.province_paragraphs
    }

    pub fn city(&self, id: &str) -> Option<&CityModel> {
        self.cities.iter().find(|c| c.info.id == id)
    }

    pub fn term(&self, id: &str) -> Option<&TermModel> {
        self.term_index.get(id).map(|&i| &self.terms[i])
    }

    pub fn document(&self, id: &str) -> Option<&DocumentModel> {
        self.document_index.get(id).map(|&i| &self.documents[i])
    }

    /// A paragraph by its address.
    pub fn paragraph(&self, at: ParaRef) -> &AnnotatedParagraph {
        &self.seeds[at.seed].paragraphs[at.para]
    }

    /// The other articles carrying the paragraph at `at` (re-published copies), if it is the
    /// first of its text.
    pub fn also_in(&self, at: ParaRef) -> &[ParaRef] {
        self.copies.get(&at).map_or(&[], Vec::as_slice)
    }

    /// Every paragraph that is the first of its text and has copies, with the copies.
    pub fn copies(&self) -> impl Iterator<Item = (ParaRef, &[ParaRef])> {
        self.copies.iter().map(|(&at, copies)| (at, copies.as_slice()))
    }

    /// Every figure statement, each once.
    pub fn statements(&self) -> &[FigureStatement] {
        &self.statements
    }

    /// The statement of figure `index` of the paragraph at `at` (of a copy too).
    pub fn statement_of(&self, at: ParaRef, index: usize) -> Option<&FigureStatement> {
        let index = u32::try_from(index).ok()?;
        self.statement_of
            .get(&(at, index))
            .map(|&i| &self.statements[i as usize])
    }

    /// The overview's headline figures.
    pub fn headline(&self) -> &[usize] {
        &self.headline
    }
}
