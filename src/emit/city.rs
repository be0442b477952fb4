//! A city's page: on the first page, what the city is doing (its own documents, its key figures
//! each with a short label and its paragraph one tap away, its latest events) above the
//! paragraphs about it, with its terms and related cities beside them; later pages carry on with
//! the paragraphs.

use super::data::{CityData, DocumentLink, PageData, RelatedCity, TermLink};
use super::human::Bilingual;
use super::markdown::{front_matter, paragraph_at, source_link, title_at};
use super::paginate::{Item, paginated};
use super::parts::{event_line, key_figure, latest_events};
use super::{CITY_PARAGRAPHS_PER_PAGE, Page, SIDE_LIST, credit_copies, map, seed_title};
use crate::knowledge::Knowledge;
use crate::knowledge::fill;
use crate::model::{CityOverview, View};
use crate::urls;
use std::ops::Range;

/// Documents and latest events in a city's summary.
const SUMMARY_DOCUMENTS: usize = 5;
const SUMMARY_EVENTS: usize = 5;
/// Longest event line in a city's summary (chars): its paragraph is one tap away.
const SUMMARY_EVENT_CHARS: usize = 60;

/// Page `n` of the city at `index`. Each part is read on its own (what every page shows, the
/// page's paragraphs, the first page's overview), so that `serve` remakes a page only when what
/// it shows changed.
pub fn city_page(ex: &View, knowledge: &Knowledge, index: usize, n: usize) -> Page {
    let s = &knowledge.strings;
    let c = ex.city_head(index);
    let id = c.info.id.as_str();
    let info = c.info;
    let md = front_matter(&info.name, "city", &[("city", id)]);
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.city_paragraphs(index, range)
            .iter()
            .map(|cp| {
                let mut line = format!("{} {}", paragraph_at(ex, cp.at), source_link(ex, cp.at, &s.source_link));
                // Wire copy can be re-published many times: a few links, then a count.
                credit_copies(&mut line, s, &cp.also_in, |other| {
                    let label = fill(&s.also_in, &[("title", &seed_title(ex, other.seed))]);
                    source_link(ex, other, &label)
                });
                Item {
                    group: Some(format!("## {}", title_at(ex, cp.at.seed, &seed_title(ex, cp.at.seed)))),
                    md: format!("{line}\n\n"),
                }
            })
            .collect()
    };
    // The overview is on the first page, the city's address; the pages after it carry on with
    // the paragraphs.
    let overview = (n == 1).then(|| city_overview(ex, knowledge, &ex.city_overview(index)));
    let focus = c
        .focus_zh
        .as_deref()
        .map(|f| fill(&s.city_focus, &[("focus", f)]))
        .unwrap_or_default();
    let mut page = Page::new(
        urls::city(id),
        "city",
        info.name.clone(),
        fill(
            &s.city_description,
            &[
                ("name", &info.name),
                ("name_en", &info.name_en),
                ("n", &c.paragraphs.to_string()),
                ("focus", &focus),
            ],
        ),
        md,
    );
    page.city = Some(id.to_string());
    page.feed = Some(urls::city_feed(id));
    page.data = PageData::City(Box::new(CityData {
        city: info.clone(),
        paragraphs: c.paragraphs,
        url: urls::html(&urls::city(id)),
        overview,
    }));
    paginated(s, page, c.paragraphs, CITY_PARAGRAPHS_PER_PAGE, n, items)
}

/// What the first page of a city shows beside its paragraphs.
fn city_overview(ex: &View, knowledge: &Knowledge, c: &CityOverview) -> super::data::CityOverview {
    let terms = c
        .terms
        .iter()
        .take(SIDE_LIST)
        .filter_map(|t| ex.term(t))
        .map(|t| TermLink {
            text: t.text.clone(),
            label_en: t.entry.as_ref().map(|e| e.label_en.clone()),
            url: urls::html(&urls::term(&t.id)),
        })
        .collect();
    let documents = c
        .documents
        .iter()
        .take(SUMMARY_DOCUMENTS)
        .filter_map(|d| ex.document(d))
        .map(|d| DocumentLink {
            title: d.title.clone(),
            url: urls::html(&urls::document(&d.id)),
        })
        .collect();
    // The latest events that happened, newest first; the list under them has them all, targets
    // too.
    let events = latest_events(ex, knowledge, c.events, SUMMARY_EVENTS)
        .into_iter()
        .map(|i| event_line(ex, knowledge, i, SUMMARY_EVENT_CHARS))
        .collect();
    let s = &knowledge.strings;
    let related = c
        .related
        .iter()
        .filter_map(|(id, n)| {
            ex.city_info(id).map(|r| RelatedCity {
                name: r.name.clone(),
                url: urls::html(&urls::city(id)),
                count: *n,
            })
        })
        .collect();
    let name = [("name", c.info.name.as_str()), ("name_en", c.info.name_en.as_str())];
    super::data::CityOverview {
        focus_zh: c.focus_zh.clone(),
        focus_en: c.focus_en.clone(),
        heading: Bilingual::split(&fill(&s.city_summary, &name)),
        documents_heading: Bilingual::split(&s.city_documents),
        figures_heading: Bilingual::split(&s.city_key_figures),
        events_heading: Bilingual::split(&s.city_latest_events),
        figures: c
            .key_figures
            .iter()
            .map(|&i| key_figure(ex, knowledge, i, false))
            .collect(),
        terms,
        documents,
        events,
        events_total: c.events.len(),
        all_events: fill(&s.city_all_events, &[("n", &c.events.len().to_string())]),
        // Every event of the city, on its page: the timeline lists every city's.
        all_event_lines: c
            .events
            .iter()
            .map(|&i| event_line(ex, knowledge, i, SUMMARY_EVENT_CHARS))
            .collect(),
        related,
        map: map::view(ex, knowledge, Some(&c.info.id)),
    }
}
