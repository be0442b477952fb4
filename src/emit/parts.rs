//! Parts several pages show: figures as statements, events, links to cities.

use super::data::{CityLink, EventItem, EventLine, FigureLink, Fragment, KeyFigure};
use super::human::in_lang;
use super::human::{self, Bilingual, Lang};
use super::markdown::{annotated_at, seed_lang};
use crate::annotate::About;
use crate::knowledge::{Knowledge, Strings};
use crate::model::{FigureStatement, Status, View};
use crate::text::isodate;
use crate::text::offsets::first_chars;
use crate::urls;

/// What a figure's status is called, when it is one readers are told.
pub fn status_label(s: &Strings, status: Status) -> Option<Bilingual> {
    let label = match status {
        Status::Outcome => &s.figure_outcome,
        Status::Target => &s.figure_target,
        Status::Forecast => &s.figure_forecast,
        Status::Condition => &s.figure_condition,
        Status::Comparison => &s.figure_comparison,
        Status::Unknown => return None,
    };
    Some(Bilingual::split(label))
}

/// Whose a figure or an event is: a city's name, the province, or national and other.
pub fn subject_name(ex: &View, s: &Strings, about: Option<About>) -> Option<String> {
    match about? {
        About::City(_) => ex.city(about?.as_str()).map(|c| c.info.name.clone()),
        About::Zhejiang => Some(Bilingual::split(&s.subject_zhejiang).zh),
        About::Other => Some(Bilingual::split(&s.subject_other).zh),
    }
}

/// The county a statement's figure is about (its subject stays the county's prefecture).
pub fn statement_county<'v>(ex: &'v View<'_>, i: usize) -> Option<&'v str> {
    let st = ex.statement(i);
    ex.paragraph(st.at).annotations[st.index].county()
}

/// Whose a county's figure is, as readers read it: 溫嶺市（台州）.
fn county_subject(ex: &View, k: &Knowledge, i: usize) -> Option<String> {
    let county = k.gazetteer.county(statement_county(ex, i)?)?;
    let city = ex
        .city(&county.city)
        .map_or(county.city.as_str(), |c| c.info.name.as_str());
    Some(crate::knowledge::fill(
        &k.strings.subject_county,
        &[("county", county.name.as_str()), ("city", city)],
    ))
}

/// A statement's date as a reader reads it (2027年; 2027 in an English article).
fn when(st: &FigureStatement, lang: Lang, s: &Strings) -> Option<String> {
    st.when.as_deref().and_then(|w| human::readable_date(w, lang, s))
}

/// A statement's value for readers: its qualifier in English, then its normalised value.
fn value(ex: &View, st: &FigureStatement, s: &Strings) -> Option<String> {
    let a = &ex.paragraph(st.at).annotations[st.index];
    a.number()
        .map(|n| human::figure_hint(n, a.unit().unwrap_or_default(), st.qualifier, s))
}

/// What a statement measures, for a label: its measure, else the noun after it.
fn measure_label(st: &FigureStatement) -> String {
    if st.measure.is_empty() {
        st.tail.clone()
    } else {
        st.measure.clone()
    }
}

/// Statement `i` as a key figure; `subject` says whose it is, for pages that are not already
/// its subject's.
pub fn key_figure(ex: &View, k: &Knowledge, i: usize, with_subject: bool) -> KeyFigure {
    let s = &k.strings;
    let st = ex.statement(i);
    let lang = seed_lang(ex, st.at.seed);
    let p = ex.paragraph(st.at);
    KeyFigure {
        text: st.text.to_string(),
        value: value(ex, st, s),
        measure: measure_label(st),
        lang: lang.attribute(),
        // A county's figure always says whose it is: its city's page is not the county's.
        subject: county_subject(ex, k, i).or_else(|| {
            if with_subject {
                subject_name(ex, s, st.subject)
            } else {
                None
            }
        }),
        when: when(st, lang, s),
        status: st.status.as_str(),
        status_label: status_label(s, st.status),
        statement: st.id.to_string(),
        source_url: urls::source_paragraph(&ex.seed_info(st.at.seed).id, &p.id),
        copies: st.copies.len(),
    }
}

/// Statement `i` with what it measures, for the compare page.
pub fn figure_link(ex: &View, k: &Knowledge, i: usize) -> FigureLink {
    let s = &k.strings;
    let st = ex.statement(i);
    let lang = seed_lang(ex, st.at.seed);
    let p = ex.paragraph(st.at);
    let note: Vec<String> = when(st, lang, s)
        .into_iter()
        .chain(status_label(s, st.status).map(|b| b.zh))
        .collect();
    FigureLink {
        before: measure_label(st),
        text: st.text.to_string(),
        value: value(ex, st, s),
        note: (!note.is_empty()).then(|| note.join(" · ")),
        lang: lang.attribute(),
        source_url: urls::source_paragraph(&ex.seed_info(st.at.seed).id, &p.id),
    }
}

/// Event `i` with what its date heads; `with_subject` names whose it is.
pub fn event_item(ex: &View, k: &Knowledge, i: usize, with_subject: bool) -> EventItem {
    let s = &k.strings;
    let e = ex.event(i);
    let lang = seed_lang(ex, e.at.seed);
    let p = ex.paragraph(e.at);
    let note = if e.inferred {
        Some(&s.year_inferred)
    } else if !isodate::has_year(&e.date) {
        Some(&s.year_unknown)
    } else {
        None
    };
    let (from, to) = (e.segment.0 as usize, e.segment.1 as usize);
    EventItem {
        // A year relative to one the article does not give (今年) is shown as written.
        date: human::readable_date(&e.date, lang, s).unwrap_or_else(|| e.text.to_string()),
        lang: lang.attribute(),
        datetime: isodate::datetime(&e.date),
        year: isodate::year_group(&e.date).to_string(),
        note: note.map(|n| Bilingual::split(n)),
        subject: if with_subject {
            subject_name(ex, s, e.about)
        } else {
            None
        },
        target: if e.target {
            Some(Bilingual::split(&s.event_target))
        } else {
            e.expected.then(|| Bilingual::split(&s.event_expected))
        },
        sentence: Fragment::new(in_lang(annotated_at(ex, e.at, from, to), lang)),
        source_url: urls::source_paragraph(&ex.seed_info(e.at.seed).id, &p.id),
    }
}

/// Event `i` in one line of plain text of at most `chars` chars, without the dateline it may
/// open with (新華社杭州1月12日電(記者…); HANGZHOU, Feb. 10 (Xinhua) --).
pub fn event_line(ex: &View, k: &Knowledge, i: usize, chars: usize) -> EventLine {
    let s = &k.strings;
    let e = ex.event(i);
    let lang = seed_lang(ex, e.at.seed);
    let p = ex.paragraph(e.at);
    let text = event_statement(ex, k, i);
    EventLine {
        date: human::readable_date(&e.date, lang, s).unwrap_or_else(|| e.text.to_string()),
        datetime: isodate::datetime(&e.date),
        year: isodate::year_group(&e.date).to_string(),
        text: first_chars(text.trim(), chars),
        lang: lang.attribute(),
        source_url: urls::source_paragraph(&ex.seed_info(e.at.seed).id, &p.id),
        status: (e.target || e.expected)
            .then(|| Bilingual::split(if e.target { &s.event_target } else { &s.event_expected })),
    }
}

/// What an event states: its part of its paragraph, without the dateline or byline it opens with.
fn event_statement(ex: &View, k: &Knowledge, i: usize) -> String {
    let e = ex.event(i);
    let text: Vec<char> = ex
        .paragraph(e.at)
        .text
        .chars()
        .skip(e.segment.0 as usize)
        .take((e.segment.1 - e.segment.0) as usize)
        .collect();
    let text = &text[k.statements.dateline_end(&text)..];
    text[k.statements.byline_end(text)..].iter().collect()
}

/// The latest `n` events of a list (indexes, in timeline order) that happened — with a known
/// year, not targets, not national news credited to a city, each a whole statement (never a
/// line cut at a clause mark, a heading or a byline) — newest first.
pub fn latest_events(ex: &View, k: &Knowledge, events: &[usize], n: usize) -> Vec<usize> {
    events
        .iter()
        .rev()
        .copied()
        .filter(|&i| {
            let e = ex.event(i);
            !e.target
                && !e.expected
                && !e.national
                && !e.procedural
                && isodate::has_year(&e.date)
                && k.statements.is_whole_statement(&event_statement(ex, k, i))
        })
        .take(n)
        .collect()
}

/// Links to the pages of these cities.
pub fn city_links<S: AsRef<str>>(ex: &View, ids: &[S]) -> Vec<CityLink> {
    ids.iter()
        .filter_map(|c| ex.city_info(c.as_ref()))
        .map(city_link)
        .collect()
}

/// A link to one city's page.
pub fn city_link(city: &crate::knowledge::City) -> CityLink {
    CityLink {
        id: city.id.clone(),
        name: city.name.clone(),
        url: urls::html(&urls::city(&city.id)),
    }
}
