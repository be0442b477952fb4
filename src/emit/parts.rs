//! Parts several pages show: figures with their sentence, events, links to cities.

use super::data::{CityLink, EventItem, FigureCard, FigureLink, Fragment};
use super::human::in_lang;
use super::human::{self, Bilingual, Lang};
use super::markdown::{annotated, seed_lang, sentence_around};
use crate::annotate::{AnnotatedParagraph, Kind};
use crate::knowledge::Knowledge;
use crate::knowledge::Lexicon;
use crate::model::{Event, ParaRef, View};
use crate::text::isodate;
use crate::urls;

/// Figures (paragraph, annotation index) with the sentence each came from.
pub fn figure_cards(ex: &View, k: &Knowledge, figures: &[(ParaRef, usize)]) -> Vec<FigureCard> {
    let (s, lexicon) = (&k.strings, &k.lexicon);
    figures
        .iter()
        .map(|&(r, i)| {
            let p = ex.paragraph(r);
            let a = &p.annotations[i];
            let (from, to) = sentence_around(lexicon, p, a.start(), a.end());
            FigureCard {
                text: a.text.to_string(),
                hint: a
                    .number()
                    .map(|n| human::figure_hint(n, a.unit().unwrap_or_default(), s)),
                sentence: Fragment::new(in_lang(annotated(p, from, to), seed_lang(ex, r.seed))),
                source_url: urls::source_paragraph(&ex.seed_info(r.seed).id, &p.id),
            }
        })
        .collect()
}

/// Longest lead-in shown before a figure (chars; an English clause may be longer).
const LEAD_IN: usize = 28;
const LEAD_IN_EN: usize = 64;

/// Figure `i` of a paragraph with the words before it in its clause (or bracket), which say
/// what it counts.
pub fn figure_link(ex: &View, k: &Knowledge, r: ParaRef, i: usize) -> FigureLink {
    let (s, stops) = (&k.strings, &k.lexicon.stops);
    let p = ex.paragraph(r);
    let a = &p.annotations[i];
    let lang = seed_lang(ex, r.seed);
    let text: Vec<char> = p.text.chars().collect();
    let chars = &text[..a.start()];
    let from = (0..chars.len())
        .rev()
        .find(|&k| stops.clause_ends_at(&text, k + 1) || matches!(chars[k], '(' | '（'))
        .map_or(0, |k| k + 1);
    let limit = if lang == Lang::En { LEAD_IN_EN } else { LEAD_IN };
    let mut before: String = chars[from.max(chars.len().saturating_sub(limit))..].iter().collect();
    if chars.len() - from > limit {
        // Cut where a word starts, not inside one.
        if lang == Lang::En
            && let Some(space) = before.find(' ')
        {
            before = before[space + 1..].to_string();
        }
        before.insert(0, '…');
    }
    FigureLink {
        before: before.trim_start().to_string(),
        text: a.text.to_string(),
        value: a
            .number()
            .map(|n| human::figure_hint(n, a.unit().unwrap_or_default(), s)),
        lang: lang.attribute(),
        source_url: urls::source_paragraph(&ex.seed_info(r.seed).id, &p.id),
    }
}

/// The paragraph of an event and the chars of the sentence its date stands in (the whole
/// paragraph when the date is no longer found).
pub fn event_sentence<'a>(ex: &View<'a>, lexicon: &Lexicon, e: &Event) -> (&'a AnnotatedParagraph, usize, usize) {
    let p = ex.paragraph(e.at);
    let date = p
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Date && a.start() == e.start as usize && *a.value == *e.date);
    let (from, to) = date.map_or((0, p.text.chars().count()), |a| {
        sentence_around(lexicon, p, a.start(), a.end())
    });
    (p, from, to)
}

/// Event `i` with its sentence.
pub fn event_item(ex: &View, k: &Knowledge, i: usize) -> EventItem {
    let s = &k.strings;
    let e = ex.event(i);
    let (p, from, to) = event_sentence(ex, &k.lexicon, e);
    let lang = seed_lang(ex, e.at.seed);
    let note = if e.inferred {
        Some(&s.year_inferred)
    } else if !isodate::has_year(&e.date) {
        Some(&s.year_unknown)
    } else {
        None
    };
    EventItem {
        // A year relative to one the article does not give (今年) is shown as written.
        date: human::readable_date(&e.date, lang, s).unwrap_or_else(|| e.text.to_string()),
        lang: lang.attribute(),
        datetime: isodate::datetime(&e.date),
        year: isodate::year_group(&e.date).to_string(),
        note: note.map(|n| Bilingual::split(n)),
        sentence: Fragment::new(in_lang(annotated(p, from, to), lang)),
        source_url: urls::source_paragraph(&ex.seed_info(e.at.seed).id, &p.id),
    }
}

/// The latest `n` of a list of events (indexes, in timeline order) in timeline order: those
/// with a known year first, then, if there is room, those without one.
pub fn latest_events(ex: &View, events: &[usize], n: usize) -> Vec<usize> {
    // The events are in timeline order: the dated ones, then the others.
    let dated = events.partition_point(|&i| isodate::has_year(&ex.event(i).date));
    let mut out = events[dated.saturating_sub(n)..dated].to_vec();
    out.extend(events[dated..].iter().take(n - out.len()));
    out
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
