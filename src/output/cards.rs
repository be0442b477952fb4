//! What an annotation card says, for the browser: one entry per `kind:value`, with the
//! explanation, where else it appears and the page to read more, loaded lazily by the page
//! script on the first card it opens; and one card per figure statement (what it measures,
//! whose, for when, target or outcome, its sentence, the same statement in other articles),
//! sharded by id, since a large corpus has tens of thousands. Counts are of the paragraphs
//! shown: a re-published copy counts once, with the article it is first in.

use crate::annotate::{About, Annotation, Kind};
use crate::emit::{Lang, figure_hint, readable_date};
use crate::knowledge::{Gazetteer, Strings, fill};
use crate::model::{Explainer, Explanation, FigureStatement, Origin, ParaRef, Status};
use crate::text::isodate;
use crate::urls;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::BTreeMap;

/// One card.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Card {
    pub kind: &'static str,
    /// What the card is about, as the page shows it (“人工智能+”, 《…》, 寧波, 5700億元).
    pub title: String,
    /// A short line under the title: an English name, a normalised value, a note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Issuer and date of a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<String>,
    /// The explanation, in Chinese (in the card file's script) and in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Where the explanation comes from (詞彙表 Glossary · 來源:…), and for the article's own
    /// words the paragraph they are quoted from, from the site root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_url: Option<String>,
    /// Its page, from the site root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How often it appears in the articles, and how many of those times in paragraphs about
    /// each city (a paragraph about two cities counts for both).
    pub uses: usize,
    pub cities: Vec<(String, usize)>,
}

/// The card of one annotation (without its counts), or `None` when what it names is gone.
fn card(ex: &Explainer, s: &Strings, a: &Annotation) -> Option<Card> {
    let card = match a.kind {
        Kind::Term => ex.term(&a.value).map(|t| Card {
            title: format!("“{}”", t.text),
            url: Some(urls::html(&urls::term(&t.id))),
            ..explained(ex, s, t.explanation.as_ref())
        }),
        Kind::Document => ex.document(&a.value).map(|d| {
            let e = d.entry.as_ref();
            Card {
                title: format!("《{}》", d.title),
                meta: e.map(|e| {
                    let date = e.date.as_deref().map(|d| format!(" · {d}")).unwrap_or_default();
                    format!("{}{date}", e.issuer)
                }),
                url: Some(urls::html(&urls::document(&d.id))),
                ..explained(ex, s, d.explanation.as_ref())
            }
        }),
        Kind::City => ex.city(&a.value).map(city_card),
        // The date as a reader reads it, in Chinese and in English, with what is not known of it.
        Kind::Date => Some(Card {
            title: readable_date(&a.value, Lang::Zh, s).unwrap_or_else(|| a.text.to_string()),
            label: readable_date(&a.value, Lang::En, s),
            meta: if a.inferred {
                Some(s.year_inferred.clone())
            } else {
                (!isodate::has_year(&a.value)).then(|| s.year_unknown.clone())
            },
            url: Some(urls::timeline_of(&a.value)),
            ..Card::default()
        }),
        // A figure's card is its statement's (`figure_cards`): one per statement, never one per
        // value, which would group unrelated figures that happen to share a number.
        Kind::Figure => None,
        Kind::Place => Some(Card {
            title: a.text.to_string(),
            label: a.label.as_deref().map(str::to_string),
            url: urls::annotation_page(Kind::Place, &a.value).map(|p| urls::html(&p.path())),
            ..Card::default()
        }),
        Kind::Org => Some(Card {
            title: a.text.to_string(),
            ..Card::default()
        }),
    };
    card.map(|c| Card {
        kind: a.kind.as_str(),
        ..c
    })
}

/// A city's card: its name, its focus and its page.
fn city_card(c: &crate::model::CityModel) -> Card {
    Card {
        title: c.info.name.clone(),
        label: Some(format!("{} · {}", c.info.pinyin, c.info.name_en)),
        zh: c.focus_zh.clone(),
        en: c.focus_en.clone(),
        url: Some(urls::html(&urls::city(&c.info.id))),
        kind: Kind::City.as_str(),
        ..Card::default()
    }
}

/// A card's explanation and its origin (each card file is converted whole to its script).
fn explained(ex: &Explainer, s: &Strings, e: Option<&Explanation>) -> Card {
    let Some(e) = e else {
        return Card::default();
    };
    let label = e.origin.label(s);
    let origin = match (&e.reference, e.origin) {
        (Some(r), Origin::Glossary | Origin::Dictionary) => {
            format!("{label} · {}", fill(&s.card_source, &[("source", r)]))
        }
        _ => label.to_string(),
    };
    Card {
        label: e.label_en.clone(),
        zh: Some(e.full_zh()),
        en: e.full_en(),
        origin: Some(origin),
        origin_url: e
            .quote
            .as_ref()
            .map(|q| urls::source_paragraph(&ex.seeds()[q.at.seed].seed.id, &ex.paragraph(q.at).id)),
        ..Card::default()
    }
}

/// The cards, keyed by `kind:value`.
pub fn cards(ex: &Explainer, s: &Strings) -> BTreeMap<String, Card> {
    let mut out: BTreeMap<String, Card> = BTreeMap::new();
    // How often each annotation occurs, and how many of those occurrences are in paragraphs
    // about each city (in order of first occurrence).
    let mut seen: BTreeMap<String, (usize, Vec<(arcstr::ArcStr, usize)>)> = BTreeMap::new();
    // A re-published copy is counted once, in the article it is first in.
    let copies: FxHashSet<ParaRef> = ex.copies().flat_map(|(_, c)| c.iter().copied()).collect();
    for (si, seed) in ex.seeds().iter().enumerate() {
        for (pi, p) in seed.paragraphs.iter().enumerate() {
            if copies.contains(&ParaRef { seed: si, para: pi }) {
                continue;
            }
            for a in p.annotations.iter().filter(|a| a.kind != Kind::Figure) {
                let key = format!("{}:{}", a.kind.as_str(), a.value);
                let entry = seen.entry(key.clone()).or_default();
                entry.0 += 1;
                for c in p.page_cities() {
                    match entry.1.iter_mut().find(|(known, _)| known == c) {
                        Some((_, n)) => *n += 1,
                        None => entry.1.push((c.clone(), 1)),
                    }
                }
                if !out.contains_key(&key)
                    && let Some(card) = card(ex, s, a)
                {
                    out.insert(key, card);
                }
            }
        }
    }
    // Every city with a page has a card, also one the articles name only by its counties
    // (义乌, 东阳 for 金华): other cards name it by its id (a date `about` jinhua).
    for c in ex.cities() {
        out.entry(format!("{}:{}", Kind::City.as_str(), c.info.id))
            .or_insert_with(|| city_card(c));
    }
    for (key, (uses, cities)) in seen {
        if let Some(card) = out.get_mut(&key) {
            card.uses = uses;
            card.cities = cities
                .iter()
                .filter_map(|(c, n)| ex.city(c).map(|c| (c.info.name.clone(), *n)))
                .collect();
        }
    }
    out
}

/// The card of one figure statement. Short keys: a large corpus has tens of thousands.
#[derive(Debug, Clone, Serialize)]
pub struct FigureCard {
    /// The figure as written, qualifier and all (超200億元, 30多個).
    #[serde(rename = "t")]
    pub title: String,
    /// Its value in English with what its qualifier says (more than ¥20 billion).
    #[serde(rename = "v", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What it measures (全市人工智能核心產業產值/營收).
    #[serde(rename = "m", skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Whose it is (湖州, 浙江全省).
    #[serde(rename = "s", skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// For when (2027年).
    #[serde(rename = "w", skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Target, outcome, condition or comparison (目標 Target).
    #[serde(rename = "k", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What a condition or a comparison is not.
    #[serde(rename = "n", skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Its paragraph, from the site root.
    #[serde(rename = "u")]
    pub url: String,
    /// The same statement in other articles: (title, paragraph).
    #[serde(rename = "c", skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<(String, String)>,
    /// `en` when its article is in English.
    #[serde(rename = "l", skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

/// What every figure card is labelled with, and how many shards the cards are in.
#[derive(Debug, Clone, Serialize)]
pub struct FigureIndex {
    pub shards: usize,
    pub labels: FigureLabels,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureLabels {
    pub kind: String,
    pub measures: String,
    pub of: String,
    pub when: String,
    pub sentence: String,
    pub copies: String,
}

/// Statements in one shard, about: small enough to load on a tap.
const STATEMENTS_PER_SHARD: usize = 256;

/// The figure cards, sharded: the index (shard count and labels), and each shard's cards by
/// statement id.
pub fn figure_cards(
    ex: &Explainer,
    s: &Strings,
    gazetteer: &Gazetteer,
) -> (FigureIndex, Vec<BTreeMap<String, FigureCard>>) {
    let shards = ex
        .statements()
        .len()
        .div_ceil(STATEMENTS_PER_SHARD)
        .max(1)
        .next_power_of_two();
    let mut out: Vec<BTreeMap<String, FigureCard>> = vec![BTreeMap::new(); shards];
    for st in ex.statements() {
        out[urls::figure_shard_of(&st.id, shards)].insert(st.id.to_string(), figure_card(ex, s, gazetteer, st));
    }
    let index = FigureIndex {
        shards,
        labels: FigureLabels {
            kind: s.card_kind.clone(),
            measures: s.card_measures.clone(),
            of: s.card_of.clone(),
            when: s.card_when.clone(),
            sentence: s.card_sentence.clone(),
            copies: s.card_copies.clone(),
        },
    };
    (index, out)
}

fn figure_card(ex: &Explainer, s: &Strings, gazetteer: &Gazetteer, st: &FigureStatement) -> FigureCard {
    let seed = &ex.seeds()[st.at.seed];
    let lang = Lang::of(&seed.seed.language);
    let a = &ex.paragraph(st.at).annotations[st.index];
    let city_name = |id: &str| ex.city(id).map(|c| c.info.name.clone());
    let subject = match st.subject {
        // A county's figure says whose it is (溫嶺市（台州）), as its key-figure line does: the
        // prefecture's page is not the county's.
        Some(About::City(_)) => match a.county().and_then(|c| gazetteer.county(c)) {
            Some(county) => Some(fill(
                &s.subject_county,
                &[
                    ("county", county.name.as_str()),
                    ("city", &city_name(&county.city).unwrap_or_else(|| county.city.clone())),
                ],
            )),
            None => st.subject.and_then(|c| city_name(c.as_str())),
        },
        Some(About::Zhejiang) => Some(s.subject_zhejiang.clone()),
        Some(About::Other) => Some(s.subject_other.clone()),
        None => None,
    };
    let (kind, note) = match st.status {
        Status::Outcome => (Some(&s.figure_outcome), None),
        Status::Target => (Some(&s.figure_target), None),
        Status::Forecast => (Some(&s.figure_forecast), None),
        Status::Condition => (Some(&s.figure_condition), Some(&s.card_condition_note)),
        Status::Comparison => (Some(&s.figure_comparison), Some(&s.card_comparison_note)),
        Status::Unknown => (None, None),
    };
    let measure = if st.measure.is_empty() { &st.tail } else { &st.measure };
    FigureCard {
        title: st.text.to_string(),
        value: a
            .number()
            .map(|n| figure_hint(n, a.unit().unwrap_or_default(), st.qualifier, s)),
        measure: (!measure.is_empty()).then(|| measure.clone()),
        subject,
        when: st.when.as_deref().and_then(|w| readable_date(w, lang, s)),
        kind: kind.cloned(),
        note: note.cloned(),
        url: urls::source_paragraph(&seed.seed.id, &ex.paragraph(st.at).id),
        copies: st
            .copies
            .iter()
            .map(|&c| {
                let other = &ex.seeds()[c.seed].seed;
                (
                    other.display_title().to_string(),
                    urls::source_paragraph(&other.id, &ex.paragraph(c).id),
                )
            })
            .collect(),
        lang: lang.attribute(),
    }
}
