//! What an annotation card says, for the browser: one entry per `kind:value`, with the
//! explanation, where else it appears and the page to read more. Loaded lazily by the page
//! script on the first card it opens.

use crate::annotate::{Annotation, Kind};
use crate::emit::{Lang, figure_hint, readable_date};
use crate::knowledge::{Strings, fill};
use crate::model::{Explainer, Explanation, Origin};
use crate::text::isodate;
use crate::urls;
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
        Kind::City => ex.city(&a.value).map(|c| Card {
            title: c.info.name.clone(),
            label: Some(format!("{} · {}", c.info.pinyin, c.info.name_en)),
            zh: c.focus_zh.clone(),
            en: c.focus_en.clone(),
            url: Some(urls::html(&urls::city(&c.info.id))),
            ..Card::default()
        }),
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
        Kind::Figure => Some(Card {
            title: a.text.to_string(),
            label: a.number().map(|n| figure_hint(n, a.unit().unwrap_or_default(), s)),
            ..Card::default()
        }),
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

/// A card's explanation and its origin (each card file is converted whole to its script).
fn explained(ex: &Explainer, s: &Strings, e: Option<&Explanation>) -> Card {
    let Some(e) = e else {
        return Card::default();
    };
    let label = e.origin.label(s);
    let origin = match (&e.reference, e.origin) {
        (Some(r), Origin::Glossary) => format!("{label} · {}", fill(&s.card_source, &[("source", r)])),
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
    for seed in ex.seeds() {
        for p in &seed.paragraphs {
            for a in &p.annotations {
                let key = format!("{}:{}", a.kind.as_str(), a.value);
                let entry = seen.entry(key.clone()).or_default();
                entry.0 += 1;
                for c in &p.cities {
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
