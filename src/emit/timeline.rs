//! The timeline: every dated statement, by date, grouped by year (the dates without a known
//! year in a group of their own, last) and paginated, under an axis of the years.

use super::data::{AxisColumn, Bar, PageData, TimeAxis, TimelineData};
use super::human::in_lang;
use super::human::{self, Bilingual};
use super::mark::Mark;
use super::markdown::{annotated_at, front_matter, seed_lang, source_link};
use super::paginate::{Item, paginated_under_heading};
use super::{EVENTS_PER_PAGE, Page};
use crate::annotate::{About, Kind};
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{Explainer, View};
use crate::text::escape;
use crate::text::isodate::{self, YEAR_UNKNOWN};
use crate::urls;
use std::collections::BTreeMap;
use std::ops::Range;

/// Runs of at least this many years without events are drawn as one gap on the axis.
const AXIS_GAP: i32 = 4;

pub fn timeline_page(ex: &View, k: &Knowledge, n: usize) -> Page {
    let s = &k.strings;
    // The heading is the template's, above the axis.
    let md = front_matter(&s.timeline_front_title, "timeline", &[]);
    let unknown_heading = Bilingual::split(&s.year_unknown).markdown();
    let items = |range: Range<usize>| -> Vec<Item> {
        ex.events_in(range)
            .iter()
            .map(|e| {
                let group = isodate::year_group(&e.date);
                let lang = seed_lang(ex, e.at.seed);
                // What the date heads in its sentence: the heading above it is its own year.
                let (from, to) = (e.segment.0 as usize, e.segment.1 as usize);
                // The date as a reader reads it; a relative year with no year to give (今年) as
                // written.
                let when = human::readable_date(&e.date, lang, s).unwrap_or_else(|| e.text.to_string());
                let when = in_lang(Mark::Time { value: &e.date }.link(&when), lang);
                // Under the group of unknown years the heading says what is not known.
                let note = if e.inferred {
                    format!("({})", Bilingual::split(&s.year_inferred).markdown())
                } else {
                    String::new()
                };
                // Whose it is: its city (a link), the province, or nothing for national and other.
                let subject = match e.about {
                    Some(About::City(_)) => e
                        .about
                        .and_then(|a| ex.city(a.as_str()))
                        .map(|c| Mark::annotation(Kind::City, &c.info.id).link(&c.info.name)),
                    Some(About::Zhejiang) => Some(escape::markdown(&Bilingual::split(&s.subject_zhejiang).zh)),
                    _ => None,
                };
                let subject = subject.map(|c| format!(" · {c}")).unwrap_or_default();
                // A target is not something that happened: it says so.
                let target = if e.target {
                    format!(" · {}", Bilingual::split(&s.event_target).markdown())
                } else {
                    String::new()
                };
                let mut md = format!(
                    "- {when}{note}{subject}{target} — {} {}",
                    in_lang(annotated_at(ex, e.at, from, to), lang),
                    source_link(ex, e.at, &s.source_link)
                );
                // The same statement in other articles: credited, not listed again.
                for &other in &e.also_in {
                    let label = fill(&s.also_in, &[("title", ex.seed_info(other.seed).display_title())]);
                    md.push(' ');
                    md.push_str(&source_link(ex, other, &label));
                }
                md.push('\n');
                let anchor = urls::year_anchor(group);
                let heading = if group == YEAR_UNKNOWN {
                    format!("## {unknown_heading} {{#{anchor}}}")
                } else {
                    format!("## {group} {{#{anchor}}}")
                };
                Item {
                    group: Some(heading),
                    md,
                }
            })
            .collect()
    };
    let mut page = Page::new(
        urls::TIMELINE.to_string(),
        "timeline",
        s.timeline_title.clone(),
        fill(&s.timeline_description, &[("n", &ex.event_count().to_string())]),
        md,
    );
    page.data = PageData::Timeline(TimelineData {
        heading: Bilingual::split(&s.timeline_title),
        axis: time_axis(ex.event_years(), s),
    });
    let mut page = paginated_under_heading(s, page, ex.event_count(), EVENTS_PER_PAGE, n, items);
    if let PageData::Timeline(d) = &mut page.data {
        d.heading = Bilingual::split(&page.title);
    }
    page
}

/// The timeline page each year starts on, from the events per year (in order).
fn year_pages(event_years: &[(String, usize)]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut at = 0;
    for (year, count) in event_years {
        out.insert(year.clone(), urls::page(urls::TIMELINE, at / EVENTS_PER_PAGE + 1));
        at += count;
    }
    out
}

/// Where each year's events start on the (paginated) timeline: `2025` → `timeline/page/2/`.
pub fn timeline_years(ex: &Explainer) -> BTreeMap<String, String> {
    year_pages(ex.event_years())
}

/// Every year from the first to the last with events (long empty stretches as one gap), then
/// the dates without a known year; each bar as high as its count against the highest.
fn time_axis(event_years: &[(String, usize)], s: &Strings) -> TimeAxis {
    let pages = year_pages(event_years);
    let counts: BTreeMap<i32, usize> = event_years
        .iter()
        .filter_map(|(y, n)| y.parse::<i32>().ok().map(|y| (y, *n)))
        .collect();
    let unknown = event_years.iter().find(|(y, _)| y == YEAR_UNKNOWN).map(|(_, n)| *n);
    let highest = event_years.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let column = |label: String, count: usize, group: Option<&str>| AxisColumn {
        label,
        count,
        url: group.map(|g| urls::timeline_year(&pages, g)),
        bar: Bar::of(count as f64, highest as f64),
        gap: false,
        unknown: group == Some(YEAR_UNKNOWN),
    };
    let mut columns = Vec::new();
    if let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value()) {
        let mut year = first;
        while year <= last {
            match counts.get(&year) {
                Some(&n) => {
                    let label = year.to_string();
                    columns.push(column(label.clone(), n, Some(&label)));
                    year += 1;
                }
                None => {
                    let empty_until = (year..=last).find(|y| counts.contains_key(y)).unwrap_or(last + 1);
                    if empty_until - year >= AXIS_GAP {
                        columns.push(AxisColumn {
                            gap: true,
                            ..column(format!("{year}—{}", empty_until - 1), 0, None)
                        });
                    } else {
                        columns.extend((year..empty_until).map(|y| column(y.to_string(), 0, None)));
                    }
                    year = empty_until;
                }
            }
        }
    }
    if let Some(n) = unknown {
        columns.push(column(Bilingual::split(&s.year_unknown).zh, n, Some(YEAR_UNKNOWN)));
    }
    TimeAxis {
        caption: Bilingual::split(&s.timeline_axis),
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_runs_through_every_year_with_long_gaps_folded_and_unknown_years_last() {
        let s = Strings::embedded().unwrap();
        let years: Vec<(String, usize)> = [("1998", 1), ("2022", 2), ("2024", 4), ("2030", 1), (YEAR_UNKNOWN, 3)]
            .iter()
            .map(|(y, n)| (y.to_string(), *n))
            .collect();
        let axis = time_axis(&years, &s);
        let labels: Vec<(&str, usize, bool)> = axis
            .columns
            .iter()
            .map(|c| (c.label.as_str(), c.count, c.url.is_some()))
            .collect();
        assert_eq!(
            labels,
            [
                ("1998", 1, true),
                ("1999—2021", 0, false),
                ("2022", 2, true),
                ("2023", 0, false),
                ("2024", 4, true),
                ("2025—2029", 0, false),
                ("2030", 1, true),
                ("年份不詳", 3, true),
            ]
        );
        assert!(axis.columns[1].gap && !axis.columns[3].gap && axis.columns[7].unknown);
        assert_eq!(axis.columns[4].bar.size, "100");
        assert_eq!(axis.columns[7].url.as_deref(), Some("timeline/index.html#year-unknown"));
        // Years start on the page their first event is on.
        let many: Vec<(String, usize)> = vec![("2024".into(), EVENTS_PER_PAGE + 1), (YEAR_UNKNOWN.into(), 1)];
        assert_eq!(
            year_pages(&many).get(YEAR_UNKNOWN).map(String::as_str),
            Some("timeline/page/2/")
        );
    }
}
