//! The pages of terms and documents: the explanation, where the articles use it, and the
//! cities that do.

use super::data::{EntryData, PageData};
use super::human::in_lang;
use super::markdown::{annotated, front_matter, seed_lang, sentence_around, source_link};
use super::paginate::{Item, paginated};
use super::parts::city_links;
use super::{Page, USES_PER_PAGE, seed_title};
use crate::annotate::Kind;
use crate::knowledge::Knowledge;
use crate::knowledge::strings::fill;
use crate::model::{DocumentModel, ParaRef, TermModel, View};
use crate::text::escape;
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

pub fn term_page(ex: &View, k: &Knowledge, t: &TermModel, n: usize) -> Page {
    let s = &k.strings;
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
            md.push_str(&fill(&s.explanation_source, &[("source", &escape::markdown(src))]));
            md.push_str("\n\n");
        }
    } else {
        md.push_str(&s.term_no_entry);
        md.push_str("\n\n");
    }
    let uses = t.uses.len().to_string();
    let mut page = Page::new(
        urls::term(id),
        "term",
        format!("“{}”", t.text),
        t.entry.as_ref().map_or_else(
            || fill(&s.term_description, &[("term", &t.text), ("n", &uses)]),
            |e| first_chars(&e.en, 150),
        ),
        md,
    );
    page.data = PageData::Entry(EntryData {
        label_en: t.entry.as_ref().map(|e| e.label_en.clone()),
        cities: city_links(ex, &t.cities),
    });
    let heading = format!("## {}", fill(&s.uses_heading, &[("n", &uses)]));
    paginated(s, page, t.uses.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &t.uses[r], Kind::Term, id, &heading)
    })
}

pub fn document_page(ex: &View, k: &Knowledge, d: &DocumentModel, n: usize) -> Page {
    let s = &k.strings;
    let id = d.id.as_str();
    let mut md = front_matter(&d.title, "document", &[("document", id)]);
    md.push_str(&format!("# 《{}》\n\n", escape::markdown(&d.title)));
    if let Some(e) = &d.entry {
        md.push_str(&format!("*{}*\n\n", escape::markdown(&e.title_en)));
        md.push_str(&format!(
            "- {}\n",
            fill(&s.document_issuer, &[("issuer", &escape::markdown(&e.issuer))])
        ));
        if let Some(date) = &e.date {
            md.push_str(&format!(
                "- {}\n",
                fill(&s.document_date, &[("date", &escape::markdown(date))])
            ));
        }
        md.push_str(&format!(
            "\n{}\n\n{}\n\n",
            escape::markdown(&e.zh),
            escape::markdown(&e.en)
        ));
    } else {
        md.push_str(&s.document_no_entry);
        md.push_str("\n\n");
    }
    let mut page = Page::new(
        urls::document(id),
        "document",
        format!("《{}》", d.title),
        d.entry
            .as_ref()
            .map_or_else(|| format!("《{}》", d.title), |e| first_chars(&e.en, 150)),
        md,
    );
    page.data = PageData::Entry(EntryData {
        label_en: None,
        cities: city_links(ex, &d.cities),
    });
    let heading = format!(
        "## {}",
        fill(&s.mentions_heading, &[("n", &d.mentions.len().to_string())])
    );
    paginated(s, page, d.mentions.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &d.mentions[r], Kind::Document, id, &heading)
    })
}
