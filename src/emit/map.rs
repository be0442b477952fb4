//! The province as a page draws it: which cities have pages, their focus colours, which one
//! is the page's own.

use super::data::{LegendItem, MapCity, MapCurrent, MapView};
use crate::knowledge::Knowledge;
use crate::model::View;
use crate::urls;

/// How many focus colours the stylesheet defines.
pub const FOCUS_COLOURS: usize = 6;

/// A city with a page and its focus colour: `0`…, by first appearance of its focus, or `none`
/// for a city whose focus is not known.
struct Focus<'a> {
    city: &'a str,
    class: String,
    zh: Option<&'a str>,
    en: Option<&'a str>,
}

fn focus_classes<'a>(ex: &'a View) -> Vec<Focus<'a>> {
    let mut foci: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (city, focus_zh, focus_en) in ex.city_foci() {
        // Cities share a colour when they share a focus, whichever language names it.
        let key = focus_en.or(focus_zh).filter(|f| !f.is_empty());
        let class = match key {
            None => "none".to_string(),
            Some(focus) => {
                let index = foci.iter().position(|f| *f == focus).unwrap_or_else(|| {
                    foci.push(focus);
                    foci.len() - 1
                });
                (index % FOCUS_COLOURS).to_string()
            }
        };
        out.push(Focus {
            city,
            class,
            zh: focus_zh,
            en: focus_en,
        });
    }
    out
}

/// The map with `current` marked (a city id) or none.
pub fn view(ex: &View, knowledge: &Knowledge, current: Option<&str>) -> MapView {
    let classes = focus_classes(ex);
    let map = &knowledge.map;
    let cities: Vec<MapCity> = map
        .cities
        .iter()
        .filter_map(|m| {
            let info = knowledge.gazetteer.cities.iter().find(|c| c.adcode == m.adcode)?;
            let focus = classes.iter().find(|f| f.city == info.id);
            Some(MapCity {
                id: info.id.clone(),
                name: info.name.clone(),
                name_en: info.name_en.clone(),
                path: m.path.clone(),
                x: m.label_x,
                y: m.label_y,
                url: focus.map(|_| urls::html(&urls::city(&info.id))),
                focus: focus.map(|f| f.class.clone()),
                current: current == Some(info.id.as_str()),
            })
        })
        .collect();
    // One entry per colour on the map, in both languages: each focus, then cities with
    // articles but no focus noted, then cities without articles.
    let s = &knowledge.strings;
    let mut legend: Vec<LegendItem> = Vec::new();
    for f in &classes {
        if legend.iter().any(|l| l.focus == f.class) {
            continue;
        }
        let (zh, en) = if f.class == "none" {
            (s.map_no_focus.clone(), Some(s.map_no_focus_en.clone()))
        } else {
            (
                f.zh.or(f.en).unwrap_or_default().to_string(),
                f.en.filter(|_| f.zh.is_some()).map(str::to_string),
            )
        };
        legend.push(LegendItem {
            focus: f.class.clone(),
            zh,
            en,
        });
    }
    // "none" after the foci, whatever order the cities came in.
    legend.sort_by_key(|l| l.focus == "none");
    if cities.iter().any(|c: &MapCity| c.url.is_none()) {
        legend.push(LegendItem {
            focus: "quiet".to_string(),
            zh: s.map_no_articles.clone(),
            en: Some(s.map_no_articles_en.clone()),
        });
    }
    MapView {
        width: map.width,
        height: map.height,
        cities,
        legend,
        credit: knowledge.strings.map_credit.clone(),
        current: current
            .and_then(|id| knowledge.gazetteer.cities.iter().find(|c| c.id == id))
            .map(|c| MapCurrent {
                name: c.name.clone(),
                name_en: c.name_en.clone(),
            }),
    }
}
