//! The timeline: every dated statement, by date, grouped by year and paginated.

use super::markdown::{annotated, front_matter, source_link};
use super::paginate::{Item, paginated};
use super::parts::event_sentence;
use super::{EVENTS_PER_PAGE, Page};
use crate::knowledge::strings::{Strings, fill};
use crate::model::{Explainer, View};
use crate::text::escape;
use crate::urls;
use std::collections::BTreeMap;
use std::ops::Range;

pub fn timeline_page(ex: &View, s: &Strings, n: usize) -> Page {
    let mut md = front_matter(&s.timeline_front_title, "timeline", &[]);
    md.push_str(&format!("# {}\n\n", s.timeline_title));
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.events_in(range)
            .iter()
            .map(|e| {
                let y = crate::annotate::year_of(&e.date).unwrap_or("");
                let (p, from, to) = event_sentence(ex, e);
                let inferred = if e.inferred {
                    format!("({})", s.year_inferred)
                } else {
                    String::new()
                };
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
                    source_link(ex, e.at, &s.source_link)
                );
                // Dates whose year the article does not give are grouped apart.
                let heading = if y.is_empty() { s.year_unknown.as_str() } else { y };
                Item {
                    group: Some(format!("## {heading} {{#{}}}", urls::year_anchor(y))),
                    md,
                }
            })
            .collect()
    };
    let page = Page::new(
        urls::TIMELINE.to_string(),
        "timeline",
        s.timeline_title.clone(),
        fill(&s.timeline_description, &[("n", &ex.event_count().to_string())]),
        md,
    );
    paginated(s, page, ex.event_count(), EVENTS_PER_PAGE, n, items)
}

/// Where each year's events start on the (paginated) timeline: `2025` → `timeline/page/2/`.
pub fn timeline_years(ex: &Explainer) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (i, e) in ex.events().iter().enumerate() {
        let year = crate::annotate::year_of(&e.date).unwrap_or("").to_string();
        out.entry(year)
            .or_insert_with(|| urls::page(urls::TIMELINE, i / EVENTS_PER_PAGE + 1));
    }
    out
}
