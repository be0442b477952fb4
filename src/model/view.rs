//! What a page sees of the explainer. Page code (the `emit` stage) gets a [`View`], never the
//! [`Explainer`] itself: every read goes through the view and is recorded, so `serve` knows
//! which parts of the explainer each page depends on and makes a page again only when one of
//! them changed. Nothing can read around the record: the explainer's fields are private to
//! the model, and the view does not hand the explainer out.

use super::{CityModel, DocumentModel, Event, Explainer, ParaRef, TermModel};
use crate::annotate::{AnnotatedParagraph, AnnotatedSeed};
use std::cell::RefCell;

/// A part of the explainer that a page reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Read {
    /// How many seeds, cities, terms, documents, events and province paragraphs there are, and
    /// which cities: what lookups that find nothing and page counts depend on.
    Shape,
    /// A whole seed: its metadata and every paragraph.
    Seed(usize),
    /// Only a seed's metadata and paragraph count ([`Explainer::seed_info`]).
    SeedInfo(usize),
    Paragraph(ParaRef),
    City(usize),
    Term(usize),
    Document(usize),
    Event(usize),
    /// How many events each year has.
    EventYears,
    /// The timeline's groups: their keys and sizes.
    EventGroups,
    /// The keys of the timeline's groups.
    EventGroupKeys,
    /// The groups of the index of terms (`false`) or documents (`true`): their keys and sizes.
    IndexGroups(bool),
    /// One group of the index of terms (`false`) or documents (`true`).
    IndexGroup(bool, usize),
    /// One timeline group: its key and its events.
    EventGroup(usize),
    Province,
    /// The other articles that carry a paragraph ([`View::also_in`]).
    Copies(ParaRef),
}

/// The explainer as one page reads it, with a record of every read.
pub struct View<'a> {
    ex: &'a Explainer,
    reads: RefCell<Vec<Read>>,
}

impl<'a> View<'a> {
    pub fn new(ex: &'a Explainer) -> View<'a> {
        View {
            ex,
            reads: RefCell::new(Vec::new()),
        }
    }

    /// Everything read through this view, sorted, once each.
    pub fn into_reads(self) -> Vec<Read> {
        let mut reads = self.reads.into_inner();
        reads.sort_unstable();
        reads.dedup();
        reads
    }

    fn note(&self, read: Read) {
        self.reads.borrow_mut().push(read);
    }

    pub fn seed(&self, index: usize) -> &'a AnnotatedSeed {
        self.note(Read::Seed(index));
        &self.ex.seeds[index]
    }

    pub fn seed_count(&self) -> usize {
        self.note(Read::Shape);
        self.ex.seeds.len()
    }

    /// A seed's metadata (id, title, file) without its paragraphs: pages that only name or link
    /// a seed do not change when one of its paragraphs does.
    pub fn seed_info(&self, index: usize) -> &'a crate::ingest::Seed {
        self.note(Read::SeedInfo(index));
        &self.ex.seeds[index].seed
    }

    /// How many paragraphs a seed has.
    pub fn paragraph_count(&self, seed: usize) -> usize {
        self.note(Read::SeedInfo(seed));
        self.ex.seeds[seed].paragraphs.len()
    }

    pub fn paragraph(&self, at: ParaRef) -> &'a AnnotatedParagraph {
        self.note(Read::Paragraph(at));
        &self.ex.seeds[at.seed].paragraphs[at.para]
    }

    pub fn cities(&self) -> &'a [CityModel] {
        self.note(Read::Shape);
        (0..self.ex.cities.len()).for_each(|i| self.note(Read::City(i)));
        &self.ex.cities
    }

    pub fn city_at(&self, index: usize) -> &'a CityModel {
        self.note(Read::City(index));
        &self.ex.cities[index]
    }

    pub fn city(&self, id: &str) -> Option<&'a CityModel> {
        match self.ex.cities.iter().position(|c| c.info.id == id) {
            Some(i) => Some(self.city_at(i)),
            None => {
                self.note(Read::Shape);
                None
            }
        }
    }

    pub fn terms(&self) -> &'a [TermModel] {
        self.note(Read::Shape);
        (0..self.ex.terms.len()).for_each(|i| self.note(Read::Term(i)));
        &self.ex.terms
    }

    /// Every term in pinyin order.
    pub fn terms_by_pinyin(&self) -> Vec<&'a TermModel> {
        self.note(Read::Shape);
        self.ex.term_order.iter().map(|&i| self.term_at(i)).collect()
    }

    /// Every document in pinyin order.
    pub fn documents_by_pinyin(&self) -> Vec<&'a DocumentModel> {
        self.note(Read::Shape);
        self.ex.document_order.iter().map(|&i| self.document_at(i)).collect()
    }

    pub fn term_count(&self) -> usize {
        self.note(Read::Shape);
        self.ex.terms.len()
    }

    pub fn term_at(&self, index: usize) -> &'a TermModel {
        self.note(Read::Term(index));
        &self.ex.terms[index]
    }

    pub fn term(&self, id: &str) -> Option<&'a TermModel> {
        match self.ex.term_index.get(id) {
            Some(&i) => Some(self.term_at(i)),
            None => {
                self.note(Read::Shape);
                None
            }
        }
    }

    pub fn documents(&self) -> &'a [DocumentModel] {
        self.note(Read::Shape);
        (0..self.ex.documents.len()).for_each(|i| self.note(Read::Document(i)));
        &self.ex.documents
    }

    pub fn document_at(&self, index: usize) -> &'a DocumentModel {
        self.note(Read::Document(index));
        &self.ex.documents[index]
    }

    pub fn document(&self, id: &str) -> Option<&'a DocumentModel> {
        match self.ex.document_index.get(id) {
            Some(&i) => Some(self.document_at(i)),
            None => {
                self.note(Read::Shape);
                None
            }
        }
    }

    pub fn document_count(&self) -> usize {
        self.note(Read::Shape);
        self.ex.documents.len()
    }

    pub fn event_count(&self) -> usize {
        self.note(Read::Shape);
        self.ex.events.len()
    }

    pub fn event(&self, index: usize) -> &'a Event {
        self.note(Read::Event(index));
        &self.ex.events[index]
    }

    /// Events `range` (clamped to the list).
    pub fn events_in(&self, range: std::ops::Range<usize>) -> &'a [Event] {
        let range = range.start.min(self.ex.events.len())..range.end.min(self.ex.events.len());
        range.clone().for_each(|i| self.note(Read::Event(i)));
        &self.ex.events[range]
    }

    /// How many events each year has (the timeline's axis), without reading the events.
    pub fn event_years(&self) -> &'a [(String, usize)] {
        self.note(Read::EventYears);
        &self.ex.event_years
    }

    /// The groups of the index of terms (`documents` false) or documents, without their entries.
    pub fn index_groups(&self, documents: bool) -> &'a [super::IndexGroup] {
        self.note(Read::IndexGroups(documents));
        if documents {
            &self.ex.document_groups
        } else {
            &self.ex.term_groups
        }
    }

    /// One group of the index of terms or documents, with its entries.
    pub fn index_group(&self, documents: bool, index: usize) -> &'a super::IndexGroup {
        self.note(Read::IndexGroup(documents, index));
        if documents {
            &self.ex.document_groups[index]
        } else {
            &self.ex.term_groups[index]
        }
    }

    /// The timeline's groups, with their events (the index of the timeline counts them).
    pub fn event_groups(&self) -> &'a [super::EventGroup] {
        self.note(Read::EventGroups);
        &self.ex.event_groups
    }

    /// The keys of the timeline's groups, in order, without what is in them.
    pub fn event_group_keys(&self) -> Vec<&'a str> {
        self.note(Read::EventGroupKeys);
        self.ex.event_groups.iter().map(|g| g.key.as_str()).collect()
    }

    /// One timeline group.
    pub fn event_group(&self, index: usize) -> &'a super::EventGroup {
        self.note(Read::EventGroup(index));
        &self.ex.event_groups[index]
    }

    /// The other articles carrying the paragraph at `at` (re-published copies).
    pub fn also_in(&self, at: ParaRef) -> &'a [ParaRef] {
        self.note(Read::Copies(at));
        self.ex.also_in(at)
    }

    pub fn province_paragraphs(&self) -> &'a [ParaRef] {
        self.note(Read::Province);
        &self.ex.province_paragraphs
    }
}
