//! The overview (the home page: the map, the cities, headline figures, documents and the first
//! province-wide paragraphs) and the paginated list of every province-wide paragraph.

use super::data::FigureCard;
use super::data::{CityCard, DocumentLink, IndexData, PageData};
use super::mark::Mark;
use super::markdown::{front_matter, paragraph_at, sentence_around, source_link, title_at};
use super::paginate::{Item, paginated};
use super::parts::figure_cards;
use super::{CITY_PARAGRAPHS_PER_PAGE, OVERVIEW_PROVINCE_PARAGRAPHS, Page, SIDE_LIST, map, seed_title};
use crate::annotate::{About, Kind};
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{CityModel, ParaRef, View};
use crate::text::offsets::first_chars;
use crate::urls;
use std::ops::Range;

/// The card's excerpt: a sentence of prose (one the lexicon ends, not an address or signature
/// line) where the city is the first city named, else the sentence of its first mention; never
/// a sentence about another city that happens to open a paragraph naming it further on.
fn city_excerpt(ex: &View, k: &Knowledge, c: &CityModel) -> String {
    let id = c.info.id.as_str();
    let mention = |leading: bool, prose: bool| {
        c.paragraphs.iter().find_map(|cp| {
            let p = ex.paragraph(cp.at);
            let mut cities = p.annotations.iter().filter(|a| a.kind == Kind::City);
            let hit = if leading {
                cities.next().filter(|a| &*a.value == id)
            } else {
                cities.find(|a| &*a.value == id)
            }?;
            let (from, to) = sentence_around(&k.lexicon, p, hit.start(), hit.end());
            let chars: Vec<char> = p.text.chars().collect();
            let ends = to > from && k.lexicon.stops.is_sentence_end(&chars, to - 1);
            (ends || !prose).then(|| chars[from..to].iter().collect::<String>())
        })
    };
    let sentence = mention(true, true)
        .or_else(|| mention(false, true))
        .or_else(|| mention(true, false))
        .unwrap_or_else(|| ex.paragraph(c.paragraphs[0].at).text.to_string());
    first_chars(sentence.trim(), 60)
}

fn city_card(ex: &View, k: &Knowledge, c: &CityModel) -> CityCard {
    CityCard {
        name: c.info.name.clone(),
        name_hans: c.info.name_hans.clone(),
        name_en: c.info.name_en.clone(),
        url: urls::html(&urls::city(&c.info.id)),
        focus_zh: c.focus_zh.clone(),
        focus_en: c.focus_en.clone(),
        paragraphs: c.paragraphs.len(),
        first: city_excerpt(ex, k, c),
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
        figures: headline_figures(ex, knowledge),
        documents,
        map: map::view(ex, knowledge, None),
    });
    page
}

/// The overview's figures: the first ones about the province as a whole, then, when there are
/// too few, the first of the others.
fn headline_figures(ex: &View, knowledge: &Knowledge) -> Vec<FigureCard> {
    const HEADLINE_FIGURES: usize = 6;
    let mut province: Vec<(ParaRef, usize)> = Vec::new();
    let mut others: Vec<(ParaRef, usize)> = Vec::new();
    'seeds: for s in 0..ex.seed_count() {
        for pi in 0..ex.paragraph_count(s) {
            let at = ParaRef { seed: s, para: pi };
            for (i, a) in ex.paragraph(at).annotations.iter().enumerate() {
                if a.kind != Kind::Figure {
                    continue;
                }
                if a.about == Some(About::Zhejiang) {
                    province.push((at, i));
                    if province.len() == HEADLINE_FIGURES {
                        break 'seeds;
                    }
                } else if others.len() < HEADLINE_FIGURES {
                    others.push((at, i));
                }
            }
        }
    }
    let room = HEADLINE_FIGURES - province.len();
    province.extend(others.into_iter().take(room));
    figure_cards(ex, knowledge, &province)
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
