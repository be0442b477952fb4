//! The map as a page shows it: which cities have pages, their focus colours, which one is
//! marked.

use crate::knowledge::gazetteer::Gazetteer;
use crate::knowledge::map::Map;
use crate::model::View;
use serde_json::{Value, json};

/// How many focus colours the stylesheet defines.
pub const FOCUS_COLOURS: usize = 6;

/// The focus colour of every city with a page (`0`…, by first appearance of its focus, or
/// `none` for a city whose focus is not known).
pub fn focus_classes(ex: &View) -> Vec<(String, String, String)> {
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

/// The map as template data, with `current` marked (a city id) or none.
pub fn view(map: &Map, ex: &View, gazetteer: &Gazetteer, current: Option<&str>) -> Value {
    let classes = focus_classes(ex);
    let cities: Vec<Value> = map
        .cities
        .iter()
        .filter_map(|m| {
            let info = gazetteer.cities.iter().find(|c| c.adcode == m.adcode)?;
            let focus = classes.iter().find(|(id, _, _)| *id == info.id);
            Some(json!({
                "id": info.id, "name": info.name, "name_en": info.name_en, "path": m.path,
                "x": m.label_x, "y": m.label_y, "has_page": focus.is_some(),
                "focus": focus.map(|f| f.1.clone()), "current": current == Some(info.id.as_str()),
            }))
        })
        .collect();
    let mut legend: Vec<Value> = Vec::new();
    for (_, index, focus) in &classes {
        if !focus.is_empty() && !legend.iter().any(|l| l["label"] == *focus) {
            legend.push(json!({"focus": index, "label": focus}));
        }
    }
    json!({ "width": map.width, "height": map.height, "cities": cities, "legend": legend, "source": map.source })
}
