//! Emit: one page at a time, as annotated Markdown (the intermediate representation, published
//! beside each page as `index.md`) and the typed data its template lays out around it.
//!
//! Seed text is escaped on the way in (every ASCII punctuation mark gets a backslash, which
//! CommonMark reads as that literal character), so nothing in a seed is ever Markdown, HTML or
//! template syntax. Annotations, and links to paragraphs and pages, are [`Mark`]s, written as
//! links whose destination says what they are ([`mark`], the one module that writes and reads
//! them); the renderer turns them into semantic HTML. Pages read the explainer only through a
//! recording [`View`].
//!
//! One file per page family: [`home`] (the overview and the province-wide paragraphs),
//! [`city`], [`source`] (an article, and the list of all of them), [`entries`] (term and
//! document pages and their indexes), [`timeline`], [`compare`], [`site`] (about, search, 404); [`map`] draws
//! the province, [`markdown`] writes annotated Markdown, [`paginate`] splits long pages.

mod city;
mod compare;
pub mod data;
mod entries;
mod home;
mod human;
mod map;
pub mod mark;
mod markdown;
mod paginate;
mod parts;
mod site;
mod source;
mod timeline;

pub use data::PageData;
pub use human::{Lang, figure_hint, readable_date};
pub use mark::Mark;
pub use markdown::annotated;
pub use parts::city_link;
pub use site::not_found_page;

use crate::error::Result;
use crate::knowledge::Knowledge;
use crate::model::{Explainer, View};
use data::{Fragment, Pager};
use paginate::page_count;
use serde::Serialize;

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
    /// The city the page is about, for the navigation's mark (`ningbo`).
    pub city: Option<String>,
    /// The page's own Atom feed, from the site root, when it has one.
    pub feed: Option<String>,
    /// The script the article a page shows was written in (`zh-Hant`, `zh-Hans`), so that its
    /// page in the other script can say it was converted and link to the original.
    pub written_in: Option<&'static str>,
    /// The annotated Markdown, front matter included.
    pub markdown: String,
    /// Whether the Markdown is published (beside a source article's page, once per article, in
    /// the script it was written in): other pages' Markdown is only the way to their HTML, and
    /// published beside every list page it repeated each article's text many times over.
    pub publish_markdown: bool,
    /// Structured data the template lays out (cards, lists, the map).
    pub data: PageData,
    /// Links to the other pages of a long page.
    pub pager: Option<Pager>,
}

impl Page {
    /// A page with nothing but its Markdown.
    fn new(path: String, template: &'static str, title: String, description: String, markdown: String) -> Page {
        Page {
            path,
            template,
            title,
            description,
            city: None,
            feed: None,
            written_in: None,
            markdown,
            publish_markdown: false,
            data: PageData::None(data::NoData {}),
            pager: None,
        }
    }

    /// Every piece of annotated Markdown in the page's data, for the renderer to fill in.
    pub fn fragments_mut(&mut self) -> Vec<&mut Fragment> {
        self.data.fragments_mut()
    }
}

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
    /// The timeline's own page (its axis and groups).
    Timeline,
    /// Group (index in `Explainer::event_groups`) and page number.
    TimelineGroup(usize, usize),
    Province(usize),
    Compare,
    About,
    /// The list of every source article, paginated.
    Sources(usize),
    /// The indexes of every term and every document: their own pages (`false` terms, `true`
    /// documents), and page n of each group by initial.
    EntryIndex(bool),
    EntryGroup(bool, usize, usize),
    Search,
}

/// A page by what does not move as the corpus changes (a term's id rather than its place in
/// the list of terms), for caches that keep pages between builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// Which kind of page (the [`Spec`] variant, and for indexes whether of documents).
    kind: u8,
    /// The [`crate::model::key`] of its id (a seed's, city's, term's, document's, group's).
    id: u64,
    /// Its page number, for a paginated page.
    n: usize,
}

impl Spec {
    /// The page's [`PageKey`] in `ex`.
    pub fn key(self, ex: &Explainer) -> PageKey {
        use crate::model::key;
        let (kind, id, n) = match self {
            Spec::Index => (0, 0, 0),
            Spec::Source(s) => (1, key(&ex.seeds()[s].seed.id), 0),
            Spec::City(c, n) => (2, key(&ex.cities()[c].info.id), n),
            Spec::Term(t, n) => (3, key(&ex.terms()[t].id), n),
            Spec::Document(d, n) => (4, key(&ex.documents()[d].id), n),
            Spec::Timeline => (5, 0, 0),
            Spec::TimelineGroup(g, n) => (6, key(&ex.event_groups()[g].key), n),
            Spec::Province(n) => (7, 0, n),
            Spec::Compare => (8, 0, 0),
            Spec::About => (9, 0, 0),
            Spec::Sources(n) => (10, 0, n),
            Spec::EntryIndex(documents) => (11 + u8::from(documents), 0, 0),
            Spec::EntryGroup(documents, g, n) => {
                let groups = if documents {
                    ex.document_groups()
                } else {
                    ex.term_groups()
                };
                (13 + u8::from(documents), key(&groups[g].key), n)
            }
            Spec::Search => (15, 0, 0),
        };
        PageKey { kind, id, n }
    }
}

/// Paragraphs on one page of a city: about 100 KB of HTML at most.
const CITY_PARAGRAPHS_PER_PAGE: usize = 20;
/// Uses of a term or mentions of a document on one page: each is a sentence with its marks and
/// links (about 2.5 KB of HTML), and the first page adds the explanation, so 30 keep a page
/// under 100 KB (40 made a document's first page 106 KB in the 1,000-seed corpus).
const USES_PER_PAGE: usize = 30;
const EVENTS_PER_PAGE: usize = 64;
/// Source articles listed on one page of the sources list.
const SOURCES_PER_PAGE: usize = 200;
/// Terms or documents listed on one page of their index.
const ENTRIES_PER_PAGE: usize = 200;
/// Longest list in a page's side column (figures, terms, events).
const SIDE_LIST: usize = 12;
/// Province-level paragraphs shown on the overview; the rest are on `province/`.
const OVERVIEW_PROVINCE_PARAGRAPHS: usize = 12;

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
    specs.push(Spec::Timeline);
    for (g, group) in ex.event_groups().iter().enumerate() {
        specs.extend((1..=page_count(group.events.len(), EVENTS_PER_PAGE)).map(|n| Spec::TimelineGroup(g, n)));
    }
    if ex.province_paragraphs().len() > OVERVIEW_PROVINCE_PARAGRAPHS {
        specs.extend((1..=page_count(ex.province_paragraphs().len(), CITY_PARAGRAPHS_PER_PAGE)).map(Spec::Province));
    }
    specs.extend([Spec::Compare, Spec::About]);
    specs.extend((1..=page_count(ex.seeds().len(), SOURCES_PER_PAGE)).map(Spec::Sources));
    for (documents, groups) in [(false, ex.term_groups()), (true, ex.document_groups())] {
        specs.push(Spec::EntryIndex(documents));
        for (g, group) in groups.iter().enumerate() {
            specs.extend(
                (1..=page_count(group.items.len(), ENTRIES_PER_PAGE)).map(|n| Spec::EntryGroup(documents, g, n)),
            );
        }
    }
    specs.push(Spec::Search);
    specs
}

/// Builds one page.
pub fn page(ex: &View, knowledge: &Knowledge, spec: Spec) -> Result<Page> {
    let s = &knowledge.strings;
    Ok(match spec {
        Spec::Index => home::index_page(ex, knowledge),
        Spec::Source(seed) => source::source_page(ex, s, seed),
        Spec::City(c, n) => city::city_page(ex, knowledge, c, n),
        Spec::Term(t, n) => entries::term_page(ex, knowledge, ex.term_at(t), n),
        Spec::Document(d, n) => entries::document_page(ex, knowledge, ex.document_at(d), n),
        Spec::Timeline => timeline::timeline_index_page(ex, knowledge),
        Spec::TimelineGroup(g, n) => timeline::timeline_group_page(ex, knowledge, g, n),
        Spec::Province(n) => home::province_page(ex, s, n),
        Spec::Compare => compare::compare_page(ex, knowledge),
        Spec::About => site::about_page(ex, knowledge)?,
        Spec::Sources(n) => source::sources_page(ex, s, n),
        Spec::EntryIndex(documents) => entries::index_page(ex, s, documents),
        Spec::EntryGroup(documents, g, n) => entries::index_group_page(ex, s, documents, g, n),
        Spec::Search => site::search_page(s),
    })
}

/// What pages call an article: its title, else its id.
fn seed_title(ex: &View, seed: usize) -> String {
    ex.seed_info(seed).display_title().to_string()
}

/// Re-published copies of a paragraph linked beside it on a list (a city's paragraphs, a term's
/// uses): wire copy can be re-published hundreds of times, and a link to each made one term
/// page of a 10,000-seed site 640 KB; the paragraph's own page links them all.
const ALSO_IN_SHOWN: usize = 3;

/// Credits the copies of a paragraph on `line`: the first [`ALSO_IN_SHOWN`] linked (by
/// `link`), then how many more.
fn credit_copies(
    line: &mut String,
    s: &crate::knowledge::Strings,
    copies: &[crate::model::ParaRef],
    link: impl Fn(crate::model::ParaRef) -> String,
) {
    for &other in copies.iter().take(ALSO_IN_SHOWN) {
        line.push(' ');
        line.push_str(&link(other));
    }
    if copies.len() > ALSO_IN_SHOWN {
        let more = (copies.len() - ALSO_IN_SHOWN).to_string();
        line.push(' ');
        line.push_str(&crate::knowledge::fill(&s.more_copies, &[("n", &more)]));
    }
}
