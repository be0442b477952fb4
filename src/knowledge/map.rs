//! The map of Zhejiang's prefectures (`data/map.json`, simplified from public boundaries by
//! `data/make_map.py`; the source is noted in the file). Pages draw it with `emit::map`.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const EMBEDDED: &str = include_str!("../../data/map.json");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MapCity {
    pub adcode: String,
    /// SVG path data in the map's own coordinates.
    pub path: String,
    pub label_x: i32,
    pub label_y: i32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub source: String,
    pub width: u32,
    pub height: u32,
    pub cities: Vec<MapCity>,
}

impl Map {
    pub fn parse(path: &Path, source: &str) -> Result<Map> {
        serde_json::from_str(source).map_err(|e| Error::at_column(path, e.line(), e.column(), e.to_string()))
    }
}
