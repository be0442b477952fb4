//! The overview (the home page: the map, the cities each with what it is doing, headline
//! figures, documents and the first province-wide paragraphs) and the paginated list of every
//! province-wide paragraph.

use super::data::{CityCard, CityCardLabels, DocumentLink, IndexData, PageData};
use super::human::Bilingual;
use super::mark::Mark;
use super::markdown::{front_matter, paragraph_at, source_link, title_at};
use super::paginate::{Item, paginated};
use super::parts::{event_line, key_figure, latest_events};
use super::{CITY_PARAGRAPHS_PER_PAGE, OVERVIEW_PROVINCE_PARAGRAPHS, Page, SIDE_LIST, map, seed_title};
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{CityModel, View};
use crate::urls;
use std::ops::Range;

/// Longest event text on a city's card (chars).
const CARD_EVENT: usize = 40;

/// A city's card: what it is doing, composed from its own material — its first own document,
/// its best key figure, its latest event — never from the first sentence that happens to name
/// it (which may be a province's boilerplate or another city's news).
fn city_card(ex: &View, k: &Knowledge, c: &CityModel) -> CityCard {
    let s = &k.strings;
    CityCard {
        name: c.info.name.clone(),
        name_hans: c.info.name_hans.clone(),
        name_en: c.info.name_en.clone(),
        url: urls::html(&urls::city(&c.info.id)),
        focus_zh: c.focus_zh.clone(),
        focus_en: c.focus_en.clone(),
        paragraphs: fill(&s.city_card_count, &[("n", &c.paragraphs.len().to_string())]),
        document: c.documents.iter().find_map(|d| ex.document(d)).map(|d| DocumentLink {
            title: d.title.clone(),
            url: urls::html(&urls::document(&d.id)),
        }),
        figure: c.key_figures.first().map(|&i| key_figure(ex, k, i, false)),
        event: latest_events(ex, k, &c.events, 1)
            .first()
            .map(|&i| event_line(ex, k, i, CARD_EVENT)),
        labels: CityCardLabels {
            document: Bilingual::split(&s.city_card_document),
            figure: Bilingual::split(&s.city_card_figure),
            event: Bilingual::split(&s.city_card_event),
        },
    }
}

pub fn index_page(ex: &View, knowledge: &Knowledge) -> Page {
    let s = &knowledge.strings;
    let headline = &knowledge.names.headline;
    // The headline is the page's heading, which the template writes above the map: the body,
    // shown below the cities, starts with the province-wide paragraphs.
    let mut md = front_matter(headline, "index", &[]);
    md.push_str(&format!("## {}\n\n", s.province_heading));
    for &r in ex.province_paragraphs().iter().take(OVERVIEW_PROVINCE_PARAGRAPHS) {
        md.push_str(&format!(
            "{} {}\n\n",
            paragraph_at(ex, r),
            source_link(ex, r, &s.source_link)
        ));
    }
    if ex.province_paragraphs().len() > OVERVIEW_PROVINCE_PARAGRAPHS {
        let all = fill(&s.province_all, &[("n", &ex.province_paragraphs().len().to_string())]);
        md.push_str(&Mark::Page { path: urls::PROVINCE }.link(&all));
        md.push_str("\n\n");
    }
    let cities: Vec<CityCard> = ex.cities().iter().map(|c| city_card(ex, knowledge, c)).collect();
    let documents: Vec<DocumentLink> = (0..ex.document_count().min(SIDE_LIST))
        .map(|i| ex.document_at(i))
        .map(|d| DocumentLink {
            title: d.title.clone(),
            url: urls::html(&urls::document(&d.id)),
        })
        .collect();
    let names: Vec<&str> = ex.cities().iter().map(|c| c.info.name.as_str()).collect();
    let mut page = Page::new(
        String::new(),
        "index",
        headline.to_string(),
        fill(
            &s.index_description,
            &[("n", &ex.cities().len().to_string()), ("names", &names.join("、"))],
        ),
        md,
    );
    page.data = PageData::Index(IndexData {
        cities,
        // Each statement once, re-published copies credited on its card.
        figures: ex
            .headline()
            .iter()
            .map(|&i| key_figure(ex, knowledge, i, true))
            .collect(),
        figures_heading: Bilingual::split(&s.city_key_figures),
        documents,
        map: map::view(ex, knowledge, None),
    });
    page
}

/// Every paragraph about the province as a whole, paginated (made only when the overview cannot
/// show them all).
pub fn province_page(ex: &View, s: &Strings, n: usize) -> Page {
    let mut md = front_matter(&s.province_front_title, "province", &[]);
    md.push_str(&format!("# {}\n\n", s.province_title));
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.province_paragraphs()[range]
            .iter()
            .map(|&r| Item {
                group: Some(format!("## {}", title_at(ex, r.seed, &seed_title(ex, r.seed)))),
                md: format!("{} {}\n\n", paragraph_at(ex, r), source_link(ex, r, &s.source_link)),
            })
            .collect()
    };
    let page = Page::new(
        urls::PROVINCE.to_string(),
        "province",
        s.province_title.clone(),
        fill(
            &s.province_description,
            &[("n", &ex.province_paragraphs().len().to_string())],
        ),
        md,
    );
    paginated(
        s,
        page,
        ex.province_paragraphs().len(),
        CITY_PARAGRAPHS_PER_PAGE,
        n,
        items,
    )
}
