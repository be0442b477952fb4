//! The cities side by side: charts of the figures that can be compared — one chart per kind of
//! measure, status and unit (GDP outcomes; AI industry revenue targets), never a condition, a
//! comparison or a figure whose clause names another place — then a card per city (focus,
//! activity over the years, key figures, documents, the latest event that happened). The
//! Markdown keeps the comparison as a table.

use super::data::{ActivityBar, Bar, ChartRow, CompareCity, CompareData, DocumentLink, FigureChart, PageData};
use super::human::Bilingual;
use super::mark::{Mark, push_annotation_with};
use super::markdown::{front_matter, source_link};
use super::parts::{event_item, figure_link, latest_events, statement_county, status_label};
use super::{Page, human};
use crate::annotate::Kind;
use crate::knowledge::Knowledge;
use crate::knowledge::fill;
use crate::model::{CityModel, FigureStatement, Status, View};
use crate::text::escape;
use crate::text::isodate::{self, YEAR_UNKNOWN};
use crate::urls;
use std::collections::BTreeMap;

/// Figures and documents per city in the table and on each card.
const COMPARE_FIGURES: usize = 3;
/// Charts on the page: the units most cities share.
const CHARTS: usize = 6;
/// A city's figures in one chart.
const CHART_FIGURES: usize = 3;
/// Beyond this many years, the activity shows only the years some city has events in.
const ACTIVITY_YEARS: i32 = 15;

pub fn compare_page(ex: &View, k: &Knowledge) -> Page {
    let s = &k.strings;
    let mut md = front_matter(&s.compare_front_title, "compare", &[]);
    md.push_str(&format!("# {}\n\n", s.compare_heading));
    md.push_str(&format!("| {} |\n", s.compare_columns.join(" | ")));
    md.push_str(&format!("|{}\n", "---|".repeat(s.compare_columns.len())));
    for c in ex.cities() {
        // Each figure links to the paragraph it came from.
        let figures: Vec<String> = city_figures(ex, c)
            .take(COMPARE_FIGURES)
            .map(|&i| {
                let st = ex.statement(i);
                let mut link = escape::markdown(&st.measure);
                link.push(' ');
                push_annotation_with(&mut link, &ex.paragraph(st.at).annotations[st.index], Some(&st.id));
                format!("{link} {}", source_link(ex, st.at, &s.source_link_short))
            })
            .collect();
        let documents = c.documents.iter().take(COMPARE_FIGURES).filter_map(|d| ex.document(d));
        let documents: Vec<String> = documents
            .map(|d| format!("《{}》", Mark::annotation(Kind::Document, &d.id).link(&d.title)))
            .collect();
        let latest = latest_events(ex, k, &c.events, 1).first().map(|&i| {
            let e = ex.event(i);
            let when = human::readable_date(&e.date, human::Lang::Zh, s).unwrap_or_else(|| e.text.to_string());
            format!(
                "{} {}",
                Mark::Time { value: &e.date }.link(&when),
                source_link(ex, e.at, &s.source_link_short)
            )
        });
        let or_dash = |v: Vec<String>| if v.is_empty() { "—".to_string() } else { v.join("; ") };
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            Mark::annotation(Kind::City, &c.info.id).link(&c.info.name),
            escape::markdown(c.focus_en.as_deref().unwrap_or("—")),
            or_dash(figures),
            or_dash(documents),
            latest.unwrap_or_else(|| "—".to_string()),
            c.paragraphs.len()
        ));
    }
    md.push('\n');
    let mut page = Page::new(
        urls::COMPARE.to_string(),
        "compare",
        s.compare_title.clone(),
        fill(&s.compare_description, &[("n", &ex.cities().len().to_string())]),
        md,
    );
    page.data = PageData::Compare(compare_data(ex, k));
    page
}

fn compare_data(ex: &View, k: &Knowledge) -> CompareData {
    let s = &k.strings;
    let cities = ex.cities();
    // Each city's dated statements by year (`unknown` for those without one).
    let per_year: Vec<BTreeMap<String, usize>> = cities
        .iter()
        .map(|c| {
            let mut years: BTreeMap<String, usize> = BTreeMap::new();
            for &i in &c.events {
                *years
                    .entry(isodate::year_group(&ex.event(i).date).to_string())
                    .or_default() += 1;
            }
            years
        })
        .collect();
    let years = activity_years(&per_year);
    let highest = per_year.iter().flat_map(|y| y.values()).copied().max().unwrap_or(0);
    let cards = cities
        .iter()
        .zip(&per_year)
        .map(|(c, counts)| CompareCity {
            name: c.info.name.clone(),
            name_en: c.info.name_en.clone(),
            url: urls::html(&urls::city(&c.info.id)),
            focus_zh: c.focus_zh.clone(),
            focus_en: c.focus_en.clone(),
            paragraphs: c.paragraphs.len(),
            figures: city_figures(ex, c)
                .take(COMPARE_FIGURES)
                .map(|&i| figure_link(ex, k, i))
                .collect(),
            documents: c
                .documents
                .iter()
                .take(COMPARE_FIGURES)
                .filter_map(|d| ex.document(d))
                .map(|d| DocumentLink {
                    title: d.title.clone(),
                    url: urls::html(&urls::document(&d.id)),
                })
                .collect(),
            latest: latest_events(ex, k, &c.events, 1)
                .first()
                .map(|&i| event_item(ex, k, i, false)),
            activity: years
                .iter()
                .map(|y| {
                    let count = counts.get(y).copied().unwrap_or(0);
                    ActivityBar {
                        year: if y == YEAR_UNKNOWN {
                            Bilingual::split(&s.year_unknown).zh
                        } else {
                            y.clone()
                        },
                        count,
                        bar: Bar::of(count as f64, highest as f64),
                    }
                })
                .collect(),
            events: c.events.len(),
            events_url: urls::city_events(&c.info.id),
        })
        .collect();
    let charts = figure_charts(ex, k, cities);
    CompareData {
        no_charts: charts.is_empty().then(|| Bilingual::split(&s.compare_no_charts)),
        charts,
        years,
        activity_caption: Bilingual::split(&s.compare_activity),
        cities: cards,
    }
}

/// The years the activity is counted over: every year from the first to the last some city
/// has events in (only those years when they span too long), then the unknown year if any.
fn activity_years(per_year: &[BTreeMap<String, usize>]) -> Vec<String> {
    let known: std::collections::BTreeSet<i32> = per_year
        .iter()
        .flat_map(|y| y.keys())
        .filter_map(|y| y.parse().ok())
        .collect();
    let mut out: Vec<String> = match (known.first(), known.last()) {
        (Some(&first), Some(&last)) if last - first < ACTIVITY_YEARS => (first..=last).map(|y| y.to_string()).collect(),
        _ => known.iter().map(i32::to_string).collect(),
    };
    if per_year.iter().any(|y| y.contains_key(YEAR_UNKNOWN)) {
        out.push(YEAR_UNKNOWN.to_string());
    }
    out
}

/// A figure in a chart: its value and its statement.
type Charted = (f64, usize);

/// A figure's value in the unit it is charted in: a share (七成, 0.7) as a percentage.
fn charted(number: f64, unit: &str) -> (f64, &str) {
    match unit {
        "share" => (number * 100.0, "%"),
        _ => (number, unit),
    }
}

/// A city's key figures that are the city's as a whole: a county's figure (温岭's GDP,
/// credited to Taizhou) is not the city's total beside other cities'.
fn city_figures<'v>(ex: &'v View<'_>, c: &'v CityModel) -> impl Iterator<Item = &'v usize> + 'v {
    c.key_figures.iter().filter(|&&i| statement_county(ex, i).is_none())
}

/// Whether a statement may be put beside other cities' figures: the city's own outcome or
/// target (no condition, comparison or unsaid status), naming no other place, of a kind of
/// measure the data names.
fn comparable(st: &FigureStatement) -> bool {
    matches!(st.status, Status::Outcome | Status::Target) && !st.names_other_place && st.measure_kind.is_some()
}

/// Whether two statements give the same figure of the same measure for the same time.
fn same_figure(a: &FigureStatement, b: &FigureStatement) -> bool {
    let fold = crate::text::script::fold;
    fold(&a.text) == fold(&b.text) && fold(&a.measure) == fold(&b.measure) && a.when == b.when
}

/// One chart per kind of measure, status and unit that two cities or more give figures of (the
/// kinds most cities share first): each city's largest figures of it, the cities in the order
/// of their largest. Each statement is one figure, however many articles carry it.
fn figure_charts(ex: &View, knowledge: &Knowledge, cities: &[CityModel]) -> Vec<FigureChart> {
    let s = &knowledge.strings;
    // (kind, status, unit) → city → its figures.
    let mut groups: BTreeMap<(String, Status, String), Vec<Vec<Charted>>> = BTreeMap::new();
    for (k, c) in cities.iter().enumerate() {
        for &i in &c.figures {
            let st = ex.statement(i);
            if !comparable(st) || statement_county(ex, i).is_some() {
                continue;
            }
            let a = &ex.paragraph(st.at).annotations[st.index];
            let (Some(number), Some(unit)) = (a.number(), a.unit()) else {
                continue;
            };
            let (value, unit) = charted(number, unit);
            let Some(kind) = st.measure_kind.clone() else { continue };
            let key = (kind, st.status, unit.to_string());
            let of_city = &mut groups.entry(key).or_insert_with(|| vec![Vec::new(); cities.len()])[k];
            // The same figure of the same measure said twice (a plan and the news of it) is one.
            if !of_city.iter().any(|&(_, o)| same_figure(ex.statement(o), st)) {
                of_city.push((value, i));
            }
        }
    }
    let mut charts: Vec<(usize, FigureChart)> = groups
        .into_iter()
        .filter_map(|((kind, status, unit), mut per_city)| {
            let shared_by = per_city.iter().filter(|f| !f.is_empty()).count();
            if shared_by < 2 {
                return None;
            }
            for figures in &mut per_city {
                figures.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                figures.truncate(CHART_FIGURES);
            }
            let highest = per_city.iter().flatten().map(|f| f.0).fold(0.0, f64::max);
            let mut order: Vec<usize> = (0..cities.len()).filter(|&k| !per_city[k].is_empty()).collect();
            order.sort_by(|&a, &b| per_city[b][0].0.total_cmp(&per_city[a][0].0).then(a.cmp(&b)));
            let rows = order
                .into_iter()
                .flat_map(|k| {
                    let c = &cities[k];
                    let span = per_city[k].len();
                    per_city[k]
                        .iter()
                        .enumerate()
                        .map(|(n, &(value, i))| ChartRow {
                            city: c.info.name.clone(),
                            city_url: urls::html(&urls::city(&c.info.id)),
                            first: n == 0,
                            span,
                            figure: figure_link(ex, knowledge, i),
                            bar: Bar::of(value, highest),
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            let measure = knowledge.statements.measure_kinds.iter().find(|m| m.id == kind)?;
            let status_names = status_label(s, status)?;
            let names = [
                ("zh", measure.zh.as_str()),
                ("en", measure.en.as_str()),
                ("status_zh", status_names.zh.as_str()),
                ("status_en", status_names.en.as_deref().unwrap_or_default()),
            ];
            let caption = Bilingual {
                zh: fill(&s.compare_measure_chart, &names),
                en: Some(fill(&s.compare_measure_chart_en, &names)),
            };
            Some((
                shared_by,
                FigureChart {
                    unit,
                    measure: kind,
                    status: status.as_str(),
                    caption,
                    rows,
                },
            ))
        })
        .collect();
    charts.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.measure.cmp(&b.1.measure))
            .then(a.1.status.cmp(b.1.status))
    });
    charts.into_iter().take(CHARTS).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_runs_through_the_years_unless_they_span_too_long() {
        let counts = |ys: &[&str]| ys.iter().map(|y| (y.to_string(), 1)).collect::<BTreeMap<_, _>>();
        let years = activity_years(&[counts(&["2022", "2025"]), counts(&["2024", YEAR_UNKNOWN])]);
        assert_eq!(years, ["2022", "2023", "2024", "2025", YEAR_UNKNOWN]);
        let years = activity_years(&[counts(&["1990", "2025"])]);
        assert_eq!(years, ["1990", "2025"]);
        assert!(activity_years(&[]).is_empty());
    }

    #[test]
    fn shares_are_charted_as_percentages() {
        assert_eq!(charted(0.7, "share"), (70.0, "%"));
        assert_eq!(charted(5.0, "%"), (5.0, "%"));
        assert_eq!(charted(3.0, "CNY"), (3.0, "CNY"));
    }
}
