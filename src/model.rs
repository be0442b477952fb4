//! Stage 3 — model: the explainer built from annotated seeds. Cities, terms, documents and
//! dated events, each pointing back to the paragraphs it came from. Everything a page shows is
//! computed here, so templates only display.

use crate::annotate::{AnnotatedParagraph, AnnotatedSeed, Kind, YearSource};
use crate::gazetteer::{CITY_IDS, City, Gazetteer};
use crate::glossary::{DocumentEntry, Glossary, TermEntry};
use crate::script;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A paragraph's address: seed index and paragraph index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ParaRef {
    pub seed: usize,
    pub para: usize,
}

/// A paragraph about a city, with every seed that carries the same text.
#[derive(Debug, Clone, Serialize)]
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
    pub uses: Vec<ParaRef>,
}

/// A document and every mention.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentModel {
    pub id: String,
    pub title: String,
    pub entry: Option<DocumentEntry>,
    pub mentions: Vec<ParaRef>,
}

/// A dated statement: a date annotation in a paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub date: String,
    pub text: String,
    pub inferred: bool,
    pub at: ParaRef,
    pub cities: Vec<String>,
}

/// The whole explainer.
#[derive(Debug, Clone, Serialize)]
pub struct Explainer {
    pub seeds: Vec<AnnotatedSeed>,
    pub cities: Vec<CityModel>,
    pub terms: Vec<TermModel>,
    pub documents: Vec<DocumentModel>,
    /// Sorted by date, then source order.
    pub events: Vec<Event>,
    /// Paragraphs about no city in particular (province-level).
    pub province_paragraphs: Vec<ParaRef>,
    /// Position of each term and document by id, for lookups in large corpora.
    #[serde(skip)]
    term_index: BTreeMap<String, usize>,
    #[serde(skip)]
    document_index: BTreeMap<String, usize>,
    /// Char-by-char folding for every char of the corpus (duplicate paragraphs, search).
    #[serde(skip)]
    pub folder: script::CharFolder,
}

impl Explainer {
    pub fn paragraph(&self, at: ParaRef) -> &AnnotatedParagraph {
        &self.seeds[at.seed].paragraphs[at.para]
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
}

/// Builds the explainer. Seeds must already be in their final (sorted) order.
pub fn build(seeds: Vec<AnnotatedSeed>, gazetteer: &Gazetteer, glossary: &Glossary) -> Explainer {
    let refs: Vec<ParaRef> = seeds
        .iter()
        .enumerate()
        .flat_map(|(s, seed)| (0..seed.paragraphs.len()).map(move |p| ParaRef { seed: s, para: p }))
        .collect();
    let para = |r: ParaRef| &seeds[r.seed].paragraphs[r.para];

    let mut terms: BTreeMap<String, TermModel> = BTreeMap::new();
    let mut term_order: Vec<String> = Vec::new();
    let mut documents: BTreeMap<String, DocumentModel> = BTreeMap::new();
    let mut document_order: Vec<String> = Vec::new();
    let mut events = Vec::new();
    for &r in &refs {
        let p = para(r);
        for a in p.annotations.iter().chain(&p.nested) {
            match a.kind {
                Kind::Term => {
                    let t = terms.entry(a.value.clone()).or_insert_with(|| {
                        term_order.push(a.value.clone());
                        TermModel {
                            id: a.value.clone(),
                            text: a.text.clone(),
                            entry: glossary.term_by_id(&a.value).cloned(),
                            uses: Vec::new(),
                        }
                    });
                    if t.uses.last() != Some(&r) {
                        t.uses.push(r);
                    }
                }
                Kind::Document => {
                    let d = documents.entry(a.value.clone()).or_insert_with(|| {
                        document_order.push(a.value.clone());
                        DocumentModel {
                            id: a.value.clone(),
                            title: a.text.clone(),
                            entry: glossary.document_by_id(&a.value).cloned(),
                            mentions: Vec::new(),
                        }
                    });
                    if d.title.chars().count() < a.text.chars().count() {
                        d.title = a.text.clone();
                    }
                    if d.mentions.last() != Some(&r) {
                        d.mentions.push(r);
                    }
                }
                _ => {}
            }
        }
        for a in p.annotations.iter().filter(|a| a.kind == Kind::Date) {
            events.push(Event {
                date: a.value.clone(),
                text: a.text.clone(),
                inferred: a.inferred,
                at: r,
                cities: p.cities.clone(),
            });
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then(a.at.cmp(&b.at)));

    // Paragraphs by city, with re-published copies folded into the first one.
    let mut first_copy: BTreeMap<String, ParaRef> = BTreeMap::new();
    let mut copies: BTreeMap<ParaRef, Vec<ParaRef>> = BTreeMap::new();
    // Copies are found by their text folded char by char (script, width, case, no spaces).
    let folder = script::CharFolder::new(refs.iter().map(|&r| para(r).text.as_str()));
    let keys: Vec<String> = refs
        .par_iter()
        .map(|&r| {
            let text = &para(r).text;
            text.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| folder.fold_char(c))
                .collect()
        })
        .collect();
    for (&r, key) in refs.iter().zip(keys) {
        match first_copy.get(&key) {
            Some(&first) if first.seed != r.seed => copies.entry(first).or_default().push(r),
            Some(_) => {}
            None => {
                first_copy.insert(key, r);
            }
        }
    }
    let duplicate: BTreeSet<ParaRef> = copies.values().flatten().copied().collect();
    let mut cities = Vec::new();
    for (index, id) in CITY_IDS.iter().enumerate() {
        let mine: Vec<ParaRef> = refs
            .iter()
            .copied()
            .filter(|&r| para(r).cities.iter().any(|c| c == id))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let paragraphs = mine
            .iter()
            .filter(|r| !duplicate.contains(r))
            .map(|&r| CityParagraph {
                at: r,
                also_in: copies.get(&r).cloned().unwrap_or_default(),
            })
            .collect::<Vec<_>>();
        let shown: Vec<ParaRef> = paragraphs.iter().map(|p| p.at).collect();
        let shown_set: BTreeSet<ParaRef> = shown.iter().copied().collect();
        let mut figures = Vec::new();
        let mut term_counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut docs: Vec<String> = Vec::new();
        let mut related: BTreeMap<String, usize> = BTreeMap::new();
        for &r in &shown {
            let p = para(r);
            for (i, a) in p.annotations.iter().enumerate() {
                match a.kind {
                    Kind::Figure => figures.push((r, i)),
                    Kind::Term => *term_counts.entry(a.value.clone()).or_default() += 1,
                    Kind::Document if !docs.contains(&a.value) => docs.push(a.value.clone()),
                    _ => {}
                }
            }
            for other in p.cities.iter().filter(|c| *c != id) {
                *related.entry(other.clone()).or_default() += 1;
            }
        }
        let mut term_ids: Vec<(String, usize)> = term_counts.into_iter().collect();
        term_ids.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut related: Vec<(String, usize)> = related.into_iter().collect();
        related.sort_by(|a, b| {
            b.1.cmp(&a.1).then(
                CITY_IDS
                    .iter()
                    .position(|c| *c == a.0)
                    .cmp(&CITY_IDS.iter().position(|c| *c == b.0)),
            )
        });
        let city_events = events
            .iter()
            .enumerate()
            .filter(|(_, e)| shown_set.contains(&e.at) || e.cities.iter().any(|c| c == id))
            .map(|(i, _)| i)
            .collect();
        let (focus_zh, focus_en) = focus(id, &term_ids, glossary);
        cities.push(CityModel {
            info: gazetteer.cities[index].clone(),
            paragraphs,
            figures,
            terms: term_ids.into_iter().map(|(t, _)| t).collect(),
            documents: docs,
            events: city_events,
            related,
            focus_zh,
            focus_en,
        });
    }
    let province_paragraphs = refs
        .iter()
        .copied()
        .filter(|&r| para(r).cities.is_empty() && !duplicate.contains(&r))
        .collect();
    let terms: Vec<TermModel> = term_order.iter().filter_map(|id| terms.remove(id)).collect();
    let documents: Vec<DocumentModel> = document_order.iter().filter_map(|id| documents.remove(id)).collect();
    Explainer {
        cities,
        term_index: terms.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect(),
        document_index: documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
        terms,
        documents,
        events,
        province_paragraphs,
        seeds,
        folder,
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
