//! What an annotation card says, for the browser: one entry per `kind:value`, with the
//! explanation, where else it appears and the page to read more. Loaded lazily by the page
//! script on the first card it opens.

use crate::annotate::{Kind, format_number};
use crate::model::Explainer;
use crate::urls;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The cards, keyed by `kind:value`.
pub fn cards(ex: &Explainer) -> BTreeMap<String, Value> {
    let mut out: BTreeMap<String, Value> = BTreeMap::new();
    let mut seen: BTreeMap<String, (usize, Vec<arcstr::ArcStr>)> = BTreeMap::new();
    for s in ex.seeds() {
        for p in &s.paragraphs {
            for a in &p.annotations {
                let key = format!("{}:{}", a.kind.as_str(), a.value);
                let entry = seen.entry(key.clone()).or_default();
                entry.0 += 1;
                for c in &p.cities {
                    if !entry.1.contains(c) {
                        entry.1.push(c.clone());
                    }
                }
                if out.contains_key(&key) {
                    continue;
                }
                let card = match a.kind {
                    Kind::Term => ex.term(&a.value).map(|t| {
                        let e = t.entry.as_ref();
                        json!({"title": format!("“{}”", t.text), "label": e.map(|e| e.label_en.clone()), "zh": e.map(|e| e.zh.clone()),
                               "en": e.map(|e| e.en.clone()), "url": urls::html(&urls::term(&t.id))})
                    }),
                    Kind::Document => ex.document(&a.value).map(|d| {
                        let e = d.entry.as_ref();
                        json!({"title": format!("《{}》", d.title), "label": e.map(|e| e.title_en.clone()), "zh": e.map(|e| e.zh.clone()),
                               "en": e.map(|e| e.en.clone()), "meta": e.map(|e| format!("{} · {}", e.issuer, e.date.clone().unwrap_or_default())),
                               "url": urls::html(&urls::document(&d.id))})
                    }),
                    Kind::City => ex.city(&a.value).map(|c| {
                        json!({"title": c.info.name, "label": format!("{} · {}", c.info.pinyin, c.info.name_en), "zh": c.focus_zh, "en": c.focus_en,
                               "url": urls::html(&urls::city(&c.info.id))})
                    }),
                    Kind::Date => Some(json!({"title": a.value, "label": if a.inferred { Some("年份由文章推斷 · year inferred from the article") } else { None },
                                              "url": format!("{}#{}", urls::html(urls::TIMELINE), urls::year_anchor(a.value.get(..4).unwrap_or("")))})),
                    Kind::Figure => Some(json!({"title": a.text, "label": a.number().map(|n| format!("{} {}", format_number(n), a.unit().unwrap_or_default()))})),
                    Kind::Place => Some(json!({"title": a.text, "label": a.label,
                        "url": urls::annotation_page("place", &a.value).map(|p| urls::html(&p.path()))})),
                    Kind::Org => Some(json!({"title": a.text})),
                };
                if let Some(mut card) = card {
                    card["kind"] = json!(a.kind.as_str());
                    out.insert(key, card);
                }
            }
        }
    }
    for (key, (uses, cities)) in seen {
        if let Some(card) = out.get_mut(&key) {
            card["uses"] = json!(uses);
            let names: Vec<&str> = cities
                .iter()
                .filter_map(|c| ex.city(c))
                .map(|c| c.info.name.as_str())
                .collect();
            card["cities"] = json!(names);
        }
    }
    out
}
