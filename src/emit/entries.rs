//! The pages of terms and documents (the explanation with its origin, where the articles use
//! it, the cities that do) and their indexes, every entry in pinyin order with its explanation
//! status and number of uses.

use super::data::{
    EntryData, EntryIndexData, ExplanationView, Fragment, IndexRow, NoteView, PageData, PartView, StatementView,
};
use super::human::in_lang;
use super::markdown::{annotated, front_matter, seed_lang, sentence_around, source_link};
use super::paginate::{Item, paginated};
use super::parts::city_links;
use super::{ENTRIES_PER_PAGE, Page, USES_PER_PAGE, seed_title};
use crate::annotate::Kind;
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{DocumentModel, Explanation, ParaRef, TermModel, View};
use crate::text::offsets::first_chars;
use crate::urls;

/// Uses of a term or document: the sentence around each mention, as list items.
fn uses_items(ex: &View, k: &Knowledge, refs: &[ParaRef], kind: Kind, id: &str, heading: &str) -> Vec<Item> {
    refs.iter()
        .map(|&r| {
            let p = ex.paragraph(r);
            let hit = p
                .annotations
                .iter()
                .chain(&p.nested)
                .find(|a| a.kind == kind && &*a.value == id);
            let (from, to) = hit.map_or((0, p.text.chars().count()), |a| {
                sentence_around(&k.lexicon, p, a.start(), a.end())
            });
            let mut md = format!(
                "- {} {}",
                in_lang(annotated(p, from, to), seed_lang(ex, r.seed)),
                source_link(ex, r, &format!("{} ›", seed_title(ex, r.seed)))
            );
            // The same paragraph in other articles: credited, not listed again.
            for &other in ex.also_in(r) {
                md.push(' ');
                md.push_str(&source_link(ex, other, &format!("{} ›", seed_title(ex, other.seed))));
            }
            md.push('\n');
            Item {
                group: Some(heading.to_string()),
                md,
            }
        })
        .collect()
}

/// What a title part is called.
fn part_label<'s>(s: &'s Strings, role: &str) -> &'s str {
    match role {
        "issuer" => &s.part_issuer,
        "place" => &s.part_place,
        "subject" => &s.part_subject,
        "type" => &s.part_type,
        "period" => &s.part_period,
        "status" => &s.part_status,
        "issues" => &s.part_issues,
        "parties" => &s.part_parties,
        "signed" => &s.part_signed,
        _ => &s.part_date,
    }
}

/// An explanation as the page shows it (each page converts its text to its own script).
fn explanation_view(ex: &View, s: &Strings, e: &Explanation) -> ExplanationView {
    let (quote, quote_url) = match &e.quote {
        Some(q) => {
            let p = ex.paragraph(q.at);
            (
                Some(Fragment::new(annotated(p, q.start, q.end))),
                Some(urls::source_paragraph(&ex.seed_info(q.at.seed).id, &p.id)),
            )
        }
        None => (None, None),
    };
    let quoted = e.quote.as_ref().is_some_and(|q| q.text == e.zh);
    ExplanationView {
        origin: e.origin.as_str(),
        origin_label: e.origin.label(s).to_string(),
        zh: (!quoted).then(|| e.zh.clone()),
        en: e.en.clone(),
        // A title's type and marks carry their own sources, below.
        source: e
            .reference
            .as_ref()
            .filter(|_| e.notes.is_empty())
            .map(|r| fill(&s.explanation_source, &[("source", r)])),
        quote,
        quote_url,
        quote_link: s.source_link.clone(),
        parts: e
            .parts
            .iter()
            .map(|p| PartView {
                label: part_label(s, p.role).to_string(),
                zh: p.zh.clone(),
                // Not twice when the English is the same (a year).
                en: p.en.clone().filter(|en| *en != p.zh),
            })
            .collect(),
        notes: e
            .notes
            .iter()
            .map(|n| NoteView {
                word: n.word.clone(),
                label_en: n.label_en.clone(),
                zh: n.zh.clone(),
                en: n.en.clone(),
                source: fill(&s.explanation_source, &[("source", &n.source)]),
            })
            .collect(),
        notes_heading: s.notes_heading.clone(),
        statements: e
            .statements
            .iter()
            .map(|q| {
                let p = ex.paragraph(q.at);
                StatementView {
                    quote: Fragment::new(annotated(p, q.start, q.end)),
                    url: urls::source_paragraph(&ex.seed_info(q.at.seed).id, &p.id),
                }
            })
            .collect(),
        statements_heading: s.statements_heading.clone(),
    }
}

/// One line for search engines and link previews: the English explanation, else the Chinese.
fn description(e: Option<&Explanation>, fallback: String) -> String {
    match e {
        Some(e) => first_chars(e.en.as_deref().unwrap_or(&e.zh), 150),
        None => fallback,
    }
}

pub fn term_page(ex: &View, k: &Knowledge, t: &TermModel, n: usize) -> Page {
    let s = &k.strings;
    let id = t.id.as_str();
    // The heading and the explanation are the template's (first page); the Markdown holds the
    // uses (later pages get their own heading from the pager).
    let md = front_matter(&t.text, "term", &[("term", id)]);
    let uses = t.uses.len().to_string();
    let mut page = Page::new(
        urls::term(id),
        "term",
        format!("“{}”", t.text),
        description(
            t.explanation.as_ref(),
            fill(&s.term_description, &[("term", &t.text), ("n", &uses)]),
        ),
        md,
    );
    page.data = PageData::Entry(Box::new(EntryData {
        heading: format!("“{}”", t.text),
        label_en: t.explanation.as_ref().and_then(|e| e.label_en.clone()),
        explanation: t.explanation.as_ref().map(|e| explanation_view(ex, s, e)),
        no_explanation: s.term_no_entry.clone(),
        cities: city_links(ex, &t.cities),
        index_url: urls::html(urls::TERMS),
        index_label: s.all_terms_link.clone(),
    }));
    let heading = format!("## {}", fill(&s.uses_heading, &[("n", &uses)]));
    paginated(s, page, t.uses.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &t.uses[r], Kind::Term, id, &heading)
    })
}

pub fn document_page(ex: &View, k: &Knowledge, d: &DocumentModel, n: usize) -> Page {
    let s = &k.strings;
    let id = d.id.as_str();
    let md = front_matter(&d.title, "document", &[("document", id)]);
    let mut page = Page::new(
        urls::document(id),
        "document",
        format!("《{}》", d.title),
        description(d.explanation.as_ref(), format!("《{}》", d.title)),
        md,
    );
    page.data = PageData::Entry(Box::new(EntryData {
        heading: format!("《{}》", d.title),
        label_en: d.explanation.as_ref().and_then(|e| e.label_en.clone()),
        explanation: d.explanation.as_ref().map(|e| explanation_view(ex, s, e)),
        no_explanation: s.document_no_entry.clone(),
        cities: city_links(ex, &d.cities),
        index_url: urls::html(urls::DOCUMENTS),
        index_label: s.all_documents_link.clone(),
    }));
    let heading = format!(
        "## {}",
        fill(&s.mentions_heading, &[("n", &d.mentions.len().to_string())])
    );
    paginated(s, page, d.mentions.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &d.mentions[r], Kind::Document, id, &heading)
    })
}

/// An entry of an index, before it is laid out.
struct Entry<'a> {
    text: String,
    url: String,
    explanation: Option<&'a Explanation>,
    uses: usize,
}

/// Page `n` of an index: the heading, how many are explained, and this page's rows.
fn index_page(
    s: &Strings,
    path: &str,
    template_title: (&str, &str, &str),
    uses_label: &str,
    entries: Vec<Entry>,
    n: usize,
) -> Page {
    let (title, front_title, description) = template_title;
    let count = entries.len().to_string();
    let explained = entries.iter().filter(|e| e.explanation.is_some()).count().to_string();
    let mut md = front_matter(front_title, "entries", &[]);
    md.push_str(&format!("# {title}\n\n"));
    let page = Page::new(
        path.to_string(),
        "entries",
        title.to_string(),
        fill(description, &[("n", &count)]),
        md,
    );
    let range = ((n - 1) * ENTRIES_PER_PAGE).min(entries.len())..(n * ENTRIES_PER_PAGE).min(entries.len());
    let rows = entries[range]
        .iter()
        .map(|e| IndexRow {
            text: e.text.clone(),
            url: e.url.clone(),
            label_en: e.explanation.and_then(|x| x.label_en.clone()),
            origin: e.explanation.map_or("none", |x| x.origin.as_str()),
            origin_label: e
                .explanation
                .map_or(s.index_unexplained.as_str(), |x| x.origin.label(s))
                .to_string(),
            uses: fill(uses_label, &[("n", &e.uses.to_string())]),
        })
        .collect();
    let mut page = paginated(s, page, entries.len(), ENTRIES_PER_PAGE, n, |_| Vec::new());
    page.data = PageData::EntryIndex(EntryIndexData {
        coverage: fill(&s.index_coverage, &[("explained", &explained), ("n", &count)]),
        rows,
    });
    page
}

/// Page `n` of the index of terms.
pub fn terms_index_page(ex: &View, s: &Strings, n: usize) -> Page {
    let entries = ex
        .terms_by_pinyin()
        .into_iter()
        .map(|t| Entry {
            text: format!("“{}”", t.text),
            url: urls::html(&urls::term(&t.id)),
            explanation: t.explanation.as_ref(),
            uses: t.uses.len(),
        })
        .collect();
    index_page(
        s,
        urls::TERMS,
        (&s.terms_title, &s.terms_front_title, &s.terms_description),
        &s.index_uses_terms,
        entries,
        n,
    )
}

/// Page `n` of the index of documents.
pub fn documents_index_page(ex: &View, s: &Strings, n: usize) -> Page {
    let entries = ex
        .documents_by_pinyin()
        .into_iter()
        .map(|d| Entry {
            text: format!("《{}》", d.title),
            url: urls::html(&urls::document(&d.id)),
            explanation: d.explanation.as_ref(),
            uses: d.mentions.len(),
        })
        .collect();
    index_page(
        s,
        urls::DOCUMENTS,
        (&s.documents_title, &s.documents_front_title, &s.documents_description),
        &s.index_uses_documents,
        entries,
        n,
    )
}
