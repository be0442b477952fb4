//! What `serve`'s cache compares between builds: a hash of every part of the explainer a page
//! can read ([`Read`]), so that a page is made again only when a part it read changed. A seed's
//! parts are hashed once, when the cache annotates it, and kept with its annotation while the
//! file is unchanged.
//!
//! The hashes are fingerprints within one process (`std`'s hasher), never written anywhere.
//! Curated knowledge (a city's names, a term's glossary entry) is left out: the cache remakes
//! every page when the knowledge changes.

use crate::annotate::AnnotatedSeed;
use crate::model::{Explainer, ParaRef, Read};
use crate::text::hash;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Hashes of an annotated seed and of the parts of it that pages read separately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedHashes {
    /// The whole seed: its metadata and every paragraph.
    pub whole: u64,
    /// Its metadata (id, file, title, bylines, dates' year) and paragraph count: what a page
    /// that only names or links the seed shows.
    pub head: u64,
    /// Each annotated paragraph.
    pub paragraphs: Vec<u64>,
}

impl SeedHashes {
    pub fn of(seed: &AnnotatedSeed) -> SeedHashes {
        let head = hash::of((
            &seed.seed,
            seed.year,
            seed.year_source,
            &seed.home_city,
            seed.issuer,
            &seed.document,
            seed.paragraphs.len(),
        ));
        let paragraphs: Vec<u64> = seed.paragraphs.iter().map(hash::of).collect();
        SeedHashes {
            whole: hash::of((head, &paragraphs)),
            head,
            paragraphs,
        }
    }
}

/// The hash of every part of an explainer, to tell which parts changed between two builds.
#[derive(Debug, Default)]
pub struct ReadHashes {
    shape: u64,
    seeds: Vec<Arc<SeedHashes>>,
    cities: Vec<u64>,
    terms: Vec<u64>,
    documents: Vec<u64>,
    events: Vec<u64>,
    event_years: u64,
    event_groups: u64,
    event_group_keys: u64,
    /// Each group by its key and its events (by where they stand, not their index, which moves
    /// when an event is added before them).
    event_group: Vec<u64>,
    /// The index groups of terms, then documents: their keys and sizes, and each whole.
    index_groups: [u64; 2],
    index_group: [Vec<u64>; 2],
    province: u64,
    /// The copies of each paragraph that has some (any other has none).
    copies: FxHashMap<ParaRef, u64>,
}

impl ReadHashes {
    /// The hashes of `ex`'s parts. `known` gives a seed's hashes when they were made before (the
    /// cache keeps them with the seed's annotation); the others are made here.
    pub fn new(ex: &Explainer, known: impl Fn(&Arc<AnnotatedSeed>) -> Option<Arc<SeedHashes>> + Sync) -> ReadHashes {
        ReadHashes {
            shape: hash::of((
                ex.seeds().len(),
                ex.cities().iter().map(|c| c.info.id.as_str()).collect::<Vec<_>>(),
                ex.terms().len(),
                ex.documents().len(),
                ex.events().len(),
                ex.province_paragraphs().len(),
            )),
            seeds: ex
                .seeds()
                .par_iter()
                .map(|s| known(s).unwrap_or_else(|| Arc::new(SeedHashes::of(s))))
                .collect(),
            cities: ex
                .cities()
                .par_iter()
                .map(|c| {
                    hash::of((
                        &c.info.id,
                        &c.paragraphs,
                        &c.figures,
                        &c.terms,
                        &c.documents,
                        &c.events,
                        &c.related,
                        &c.focus_zh,
                        &c.focus_en,
                    ))
                })
                .collect(),
            terms: ex
                .terms()
                .iter()
                .map(|t| hash::of((&t.id, &t.text, &t.uses, &t.cities, &t.explanation)))
                .collect(),
            documents: ex
                .documents()
                .iter()
                .map(|d| hash::of((&d.id, &d.title, &d.mentions, &d.cities, &d.explanation)))
                .collect(),
            events: ex.events().iter().map(hash::of).collect(),
            event_years: hash::of(ex.event_years()),
            event_groups: hash::of(
                ex.event_groups()
                    .iter()
                    .map(|g| (&g.key, g.events.len()))
                    .collect::<Vec<_>>(),
            ),
            event_group_keys: hash::of(ex.event_groups().iter().map(|g| &g.key).collect::<Vec<_>>()),
            event_group: ex
                .event_groups()
                .iter()
                .map(|g| {
                    let events = ex.events();
                    hash::of((
                        &g.key,
                        g.events
                            .iter()
                            .map(|&i| (events[i].at, events[i].start))
                            .collect::<Vec<_>>(),
                    ))
                })
                .collect(),
            index_groups: [ex.term_groups(), ex.document_groups()]
                .map(|groups| hash::of(groups.iter().map(|g| (&g.key, g.items.len())).collect::<Vec<_>>())),
            index_group: [ex.term_groups(), ex.document_groups()].map(|groups| groups.iter().map(hash::of).collect()),
            province: hash::of(ex.province_paragraphs()),
            copies: ex.copies().map(|(at, copies)| (at, hash::of(copies))).collect(),
        }
    }

    /// The hash of one part, `None` when the part no longer exists.
    pub fn get(&self, read: Read) -> Option<u64> {
        match read {
            Read::Shape => Some(self.shape),
            Read::Seed(i) => self.seeds.get(i).map(|s| s.whole),
            Read::SeedInfo(i) => self.seeds.get(i).map(|s| s.head),
            Read::Paragraph(r) => self.seeds.get(r.seed)?.paragraphs.get(r.para).copied(),
            Read::City(i) => self.cities.get(i).copied(),
            Read::Term(i) => self.terms.get(i).copied(),
            Read::Document(i) => self.documents.get(i).copied(),
            Read::Event(i) => self.events.get(i).copied(),
            Read::EventYears => Some(self.event_years),
            Read::EventGroups => Some(self.event_groups),
            Read::EventGroupKeys => Some(self.event_group_keys),
            Read::EventGroup(g) => self.event_group.get(g).copied(),
            Read::IndexGroups(documents) => Some(self.index_groups[usize::from(documents)]),
            Read::IndexGroup(documents, g) => self.index_group[usize::from(documents)].get(g).copied(),
            Read::Province => Some(self.province),
            // A paragraph without copies hashes as an empty list, so gaining one shows.
            Read::Copies(r) => Some(
                self.copies
                    .get(&r)
                    .copied()
                    .unwrap_or_else(|| hash::of(&[] as &[ParaRef])),
            ),
        }
    }
}
