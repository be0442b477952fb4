//! The data export: the JSON contract other tools read (schema 3, `../shared/DESIGN.md`).
//! `data/annotations.json` holds every city, every seed and every term and document with its
//! explanation and where that comes from; each seed's body paragraphs, with their cities and
//! annotations (offsets in chars), are in a file of their own, `data/seeds/<id>.json`, which the
//! seed names by `paragraphs_url`. Split so that no file grows with the corpus faster than the
//! list of seeds does, and adding an article writes one new file and changes only the index.
//! Written compact (no indentation): a large corpus has hundreds of thousands of annotations.
//!
//! The export owns its JSON types (`…Out`): they borrow from the model and say field by field
//! what the contract holds, so the model's types can change their layout (an annotation is
//! packed into 48 bytes) without changing a byte of the export. A stage of its own, right after
//! the model, because two later stages show it: `output` writes the file, and the about page
//! (`emit`) quotes one paragraph's record as this module writes it.

use crate::annotate::{AnnotatedParagraph, AnnotatedSeed, Annotation, Kind, YearSource};
use crate::model::{Explainer, Explanation};
use crate::text::script;
use crate::urls;
use arcstr::ArcStr;
use serde::{Serialize, Serializer};

/// The schema this module writes.
pub const SCHEMA: u32 = 3;

#[derive(Serialize)]
struct Export<'a> {
    schema: u32,
    cities: Vec<CityOut<'a>>,
    seeds: Vec<SeedOut<'a>>,
    terms: Vec<EntryOut<'a>>,
    documents: Vec<EntryOut<'a>>,
}

/// A city some seed is about, with every paragraph about it (`<seed id>#<paragraph id>`),
/// re-published copies included.
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

/// A seed, and where its body paragraphs are. `year` and `year_source` say where dates without
/// a year took theirs from.
#[derive(Serialize)]
struct SeedOut<'a> {
    id: &'a str,
    file: String,
    title: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    year_source: &'static str,
    /// `data/seeds/<id>.json`, from the site root.
    paragraphs_url: String,
}

/// A seed's own file: every body paragraph, exactly as schema 2 had them inline.
#[derive(Serialize)]
struct SeedParagraphsOut<'a> {
    id: &'a str,
    paragraphs: Vec<ParagraphOut<'a>>,
}

/// A body paragraph exactly as the seed has it, with the cities it is about and its
/// annotations.
#[derive(Serialize)]
struct ParagraphOut<'a> {
    id: &'a str,
    line: usize,
    text: &'a str,
    cities: &'a [ArcStr],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cities_inherited: bool,
    /// The city of the paragraph's article, for a paragraph that names no city and no other
    /// subject: the city page that shows it. Not one of `cities` (what it names).
    #[serde(skip_serializing_if = "Option::is_none")]
    article_city: Option<&'a str>,
    annotations: AnnotationsOut<'a>,
}

/// A paragraph's annotations, serialised one by one as they are written (a large corpus has
/// hundreds of thousands: none is copied into a list first).
struct AnnotationsOut<'a>(&'a [Annotation]);

impl Serialize for AnnotationsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(AnnotationOut::of))
    }
}

/// One annotation: its kind, the text it covers (`start..end` in chars, end exclusive), its
/// value, and the fields only some kinds carry.
#[derive(Serialize)]
struct AnnotationOut<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    /// City id, ISO date, term or document id, `<number> <unit>` for a figure, place id.
    value: &'a str,
    /// A date whose year was read from another date in the same sentence.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
    /// A date written relative to the publication year (今年 0, 去年 -1, 明年 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    relative: Option<i8>,
    /// Figures, dates and documents: the city id, `zhejiang` or `other` the claim is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<&'static str>,
    /// A figure about one county of the city in `about`: the county's place id.
    #[serde(skip_serializing_if = "Option::is_none")]
    county: Option<&'a str>,
    /// A figure's value in its unit, and the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    /// Places and organisations: the prefectures they belong to.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    cities: &'a [ArcStr],
    /// A readable name for a place or organisation (its English name). Cities and terms have
    /// theirs once, in the top-level lists, not on each of their thousands of mentions.
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

impl<'a> AnnotationOut<'a> {
    fn of(a: &'a Annotation) -> AnnotationOut<'a> {
        AnnotationOut {
            kind: a.kind.as_str(),
            text: &a.text,
            start: a.start(),
            end: a.end(),
            value: &a.value,
            inferred: a.inferred,
            relative: a.relative,
            about: a.about.map(|about| about.as_str()),
            county: a.county(),
            number: a.number(),
            unit: a.unit(),
            cities: a.cities(),
            label: a.label.as_deref().filter(|_| matches!(a.kind, Kind::Place | Kind::Org)),
        }
    }
}

impl<'a> ParagraphOut<'a> {
    fn of(p: &'a AnnotatedParagraph) -> ParagraphOut<'a> {
        ParagraphOut {
            id: &p.id,
            line: p.line,
            text: &p.text,
            cities: &p.cities,
            cities_inherited: p.cities_inherited,
            article_city: p.article_city.as_deref(),
            annotations: AnnotationsOut(&p.annotations),
        }
    }
}

/// A term or document: its text as first written, how many paragraphs use it, its explanation.
#[derive(Serialize)]
struct EntryOut<'a> {
    id: &'a str,
    text: &'a str,
    uses: usize,
    explanation: Option<ExplanationOut<'a>>,
}

impl<'a> EntryOut<'a> {
    fn of(ex: &Explainer, id: &'a str, text: &'a str, uses: usize, explanation: Option<&'a Explanation>) -> Self {
        EntryOut {
            id,
            text,
            uses,
            explanation: explanation.map(|e| ExplanationOut::of(ex, e)),
        }
    }
}

/// An explanation in both scripts, with its origin (`source`: glossary, title, rule, article,
/// dictionary), what it rests on (`cite`: the reference — for the dictionary its name, release
/// and entry — or `<seed id>#<paragraph id>` for an article) and, for an article, the sentence
/// verbatim; for a document, what the articles say it does (`statements`, each a sentence
/// verbatim with its paragraph), when they say anything.
#[derive(Serialize)]
struct ExplanationOut<'a> {
    zh_hant: String,
    zh_hans: String,
    en: Option<String>,
    source: &'static str,
    cite: Option<String>,
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    statements: Vec<StatementOut<'a>>,
}

/// A sentence quoted for what it says a document does.
#[derive(Serialize)]
struct StatementOut<'a> {
    quote: &'a str,
    cite: String,
}

impl<'a> ExplanationOut<'a> {
    fn of(ex: &Explainer, e: &'a Explanation) -> ExplanationOut<'a> {
        let at = |q: &crate::model::Quote| format!("{}#{}", ex.seeds()[q.at.seed].seed.id, ex.paragraph(q.at).id);
        let cite = match &e.quote {
            Some(q) => Some(at(q)),
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
            statements: e
                .statements
                .iter()
                .map(|q| StatementOut {
                    quote: &q.text,
                    cite: at(q),
                })
                .collect(),
        }
    }
}

fn year_source(source: YearSource) -> &'static str {
    match source {
        YearSource::Metadata => "metadata",
        YearSource::Url => "url",
        YearSource::Unknown => "unknown",
    }
}

/// Writes `data/annotations.json` (compact, with a trailing newline) without holding it whole.
pub fn write_annotations_json(ex: &Explainer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let export = Export {
        schema: SCHEMA,
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
                year_source: year_source(s.year_source),
                paragraphs_url: urls::seed_export(&s.seed.id),
            })
            .collect(),
        terms: ex
            .terms()
            .iter()
            .map(|t| EntryOut::of(ex, &t.id, &t.text, t.uses.len(), t.explanation.as_ref()))
            .collect(),
        documents: ex
            .documents()
            .iter()
            .map(|d| EntryOut::of(ex, &d.id, &d.title, d.mentions.len(), d.explanation.as_ref()))
            .collect(),
    };
    serde_json::to_writer(&mut *out, &export)?;
    out.write_all(b"\n")
}

/// A seed's own file of the export, `data/seeds/<id>.json` ([`urls::seed_export`]): it depends on
/// that seed alone.
pub fn seed_paragraphs_json(seed: &AnnotatedSeed) -> serde_json::Result<String> {
    let mut json = serde_json::to_string(&SeedParagraphsOut {
        id: &seed.seed.id,
        paragraphs: seed.paragraphs.iter().map(ParagraphOut::of).collect(),
    })?;
    json.push('\n');
    Ok(json)
}

/// One paragraph's record exactly as the export writes it (pretty-printed, at the top level
/// rather than indented inside its seed): what the about page shows of the export.
pub fn paragraph_record(p: &AnnotatedParagraph) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&ParagraphOut::of(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotator;
    use crate::knowledge::Knowledge;
    use std::path::Path;
    use std::sync::Arc;

    fn explainer(text: &str) -> Explainer {
        let k = Knowledge::load(None).unwrap();
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &k.lexicon).unwrap();
        let annotated = Arc::new(Annotator::new(&k).annotate(seed));
        crate::model::build(vec![annotated], &k)
    }

    #[test]
    fn annotations_keep_the_contract_field_order_and_omit_empty_fields() {
        let ex = explainer("题\n5月14日,寧波黃岩投資5.6億元。");
        let record = paragraph_record(&ex.seeds()[0].paragraphs[0]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&record).unwrap();
        assert!(
            record.starts_with("{\n  \"id\": \"p1\",\n  \"line\": 2,\n  \"text\": "),
            "{record}"
        );
        let annotations = value["annotations"].as_array().unwrap();
        let figure = annotations.iter().find(|a| a["kind"] == "figure").unwrap();
        assert_eq!(figure["number"], 560_000_000.0);
        assert_eq!(figure["unit"], "CNY");
        let place = annotations.iter().find(|a| a["kind"] == "place").unwrap();
        assert_eq!(place["cities"], serde_json::json!(["taizhou"]));
        let city = annotations.iter().find(|a| a["kind"] == "city").unwrap();
        assert!(
            city.get("inferred").is_none() && city.get("cities").is_none(),
            "{record}"
        );
        let figure_text = record.split("\"kind\": \"figure\"").nth(1).unwrap();
        let order: Vec<usize> = [
            "\"text\"",
            "\"start\"",
            "\"end\"",
            "\"value\"",
            "\"about\"",
            "\"number\"",
            "\"unit\"",
        ]
        .iter()
        .map(|k| figure_text.find(k).unwrap())
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{figure_text}");
    }
}
