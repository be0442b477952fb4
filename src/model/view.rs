//! What a page sees of the explainer. Page code (the `emit` stage) gets a [`View`], never the
//! [`Explainer`] itself: every read goes through the view and is recorded, so `serve` knows
//! which parts of the explainer each page depends on and makes a page again only when one of
//! them changed. Nothing can read around the record: the explainer's fields are private to
//! the model, and the view does not hand the explainer out.

use super::{CityModel, CityParagraph, DocumentModel, Event, Explainer, FigureStatement, ParaRef, TermModel};
use crate::annotate::{AnnotatedParagraph, AnnotatedSeed};
use std::cell::RefCell;

/// A part of the explainer that a page reads. Parts are named by what does not move as the
/// corpus changes — a term, document, city or timeline group by its id (a hash of it: [`key`]),
/// an event by where it stands — so that a term first used earlier than others, or an event
/// dated before them, changes the pages that show it and not every page after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Read {
    /// How many seeds there are.
    SeedCount,
    /// Which cities have pages, with their names (not what their models hold).
    CityIds,
    /// Every city's focus (the map's colours).
    CityFoci,
    TermCount,
    DocumentCount,
    EventCount,
    /// A whole seed: its metadata and every paragraph.
    Seed(usize),
    /// Only a seed's metadata and paragraph count ([`View::seed_info`]), not their text.
    SeedInfo(usize),
    Paragraph(ParaRef),
    /// A city's whole model, by its id's [`key`].
    City(u64),
    /// What every page of a city shows of it ([`CityHead`]): how many paragraphs, its focus.
    CityHead(u64),
    /// The paragraph a city lists at one position, with its copies ([`View::city_paragraphs`]).
    CityParagraph(u64, u32),
    /// What the first page of a city shows above its paragraphs ([`CityOverview`]).
    CityOverview(u64),
    Term(u64),
    Document(u64),
    /// An event, by its paragraph and where its date starts.
    Event(ParaRef, u32),
    /// How many events each year has.
    EventYears,
    /// The timeline's groups: their keys and sizes.
    EventGroups,
    /// The keys of the timeline's groups.
    EventGroupKeys,
    /// One timeline group, by its key's [`key`]: its events.
    EventGroup(u64),
    /// The groups of the index of terms (`false`) or documents (`true`): their keys and sizes.
    IndexGroups(bool),
    /// One group of the index of terms (`false`) or documents (`true`), by its key's [`key`].
    IndexGroup(bool, u64),
    Province,
    /// The other articles that carry a paragraph ([`View::also_in`]).
    Copies(ParaRef),
    /// A figure statement, by its id's [`key`]: what it measures, whose, when, its copies.
    Statement(u64),
    /// Which statements the overview heads with (by id).
    Headline,
}

/// What every page of a city shows of its model: who it is, how many paragraphs it has, its
/// focus.
#[derive(Debug, Clone, Copy)]
pub struct CityHead<'a> {
    pub info: &'a crate::knowledge::City,
    pub paragraphs: usize,
    pub focus_zh: &'a Option<String>,
    pub focus_en: &'a Option<String>,
}

/// What the first page of a city shows above its paragraphs (see [`CityModel`]'s fields).
#[derive(Debug, Clone, Copy)]
pub struct CityOverview<'a> {
    pub info: &'a crate::knowledge::City,
    pub key_figures: &'a [usize],
    pub terms: &'a [String],
    pub documents: &'a [String],
    pub events: &'a [usize],
    pub related: &'a [(String, usize)],
    pub focus_zh: &'a Option<String>,
    pub focus_en: &'a Option<String>,
}

/// The key an id is read by: a hash of it (fingerprints within one process).
pub fn key(id: &str) -> u64 {
    crate::text::hash::of(id)
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
        self.note(Read::SeedCount);
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

    /// Every city's whole model.
    pub fn cities(&self) -> &'a [CityModel] {
        self.note(Read::CityIds);
        self.ex
            .cities
            .iter()
            .for_each(|c| self.note(Read::City(key(&c.info.id))));
        &self.ex.cities
    }

    /// The cities with pages: who they are, not what their models hold.
    pub fn city_infos(&self) -> impl Iterator<Item = &'a crate::knowledge::City> {
        self.note(Read::CityIds);
        self.ex.cities.iter().map(|c| &c.info)
    }

    /// One city with a page: who it is, without its model.
    pub fn city_info(&self, id: &str) -> Option<&'a crate::knowledge::City> {
        self.note(Read::CityIds);
        self.ex.cities.iter().find(|c| c.info.id == id).map(|c| &c.info)
    }

    /// Every city's focus (id, Chinese, English), for the map's colours.
    pub fn city_foci(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>, Option<&'a str>)> {
        self.note(Read::CityIds);
        self.note(Read::CityFoci);
        self.ex
            .cities
            .iter()
            .map(|c| (c.info.id.as_str(), c.focus_zh.as_deref(), c.focus_en.as_deref()))
    }

    /// What every page of the city at `index` shows of it, not its lists.
    pub fn city_head(&self, index: usize) -> CityHead<'a> {
        let c = &self.ex.cities[index];
        self.note(Read::CityHead(key(&c.info.id)));
        CityHead {
            info: &c.info,
            paragraphs: c.paragraphs.len(),
            focus_zh: &c.focus_zh,
            focus_en: &c.focus_en,
        }
    }

    /// The paragraphs the city at `index` lists at the positions `range` (one page of them):
    /// a page of them changes when one of these does, not when a paragraph on another page does.
    pub fn city_paragraphs(&self, index: usize, range: std::ops::Range<usize>) -> &'a [CityParagraph] {
        let c = &self.ex.cities[index];
        let k = key(&c.info.id);
        let range = range.start.min(c.paragraphs.len())..range.end.min(c.paragraphs.len());
        for i in range.clone() {
            self.note(Read::CityParagraph(k, u32::try_from(i).unwrap_or(u32::MAX)));
        }
        &c.paragraphs[range]
    }

    /// What the first page of the city at `index` shows above its paragraphs.
    pub fn city_overview(&self, index: usize) -> CityOverview<'a> {
        let c = &self.ex.cities[index];
        self.note(Read::CityOverview(key(&c.info.id)));
        CityOverview {
            info: &c.info,
            key_figures: &c.key_figures,
            terms: &c.terms,
            documents: &c.documents,
            events: &c.events,
            related: &c.related,
            focus_zh: &c.focus_zh,
            focus_en: &c.focus_en,
        }
    }

    pub fn city_at(&self, index: usize) -> &'a CityModel {
        let c = &self.ex.cities[index];
        self.note(Read::City(key(&c.info.id)));
        c
    }

    pub fn city(&self, id: &str) -> Option<&'a CityModel> {
        match self.ex.cities.iter().position(|c| c.info.id == id) {
            Some(i) => Some(self.city_at(i)),
            None => {
                self.note(Read::CityIds);
                None
            }
        }
    }

    pub fn term_count(&self) -> usize {
        self.note(Read::TermCount);
        self.ex.terms.len()
    }

    pub fn term_at(&self, index: usize) -> &'a TermModel {
        let t = &self.ex.terms[index];
        self.note(Read::Term(key(&t.id)));
        t
    }

    pub fn term(&self, id: &str) -> Option<&'a TermModel> {
        self.note(Read::Term(key(id)));
        self.ex.term_index.get(id).map(|&i| &self.ex.terms[i])
    }

    pub fn document_at(&self, index: usize) -> &'a DocumentModel {
        let d = &self.ex.documents[index];
        self.note(Read::Document(key(&d.id)));
        d
    }

    pub fn document(&self, id: &str) -> Option<&'a DocumentModel> {
        self.note(Read::Document(key(id)));
        self.ex.document_index.get(id).map(|&i| &self.ex.documents[i])
    }

    pub fn document_count(&self) -> usize {
        self.note(Read::DocumentCount);
        self.ex.documents.len()
    }

    pub fn event_count(&self) -> usize {
        self.note(Read::EventCount);
        self.ex.events.len()
    }

    pub fn event(&self, index: usize) -> &'a Event {
        let e = &self.ex.events[index];
        self.note(Read::Event(e.at, e.start));
        e
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
        let g = if documents {
            &self.ex.document_groups[index]
        } else {
            &self.ex.term_groups[index]
        };
        self.note(Read::IndexGroup(documents, key(&g.key)));
        g
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
        let g = &self.ex.event_groups[index];
        self.note(Read::EventGroup(key(&g.key)));
        g
    }

    /// The other articles carrying the paragraph at `at` (re-published copies).
    pub fn also_in(&self, at: ParaRef) -> &'a [ParaRef] {
        self.note(Read::Copies(at));
        self.ex.also_in(at)
    }

    /// A figure statement.
    pub fn statement(&self, index: usize) -> &'a FigureStatement {
        let st = &self.ex.statements[index];
        self.note(Read::Statement(key(&st.id)));
        st
    }

    /// The id of the statement of figure `index` of the paragraph at `at`: made from the
    /// paragraph's text alone, so reading it is reading the paragraph.
    pub fn statement_id(&self, at: ParaRef, index: usize) -> Option<&'a str> {
        self.note(Read::Paragraph(at));
        self.ex.statement_of(at, index).map(|s| &*s.id)
    }

    /// The overview's headline figures (indexes of statements).
    pub fn headline(&self) -> &'a [usize] {
        self.note(Read::Headline);
        &self.ex.headline
    }

    pub fn province_paragraphs(&self) -> &'a [ParaRef] {
        self.note(Read::Province);
        &self.ex.province_paragraphs
    }
}
