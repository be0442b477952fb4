//! Building the explainer from the annotated seeds, as a line of named steps: find the
//! re-published copies, then four independent passes over the paragraphs side by side (terms and
//! documents, figure statements, events, what each city is credited with), then each city's
//! model with its key figures, the overview's headline figures, the province's paragraphs, the
//! cities of each term and document, the explanations, and the orders the indexes list them in.

use super::memo::Memo;
use super::{
    CityModel, CityParagraph, DocumentModel, Event, EventGroup, Explainer, IndexGroup, ParaRef, TermModel, events,
    explain, statement,
};
use crate::annotate::{About, AnnotatedParagraph, AnnotatedSeed, Kind};
use crate::knowledge::CITY_IDS;
use crate::knowledge::Glossary;
use crate::knowledge::Knowledge;
use crate::text::{isodate, slug};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Builds the explainer. Seeds must already be in their final (sorted) order.
///
/// What a city's page shows is what is *about* the city: its figures, events and documents
/// are the claims the annotator credited to it (`about`), wherever they stand, never every
/// claim of a paragraph that happens to name it. A re-published paragraph or statement is
/// shown once, with the other articles that carry it credited beside it.
pub fn build(seeds: Vec<Arc<AnnotatedSeed>>, knowledge: &Knowledge) -> Explainer {
    build_with(seeds, knowledge, None)
}

/// [`build`], reading again only the seeds and paragraphs whose reading `memo` does not hold
/// (`serve` keeps it between builds: each seed's figures and dated statements, the explanation
/// finds), and keeping this build's there.
pub fn build_with(seeds: Vec<Arc<AnnotatedSeed>>, knowledge: &Knowledge, memo: Option<&Memo>) -> Explainer {
    let kept = memo.map(|m| m.readings(&seeds, knowledge));
    let dated = kept.as_ref().map(|k| move |r: ParaRef| k[r.seed].dated[r.para].clone());
    let corpus = Corpus::new(&seeds);
    // Independent passes over the paragraphs, side by side.
    let (((mut terms, mut documents), (statements, statement_of)), (events, credited)) = rayon::join(
        || {
            rayon::join(
                || terms_and_documents(&corpus, &knowledge.glossary),
                || {
                    statement::statements(
                        &seeds,
                        knowledge,
                        kept.as_ref().map(|k| k.iter().map(|r| r.figures.clone()).collect()),
                    )
                },
            )
        },
        || {
            rayon::join(
                || {
                    events::events(
                        &seeds,
                        &corpus.shown,
                        |r| corpus.copies_of(r),
                        knowledge,
                        dated
                            .as_ref()
                            .map(|d| d as &(dyn Fn(ParaRef) -> Vec<events::Found> + Sync)),
                    )
                },
                || Credited::of(&corpus, knowledge),
            )
        },
    );
    let cities = city_models(&corpus, credited, &events, &statements, knowledge);
    let headline = headline(&seeds, &statements, &cities, knowledge);
    let province_paragraphs = province_paragraphs(&corpus);
    terms.par_iter_mut().for_each(|t| t.cities = corpus.cities_of(&t.uses));
    documents
        .par_iter_mut()
        .for_each(|d| d.cities = corpus.cities_of(&d.mentions));
    explain::explain(&seeds, &mut terms, &mut documents, knowledge, memo.zip(kept.as_deref()));
    let term_keys: Vec<(String, String)> = terms.par_iter().map(|t| slug::pinyin_key(&t.text)).collect();
    let document_keys: Vec<(String, String)> = documents.par_iter().map(|d| slug::pinyin_key(&d.title)).collect();
    let (term_groups, document_groups) = (initial_groups(&term_keys), initial_groups(&document_keys));
    let Corpus { copies, .. } = corpus;
    Explainer {
        term_groups,
        document_groups,
        event_years: event_years(&events),
        event_groups: event_groups(&events),
        cities,
        term_index: terms.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect(),
        document_index: documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
        terms,
        documents,
        events,
        province_paragraphs,
        statements,
        statement_of,
        headline,
        copies,
        seeds,
    }
}

/// Key figures on one page (a city's, the overview's).
const KEY_FIGURES: usize = 6;

/// The overview's headline figures: the province's own best, then each city's best, until
/// there are enough.
fn headline(
    seeds: &[Arc<AnnotatedSeed>],
    statements: &[super::FigureStatement],
    cities: &[CityModel],
    knowledge: &Knowledge,
) -> Vec<usize> {
    let province: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].subject == Some(About::Zhejiang))
        .collect();
    let kinds = &knowledge.statements.measure_kinds;
    let mut out = statement::key_figures(seeds, statements, &province, kinds, KEY_FIGURES);
    for city in cities {
        if out.len() >= KEY_FIGURES {
            break;
        }
        if let Some(&best) = city.key_figures.first() {
            out.push(best);
        }
    }
    out
}

/// The corpus as the steps read it: every paragraph, which ones are shown, and the copies of
/// re-published ones.
struct Corpus<'s> {
    seeds: &'s [Arc<AnnotatedSeed>],
    /// Every paragraph but the re-published copies, in corpus order.
    shown: Vec<ParaRef>,
    /// Re-published copies: the first paragraph of each text, and the others that carry it.
    copies: FxHashMap<ParaRef, Vec<ParaRef>>,
}

impl<'s> Corpus<'s> {
    fn new(seeds: &'s [Arc<AnnotatedSeed>]) -> Corpus<'s> {
        let refs: Vec<ParaRef> = seeds
            .iter()
            .enumerate()
            .flat_map(|(s, seed)| (0..seed.paragraphs.len()).map(move |p| ParaRef { seed: s, para: p }))
            .collect();
        let copies = copies(&refs, |r| &seeds[r.seed].paragraphs[r.para]);
        let duplicate: FxHashSet<ParaRef> = copies.values().flatten().copied().collect();
        let shown = refs.into_iter().filter(|r| !duplicate.contains(r)).collect();
        Corpus { seeds, shown, copies }
    }

    fn para(&self, r: ParaRef) -> &'s AnnotatedParagraph {
        &self.seeds[r.seed].paragraphs[r.para]
    }

    /// The other seeds carrying the paragraph at `r`.
    fn copies_of(&self, r: ParaRef) -> Vec<ParaRef> {
        self.copies.get(&r).cloned().unwrap_or_default()
    }

    /// The cities of a list of paragraphs, in order of first appearance: a bit per prefecture.
    fn cities_of(&self, refs: &[ParaRef]) -> Vec<String> {
        let mut seen = 0u32;
        let mut ids: Vec<String> = Vec::new();
        for &r in refs {
            for c in self.para(r).page_cities() {
                // A paragraph's cities are prefecture ids; anything else is compared by name.
                let bit = city_index(c).map_or(0, |i| 1u32 << i);
                if (bit != 0 && seen & bit == 0) || (bit == 0 && !ids.iter().any(|known| **known == **c)) {
                    seen |= bit;
                    ids.push(c.to_string());
                }
            }
        }
        ids
    }
}

/// The index of a prefecture id in [`CITY_IDS`].
fn city_index(id: &str) -> Option<usize> {
    CITY_IDS.iter().position(|c| *c == id)
}

/// The prefecture a claim is about, if it is about one.
fn about_city(about: Option<About>) -> Option<usize> {
    match about {
        Some(About::City(i)) => Some(usize::from(i)),
        _ => None,
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

/// Terms and documents in order of first use, each with the paragraphs that use it; found by id
/// through a hash index (most uses are of one already seen, so the id is cloned only once).
fn terms_and_documents(corpus: &Corpus, glossary: &Glossary) -> (Vec<TermModel>, Vec<DocumentModel>) {
    let mut terms: Vec<TermModel> = Vec::new();
    let mut term_at: FxHashMap<&str, usize> = FxHashMap::default();
    let mut documents: Vec<DocumentModel> = Vec::new();
    let mut document_at: FxHashMap<&str, usize> = FxHashMap::default();
    for &r in &corpus.shown {
        let p = corpus.para(r);
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
                    // A document is known by the longest form of its title.
                    if d.title.chars().count() < a.text.chars().count() {
                        d.title = a.text.to_string();
                    }
                    if d.mentions.last() != Some(&r) {
                        d.mentions.push(r);
                    }
                }
                Kind::City | Kind::Place | Kind::Date | Kind::Figure | Kind::Org => {}
            }
        }
    }
    // A seed that is itself a city's document (a plan signed by its government) is that
    // document, mentioned or not: its first paragraph stands for it.
    for (s, seed) in corpus.seeds.iter().enumerate() {
        let Some(id) = seed.document.as_deref() else { continue };
        if document_at.contains_key(id) || seed.paragraphs.is_empty() {
            continue;
        }
        let first = ParaRef { seed: s, para: 0 };
        if corpus.shown.binary_search(&first).is_err() {
            continue;
        }
        document_at.insert(id, documents.len());
        documents.push(DocumentModel {
            id: id.to_string(),
            title: seed.seed.title.clone(),
            entry: glossary.document_by_id(id).cloned(),
            explanation: None,
            mentions: vec![first],
            cities: Vec::new(),
        });
    }
    (terms, documents)
}

/// What each city is credited with, by prefecture index: the paragraphs that name it or hold a
/// claim about it, and the documents that are its own.
struct Credited<'s> {
    paragraphs: Vec<Vec<ParaRef>>,
    documents: Vec<Vec<&'s str>>,
}

impl<'s> Credited<'s> {
    /// In one pass over the paragraphs (not one pass per city).
    fn of(corpus: &Corpus<'s>, knowledge: &Knowledge) -> Credited<'s> {
        // Titles seen, and whether each is a county's own document.
        let mut county_titles: FxHashMap<&str, bool> = FxHashMap::default();
        let mut is_county_document = |title: &'s str| {
            *county_titles
                .entry(title)
                .or_insert_with(|| county_document(title, knowledge))
        };
        let mut credited = Credited {
            paragraphs: vec![Vec::new(); CITY_IDS.len()],
            documents: vec![Vec::new(); CITY_IDS.len()],
        };
        for &r in &corpus.shown {
            let p = corpus.para(r);
            // The cities the paragraph belongs to: those it names (else its article's city) and
            // those its claims are about.
            let mut bits = 0u32;
            for i in p.page_cities().filter_map(|c| city_index(c)) {
                bits |= 1 << i;
            }
            for a in p.annotations.iter() {
                let Some(i) = about_city(a.about) else { continue };
                bits |= 1 << i;
                let documents = &mut credited.documents[i];
                // A county's own document (温岭市2025年政府工作报告) is no 本市文件 of its city.
                if a.kind == Kind::Document && !documents.contains(&&*a.value) && !is_county_document(&a.text) {
                    documents.push(&a.value);
                }
            }
            // A city's own document (the seed is it, signed by the city) is the city's even
            // where the text names no city.
            let seed = &corpus.seeds[r.seed];
            if r.para == 0
                && let (Some(i), Some(document)) = (about_city(seed.issuer), seed.document.as_deref())
                && !credited.documents[i].contains(&document)
            {
                if !is_county_document(&seed.seed.title) {
                    credited.documents[i].push(document);
                }
                bits |= 1 << i;
            }
            for (i, mine) in credited.paragraphs.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    mine.push(r);
                }
            }
        }
        credited
    }
}

/// Whether a document's title is a county's own document: the first place it names is a county
/// (温岭市2025年政府工作报告, 《东阳市人工智能…行动方案》), not a city or the province.
fn county_document(title: &str, knowledge: &Knowledge) -> bool {
    use crate::knowledge::Target;
    knowledge
        .gazetteer
        .find(title)
        .first()
        .is_some_and(|m| matches!(m.target, Target::County { bare: false, .. }))
}

/// A model for every city some paragraph is credited to; each city's is independent of the
/// others', so they are made side by side.
fn city_models(
    corpus: &Corpus,
    credited: Credited,
    events: &[Event],
    statements: &[super::FigureStatement],
    knowledge: &Knowledge,
) -> Vec<CityModel> {
    let mut events_of: Vec<Vec<usize>> = vec![Vec::new(); CITY_IDS.len()];
    for (e, event) in events.iter().enumerate() {
        if let Some(i) = about_city(event.about) {
            events_of[i].push(e);
        }
    }
    // The figures about each city, wherever they stand.
    let mut figures: Vec<Vec<usize>> = vec![Vec::new(); CITY_IDS.len()];
    for (n, st) in statements.iter().enumerate() {
        if let Some(i) = about_city(st.subject) {
            figures[i].push(n);
        }
    }
    let Credited { paragraphs, documents } = credited;
    let work: Vec<_> = paragraphs
        .into_iter()
        .zip(figures)
        .zip(documents)
        .zip(events_of)
        .enumerate()
        .filter(|(_, (((mine, _), _), _))| !mine.is_empty())
        .collect();
    work.into_par_iter()
        .map(|(index, (((mine, figures), documents), city_events))| {
            let id = CITY_IDS[index];
            let (terms, related) = terms_and_neighbours(corpus, id, &mine);
            let (focus_zh, focus_en) = focus(id, &terms, &knowledge.glossary);
            CityModel {
                info: knowledge.gazetteer.cities[index].clone(),
                paragraphs: mine
                    .iter()
                    .map(|&r| CityParagraph {
                        at: r,
                        also_in: corpus.copies_of(r),
                    })
                    .collect(),
                key_figures: statement::key_figures(
                    corpus.seeds,
                    statements,
                    &figures,
                    &knowledge.statements.measure_kinds,
                    KEY_FIGURES,
                ),
                figures,
                terms: terms.into_iter().map(|(t, _)| t).collect(),
                documents: documents.into_iter().map(str::to_string).collect(),
                events: city_events,
                related,
                focus_zh,
                focus_en,
            }
        })
        .collect()
}

/// Ids with how often they occur, most often first.
type Counts = Vec<(String, usize)>;

/// The terms a city's paragraphs use and the other cities they name.
fn terms_and_neighbours(corpus: &Corpus, city: &str, paragraphs: &[ParaRef]) -> (Counts, Counts) {
    let mut term_counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut related: BTreeMap<&str, usize> = BTreeMap::new();
    for &r in paragraphs {
        let p = corpus.para(r);
        for a in p.annotations.iter().filter(|a| a.kind == Kind::Term) {
            *term_counts.entry(&*a.value).or_default() += 1;
        }
        for other in p.cities.iter().filter(|c| c.as_str() != city) {
            *related.entry(other.as_str()).or_default() += 1;
        }
    }
    let mut terms: Counts = term_counts.into_iter().map(|(t, n)| (t.to_string(), n)).collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut related: Counts = related.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
    related.sort_by(|a, b| b.1.cmp(&a.1).then(city_index(&a.0).cmp(&city_index(&b.0))));
    (terms, related)
}

/// Province-level: the shown paragraphs that name no city and hold no claim about one.
fn province_paragraphs(corpus: &Corpus) -> Vec<ParaRef> {
    corpus
        .shown
        .iter()
        .copied()
        .filter(|&r| {
            let p = corpus.para(r);
            p.page_cities().next().is_none() && !p.annotations.iter().any(|a| about_city(a.about).is_some())
        })
        .collect()
}

/// Entries grouped by the initial of their pinyin (`a` … `z`, `0-9`, then `other`), each
/// group's entries in the order given (first use).
fn initial_groups(keys: &[(String, String)]) -> Vec<IndexGroup> {
    let mut groups: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
    for (i, (key, _)) in keys.iter().enumerate() {
        let group = match key.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some(c @ 'a'..='z') => (0, c.to_string()),
            Some('0'..='9') => (1, "0-9".to_string()),
            _ => (2, "other".to_string()),
        };
        groups.entry(group).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|((_, key), items)| IndexGroup { key, items })
        .collect()
}

/// How many events each year has, in the events' order.
fn event_years(events: &[Event]) -> Vec<(String, usize)> {
    let mut years: Vec<(String, usize)> = Vec::new();
    for e in events {
        let year = isodate::year_group(&e.date);
        match years.last_mut() {
            Some((last, n)) if last == year => *n += 1,
            _ => years.push((year.to_string(), 1)),
        }
    }
    years
}

/// The timeline's groups: each event under its date's month, else year, else the unknown year;
/// the groups in order (the unknown year last, as in the events), each group's events in corpus
/// order.
fn event_groups(events: &[Event]) -> Vec<EventGroup> {
    let mut groups: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        let key = isodate::group_key(&e.date);
        groups.entry((key == isodate::YEAR_UNKNOWN, key)).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|((_, key), mut events_of)| {
            events_of.sort_by_key(|&i| (events[i].at, events[i].start));
            EventGroup { key, events: events_of }
        })
        .collect()
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

#[cfg(test)]
mod kept_tests {
    use super::*;
    use crate::annotate::Annotator;
    use crate::model::Explainer;
    use crate::text::hash;
    use std::path::Path;

    fn seed(k: &Knowledge, name: &str, text: &str) -> Arc<AnnotatedSeed> {
        let parsed = crate::ingest::parse(Path::new(name), text.as_bytes(), &k.lexicon).unwrap();
        Arc::new(Annotator::new(k).annotate(parsed))
    }

    /// What the kept readings feed: statements, events, terms' and documents' explanations.
    fn fingerprint(ex: &Explainer) -> u64 {
        hash::of((
            ex.statements(),
            ex.events(),
            ex.terms()
                .iter()
                .map(|t| (&t.id, &t.uses, &t.explanation))
                .collect::<Vec<_>>(),
            ex.documents()
                .iter()
                .map(|d| (&d.id, &d.mentions, &d.explanation))
                .collect::<Vec<_>>(),
        ))
    }

    #[test]
    fn a_build_with_kept_readings_equals_a_build_from_scratch() {
        let k = Knowledge::load(None).unwrap();
        let a = seed(
            &k,
            "seeds/a.txt",
            "宁波推进“算力券”\n2025年5月14日,宁波发放“算力券”(即政府补贴企业购买算力的凭证)1.2亿元,新增企业300家。\n",
        );
        let b = seed(
            &k,
            "seeds/b.txt",
            "溫州發布《溫州市人工智能行動計劃》\n到2027年,溫州力爭人工智能產業規模達500億元。\n",
        );
        let memo = Memo::default();
        let first = build_with(vec![Arc::clone(&a), Arc::clone(&b)], &k, Some(&memo));
        assert_eq!(
            fingerprint(&first),
            fingerprint(&build(vec![Arc::clone(&a), Arc::clone(&b)], &k))
        );
        // One seed edited (a figure and a date): its reading is made again, the other's kept.
        let edited = seed(
            &k,
            "seeds/b.txt",
            "溫州發布《溫州市人工智能行動計劃》\n到2028年,溫州力爭人工智能產業規模達600億元。\n",
        );
        let again = build_with(vec![Arc::clone(&a), Arc::clone(&edited)], &k, Some(&memo));
        let scratch = build(vec![a, edited], &k);
        assert_eq!(fingerprint(&again), fingerprint(&scratch));
        assert!(again.statements().iter().any(|s| s.text.contains("600")));
        assert!(!again.statements().iter().any(|s| s.text.contains("500")));
        assert_eq!(memo.kept_seeds(), 2, "this build's seeds only");
    }
}
