//! Stage 3 — model: the explainer built from annotated seeds. Cities, terms, documents and
//! dated events, each pointing back to the paragraphs it came from. Everything a page shows is
//! computed here, so templates only display.

mod explain;
mod view;

pub use explain::{Explanation, Note, Origin, Quote, TitlePart};
pub use view::{Read, View};

use crate::annotate::{About, AnnotatedParagraph, AnnotatedSeed, Kind};
use crate::knowledge::Knowledge;
use crate::knowledge::gazetteer::{CITY_IDS, City};
use crate::knowledge::glossary::{DocumentEntry, Glossary, TermEntry};
use crate::knowledge::lexicon::Lexicon;
use crate::text::{isodate, slug};
use arcstr::ArcStr;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
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
    /// The figures about it (wherever they stand): (paragraph, annotation index).
    pub figures: Vec<(ParaRef, usize)>,
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
    /// The cities its paragraph names.
    pub cities: Box<[ArcStr]>,
    /// The same statement in other articles (re-published copies), credited beside it.
    pub also_in: Vec<ParaRef>,
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
    /// Paragraphs about no city in particular (province-level).
    province_paragraphs: Vec<ParaRef>,
    /// Terms and documents in pinyin order, for the indexes.
    term_order: Vec<usize>,
    document_order: Vec<usize>,
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
}

/// Builds the explainer. Seeds must already be in their final (sorted) order.
///
/// What a city's page shows is what is *about* the city: its figures, events and documents
/// are the claims the annotator credited to it (`about`), wherever they stand, never every
/// claim of a paragraph that happens to name it. A re-published paragraph or statement is
/// shown once, with the other articles that carry it credited beside it.
pub fn build(seeds: Vec<Arc<AnnotatedSeed>>, knowledge: &Knowledge) -> Explainer {
    let (gazetteer, glossary, lexicon) = (&knowledge.gazetteer, &knowledge.glossary, &knowledge.lexicon);
    let refs: Vec<ParaRef> = seeds
        .iter()
        .enumerate()
        .flat_map(|(s, seed)| (0..seed.paragraphs.len()).map(move |p| ParaRef { seed: s, para: p }))
        .collect();
    let para = |r: ParaRef| &seeds[r.seed].paragraphs[r.para];
    let copies = copies(&refs, para);
    let duplicate: FxHashSet<ParaRef> = copies.values().flatten().copied().collect();
    let shown: Vec<ParaRef> = refs.iter().copied().filter(|r| !duplicate.contains(r)).collect();

    // Three independent passes over the paragraphs, side by side.
    let terms_and_documents = || {
        // Terms and documents in order of first use, found by id through a hash index (most uses
        // are of one already seen, so the id is cloned only once).
        let mut terms: Vec<TermModel> = Vec::new();
        let mut term_at: FxHashMap<&str, usize> = FxHashMap::default();
        let mut documents: Vec<DocumentModel> = Vec::new();
        let mut document_at: FxHashMap<&str, usize> = FxHashMap::default();
        for &r in &shown {
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
    let collect_events = || events(&seeds, &shown, &copies, lexicon);
    let city_index = |id: &str| CITY_IDS.iter().position(|c| *c == id);
    let about_city = |about: Option<About>| match about {
        Some(About::City(i)) => Some(usize::from(i)),
        _ => None,
    };
    let group_paragraphs = || {
        // Paragraphs, figures and documents by city, in one pass each (not one pass per city):
        // a paragraph belongs to the cities it names and to those its claims are about.
        let mut paragraphs_of: Vec<Vec<ParaRef>> = vec![Vec::new(); CITY_IDS.len()];
        let mut figures_of: Vec<Vec<(ParaRef, usize)>> = vec![Vec::new(); CITY_IDS.len()];
        let mut documents_of: Vec<Vec<&str>> = vec![Vec::new(); CITY_IDS.len()];
        for &r in &shown {
            let p = para(r);
            let mut bits = 0u32;
            for i in p.cities.iter().filter_map(|c| city_index(c)) {
                bits |= 1 << i;
            }
            for (k, a) in p.annotations.iter().enumerate() {
                let Some(i) = about_city(a.about) else { continue };
                bits |= 1 << i;
                match a.kind {
                    Kind::Figure => figures_of[i].push((r, k)),
                    Kind::Document if !documents_of[i].contains(&&*a.value) => documents_of[i].push(&a.value),
                    _ => {}
                }
            }
            // A city's own document (the seed is it, signed by the city) is the city's even
            // where the text names no city.
            let seed = &seeds[r.seed];
            if r.para == 0
                && let (Some(i), Some(document)) = (about_city(seed.issuer), seed.document.as_deref())
                && !documents_of[i].contains(&document)
            {
                documents_of[i].push(document);
                bits |= 1 << i;
            }
            for (i, mine) in paragraphs_of.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    mine.push(r);
                }
            }
        }
        (paragraphs_of, figures_of, documents_of)
    };
    let ((mut terms, mut documents), (events, (paragraphs_of, figures_of, documents_of))) =
        rayon::join(terms_and_documents, || rayon::join(collect_events, group_paragraphs));
    let mut events_of: Vec<Vec<usize>> = vec![Vec::new(); CITY_IDS.len()];
    for (e, event) in events.iter().enumerate() {
        if let Some(i) = about_city(event.about) {
            events_of[i].push(e);
        }
    }
    // Each city's model is independent of the others'.
    let work: Vec<_> = paragraphs_of
        .into_iter()
        .zip(figures_of)
        .zip(documents_of)
        .zip(events_of)
        .enumerate()
        .filter(|(_, (((mine, _), _), _))| !mine.is_empty())
        .collect();
    let cities: Vec<CityModel> = work
        .into_par_iter()
        .map(|(index, (((mine, figures), documents), city_events))| {
            let id = &CITY_IDS[index];
            let paragraphs = mine
                .iter()
                .map(|&r| CityParagraph {
                    at: r,
                    also_in: copies.get(&r).cloned().unwrap_or_default(),
                })
                .collect::<Vec<_>>();
            let mut term_counts: FxHashMap<&str, usize> = FxHashMap::default();
            let mut related: BTreeMap<&str, usize> = BTreeMap::new();
            for &r in &mine {
                let p = para(r);
                for a in p.annotations.iter().filter(|a| a.kind == Kind::Term) {
                    *term_counts.entry(&*a.value).or_default() += 1;
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
                documents: documents.into_iter().map(str::to_string).collect(),
                events: city_events,
                related,
                focus_zh,
                focus_en,
            }
        })
        .collect();
    // Province-level: paragraphs that name no city and hold no claim about one.
    let province_paragraphs = shown
        .iter()
        .copied()
        .filter(|&r| {
            let p = para(r);
            p.cities.is_empty() && !p.annotations.iter().any(|a| about_city(a.about).is_some())
        })
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
    let mut event_years: Vec<(String, usize)> = Vec::new();
    for e in &events {
        let year = isodate::year_group(&e.date);
        match event_years.last_mut() {
            Some((last, n)) if last == year => *n += 1,
            _ => event_years.push((year.to_string(), 1)),
        }
    }
    Explainer {
        term_order,
        document_order,
        event_years,
        cities,
        term_index: terms.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect(),
        document_index: documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
        terms,
        documents,
        events,
        province_paragraphs,
        copies,
        seeds,
    }
}

/// Re-published paragraphs: for the first of each text (folded: script, width, case, spaces),
/// the paragraphs of other seeds that carry it.
fn copies<'a>(refs: &[ParaRef], para: impl Fn(ParaRef) -> &'a AnnotatedParagraph) -> FxHashMap<ParaRef, Vec<ParaRef>> {
    let mut copies: FxHashMap<ParaRef, Vec<ParaRef>> = FxHashMap::default();
    let mut first_copy: FxHashMap<u64, ParaRef> = FxHashMap::default();
    for &r in refs {
        match first_copy.get(&para(r).copy_key) {
            Some(&first) if first.seed != r.seed => copies.entry(first).or_default().push(r),
            Some(_) => {}
            None => {
                first_copy.insert(para(r).copy_key, r);
            }
        }
    }
    copies
}

/// Every dated statement of the shown paragraphs, by date (source order among equal dates).
/// A statement is shown once: a paragraph re-published whole is credited to its copies
/// (`copies`), and so is the same date in the same sentence quoted in another article.
fn events(
    seeds: &[Arc<AnnotatedSeed>],
    shown: &[ParaRef],
    copies: &FxHashMap<ParaRef, Vec<ParaRef>>,
    lexicon: &Lexicon,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // (date, sentence folded) → the event that first stated it.
    let mut first: FxHashMap<(ArcStr, u64), usize> = FxHashMap::default();
    for &r in shown {
        let p = &seeds[r.seed].paragraphs[r.para];
        let mut chars: Option<Vec<char>> = None;
        let dates: Vec<_> = p.annotations.iter().filter(|a| a.kind == Kind::Date).collect();
        for a in &dates {
            let chars = chars.get_or_insert_with(|| p.text.chars().collect());
            // What is said from the date to the end of its sentence: the same in a copy that
            // words its lead-in differently (据报道,5月14日,…).
            let (from, to) = lexicon.stops.sentence_around(chars, a.start(), a.end());
            // One statement, one event: a sentence dated 2025年 and 1月 (2025-01) is an event
            // of January 2025, not also one of the year.
            let within = |b: &&&crate::annotate::Annotation| (from..to).contains(&b.start());
            if dates
                .iter()
                .filter(within)
                .any(|b| b.value.len() > a.value.len() && b.value.starts_with(&*a.value))
            {
                continue;
            }
            let sentence: String = chars[a.start()..to].iter().collect();
            let key = (a.value.clone(), crate::text::script::copy_key(&sentence));
            match first.get(&key) {
                Some(&e) if events[e].at.seed != r.seed => events[e].also_in.push(r),
                Some(_) => {}
                None => {
                    first.insert(key, events.len());
                    events.push(Event {
                        date: a.value.clone(),
                        text: a.text.clone(),
                        inferred: a.inferred,
                        about: a.about,
                        at: r,
                        start: u32::try_from(a.start()).unwrap_or(u32::MAX),
                        cities: p.cities.clone(),
                        also_in: copies.get(&r).cloned().unwrap_or_default(),
                    });
                }
            }
        }
    }
    // Dates without a known year (`--09-16`) come after every year: the timeline lists them
    // apart, at its end.
    let unknown = |e: &Event| !isodate::has_year(&e.date);
    events.par_sort_by(|a, b| {
        (unknown(a).cmp(&unknown(b)))
            .then_with(|| a.date.cmp(&b.date))
            .then(a.at.cmp(&b.at))
    });
    events
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
