//! The data export `site/data/annotations.json` (a **contract**, see DESIGN.md; schema 2): every
//! city, every seed, every body paragraph with its cities and annotations, offsets in chars; and
//! every term and document with its explanation and where that comes from.

use crate::model::{Explainer, Explanation};
use crate::text::script;
use crate::urls;
use serde::Serialize;

#[derive(Serialize)]
struct Export<'a> {
    schema: u32,
    cities: Vec<CityOut<'a>>,
    seeds: Vec<SeedOut<'a>>,
    terms: Vec<EntryOut<'a>>,
    documents: Vec<EntryOut<'a>>,
}

/// A term or document: its text as first written, how many paragraphs use it, its explanation.
#[derive(Serialize)]
struct EntryOut<'a> {
    id: &'a str,
    text: &'a str,
    uses: usize,
    explanation: Option<ExplanationOut<'a>>,
}

/// An explanation in both scripts, with its origin (`source`: glossary, title, rule, article),
/// what it rests on (`cite`: the reference, or `<seed id>#<paragraph id>` for an article) and,
/// for an article, the sentence verbatim.
#[derive(Serialize)]
struct ExplanationOut<'a> {
    zh_hant: String,
    zh_hans: String,
    en: Option<String>,
    source: &'static str,
    cite: Option<String>,
    quote: Option<&'a str>,
}

fn explanation_out<'a>(ex: &Explainer, e: &'a Explanation) -> ExplanationOut<'a> {
    let cite = match &e.quote {
        Some(q) => Some(format!("{}#{}", ex.seeds()[q.at.seed].seed.id, ex.paragraph(q.at).id)),
        None => e.reference.clone(),
    };
    let zh = e.full_zh();
    ExplanationOut {
        zh_hant: script::to_hant(&zh),
        zh_hans: script::to_hans(&zh),
        en: e.full_en(),
        source: e.origin.as_str(),
        cite,
        quote: e.quote.as_ref().map(|q| q.text.as_str()),
    }
}

#[derive(Serialize)]
struct CityOut<'a> {
    id: &'a str,
    name: &'a str,
    name_hans: &'a str,
    name_en: &'a str,
    adcode: &'a str,
    url: String,
    paragraphs: Vec<String>,
}

#[derive(Serialize)]
struct SeedOut<'a> {
    id: &'a str,
    file: String,
    title: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    year_source: crate::annotate::YearSource,
    paragraphs: Vec<ParagraphOut<'a>>,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    id: &'a str,
    line: usize,
    text: &'a str,
    cities: &'a [arcstr::ArcStr],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cities_inherited: bool,
    annotations: &'a [crate::annotate::Annotation],
}

/// Writes the export as pretty-printed JSON, with a trailing newline, without holding it whole.
pub fn write_annotations_json(ex: &Explainer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let export = Export {
        schema: 2,
        cities: ex
            .cities()
            .iter()
            .map(|c| CityOut {
                id: &c.info.id,
                name: &c.info.name,
                name_hans: &c.info.name_hans,
                name_en: &c.info.name_en,
                adcode: &c.info.adcode,
                url: urls::city(&c.info.id),
                paragraphs: c
                    .paragraphs
                    .iter()
                    .flat_map(|p| std::iter::once(p.at).chain(p.also_in.iter().copied()))
                    .map(|r| format!("{}#{}", ex.seeds()[r.seed].seed.id, ex.paragraph(r).id))
                    .collect(),
            })
            .collect(),
        seeds: ex
            .seeds()
            .iter()
            .map(|s| SeedOut {
                id: &s.seed.id,
                file: s.seed.file.to_string_lossy().replace('\\', "/"),
                title: &s.seed.title,
                url: urls::source(&s.seed.id),
                year: s.year,
                year_source: s.year_source,
                paragraphs: s
                    .paragraphs
                    .iter()
                    .map(|p| ParagraphOut {
                        id: &p.id,
                        line: p.line,
                        text: &p.text,
                        cities: &p.cities,
                        cities_inherited: p.cities_inherited,
                        annotations: &p.annotations,
                    })
                    .collect(),
            })
            .collect(),
        terms: ex
            .terms()
            .iter()
            .map(|t| EntryOut {
                id: &t.id,
                text: &t.text,
                uses: t.uses.len(),
                explanation: t.explanation.as_ref().map(|e| explanation_out(ex, e)),
            })
            .collect(),
        documents: ex
            .documents()
            .iter()
            .map(|d| EntryOut {
                id: &d.id,
                text: &d.title,
                uses: d.mentions.len(),
                explanation: d.explanation.as_ref().map(|e| explanation_out(ex, e)),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &export)?;
    out.write_all(b"\n")
}
