//! The timeline: every dated statement, in groups whose addresses never move — a month
//! (`timeline/2025/05/`), the statements dated only to a year (`timeline/2025/`, which also leads
//! to the year's months) and those without a known year (`timeline/unknown/`) — under an index
//! with the axis of years (`timeline/`). A group is paginated in the order its statements were
//! added (corpus order), so each page keeps what it showed and new statements go to the last.

use super::data::{AxisColumn, Bar, PageData, TimeAxis, TimelineData, TimelineLink, TimelineYear};
use super::human::in_lang;
use super::human::{self, Bilingual};
use super::mark::Mark;
use super::markdown::{annotated_at, front_matter, seed_lang, source_link};
use super::paginate::{Item, paginated_under_heading};
use super::{EVENTS_PER_PAGE, Page};
use crate::annotate::{About, Kind};
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::{Event, View};
use crate::text::escape;
use crate::text::isodate::{self, YEAR_UNKNOWN};
use crate::urls;
use std::collections::BTreeMap;
use std::ops::Range;

/// Runs of at least this many years without events are drawn as one gap on the axis.
const AXIS_GAP: i32 = 4;

/// The name of a timeline group: `2025年5月`, `2025年`, or the unknown year's.
fn group_name(key: &str, s: &Strings) -> String {
    match key.split_once('-') {
        Some((year, month)) => format!("{year}年{}月", month.trim_start_matches('0')),
        None if key == YEAR_UNKNOWN => Bilingual::split(&s.year_unknown).zh,
        None => format!("{key}年"),
    }
}

/// The timeline's own page: the axis of years and every group (each year with its months), with
/// how many events each has — the index of the timeline's pages.
pub fn timeline_index_page(ex: &View, k: &Knowledge) -> Page {
    let s = &k.strings;
    let md = front_matter(&s.timeline_front_title, "timeline", &[]);
    let mut years: Vec<TimelineYear> = Vec::new();
    for g in ex.event_groups() {
        let link = TimelineLink {
            label: group_name(&g.key, s),
            url: urls::html(&urls::timeline_group(&g.key)),
            count: g.events.len(),
        };
        let year = isodate::year_group(&g.key);
        let year_url = urls::html(&urls::timeline_group(year));
        match years.last_mut() {
            Some(y) if y.url == year_url => {}
            _ => years.push(TimelineYear {
                label: group_name(year, s),
                url: year_url,
                count: 0,
                months: Vec::new(),
            }),
        }
        if let Some(y) = years.last_mut() {
            y.count += link.count;
            if g.key.contains('-') {
                y.months.push(link);
            }
        }
    }
    let mut page = Page::new(
        urls::TIMELINE.to_string(),
        "timeline",
        s.timeline_title.clone(),
        fill(&s.timeline_description, &[("n", &ex.event_count().to_string())]),
        md,
    );
    page.data = PageData::Timeline(TimelineData {
        heading: Bilingual::split(&s.timeline_title),
        axis: Some(time_axis(ex.event_years(), s)),
        years,
        up: Vec::new(),
    });
    page
}

/// Page `n` of a timeline group: its events in the order they were added, 64 a page (so a page
/// keeps the events it showed as articles are added), each page's events by date.
pub fn timeline_group_page(ex: &View, k: &Knowledge, g: usize, n: usize) -> Page {
    let s = &k.strings;
    let group = ex.event_group(g);
    let name = group_name(&group.key, s);
    let title = format!("{name} · {}", Bilingual::split(&s.timeline_title).zh);
    let md = front_matter(&title, "timeline", &[("group", &group.key)]);
    let items = |range: Range<usize>| -> Vec<Item> {
        let mut events: Vec<&Event> = group.events[range].iter().map(|&i| ex.event(i)).collect();
        events.sort_by(|a, b| a.date.cmp(&b.date).then(a.at.cmp(&b.at)).then(a.start.cmp(&b.start)));
        events.into_iter().map(|e| event_line(ex, k, e)).collect()
    };
    let year = isodate::year_group(&group.key);
    let mut up = vec![TimelineLink {
        label: Bilingual::split(&s.timeline_title).zh,
        url: urls::html(urls::TIMELINE),
        count: 0,
    }];
    if group.key.contains('-') {
        up.push(TimelineLink {
            label: group_name(year, s),
            url: urls::html(&urls::timeline_group(year)),
            count: 0,
        });
    }
    // A year's page leads to its months too (they are groups of their own); a year whose
    // statements are dated by the year alone has none, and no empty list of them.
    let months: Vec<TimelineLink> = if group.key.contains('-') || group.key == YEAR_UNKNOWN {
        Vec::new()
    } else {
        ex.event_group_keys()
            .iter()
            .filter(|key| key.contains('-') && isodate::year_group(key) == group.key)
            .map(|key| TimelineLink {
                label: group_name(key, s),
                url: urls::html(&urls::timeline_group(key)),
                count: 0,
            })
            .collect()
    };
    let years = if months.is_empty() {
        Vec::new()
    } else {
        vec![TimelineYear {
            label: name.clone(),
            url: urls::html(&urls::timeline_group(&group.key)),
            count: 0,
            months,
        }]
    };
    let mut page = Page::new(
        urls::timeline_group(&group.key),
        "timeline",
        title.clone(),
        fill(&s.timeline_group_description, &[("name", &name)]),
        md,
    );
    page.data = PageData::Timeline(TimelineData {
        heading: Bilingual { zh: title, en: None },
        axis: None,
        years,
        up,
    });
    let mut page = paginated_under_heading(s, page, group.events.len(), EVENTS_PER_PAGE, n, items);
    if let PageData::Timeline(d) = &mut page.data {
        d.heading = Bilingual {
            zh: page.title.clone(),
            en: None,
        };
    }
    page
}

/// One event as a line of the timeline: its date, whose it is, its sentence and its source.
fn event_line(ex: &View, k: &Knowledge, e: &Event) -> Item {
    let s = &k.strings;
    let lang = seed_lang(ex, e.at.seed);
    // What the date heads in its sentence: the page it is on is its own group's.
    let (from, to) = (e.segment.0 as usize, e.segment.1 as usize);
    // The date as a reader reads it; a relative year with no year to give (今年) as written.
    let when = human::readable_date(&e.date, lang, s).unwrap_or_else(|| e.text.to_string());
    let when = in_lang(Mark::Time { value: &e.date }.link(&when), lang);
    let note = if e.inferred {
        format!("({})", Bilingual::split(&s.year_inferred).markdown())
    } else {
        String::new()
    };
    // Whose it is: its city (a link), the province, or nothing for national and other.
    let subject = match e.about {
        Some(About::City(_)) => e
            .about
            .and_then(|a| ex.city_info(a.as_str()))
            .map(|c| Mark::annotation(Kind::City, &c.id).link(&c.name)),
        Some(About::Zhejiang) => Some(escape::markdown(&Bilingual::split(&s.subject_zhejiang).zh)),
        _ => None,
    };
    let subject = subject.map(|c| format!(" · {c}")).unwrap_or_default();
    // A target is not something that happened: it says so.
    let target = if e.target || e.expected {
        let label = if e.target { &s.event_target } else { &s.event_expected };
        format!(" · {}", Bilingual::split(label).markdown())
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
    Item { group: None, md }
}

/// Every year from the first to the last with events (long empty stretches as one gap), then
/// the dates without a known year; each bar as high as its count against the highest.
fn time_axis(event_years: &[(String, usize)], s: &Strings) -> TimeAxis {
    let counts: BTreeMap<i32, usize> = event_years
        .iter()
        .filter_map(|(y, n)| y.parse::<i32>().ok().map(|y| (y, *n)))
        .collect();
    let unknown = event_years.iter().find(|(y, _)| y == YEAR_UNKNOWN).map(|(_, n)| *n);
    let highest = event_years.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let column = |label: String, count: usize, group: Option<&str>| AxisColumn {
        label,
        count,
        url: group.map(|g| urls::html(&urls::timeline_group(g))),
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
        assert_eq!(axis.columns[7].url.as_deref(), Some("timeline/unknown/index.html"));
        assert_eq!(axis.columns[4].url.as_deref(), Some("timeline/2024/index.html"));
    }
}
