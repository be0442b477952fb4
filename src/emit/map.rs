//! The province as a page draws it: which cities have pages, their focus colours, which one
//! is the page's own.

use super::data::{LegendItem, MapCity, MapView};
use crate::knowledge::Knowledge;
use crate::model::View;
use crate::urls;

/// How many focus colours the stylesheet defines.
pub const FOCUS_COLOURS: usize = 6;

/// The focus colour of every city with a page (`0`…, by first appearance of its focus, or
/// `none` for a city whose focus is not known): (city id, colour, focus).
fn focus_classes(ex: &View) -> Vec<(String, String, String)> {
    let mut foci: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for c in ex.cities() {
        let focus = c.focus_en.clone().unwrap_or_default();
        let class = if focus.is_empty() {
            "none".to_string()
        } else {
            let index = foci.iter().position(|f| *f == focus).unwrap_or_else(|| {
                foci.push(focus.clone());
                foci.len() - 1
            });
            (index % FOCUS_COLOURS).to_string()
        };
        out.push((c.info.id.clone(), class, focus));
    }
    out
}

/// The map with `current` marked (a city id) or none.
pub fn view(ex: &View, knowledge: &Knowledge, current: Option<&str>) -> MapView {
    let classes = focus_classes(ex);
    let map = &knowledge.map;
    let cities = map
        .cities
        .iter()
        .filter_map(|m| {
            let info = knowledge.gazetteer.cities.iter().find(|c| c.adcode == m.adcode)?;
            let focus = classes.iter().find(|(id, _, _)| *id == info.id);
            Some(MapCity {
                id: info.id.clone(),
                name: info.name.clone(),
                name_en: info.name_en.clone(),
                path: m.path.clone(),
                x: m.label_x,
                y: m.label_y,
                url: focus.map(|_| urls::html(&urls::city(&info.id))),
                focus: focus.map(|f| f.1.clone()),
                current: current == Some(info.id.as_str()),
            })
        })
        .collect();
    let mut legend: Vec<LegendItem> = Vec::new();
    for (_, index, focus) in &classes {
        if !focus.is_empty() && !legend.iter().any(|l| l.label == *focus) {
            legend.push(LegendItem {
                focus: index.clone(),
                label: focus.clone(),
            });
        }
    }
    MapView {
        width: map.width,
        height: map.height,
        cities,
        legend,
        source: map.source.clone(),
    }
}
