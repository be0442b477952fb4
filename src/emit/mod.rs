//! Stage 4 — emit: one annotated Markdown document per page (the intermediate representation,
//! published beside each page as `index.md`).
//!
//! Seed text is escaped on the way in (every ASCII punctuation mark gets a backslash, which
//! CommonMark reads as that literal character), so nothing in a seed is ever Markdown, HTML or
//! template syntax. Annotations are links whose destination names their kind
//! (`[寧波](<city:ningbo>)`); the renderer turns them into semantic HTML.

pub mod map;

use crate::annotate::{AnnotatedParagraph, Annotation, Kind};
use crate::knowledge::Knowledge;
use crate::model::{CityModel, DocumentModel, Event, Explainer, ParaRef, TermModel, View};
use crate::text::escape;
use crate::text::offsets::{CharCursor, first_chars};
use crate::urls;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::ops::Range;

/// One page of the site, before rendering.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Folder of the page relative to the site root, with a trailing slash (`city/ningbo/`);
    /// empty for the home page.
    pub path: String,
    /// Template name without extension (`city`).
    pub template: &'static str,
    pub title: String,
    /// One sentence for search engines and link previews.
    pub description: String,
    /// The annotated Markdown, front matter included.
    pub markdown: String,
    /// Structured data the template lays out (cards, tables).
    pub data: Value,
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn front_matter(title: &str, kind: &str, extra: &[(&str, &str)]) -> String {
    let mut out = format!("+++\ntitle = {}\nkind = {}\n", toml_string(title), toml_string(kind));
    for (k, v) in extra {
        out.push_str(&format!("{k} = {}\n", toml_string(v)));
    }
    out.push_str("+++\n\n");
    out
}

/// Appends the link the renderer turns into an annotation: `[text](<kind:value>)`, titled
/// `"inferred"` for a date whose year was taken from the article.
fn push_annotation_link(out: &mut String, a: &Annotation) {
    out.push('[');
    escape::push_markdown(out, &a.text);
    out.push_str("](<");
    out.push_str(a.kind.as_str());
    out.push(':');
    out.push_str(&a.value);
    out.push('>');
    if a.inferred {
        out.push_str(" \"inferred\"");
    }
    out.push(')');
}

/// Annotated Markdown for the chars `from..to` of a paragraph.
pub fn annotated(p: &AnnotatedParagraph, from: usize, to: usize) -> String {
    let text = &*p.text;
    let mut out = String::with_capacity(text.len() * 2);
    // Annotations are sorted and disjoint, so char offsets are turned into byte offsets in one
    // forward walk.
    let mut cursor = CharCursor::new(text);
    let mut at = cursor.byte_at(from);
    for a in p.annotations.iter().filter(|a| a.start() >= from && a.end() <= to) {
        let start = cursor.byte_at(a.start());
        escape::push_markdown(&mut out, &text[at..start]);
        push_annotation_link(&mut out, a);
        at = cursor.byte_at(a.end());
    }
    let end = cursor.byte_at(to);
    escape::push_markdown(&mut out, &text[at.min(end)..end]);
    out
}

fn paragraph_md(p: &AnnotatedParagraph) -> String {
    annotated(p, 0, p.text.chars().count())
}

fn source_link(ex: &View, at: ParaRef, label: &str) -> String {
    let seed = ex.seed_info(at.seed);
    format!(
        "[{}](<source:{}#{}>)",
        escape::markdown(label),
        seed.id,
        ex.paragraph(at).id
    )
}

/// The sentence (。！？ bounded) around chars `start..end` of a paragraph.
pub fn sentence_around(p: &AnnotatedParagraph, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = p.text.chars().collect();
    let is_stop = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '；');
    let from = (0..start).rev().find(|&i| is_stop(chars[i])).map_or(0, |i| i + 1);
    let to = (end..chars.len())
        .find(|&i| is_stop(chars[i]))
        .map_or(chars.len(), |i| i + 1);
    // Never cut through an annotation.
    let from = p
        .annotations
        .iter()
        .filter(|a| a.start() < from && a.end() > from)
        .map(|a| a.start())
        .min()
        .unwrap_or(from);
    let to = p
        .annotations
        .iter()
        .filter(|a| a.start() < to && a.end() > to)
        .map(|a| a.end())
        .max()
        .unwrap_or(to);
    (from, to)
}

pub fn seed_title(ex: &View, seed: usize) -> String {
    ex.seed_info(seed).display_title().to_string()
}

/// Every page of the site.
/// A page of the site, before it is built: pages are emitted one at a time, as they are
/// rendered, so the whole site is never held in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spec {
    Index,
    Source(usize),
    /// City (index in `Explainer::cities`) and page number.
    City(usize, usize),
    Term(usize, usize),
    Document(usize, usize),
    Timeline(usize),
    Province(usize),
    Compare,
    About,
    /// The list of every source article, paginated.
    Sources(usize),
    Search,
}

/// Every page of the site, in a stable order.
pub fn specs(ex: &Explainer) -> Vec<Spec> {
    let mut specs = vec![Spec::Index];
    specs.extend((0..ex.seeds().len()).map(Spec::Source));
    for (i, c) in ex.cities().iter().enumerate() {
        specs.extend((1..=page_count(c.paragraphs.len(), CITY_PARAGRAPHS_PER_PAGE)).map(|n| Spec::City(i, n)));
    }
    for (i, t) in ex.terms().iter().enumerate() {
        specs.extend((1..=page_count(t.uses.len(), USES_PER_PAGE)).map(|n| Spec::Term(i, n)));
    }
    for (i, d) in ex.documents().iter().enumerate() {
        specs.extend((1..=page_count(d.mentions.len(), USES_PER_PAGE)).map(|n| Spec::Document(i, n)));
    }
    specs.extend((1..=page_count(ex.events().len(), EVENTS_PER_PAGE)).map(Spec::Timeline));
    if ex.province_paragraphs().len() > OVERVIEW_PROVINCE_PARAGRAPHS {
        specs.extend((1..=page_count(ex.province_paragraphs().len(), CITY_PARAGRAPHS_PER_PAGE)).map(Spec::Province));
    }
    specs.extend([Spec::Compare, Spec::About]);
    specs.extend((1..=page_count(ex.seeds().len(), SOURCES_PER_PAGE)).map(Spec::Sources));
    specs.push(Spec::Search);
    specs
}

/// Builds one page.
pub fn page(ex: &View, knowledge: &Knowledge, spec: Spec) -> Page {
    let map = |current: Option<&str>| map::view(&knowledge.map, ex, &knowledge.gazetteer, current);
    match spec {
        Spec::Index => {
            let mut index = index_page(ex, &knowledge.names.headline);
            index.data["map"] = map(None);
            index
        }
        Spec::Source(s) => source_page(ex, s),
        Spec::City(c, n) => {
            let city = ex.city_at(c);
            city_page(ex, city, n, || map(Some(&city.info.id)))
        }
        Spec::Term(t, n) => term_page(ex, ex.term_at(t), n),
        Spec::Document(d, n) => document_page(ex, ex.document_at(d), n),
        Spec::Timeline(n) => timeline_page(ex, n),
        Spec::Province(n) => province_page(ex, n),
        Spec::Compare => compare_page(ex),
        Spec::About => about_page(ex),
        Spec::Sources(n) => sources_page(ex, n),
        Spec::Search => search_page(),
    }
}

fn city_card(ex: &View, c: &CityModel) -> Value {
    let first = ex.paragraph(c.paragraphs[0].at);
    json!({
        "id": c.info.id, "name": c.info.name, "name_hans": c.info.name_hans, "name_en": c.info.name_en,
        "pinyin": c.info.pinyin, "paragraphs": c.paragraphs.len(), "first": first_chars(&first.text, 60),
        "focus_zh": c.focus_zh, "focus_en": c.focus_en,
    })
}

fn index_page(ex: &View, headline: &str) -> Page {
    let mut md = front_matter(headline, "index", &[]);
    md.push_str(&format!("# {}\n\n", escape::markdown(headline)));
    md.push_str("## 全省層面\n\n");
    for &r in ex.province_paragraphs().iter().take(OVERVIEW_PROVINCE_PARAGRAPHS) {
        md.push_str(&format!(
            "{} {}\n\n",
            paragraph_md(ex.paragraph(r)),
            source_link(ex, r, "原文 ›")
        ));
    }
    if ex.province_paragraphs().len() > OVERVIEW_PROVINCE_PARAGRAPHS {
        md.push_str(&format!(
            "[全部 {} 段全省層面報道 ›](<page:{}>)\n\n",
            ex.province_paragraphs().len(),
            urls::PROVINCE
        ));
    }
    let cards: Vec<Value> = ex.cities().iter().map(|c| city_card(ex, c)).collect();
    let figures = headline_figures(ex);
    let documents: Vec<Value> = (0..ex.document_count().min(SIDE_LIST))
        .map(|i| ex.document_at(i))
        .map(|d| json!({"id": d.id, "title": d.title, "mentions": d.mentions.len()}))
        .collect();
    let names: Vec<&str> = ex.cities().iter().map(|c| c.info.name.as_str()).collect();
    Page {
        path: String::new(),
        template: "index",
        title: headline.to_string(),
        description: format!("{} 座城市的人工智能布局:{}", ex.cities().len(), names.join("、")),
        markdown: md,
        data: json!({ "cities": cards, "figures": figures, "documents": documents, "documents_total": ex.document_count(), "seeds": ex.seed_count() }),
    }
}

/// Province-level paragraphs shown on the overview; the rest are on `province/`.
const OVERVIEW_PROVINCE_PARAGRAPHS: usize = 12;

/// Every paragraph about the province as a whole, paginated (made only when the overview cannot
/// show them all).
fn province_page(ex: &View, n: usize) -> Page {
    let mut md = front_matter("全省層面", "province", &[]);
    md.push_str("# 全省層面 Province-wide\n\n");
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.province_paragraphs()[range]
            .iter()
            .map(|&r| Item {
                group: Some(format!("## {}", escape::markdown(&seed_title(ex, r.seed)))),
                md: format!("{} {}\n\n", paragraph_md(ex.paragraph(r)), source_link(ex, r, "原文 ›")),
            })
            .collect()
    };
    let page = Page {
        path: urls::PROVINCE.to_string(),
        template: "province",
        title: "全省層面 Province-wide".to_string(),
        description: format!("{} 段不專指某一城市的報道", ex.province_paragraphs().len()),
        markdown: md,
        data: json!({}),
    };
    paginated(page, ex.province_paragraphs().len(), CITY_PARAGRAPHS_PER_PAGE, n, items)
}

/// Figures with the sentence each came from, for cards.
fn figure_cards(ex: &View, figures: &[(ParaRef, usize)]) -> Vec<Value> {
    figures
        .iter()
        .map(|&(r, i)| {
            let p = ex.paragraph(r);
            let a = &p.annotations[i];
            let (from, to) = sentence_around(p, a.start(), a.end());
            json!({
                "text": a.text, "number": a.number(), "unit": a.unit(), "cities": p.cities,
                "sentence_md": annotated(p, from, to), "seed": ex.seed_info(r.seed).id, "para": p.id,
            })
        })
        .collect()
}

fn headline_figures(ex: &View) -> Vec<Value> {
    const HEADLINE_FIGURES: usize = 6;
    let mut all: Vec<(ParaRef, usize)> = Vec::new();
    for s in 0..ex.seed_count() {
        for pi in 0..ex.paragraph_count(s) {
            let at = ParaRef { seed: s, para: pi };
            for (i, a) in ex.paragraph(at).annotations.iter().enumerate() {
                if a.kind == Kind::Figure && all.len() < HEADLINE_FIGURES {
                    all.push((at, i));
                }
            }
        }
        if all.len() == HEADLINE_FIGURES {
            break;
        }
    }
    figure_cards(ex, &all)
}

fn source_page(ex: &View, s: usize) -> Page {
    let a = ex.seed(s);
    let seed = &a.seed;
    let title = seed_title(ex, s);
    let mut md = front_matter(
        &title,
        "source",
        &[("seed", &seed.id), ("file", &seed.file.to_string_lossy())],
    );
    md.push_str(&format!("# {}\n\n", escape::markdown(&title)));
    if let Some(sub) = &seed.subtitle {
        md.push_str(&format!("*{}*\n\n", escape::markdown(sub)));
    }
    for p in &a.paragraphs {
        md.push_str(&format!("[¶](<para:{}>) {}\n\n", p.id, paragraph_md(p)));
    }
    let cities: Vec<Value> = ex
        .cities()
        .iter()
        .filter(|c| a.paragraphs.iter().any(|p| p.cities.iter().any(|x| **x == c.info.id)))
        .map(|c| json!({"id": c.info.id, "name": c.info.name}))
        .collect();
    Page {
        path: urls::source(&seed.id),
        template: "source",
        title: title.clone(),
        description: first_chars(&a.paragraphs[0].text, 80),
        markdown: md,
        data: json!({
            "seed": seed.id, "file": seed.file.to_string_lossy(), "bylines": seed.bylines, "meta": seed.meta,
            "year": a.year, "year_inferred": crate::model::year_note(a), "cities": cities,
            "paragraphs": a.paragraphs.len(), "language": seed.language,
        }),
    }
}

/// Re-published copies of a paragraph linked beside it on a city page.
const ALSO_IN_SHOWN: usize = 3;

/// Page `n` of a city; `map` draws the province with this city marked (for the first page).
fn city_page(ex: &View, c: &CityModel, n: usize, map: impl FnOnce() -> Value) -> Page {
    let id = c.info.id.as_str();
    let info = &c.info;
    let md = front_matter(&info.name, "city", &[("city", id)]);
    let items = |range: Range<usize>| -> Vec<Item> {
        c.paragraphs[range]
            .iter()
            .map(|cp| {
                let p = ex.paragraph(cp.at);
                let mut line = format!("{} {}", paragraph_md(p), source_link(ex, cp.at, "原文 ›"));
                // Wire copy can be re-published many times: a few links, then a count.
                for &other in cp.also_in.iter().take(ALSO_IN_SHOWN) {
                    line.push(' ');
                    line.push_str(&source_link(ex, other, &format!("亦見 {}", seed_title(ex, other.seed))));
                }
                if cp.also_in.len() > ALSO_IN_SHOWN {
                    let more = cp.also_in.len() - ALSO_IN_SHOWN;
                    line.push_str(&format!(" (另有 {more} 篇轉載 {more} more copies)"));
                }
                Item {
                    group: Some(format!("## {}", escape::markdown(&seed_title(ex, cp.at.seed)))),
                    md: format!("{line}\n\n"),
                }
            })
            .collect()
    };
    // The overview (figures, events, terms, documents, related cities, the map) is on the
    // first page, the city's address; the pages after it carry on with the paragraphs.
    let data = if n == 1 {
        let mut overview = city_overview(ex, c);
        overview["map"] = map();
        overview
    } else {
        json!({"city": info, "paragraphs": c.paragraphs.len()})
    };
    let page = Page {
        path: urls::city(id),
        template: "city",
        title: info.name.clone(),
        description: format!(
            "{}({}):{} 段報道{}",
            info.name,
            info.name_en,
            c.paragraphs.len(),
            c.focus_zh.as_deref().map(|f| format!(",重點:{f}")).unwrap_or_default()
        ),
        markdown: md,
        data,
    };
    paginated(page, c.paragraphs.len(), CITY_PARAGRAPHS_PER_PAGE, n, items)
}

/// What the first page of a city shows beside its paragraphs.
fn city_overview(ex: &View, c: &CityModel) -> Value {
    let info = &c.info;
    let terms: Vec<Value> = c
        .terms
        .iter()
        .take(SIDE_LIST)
        .filter_map(|t| ex.term(t))
        .map(|t| json!({"id": t.id, "text": t.text, "label_en": t.entry.as_ref().map(|e| e.label_en.clone())}))
        .collect();
    let documents: Vec<Value> = c
        .documents
        .iter()
        .take(SIDE_LIST)
        .filter_map(|d| ex.document(d))
        .map(|d| json!({"id": d.id, "title": d.title}))
        .collect();
    // The latest events; the timeline (filtered by city) has them all.
    let events: Vec<Value> = c
        .events
        .iter()
        .rev()
        .take(SIDE_LIST)
        .rev()
        .map(|&i| event_json(ex, i))
        .collect();
    let related: Vec<Value> = c
        .related
        .iter()
        .filter_map(|(id, n)| ex.city(id).map(|r| json!({"id": id, "name": r.info.name, "count": n})))
        .collect();
    let figures: Vec<(ParaRef, usize)> = c.figures.iter().take(SIDE_LIST).copied().collect();
    json!({
        "overview": true, "city": info, "focus_zh": c.focus_zh, "focus_en": c.focus_en,
        "figures": figure_cards(ex, &figures), "figures_total": c.figures.len(), "terms": terms,
        "terms_total": c.terms.len(), "documents": documents, "documents_total": c.documents.len(),
        "events": events, "events_total": c.events.len(), "related": related, "paragraphs": c.paragraphs.len(),
    })
}

/// The paragraph of an event and the chars of the sentence its date stands in (the whole
/// paragraph when the date is no longer found).
fn event_sentence<'a>(ex: &View<'a>, e: &Event) -> (&'a AnnotatedParagraph, usize, usize) {
    let p = ex.paragraph(e.at);
    let date = p
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Date && *a.value == *e.date && *a.text == *e.text);
    let (from, to) = date.map_or((0, p.text.chars().count()), |a| sentence_around(p, a.start(), a.end()));
    (p, from, to)
}

fn event_json(ex: &View, i: usize) -> Value {
    let e = ex.event(i);
    let (p, from, to) = event_sentence(ex, e);
    let cities = city_links(ex, &e.cities);
    json!({
        "date": e.date, "text": e.text, "inferred": e.inferred, "year": e.date.get(..4),
        "sentence_md": annotated(p, from, to), "seed": ex.seed_info(e.at.seed).id, "para": p.id, "cities": cities,
        "seed_title": seed_title(ex, e.at.seed),
    })
}

/// Uses of a term or document: the sentence around each mention.
/// Uses of a term or document: the sentence around each mention, as list items.
fn uses_items(ex: &View, refs: &[ParaRef], kind: Kind, id: &str, heading: &str) -> Vec<Item> {
    refs.iter()
        .map(|&r| {
            let p = ex.paragraph(r);
            let hit = p
                .annotations
                .iter()
                .chain(&p.nested)
                .find(|a| a.kind == kind && &*a.value == id);
            let (from, to) = hit.map_or((0, p.text.chars().count()), |a| sentence_around(p, a.start(), a.end()));
            let md = format!(
                "- {} {}\n",
                annotated(p, from, to),
                source_link(ex, r, &format!("{} ›", seed_title(ex, r.seed)))
            );
            Item {
                group: Some(heading.to_string()),
                md,
            }
        })
        .collect()
}

fn term_page(ex: &View, t: &TermModel, n: usize) -> Page {
    let id = t.id.as_str();
    let mut md = front_matter(&t.text, "term", &[("term", id)]);
    md.push_str(&format!("# “{}”\n\n", escape::markdown(&t.text)));
    if let Some(e) = &t.entry {
        md.push_str(&format!(
            "{}\n\n{}\n\n",
            escape::markdown(&e.zh),
            escape::markdown(&e.en)
        ));
        if let Some(src) = &e.source {
            md.push_str(&format!("來源:{}\n\n", escape::markdown(src)));
        }
    } else {
        md.push_str("詞彙表尚無此條目的解釋;以下是它在報道中的用法。\n\nNo glossary entry yet; here is how the articles use it.\n\n");
    }
    let cities = city_links(ex, &t.cities);
    let page = Page {
        path: urls::term(id),
        template: "term",
        title: format!("“{}”", t.text),
        description: t.entry.as_ref().map_or_else(
            || format!("“{}”在報道中的 {} 處用法", t.text, t.uses.len()),
            |e| first_chars(&e.en, 150),
        ),
        markdown: md,
        data: json!({"id": id, "text": t.text, "entry": t.entry, "uses": t.uses.len(), "cities": cities}),
    };
    let heading = format!("## 用例 Uses ({})", t.uses.len());
    paginated(page, t.uses.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, &t.uses[r], Kind::Term, id, &heading)
    })
}

/// Links to the pages of these cities.
fn city_links<S: AsRef<str>>(ex: &View, ids: &[S]) -> Vec<Value> {
    ids.iter()
        .filter_map(|c| ex.city(c.as_ref()))
        .map(|c| json!({"id": c.info.id, "name": c.info.name}))
        .collect()
}

fn document_page(ex: &View, d: &DocumentModel, n: usize) -> Page {
    let id = d.id.as_str();
    let mut md = front_matter(&d.title, "document", &[("document", id)]);
    md.push_str(&format!("# 《{}》\n\n", escape::markdown(&d.title)));
    if let Some(e) = &d.entry {
        md.push_str(&format!("*{}*\n\n", escape::markdown(&e.title_en)));
        md.push_str(&format!("- 發布方 Issuer:{}\n", escape::markdown(&e.issuer)));
        if let Some(date) = &e.date {
            md.push_str(&format!("- 日期 Date:{}\n", escape::markdown(date)));
        }
        md.push_str(&format!(
            "\n{}\n\n{}\n\n",
            escape::markdown(&e.zh),
            escape::markdown(&e.en)
        ));
    } else {
        md.push_str("詞彙表尚無此文件的說明;以下是報道提及它的地方。\n\nNo glossary entry yet; here is where the articles mention it.\n\n");
    }
    let page = Page {
        path: urls::document(id),
        template: "document",
        title: format!("《{}》", d.title),
        description: d
            .entry
            .as_ref()
            .map_or_else(|| format!("《{}》", d.title), |e| first_chars(&e.en, 150)),
        markdown: md,
        data: json!({"id": id, "title": d.title, "entry": d.entry, "mentions": d.mentions.len(), "cities": city_links(ex, &d.cities)}),
    };
    let heading = format!("## 提及 Mentions ({})", d.mentions.len());
    paginated(page, d.mentions.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, &d.mentions[r], Kind::Document, id, &heading)
    })
}

fn timeline_page(ex: &View, n: usize) -> Page {
    let mut md = front_matter("時間線", "timeline", &[]);
    md.push_str("# 時間線 Timeline\n\n");
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.events_in(range)
            .iter()
            .map(|e| {
                let y = e.date.get(..4).unwrap_or("");
                let (p, from, to) = event_sentence(ex, e);
                let inferred = if e.inferred { "(年份推斷 year inferred)" } else { "" };
                // The cities the event's paragraph is about, even when the sentence does not name them.
                let cities: Vec<String> = e
                    .cities
                    .iter()
                    .filter_map(|c| ex.city(c))
                    .map(|c| format!("[{}](<city:{}>)", escape::markdown(&c.info.name), c.info.id))
                    .collect();
                let cities = if cities.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", cities.join("、"))
                };
                let md = format!(
                    "- **{}**{inferred}{cities} — {} {}\n",
                    escape::markdown(&e.date),
                    annotated(p, from, to),
                    source_link(ex, e.at, "原文 ›")
                );
                Item {
                    group: Some(format!("## {y} {{#y{y}}}")),
                    md,
                }
            })
            .collect()
    };
    let page = Page {
        path: urls::TIMELINE.to_string(),
        template: "timeline",
        title: "時間線 Timeline".to_string(),
        description: format!("報道中的 {} 個日期事件,按時間排列", ex.event_count()),
        markdown: md,
        data: json!({ "events": ex.event_count() }),
    };
    paginated(page, ex.event_count(), EVENTS_PER_PAGE, n, items)
}

/// One entry of a long list, under a group heading (an article, a year).
struct Item {
    group: Option<String>,
    md: String,
}

/// Paragraphs on one page of a city: about 100 KB of HTML at most.
const CITY_PARAGRAPHS_PER_PAGE: usize = 20;
const USES_PER_PAGE: usize = 40;
const EVENTS_PER_PAGE: usize = 64;
/// Longest list in a page's side column (figures, terms, events).
const SIDE_LIST: usize = 12;

/// Pages linked on each side of the current one in a pager.
const PAGER_NEIGHBOURS: usize = 3;

/// How many pages `count` items take at `per_page` a page (at least one).
fn page_count(count: usize, per_page: usize) -> usize {
    count.div_ceil(per_page).max(1)
}

/// Page `n` (1-based) of a long page whose `count` items go `per_page` to a page: page 1 keeps
/// the path and the intro, the others live at `page/N/`. `items` makes only the items of the
/// range this page shows, so no page is built before it is needed. A group heading is repeated
/// where a page starts inside its group.
fn paginated(
    first: Page,
    count: usize,
    per_page: usize,
    n: usize,
    items: impl FnOnce(Range<usize>) -> Vec<Item>,
) -> Page {
    let total = page_count(count, per_page);
    let range = ((n - 1) * per_page).min(count)..(n * per_page).min(count);
    let mut page = first.clone();
    page.path = urls::page(&first.path, n);
    if n > 1 {
        page.title = format!("{} ({n}/{total})", first.title);
        page.markdown = front_matter(&page.title, first.template, &[("page", &n.to_string())]);
        page.markdown
            .push_str(&format!("# {}\n\n", escape::markdown(&page.title)));
    }
    let mut group: Option<String> = None;
    for item in items(range) {
        if item.group != group {
            group = item.group;
            if let Some(g) = &group {
                page.markdown.push_str(g);
                page.markdown.push_str("\n\n");
            }
        }
        page.markdown.push_str(&item.md);
    }
    page.markdown.push('\n');
    if total > 1 {
        // The first, the last and the pages near this one, with a gap where pages are left out:
        // a pager listing all pages would outgrow the page itself on a large corpus.
        let mut pages: Vec<Value> = Vec::new();
        let mut last = 0;
        for k in (1..=total).filter(|&k| k == 1 || k == total || k.abs_diff(n) <= PAGER_NEIGHBOURS) {
            if k > last + 1 {
                pages.push(json!({"gap": true}));
            }
            pages.push(json!({"n": k, "path": urls::page(&first.path, k)}));
            last = k;
        }
        page.data["pagination"] = json!({
            "current": n, "total": total, "pages": pages,
            "prev": (n > 1).then(|| urls::page(&first.path, n - 1)),
            "next": (n < total).then(|| urls::page(&first.path, n + 1)),
        });
    }
    page
}

/// Where each year's events start on the (paginated) timeline: `2025` → `timeline/page/2/`.
pub fn timeline_years(ex: &Explainer) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (i, e) in ex.events().iter().enumerate() {
        let year = e.date.get(..4).unwrap_or("").to_string();
        out.entry(year)
            .or_insert_with(|| urls::page(urls::TIMELINE, i / EVENTS_PER_PAGE + 1));
    }
    out
}

fn compare_page(ex: &View) -> Page {
    let mut md = front_matter("城市比較", "compare", &[]);
    md.push_str("# 城市比較 Compare cities\n\n");
    md.push_str("| 城市 City | 重點 Focus | 關鍵數字 Key figures | 文件 Documents | 最近事件 Latest event | 段落 Paragraphs |\n");
    md.push_str("|---|---|---|---|---|---|\n");
    for c in ex.cities() {
        // Each figure links to the paragraph it came from.
        let figures: Vec<String> = c
            .figures
            .iter()
            .take(COMPARE_FIGURES)
            .map(|&(r, i)| {
                let mut link = String::new();
                push_annotation_link(&mut link, &ex.paragraph(r).annotations[i]);
                format!("{link} {}", source_link(ex, r, "›"))
            })
            .collect();
        let documents = c.documents.iter().take(COMPARE_FIGURES).filter_map(|d| ex.document(d));
        let documents: Vec<String> = documents
            .map(|d| format!("《[{}](<document:{}>)》", escape::markdown(&d.title), d.id))
            .collect();
        let latest = c.events.last().map(|&i| {
            let e = ex.event(i);
            format!("{} {}", escape::markdown(&e.date), source_link(ex, e.at, "›"))
        });
        let or_dash = |v: Vec<String>| if v.is_empty() { "—".to_string() } else { v.join("; ") };
        md.push_str(&format!(
            "| [{}](<city:{}>) | {} | {} | {} | {} | {} |\n",
            escape::markdown(&c.info.name),
            c.info.id,
            escape::markdown(c.focus_en.as_deref().unwrap_or("—")),
            or_dash(figures),
            or_dash(documents),
            latest.unwrap_or_else(|| "—".to_string()),
            c.paragraphs.len()
        ));
    }
    md.push('\n');
    Page {
        path: urls::COMPARE.to_string(),
        template: "compare",
        title: "城市比較 Compare".to_string(),
        description: format!("{} 座城市並排比較:重點、數字、文件、事件", ex.cities().len()),
        markdown: md,
        data: json!({}),
    }
}

/// Figures and documents per city in the comparison table.
const COMPARE_FIGURES: usize = 3;

fn about_page(ex: &View) -> Page {
    let mut md = front_matter("關於本站", "about", &[]);
    md.push_str("# 關於本站 About\n\n");
    md.push_str("本站由 explainer 從報道生成:每篇報道先被標註(城市、地點、日期、數字、文件、術語、機構),再寫成帶標註的 Markdown,最後由模板生成網頁。每頁旁邊都有它的 Markdown(index.md),全部標註可在 data/annotations.json 下載。\n\n");
    md.push_str("This site is generated by explainer from news articles. Each article is annotated, written out as annotated Markdown (published beside every page as index.md), then rendered. Every annotation is exported in data/annotations.json.\n\n");
    // The list itself is paginated: the about page stays small and does not change with every
    // seed.
    md.push_str(&format!(
        "## 報道 Sources\n\n本站共收錄 {} 篇報道:[全部報道 All sources](<page:{}>)。\n\n",
        ex.seed_count(),
        urls::SOURCES
    ));
    Page {
        path: urls::ABOUT.to_string(),
        template: "about",
        title: "關於本站 About".to_string(),
        description: "本站如何生成、來自哪些報道".to_string(),
        markdown: md,
        data: json!({ "samples": code_samples(ex) }),
    }
}

/// Source articles listed on one page of the sources list.
const SOURCES_PER_PAGE: usize = 200;

/// Every source article (title, file, paragraph count), in the order of the seeds folder.
fn sources_page(ex: &View, n: usize) -> Page {
    let mut md = front_matter("報道 Sources", "sources", &[]);
    md.push_str("# 報道 Sources\n\n");
    let items = |range: Range<usize>| -> Vec<Item> {
        range
            .map(|s| {
                let seed = ex.seed_info(s);
                Item {
                    group: None,
                    md: format!(
                        "- [{}](<page:{}>) — {}, {} 段\n",
                        escape::markdown(&seed_title(ex, s)),
                        urls::source(&seed.id),
                        escape::markdown(&seed.file.to_string_lossy()),
                        ex.paragraph_count(s)
                    ),
                }
            })
            .collect()
    };
    let page = Page {
        path: urls::SOURCES.to_string(),
        template: "sources",
        title: "報道 Sources".to_string(),
        description: format!("本站收錄的 {} 篇報道", ex.seed_count()),
        markdown: md,
        data: json!({}),
    };
    paginated(page, ex.seed_count(), SOURCES_PER_PAGE, n, items)
}

fn search_page() -> Page {
    Page {
        path: urls::SEARCH.to_string(),
        template: "search",
        title: "搜尋 Search".to_string(),
        description: "在所有報道中搜尋,繁簡皆可".to_string(),
        markdown: front_matter("搜尋", "search", &[]) + "# 搜尋 Search\n",
        data: json!({}),
    }
}

/// The page GitHub Pages shows for a missing path. It may be served at any depth, so its links
/// use the base URL when there is one.
pub fn not_found_page() -> Page {
    let mut md = front_matter("找不到頁面", "404", &[]);
    md.push_str(&format!(
        "# 找不到頁面 Page not found

這個地址沒有頁面。請從[首頁](<page:{}>)、[時間線](<page:{}>)或[比較](<page:{}>)繼續。

There is no page at this address.
",
        urls::HOME,
        urls::TIMELINE,
        urls::COMPARE
    ));
    Page {
        path: String::new(),
        template: "404",
        title: "找不到頁面 Page not found".to_string(),
        description: "找不到頁面".to_string(),
        markdown: md,
        data: json!({}),
    }
}

/// What the about page shows of the pipeline: one city page's annotated Markdown and the export
/// record of the paragraph it starts with.
fn code_samples(ex: &View) -> Vec<Value> {
    let Some(city) = ex.cities().first() else {
        return Vec::new();
    };
    // Samples stay short whatever the seeds hold: highlighting is not linear in line length.
    const MAX_SAMPLE_LINE: usize = 600;
    let page = city_page(ex, city, 1, || Value::Null);
    let markdown: String = page
        .markdown
        .lines()
        .take(12)
        .map(|l| first_chars(l, MAX_SAMPLE_LINE))
        .collect::<Vec<_>>()
        .join("\n");
    let shortest = city
        .paragraphs
        .iter()
        .map(|cp| ex.paragraph(cp.at))
        .min_by_key(|p| p.text.len());
    let Some(p) = shortest.filter(|p| p.text.chars().count() <= MAX_SAMPLE_LINE) else {
        return vec![
            json!({"title": urls::markdown(&urls::city(&city.info.id)), "lang": "md", "code": markdown + "\n"}),
        ];
    };
    let record = json!({ "id": p.id, "text": p.text, "cities": p.cities, "annotations": p.annotations });
    vec![
        json!({"title": urls::markdown(&urls::city(&city.info.id)), "lang": "md", "code": markdown + "\n"}),
        json!({"title": format!("{} (one paragraph)", urls::EXPORT), "lang": "json", "code": serde_json::to_string_pretty(&record).unwrap_or_default() + "\n"}),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(kind: Kind, text: &str, start: usize, value: &str, inferred: bool) -> Annotation {
        let mut a = Annotation::new(kind, text, start, start + text.chars().count(), value, None);
        a.inferred = inferred;
        a
    }

    /// The Markdown of chars `from..to`, made the slow obvious way: a char vector.
    fn annotated_by_chars(p: &AnnotatedParagraph, from: usize, to: usize) -> String {
        let chars: Vec<char> = p.text.chars().collect();
        let piece = |a: usize, b: usize| escape::markdown(&chars[a..b].iter().collect::<String>());
        let mut out = String::new();
        let mut at = from;
        for a in p.annotations.iter().filter(|a| a.start() >= from && a.end() <= to) {
            let title = if a.inferred { " \"inferred\"" } else { "" };
            out.push_str(&format!(
                "{}[{}](<{}:{}>{title})",
                piece(at, a.start()),
                escape::markdown(&a.text),
                a.kind.as_str(),
                a.value
            ));
            at = a.end();
        }
        out + &piece(at, to)
    }

    #[test]
    fn annotated_markdown_of_any_char_range() {
        let text = "寧波[AI+]製造*2025年*5月14日,\n杭州灣新區投資5.6億元。";
        let p = AnnotatedParagraph {
            id: "p1".into(),
            line: 1,
            text: text.into(),
            annotations: vec![
                ann(Kind::City, "寧波", 0, "ningbo", false),
                ann(Kind::Date, "5月14日", 16, "2025-05-14", true),
                ann(Kind::Place, "杭州灣新區", 23, "ningbo/hangzhou-bay", false),
                ann(Kind::Figure, "5.6億元", 30, "560000000 yuan", false),
            ]
            .into(),
            nested: Box::new([]),
            cities: Box::new(["ningbo".into()]),
            cities_inherited: false,
            copy_key: 0,
        };
        assert_eq!(&p.text.chars().skip(16).take(5).collect::<String>(), "5月14日");
        assert_eq!(&p.text.chars().skip(30).take(5).collect::<String>(), "5.6億元");
        let n = text.chars().count();
        assert_eq!(
            annotated(&p, 0, n),
            "[寧波](<city:ningbo>)\\[AI\\+\\]製造\\*2025年\\*[5月14日](<date:2025-05-14> \"inferred\")\\, \
             [杭州灣新區](<place:ningbo/hangzhou-bay>)投資[5\\.6億元](<figure:560000000 yuan>)。"
        );
        for from in 0..=n {
            for to in from..=n {
                assert_eq!(
                    annotated(&p, from, to),
                    annotated_by_chars(&p, from, to),
                    "{from}..{to}"
                );
            }
        }
    }
}
