//! Parts several pages show: figures with their sentence, events, links to cities.

use super::data::{CityLink, EventItem, FigureCard, Fragment};
use super::markdown::{annotated, sentence_around};
use crate::annotate::{AnnotatedParagraph, Kind};
use crate::knowledge::strings::Strings;
use crate::model::{Event, ParaRef, View};
use crate::urls;

/// Figures (paragraph, annotation index) with the sentence each came from.
pub fn figure_cards(ex: &View, figures: &[(ParaRef, usize)]) -> Vec<FigureCard> {
    figures
        .iter()
        .map(|&(r, i)| {
            let p = ex.paragraph(r);
            let a = &p.annotations[i];
            let (from, to) = sentence_around(p, a.start(), a.end());
            FigureCard {
                text: a.text.to_string(),
                sentence: Fragment::new(annotated(p, from, to)),
                source_url: urls::source_paragraph(&ex.seed_info(r.seed).id, &p.id),
            }
        })
        .collect()
}

/// The paragraph of an event and the chars of the sentence its date stands in (the whole
/// paragraph when the date is no longer found).
pub fn event_sentence<'a>(ex: &View<'a>, e: &Event) -> (&'a AnnotatedParagraph, usize, usize) {
    let p = ex.paragraph(e.at);
    let date = p
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Date && *a.value == *e.date && *a.text == *e.text);
    let (from, to) = date.map_or((0, p.text.chars().count()), |a| sentence_around(p, a.start(), a.end()));
    (p, from, to)
}

/// Event `i` with its sentence.
pub fn event_item(ex: &View, s: &Strings, i: usize) -> EventItem {
    let e = ex.event(i);
    let (p, from, to) = event_sentence(ex, e);
    EventItem {
        date: e.date.to_string(),
        datetime: crate::annotate::html_datetime(&e.date).unwrap_or_default().to_string(),
        year: crate::annotate::year_of(&e.date).unwrap_or_default().to_string(),
        inferred: e.inferred.then(|| s.year_inferred.clone()),
        sentence: Fragment::new(annotated(p, from, to)),
        source_url: urls::source_paragraph(&ex.seed_info(e.at.seed).id, &p.id),
    }
}

/// Links to the pages of these cities.
pub fn city_links<S: AsRef<str>>(ex: &View, ids: &[S]) -> Vec<CityLink> {
    ids.iter()
        .filter_map(|c| ex.city(c.as_ref()))
        .map(|c| city_link(&c.info))
        .collect()
}

/// A link to one city's page.
pub fn city_link(city: &crate::knowledge::gazetteer::City) -> CityLink {
    CityLink {
        id: city.id.clone(),
        name: city.name.clone(),
        url: urls::html(&urls::city(&city.id)),
    }
}
