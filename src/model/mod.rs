//! Stage 3 — model: the explainer built from annotated seeds. Cities, terms, documents and
//! dated events, each pointing back to the paragraphs it came from. Everything a page shows is
//! computed here, so templates only display.

mod explain;
mod view;

pub use explain::{Explanation, Note, Origin, Quote, TitlePart};
pub use view::{Read, ReadHashes, View};

use crate::annotate::{AnnotatedParagraph, AnnotatedSeed, Kind, YearSource};
use crate::knowledge::Knowledge;
use crate::knowledge::gazetteer::{CITY_IDS, City};
use crate::knowledge::glossary::{DocumentEntry, Glossary, TermEntry};
use crate::text::slug;
use arcstr::ArcStr;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A paragraph's address: seed index and paragraph index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ParaRef {
    pub seed: usize,
    pub para: usize,
}

/// A paragraph about a city, with every seed that carries the same text.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct CityParagraph {
    pub at: ParaRef,
    /// Other seeds carrying the same paragraph (re-published articles).
    pub also_in: Vec<ParaRef>,
}

/// One city that some seed talks about.
#[derive(Debug, Clone, Serialize)]
pub struct CityModel {
    pub info: City,
    pub paragraphs: Vec<CityParagraph>,
    /// Figures in its paragraphs: (paragraph, annotation index).
    pub figures: Vec<(ParaRef, usize)>,
    /// Term ids, most used first.
    pub terms: Vec<String>,
    /// Document ids in order of first mention.
    pub documents: Vec<String>,
    /// Indexes into `Explainer::events`.
    pub events: Vec<usize>,
    /// Cities named in the same paragraphs, with how often.
    pub related: Vec<(String, usize)>,
    /// Its track (curated override, else derived from the AI+X terms it uses).
    pub focus_zh: Option<String>,
    pub focus_en: Option<String>,
}

/// A term and every place it is used.
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Event {
    /// Shared with the date annotation it comes from.
    pub date: ArcStr,
    pub text: ArcStr,
    pub inferred: bool,
    pub at: ParaRef,
    pub cities: Box<[ArcStr]>,
}

/// The whole explainer. Its fields are private: pages read it through a recording [`View`];
/// the files made from the whole corpus (export, cards, search index, feeds) through the
/// accessors below.
#[derive(Debug, Clone, Serialize)]
pub struct Explainer {
    /// Shared with `serve`'s cache, which keeps the annotation of every unchanged seed.
    seeds: Vec<Arc<AnnotatedSeed>>,
    cities: Vec<CityModel>,
    terms: Vec<TermModel>,
    documents: Vec<DocumentModel>,
    /// Sorted by date, then source order.
    events: Vec<Event>,
    /// Paragraphs about no city in particular (province-level).
    province_paragraphs: Vec<ParaRef>,
    /// Terms and documents in pinyin order, for the indexes.
    #[serde(skip)]
    term_order: Vec<usize>,
    #[serde(skip)]
    document_order: Vec<usize>,
    /// Position of each term and document by id, for lookups in large corpora.
    #[serde(skip)]
    term_index: BTreeMap<String, usize>,
    #[serde(skip)]
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
}

/// Builds the explainer. Seeds must already be in their final (sorted) order.
pub fn build(seeds: Vec<Arc<AnnotatedSeed>>, knowledge: &Knowledge) -> Explainer {
    let (gazetteer, glossary) = (&knowledge.gazetteer, &knowledge.glossary);
    let refs: Vec<ParaRef> = seeds
        .iter()
        .enumerate()
        .flat_map(|(s, seed)| (0..seed.paragraphs.len()).map(move |p| ParaRef { seed: s, para: p }))
        .collect();
    let para = |r: ParaRef| &seeds[r.seed].paragraphs[r.para];

    // Three independent passes over the paragraphs, side by side.
    let terms_and_documents = || {
        // Terms and documents in order of first use, found by id through a hash index (most uses
        // are of one already seen, so the id is cloned only once).
        let mut terms: Vec<TermModel> = Vec::new();
        let mut term_at: FxHashMap<&str, usize> = FxHashMap::default();
        let mut documents: Vec<DocumentModel> = Vec::new();
        let mut document_at: FxHashMap<&str, usize> = FxHashMap::default();
        for &r in &refs {
            let p = para(r);
            for a in p.annotations.iter().chain(&p.nested) {
                match a.kind {
                    Kind::Term => {
                        let t = *term_at.entry(&*a.value).or_insert_with(|| {
                            terms.push(TermModel {
                                id: a.value.to_string(),
                                text: a.text.to_string(),
                                entry: glossary.term_by_id(&a.value).cloned(),
                                explanation: None,
                                uses: Vec::new(),
                                cities: Vec::new(),
                            });
                            terms.len() - 1
                        });
                        let t = &mut terms[t];
                        if t.uses.last() != Some(&r) {
                            t.uses.push(r);
                        }
                    }
                    Kind::Document => {
                        let d = *document_at.entry(&*a.value).or_insert_with(|| {
                            documents.push(DocumentModel {
                                id: a.value.to_string(),
                                title: a.text.to_string(),
                                entry: glossary.document_by_id(&a.value).cloned(),
                                explanation: None,
                                mentions: Vec::new(),
                                cities: Vec::new(),
                            });
                            documents.len() - 1
                        });
                        let d = &mut documents[d];
                        if d.title.chars().count() < a.text.chars().count() {
                            d.title = a.text.to_string();
                        }
                        if d.mentions.last() != Some(&r) {
                            d.mentions.push(r);
                        }
                    }
                    _ => {}
                }
            }
        }
        (terms, documents)
    };
    // Every date annotation, in source order, then by date (a stable sort keeps source order
    // for equal dates).
    let collect_events = || {
        let mut events: Vec<Event> = seeds
            .par_iter()
            .enumerate()
            .flat_map_iter(|(s, seed)| {
                seed.paragraphs.iter().enumerate().flat_map(move |(pi, p)| {
                    p.annotations
                        .iter()
                        .filter(|a| a.kind == Kind::Date)
                        .map(move |a| Event {
                            date: a.value.clone(),
                            text: a.text.clone(),
                            inferred: a.inferred,
                            at: ParaRef { seed: s, para: pi },
                            cities: p.cities.clone(),
                        })
                })
            })
            .collect();
        events.par_sort_by(|a, b| a.date.cmp(&b.date).then(a.at.cmp(&b.at)));
        events
    };
    let city_index = |id: &str| CITY_IDS.iter().position(|c| *c == id);
    let group_paragraphs = || {
        // Paragraphs by city, with re-published copies folded into the first one.
        let mut copies: FxHashMap<ParaRef, Vec<ParaRef>> = FxHashMap::default();
        // Copies are found by their text folded char by char (script, width, case, no spaces).
        let mut first_copy: FxHashMap<u64, ParaRef> = FxHashMap::default();
        for &r in &refs {
            let key = para(r).copy_key;
            match first_copy.get(&key) {
                Some(&first) if first.seed != r.seed => copies.entry(first).or_default().push(r),
                Some(_) => {}
                None => {
                    first_copy.insert(key, r);
                }
            }
        }
        let duplicate: FxHashSet<ParaRef> = copies.values().flatten().copied().collect();
        // Paragraphs and events by city, in one pass each (not one pass per city).
        let mut paragraphs_of: Vec<Vec<ParaRef>> = vec![Vec::new(); CITY_IDS.len()];
        for &r in &refs {
            for i in para(r).cities.iter().filter_map(|c| city_index(c)) {
                paragraphs_of[i].push(r);
            }
        }
        (copies, duplicate, paragraphs_of)
    };
    let ((mut terms, mut documents), (events, (copies, duplicate, paragraphs_of))) =
        rayon::join(terms_and_documents, || rayon::join(collect_events, group_paragraphs));
    let mut events_of: Vec<Vec<usize>> = vec![Vec::new(); CITY_IDS.len()];
    for (e, event) in events.iter().enumerate() {
        for i in event.cities.iter().filter_map(|c| city_index(c)) {
            events_of[i].push(e);
        }
    }
    // Each city's model is independent of the others'.
    let work: Vec<(usize, Vec<ParaRef>, Vec<usize>)> = paragraphs_of
        .into_iter()
        .zip(events_of)
        .enumerate()
        .filter(|(_, (mine, _))| !mine.is_empty())
        .map(|(index, (mine, city_events))| (index, mine, city_events))
        .collect();
    let cities: Vec<CityModel> = work
        .into_par_iter()
        .map(|(index, mine, city_events)| {
            let id = &CITY_IDS[index];
            let paragraphs = mine
                .iter()
                .filter(|r| !duplicate.contains(r))
                .map(|&r| CityParagraph {
                    at: r,
                    also_in: copies.get(&r).cloned().unwrap_or_default(),
                })
                .collect::<Vec<_>>();
            let shown: Vec<ParaRef> = paragraphs.iter().map(|p| p.at).collect();
            let mut figures = Vec::new();
            let mut term_counts: FxHashMap<&str, usize> = FxHashMap::default();
            let mut docs: Vec<String> = Vec::new();
            let mut docs_seen: FxHashSet<&str> = FxHashSet::default();
            let mut related: BTreeMap<&str, usize> = BTreeMap::new();
            for &r in &shown {
                let p = para(r);
                for (i, a) in p.annotations.iter().enumerate() {
                    match a.kind {
                        Kind::Figure => figures.push((r, i)),
                        Kind::Term => *term_counts.entry(&*a.value).or_default() += 1,
                        Kind::Document if docs_seen.insert(&*a.value) => docs.push(a.value.to_string()),
                        _ => {}
                    }
                }
                for other in p.cities.iter().filter(|c| c.as_str() != *id) {
                    *related.entry(other.as_str()).or_default() += 1;
                }
            }
            let mut term_ids: Vec<(String, usize)> = term_counts.into_iter().map(|(t, n)| (t.to_string(), n)).collect();
            term_ids.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut related: Vec<(String, usize)> = related.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
            related.sort_by(|a, b| b.1.cmp(&a.1).then(city_index(&a.0).cmp(&city_index(&b.0))));
            let (focus_zh, focus_en) = focus(id, &term_ids, glossary);
            CityModel {
                info: gazetteer.cities[index].clone(),
                paragraphs,
                figures,
                terms: term_ids.into_iter().map(|(t, _)| t).collect(),
                documents: docs,
                events: city_events,
                related,
                focus_zh,
                focus_en,
            }
        })
        .collect();
    let province_paragraphs = refs
        .iter()
        .copied()
        .filter(|&r| para(r).cities.is_empty() && !duplicate.contains(&r))
        .collect();
    // The cities of a list of paragraphs, in order of first appearance: a bit per prefecture.
    let cities_of = |refs: &[ParaRef]| -> Vec<String> {
        let mut seen = 0u32;
        let mut ids: Vec<String> = Vec::new();
        for &r in refs {
            for c in &para(r).cities {
                // A paragraph's cities are prefecture ids; anything else is compared by name.
                let bit = city_index(c).map_or(0, |i| 1u32 << i);
                if (bit != 0 && seen & bit == 0) || (bit == 0 && !ids.iter().any(|known| **known == **c)) {
                    seen |= bit;
                    ids.push(c.to_string());
                }
            }
        }
        ids
    };
    terms.par_iter_mut().for_each(|t| t.cities = cities_of(&t.uses));
    documents.par_iter_mut().for_each(|d| d.cities = cities_of(&d.mentions));
    explain::explain(&seeds, &mut terms, &mut documents, knowledge);
    let order = |keys: Vec<(String, String)>| -> Vec<usize> {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        order
    };
    let term_order = order(terms.par_iter().map(|t| slug::pinyin_key(&t.text)).collect());
    let document_order = order(documents.par_iter().map(|d| slug::pinyin_key(&d.title)).collect());
    Explainer {
        term_order,
        document_order,
        cities,
        term_index: terms.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect(),
        document_index: documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
        terms,
        documents,
        events,
        province_paragraphs,
        seeds,
    }
}

/// A city's track: the editor's override, else the focus of its most-used AI+X term.
fn focus(city: &str, terms: &[(String, usize)], glossary: &Glossary) -> (Option<String>, Option<String>) {
    if let Some(f) = glossary.focus.iter().find(|f| f.city == city) {
        return (Some(f.zh.clone()), Some(f.en.clone()));
    }
    for (id, _) in terms {
        if let Some(entry) = glossary.term_by_id(id)
            && let Some(en) = &entry.focus
        {
            let zh = entry.names.first().cloned();
            return (zh, Some(en.clone()));
        }
    }
    (None, None)
}

/// Whether a seed's dates had their year inferred.
pub fn year_note(seed: &AnnotatedSeed) -> Option<String> {
    match (seed.year_source, seed.year) {
        (YearSource::Inferred, Some(y)) => Some(format!("{y}")),
        _ => None,
    }
}
