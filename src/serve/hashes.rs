//! What `serve`'s cache compares between builds: a hash of every part of the explainer a page
//! can read ([`Read`]), so that a page is made again only when a part it read changed. A seed's
//! parts are hashed once, when the cache annotates it, and kept with its annotation while the
//! file is unchanged.
//!
//! The hashes are fingerprints within one process (`std`'s hasher), never written anywhere.
//! Curated knowledge (a city's names, a term's glossary entry) is left out: the cache remakes
//! every page when the knowledge changes.

use crate::annotate::AnnotatedSeed;
use crate::model::{Explainer, ParaRef, Read, key};

/// The hash of a part that is not there (a term a page looked up and did not find).
const ABSENT: u64 = 0x5eed_0000_dead_beef;
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
        // The seed's metadata, not its paragraphs' text (pages that only name or link the seed
        // do not change when a paragraph does).
        let s = &seed.seed;
        let head = hash::of((
            (
                &s.id,
                &s.file,
                &s.title,
                s.title_derived,
                &s.subtitle,
                &s.bylines,
                &s.meta,
                &s.language,
            ),
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
/// Parts named by an id or by where they stand ([`Read`]) are looked up by that.
#[derive(Debug, Default)]
pub struct ReadHashes {
    seed_count: u64,
    city_ids: u64,
    city_foci: u64,
    term_count: u64,
    document_count: u64,
    event_count: u64,
    seeds: Vec<Arc<SeedHashes>>,
    cities: FxHashMap<u64, u64>,
    city_heads: FxHashMap<u64, u64>,
    city_overviews: FxHashMap<u64, u64>,
    /// Each city's paragraphs by position: the paragraph and its copies.
    city_paragraphs: FxHashMap<(u64, u32), u64>,
    terms: FxHashMap<u64, u64>,
    documents: FxHashMap<u64, u64>,
    events: FxHashMap<(ParaRef, u32), u64>,
    event_years: u64,
    event_groups: u64,
    event_group_keys: u64,
    event_group: FxHashMap<u64, u64>,
    /// The index groups of terms, then documents: their keys and sizes, and each whole.
    index_groups: [u64; 2],
    index_group: [FxHashMap<u64, u64>; 2],
    province: u64,
    /// The copies of each paragraph that has some (any other has none).
    copies: FxHashMap<ParaRef, u64>,
    /// Figure statements by their id's key.
    statements: FxHashMap<u64, u64>,
    headline: u64,
}

impl ReadHashes {
    /// The hashes of `ex`'s parts. `known` gives a seed's hashes when they were made before (the
    /// cache keeps them with the seed's annotation); the others are made here.
    pub fn new(ex: &Explainer, known: impl Fn(&Arc<AnnotatedSeed>) -> Option<Arc<SeedHashes>> + Sync) -> ReadHashes {
        let events = ex.events();
        // Events by where they stand, not by their index (which moves when one is added before).
        let event_keys = |indexes: &[usize]| -> Vec<(ParaRef, u32)> {
            indexes.iter().map(|&i| (events[i].at, events[i].start)).collect()
        };
        // Statements by id, not by their index (which moves when one is added before).
        let statements = ex.statements();
        let statement_ids = |indexes: &[usize]| -> Vec<&str> { indexes.iter().map(|&i| &*statements[i].id).collect() };
        // What a city's first page shows beside its paragraphs; the whole city's hash adds
        // the paragraphs and figures to it.
        let overview_hash = |c: &crate::model::CityModel| {
            hash::of((
                &c.info.id,
                statement_ids(&c.key_figures),
                &c.terms,
                &c.documents,
                event_keys(&c.events),
                &c.related,
                &c.focus_zh,
                &c.focus_en,
            ))
        };
        let group_ids = |documents: bool, g: &crate::model::IndexGroup| -> Vec<&str> {
            g.items
                .iter()
                .map(|&i| {
                    if documents {
                        ex.documents()[i].id.as_str()
                    } else {
                        ex.terms()[i].id.as_str()
                    }
                })
                .collect()
        };
        let groups_of = |documents: bool| {
            if documents {
                ex.document_groups()
            } else {
                ex.term_groups()
            }
        };
        ReadHashes {
            seed_count: hash::of(ex.seeds().len()),
            city_ids: hash::of(
                ex.cities()
                    .iter()
                    .map(|c| (&c.info.id, &c.info.name))
                    .collect::<Vec<_>>(),
            ),
            city_foci: hash::of(
                ex.cities()
                    .iter()
                    .map(|c| (&c.info.id, &c.focus_zh, &c.focus_en))
                    .collect::<Vec<_>>(),
            ),
            term_count: hash::of(ex.terms().len()),
            document_count: hash::of(ex.documents().len()),
            event_count: hash::of(events.len()),
            seeds: ex
                .seeds()
                .par_iter()
                .map(|s| known(s).unwrap_or_else(|| Arc::new(SeedHashes::of(s))))
                .collect(),
            cities: ex
                .cities()
                .par_iter()
                .map(|c| {
                    let h = hash::of((overview_hash(c), &c.paragraphs, statement_ids(&c.figures)));
                    (key(&c.info.id), h)
                })
                .collect(),
            city_heads: ex
                .cities()
                .iter()
                .map(|c| {
                    let h = hash::of((&c.info.id, c.paragraphs.len(), &c.focus_zh, &c.focus_en));
                    (key(&c.info.id), h)
                })
                .collect(),
            city_overviews: ex
                .cities()
                .par_iter()
                .map(|c| (key(&c.info.id), overview_hash(c)))
                .collect(),
            city_paragraphs: ex
                .cities()
                .par_iter()
                .flat_map_iter(|c| {
                    let k = key(&c.info.id);
                    c.paragraphs
                        .iter()
                        .enumerate()
                        .map(move |(i, p)| ((k, u32::try_from(i).unwrap_or(u32::MAX)), hash::of(p)))
                })
                .collect(),
            terms: ex
                .terms()
                .par_iter()
                .map(|t| {
                    (
                        key(&t.id),
                        hash::of((&t.id, &t.text, &t.uses, &t.cities, &t.explanation)),
                    )
                })
                .collect(),
            documents: ex
                .documents()
                .par_iter()
                .map(|d| {
                    (
                        key(&d.id),
                        hash::of((&d.id, &d.title, &d.mentions, &d.cities, &d.explanation)),
                    )
                })
                .collect(),
            events: events.par_iter().map(|e| ((e.at, e.start), hash::of(e))).collect(),
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
                .map(|g| (key(&g.key), hash::of((&g.key, event_keys(&g.events)))))
                .collect(),
            index_groups: [false, true]
                .map(|d| hash::of(groups_of(d).iter().map(|g| (&g.key, g.items.len())).collect::<Vec<_>>())),
            index_group: [false, true].map(|d| {
                groups_of(d)
                    .iter()
                    .map(|g| (key(&g.key), hash::of((&g.key, group_ids(d, g)))))
                    .collect()
            }),
            province: hash::of(ex.province_paragraphs()),
            copies: ex.copies().map(|(at, copies)| (at, hash::of(copies))).collect(),
            statements: statements.par_iter().map(|st| (key(&st.id), hash::of(st))).collect(),
            // By id: a statement added before them moves the headline's indexes, not what it shows.
            headline: hash::of(statement_ids(ex.headline())),
        }
    }

    /// The hash of one part, `None` when the part no longer exists.
    pub fn get(&self, read: Read) -> Option<u64> {
        match read {
            Read::SeedCount => Some(self.seed_count),
            Read::CityIds => Some(self.city_ids),
            Read::CityFoci => Some(self.city_foci),
            Read::TermCount => Some(self.term_count),
            Read::DocumentCount => Some(self.document_count),
            Read::EventCount => Some(self.event_count),
            Read::Seed(i) => self.seeds.get(i).map(|s| s.whole),
            Read::SeedInfo(i) => self.seeds.get(i).map(|s| s.head),
            Read::Paragraph(r) => self.seeds.get(r.seed)?.paragraphs.get(r.para).copied(),
            // A term, document or city a page looked for and did not find is a part too: it
            // hashes as absent, so appearing shows.
            Read::City(k) => Some(self.cities.get(&k).copied().unwrap_or(ABSENT)),
            Read::CityHead(k) => Some(self.city_heads.get(&k).copied().unwrap_or(ABSENT)),
            Read::CityOverview(k) => Some(self.city_overviews.get(&k).copied().unwrap_or(ABSENT)),
            Read::CityParagraph(k, i) => self.city_paragraphs.get(&(k, i)).copied(),
            Read::Term(k) => Some(self.terms.get(&k).copied().unwrap_or(ABSENT)),
            Read::Document(k) => Some(self.documents.get(&k).copied().unwrap_or(ABSENT)),
            Read::Event(at, start) => self.events.get(&(at, start)).copied(),
            Read::EventYears => Some(self.event_years),
            Read::EventGroups => Some(self.event_groups),
            Read::EventGroupKeys => Some(self.event_group_keys),
            Read::EventGroup(k) => self.event_group.get(&k).copied(),
            Read::IndexGroups(documents) => Some(self.index_groups[usize::from(documents)]),
            Read::IndexGroup(documents, k) => self.index_group[usize::from(documents)].get(&k).copied(),
            Read::Province => Some(self.province),
            // A paragraph without copies hashes as an empty list, so gaining one shows.
            Read::Copies(r) => Some(
                self.copies
                    .get(&r)
                    .copied()
                    .unwrap_or_else(|| hash::of(&[] as &[ParaRef])),
            ),
            Read::Statement(k) => self.statements.get(&k).copied(),
            Read::Headline => Some(self.headline),
        }
    }
}
