//! The pages of terms and documents (the explanation with its origin, where the articles use
//! it, the cities that do) and their indexes, every entry in pinyin order with its explanation
//! status and number of uses.

use super::data::{
    EntryData, EntryIndexData, ExplanationView, Fragment, IndexRow, NoteView, PageData, PartView, StatementView,
    TimelineLink,
};
use super::human::in_lang;
use super::markdown::{annotated, front_matter, seed_lang, sentence_around, source_link};
use super::paginate::{Item, paginated};
use super::parts::city_links;
use super::{ENTRIES_PER_PAGE, Page, USES_PER_PAGE, credit_copies, seed_title};
use crate::annotate::Kind;
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{DocumentModel, Explanation, ParaRef, TermModel, View};
use crate::text::escape;
use crate::text::offsets::first_chars;
use crate::urls;

/// Uses of a term or document: the sentence around each mention, as list items, under the
/// heading on the first page (which counts them: later pages, which must not change as uses are
/// added, have none).
fn uses_items(ex: &View, k: &Knowledge, refs: &[ParaRef], kind: Kind, id: &str, heading: Option<&str>) -> Vec<Item> {
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
            credit_copies(&mut md, &k.strings, ex.also_in(r), |other| {
                source_link(ex, other, &format!("{} ›", seed_title(ex, other.seed)))
            });
            md.push('\n');
            Item {
                group: heading.map(str::to_string),
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
        "number" => &s.part_number,
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
    let heading = (n == 1).then(|| format!("## {}", fill(&s.uses_heading, &[("n", &uses)])));
    paginated(s, page, t.uses.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &t.uses[r], Kind::Term, id, heading.as_deref())
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
    let heading = (n == 1).then(|| {
        format!(
            "## {}",
            fill(&s.mentions_heading, &[("n", &d.mentions.len().to_string())])
        )
    });
    paginated(s, page, d.mentions.len(), USES_PER_PAGE, n, |r| {
        uses_items(ex, k, &d.mentions[r], Kind::Document, id, heading.as_deref())
    })
}

/// An entry of an index, before it is laid out.
struct Entry<'a> {
    text: String,
    url: String,
    explanation: Option<&'a Explanation>,
    uses: usize,
    /// What it is sorted by.
    pinyin: (String, String),
}

/// What differs between the index of terms and that of documents.
struct IndexKind<'s> {
    documents: bool,
    folder: &'static str,
    title: &'s str,
    front_title: &'s str,
    description: &'s str,
    uses_label: &'s str,
}

impl<'s> IndexKind<'s> {
    fn of(s: &'s Strings, documents: bool) -> IndexKind<'s> {
        if documents {
            IndexKind {
                documents,
                folder: urls::DOCUMENTS,
                title: &s.documents_title,
                front_title: &s.documents_front_title,
                description: &s.documents_description,
                uses_label: &s.index_uses_documents,
            }
        } else {
            IndexKind {
                documents,
                folder: urls::TERMS,
                title: &s.terms_title,
                front_title: &s.terms_front_title,
                description: &s.terms_description,
                uses_label: &s.index_uses_terms,
            }
        }
    }

    /// Entry `i` of the index.
    fn entry<'a>(&self, ex: &View<'a>, i: usize) -> Entry<'a> {
        if self.documents {
            let d = ex.document_at(i);
            Entry {
                text: format!("《{}》", d.title),
                url: urls::html(&urls::document(&d.id)),
                explanation: d.explanation.as_ref(),
                uses: d.mentions.len(),
                pinyin: crate::text::slug::pinyin_key(&d.title),
            }
        } else {
            let t = ex.term_at(i);
            Entry {
                text: format!("“{}”", t.text),
                url: urls::html(&urls::term(&t.id)),
                explanation: t.explanation.as_ref(),
                uses: t.uses.len(),
                pinyin: crate::text::slug::pinyin_key(&t.text),
            }
        }
    }

    fn count(&self, ex: &View) -> usize {
        if self.documents {
            ex.document_count()
        } else {
            ex.term_count()
        }
    }
}

/// A row of an index.
fn row(s: &Strings, kind: &IndexKind, e: &Entry) -> IndexRow {
    IndexRow {
        text: e.text.clone(),
        url: e.url.clone(),
        label_en: e.explanation.and_then(|x| x.label_en.clone()),
        origin: e.explanation.map_or("none", |x| x.origin.as_str()),
        origin_label: e
            .explanation
            .map_or(s.index_unexplained.as_str(), |x| x.origin.label(s))
            .to_string(),
        uses: fill(kind.uses_label, &[("n", &e.uses.to_string())]),
    }
}

/// The name of a group of an index: `A`, `0-9`, or the others'.
fn group_label(s: &Strings, key: &str) -> String {
    match key {
        "other" => s.index_other.clone(),
        _ => key.to_uppercase(),
    }
}

/// An index's own page (`terms/`, `documents/`): how many are explained, the initials it is
/// grouped by, each with how many it has, and — while it is short enough for one page —
/// every entry.
pub fn index_page(ex: &View, s: &Strings, documents: bool) -> Page {
    let kind = IndexKind::of(s, documents);
    let count = kind.count(ex);
    let mut md = front_matter(kind.front_title, "entries", &[]);
    md.push_str(&format!("# {}\n\n", kind.title));
    let mut page = Page::new(
        kind.folder.to_string(),
        "entries",
        kind.title.to_string(),
        fill(kind.description, &[("n", &count.to_string())]),
        md,
    );
    let groups = ex
        .index_groups(documents)
        .iter()
        .map(|g| TimelineLink {
            label: group_label(s, &g.key),
            url: urls::html(&urls::index_group(kind.folder, &g.key)),
            count: g.items.len(),
        })
        .collect();
    let entries: Vec<Entry> = (0..count).map(|i| kind.entry(ex, i)).collect();
    let explained = entries.iter().filter(|e| e.explanation.is_some()).count();
    let mut rows: Vec<(&Entry, IndexRow)> = if count <= ENTRIES_PER_PAGE {
        entries.iter().map(|e| (e, row(s, &kind, e))).collect()
    } else {
        Vec::new()
    };
    rows.sort_by(|a, b| a.0.pinyin.cmp(&b.0.pinyin));
    page.data = PageData::EntryIndex(EntryIndexData {
        coverage: fill(
            &s.index_coverage,
            &[("explained", &explained.to_string()), ("n", &count.to_string())],
        ),
        groups,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        up: None,
    });
    page
}

/// Page `n` of one group of an index: its entries in order of first use, 200 a page (so a page
/// keeps what it listed), each page's entries by pinyin.
pub fn index_group_page(ex: &View, s: &Strings, documents: bool, g: usize, n: usize) -> Page {
    let kind = IndexKind::of(s, documents);
    let group = ex.index_group(documents, g);
    let label = group_label(s, &group.key);
    let title = format!("{} · {label}", kind.title);
    let mut md = front_matter(&title, "entries", &[("group", &group.key)]);
    md.push_str(&format!("# {}\n\n", escape::markdown(&title)));
    let page = Page::new(
        urls::index_group(kind.folder, &group.key),
        "entries",
        title.clone(),
        fill(kind.description, &[("n", &group.items.len().to_string())]),
        md,
    );
    let range = ((n - 1) * ENTRIES_PER_PAGE).min(group.items.len())..(n * ENTRIES_PER_PAGE).min(group.items.len());
    let mut entries: Vec<Entry> = group.items[range].iter().map(|&i| kind.entry(ex, i)).collect();
    entries.sort_by(|a, b| a.pinyin.cmp(&b.pinyin));
    let mut page = paginated(s, page, group.items.len(), ENTRIES_PER_PAGE, n, |_| Vec::new());
    page.data = PageData::EntryIndex(EntryIndexData {
        coverage: String::new(),
        groups: Vec::new(),
        rows: entries.iter().map(|e| row(s, &kind, e)).collect(),
        up: Some(TimelineLink {
            label: kind.title.to_string(),
            url: urls::html(kind.folder),
            count: 0,
        }),
    });
    page
}
