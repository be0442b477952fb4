//! The gazetteer (`data/gazetteer.toml`): Zhejiang's 11 prefecture-level cities and 90
//! county-level divisions, places that are not cities (杭州湾), and places outside Zhejiang,
//! with one matcher over every spelling.
//!
//! Matching is aho-corasick, leftmost-longest, over all names in both scripts at once, so 杭州湾
//! wins over 杭州 and 天台县 over 天台. Bare county names that are ordinary words (天台 rooftop,
//! 路桥 road-and-bridge) only count in unmistakable context: right after their own city's name
//! (台州天台) or in a list with another division (天台、仙居).

use crate::error::{Error, Result, toml_error};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The default gazetteer, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../data/gazetteer.toml");

/// The 11 prefecture ids, in GB/T 2260 order.
pub const CITY_IDS: [&str; 11] = [
    "hangzhou", "ningbo", "wenzhou", "jiaxing", "huzhou", "shaoxing", "jinhua", "quzhou", "zhoushan", "taizhou",
    "lishui",
];

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    pub names: Vec<String>,
    pub name_en: String,
}

/// A prefecture-level city.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub id: String,
    pub adcode: String,
    /// Traditional spelling, without 市.
    pub name: String,
    pub name_hans: String,
    pub pinyin: String,
    pub name_en: String,
    /// Every Chinese spelling that names the city.
    pub names: Vec<String>,
    /// English spellings, matched as whole words, case-insensitively.
    pub names_en: Vec<String>,
    /// Characters that, right before a name, make it part of another word.
    #[serde(default)]
    pub not_after: String,
    pub lon: f64,
    pub lat: f64,
}

/// A county-level division (district, county, county-level city).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct County {
    pub adcode: String,
    /// The prefecture it belongs to.
    pub city: String,
    pub name: String,
    pub name_hans: String,
    pub pinyin: String,
    pub name_en: String,
    /// Full names with their suffix (黃岩區), which always count.
    pub names: Vec<String>,
    /// Bare names (黃岩) that count on their own.
    #[serde(default)]
    pub bare: Vec<String>,
    /// Bare names that are ordinary words (天台): they count only in context.
    #[serde(default)]
    pub bare_in_context: Vec<String>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
}

/// A place that is not one of the cities, though its name may contain one (杭州湾).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub name_hans: String,
    pub name_en: String,
    pub kind: String,
    pub names: Vec<String>,
    /// Prefectures a mention is about (杭州湾新区 → ningbo); often none.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Characters that, right before a name, make it part of another word (欧美国家).
    #[serde(default)]
    pub not_after: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    province: Province,
    city: Vec<City>,
    county: Vec<County>,
    place: Vec<Place>,
    outside: Vec<Place>,
}

/// What a name in the text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Province,
    City(usize),
    /// A county; `bare` when the name was written without its suffix.
    County {
        index: usize,
        bare: bool,
        needs_context: bool,
    },
    Place(usize),
    Outside(usize),
}

/// One name found in a text; offsets in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// The loaded gazetteer with its matchers.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub province: Province,
    pub cities: Vec<City>,
    pub counties: Vec<County>,
    pub places: Vec<Place>,
    pub outside: Vec<Place>,
    matcher: AhoCorasick,
    targets: Vec<Target>,
    english: AhoCorasick,
    english_targets: Vec<usize>,
}

impl Gazetteer {
    pub fn embedded() -> Result<Gazetteer> {
        Gazetteer::parse(Path::new("data/gazetteer.toml"), EMBEDDED)
    }

    pub fn parse(path: &Path, source: &str) -> Result<Gazetteer> {
        let file: File = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
        let ids: Vec<&str> = file.city.iter().map(|c| c.id.as_str()).collect();
        if ids != CITY_IDS {
            return Err(Error::file(
                path,
                format!("the [[city]] entries must be the 11 prefectures in order {CITY_IDS:?}, found {ids:?}"),
            ));
        }
        for county in &file.county {
            if !CITY_IDS.contains(&county.city.as_str()) {
                return Err(Error::file(
                    path,
                    format!("county {} names unknown city `{}`", county.name_hans, county.city),
                ));
            }
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut add = |names: &[String], target: Target| {
            for name in names {
                patterns.push(name.clone());
                targets.push(target);
            }
        };
        add(&file.province.names, Target::Province);
        for (i, city) in file.city.iter().enumerate() {
            add(&city.names, Target::City(i));
        }
        for (i, county) in file.county.iter().enumerate() {
            add(
                &county.names,
                Target::County {
                    index: i,
                    bare: false,
                    needs_context: false,
                },
            );
            add(
                &county.bare,
                Target::County {
                    index: i,
                    bare: true,
                    needs_context: false,
                },
            );
            add(
                &county.bare_in_context,
                Target::County {
                    index: i,
                    bare: true,
                    needs_context: true,
                },
            );
        }
        for (i, place) in file.place.iter().enumerate() {
            add(&place.names, Target::Place(i));
        }
        for (i, place) in file.outside.iter().enumerate() {
            add(&place.names, Target::Outside(i));
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::file(path, e.to_string()))?;
        let mut english_patterns = Vec::new();
        let mut english_targets = Vec::new();
        for (i, city) in file.city.iter().enumerate() {
            for name in &city.names_en {
                english_patterns.push(name.clone());
                english_targets.push(i);
            }
        }
        let english = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&english_patterns)
            .map_err(|e| Error::file(path, e.to_string()))?;
        Ok(Gazetteer {
            province: file.province,
            cities: file.city,
            counties: file.county,
            places: file.place,
            outside: file.outside,
            matcher,
            targets,
            english,
            english_targets,
        })
    }

    pub fn city(&self, id: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    /// Every place name in `text` that counts, in order, non-overlapping; offsets in chars.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let chars: Vec<char> = text.chars().collect();
        let char_at = crate::text::offsets::byte_to_char_map(text);
        let mut found: Vec<Mention> = Vec::new();
        for m in self.matcher.find_iter(text) {
            let (start, end) = (char_at[m.start()], char_at[m.end()]);
            let target = self.targets[m.pattern().as_usize()];
            let not_after = match target {
                Target::City(i) => self.cities[i].not_after.as_str(),
                Target::Place(i) => self.places[i].not_after.as_str(),
                Target::Outside(i) => self.outside[i].not_after.as_str(),
                _ => "",
            };
            if start > 0 && not_after.contains(chars[start - 1]) {
                continue;
            }
            found.push(Mention { start, end, target });
        }
        for m in self.english.find_iter(text) {
            let (start, end) = (char_at[m.start()], char_at[m.end()]);
            let word_edge = |c: Option<&char>| c.is_none_or(|c| !c.is_alphanumeric());
            if word_edge(start.checked_sub(1).and_then(|i| chars.get(i))) && word_edge(chars.get(end)) {
                found.push(Mention {
                    start,
                    end,
                    target: Target::City(self.english_targets[m.pattern().as_usize()]),
                });
            }
        }
        found.sort_by_key(|m| m.start);
        self.keep_in_context(&chars, found)
    }

    /// Drops bare county names that are ordinary words unless the context makes them places.
    fn keep_in_context(&self, chars: &[char], found: Vec<Mention>) -> Vec<Mention> {
        let is_division = |m: &Mention| matches!(m.target, Target::City(_) | Target::County { .. });
        (0..found.len())
            .filter(|&i| {
                let m = &found[i];
                let Target::County {
                    index,
                    needs_context: true,
                    ..
                } = m.target
                else {
                    return true;
                };
                let own_city = &self.counties[index].city;
                // Right after its own city or the province (台州天台, 台州市天台, 浙江天台).
                let after_city = i > 0
                    && found[i - 1].end == m.start
                    && match found[i - 1].target {
                        Target::City(c) => self.cities[c].id == *own_city,
                        Target::Province => true,
                        _ => false,
                    };
                // In a list with another division (天台、仙居; 仙居和天台).
                let joined = |a: &Mention, b: &Mention| {
                    a.end <= b.start && b.start - a.end == 1 && matches!(chars[a.end], '、' | '和' | '與' | '与' | '及')
                };
                let listed = (i > 0 && is_division(&found[i - 1]) && joined(&found[i - 1], m))
                    || (i + 1 < found.len() && is_division(&found[i + 1]) && joined(m, &found[i + 1]));
                after_city || listed
            })
            .map(|i| found[i])
            .collect()
    }

    /// The prefecture ids a mention is about.
    pub fn cities_of(&self, target: Target) -> Vec<&str> {
        match target {
            Target::City(i) => vec![self.cities[i].id.as_str()],
            Target::County { index, .. } => vec![self.counties[index].city.as_str()],
            Target::Place(i) => self.places[i].cities.iter().map(String::as_str).collect(),
            Target::Province | Target::Outside(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gz() -> Gazetteer {
        Gazetteer::embedded().unwrap()
    }

    fn cities(text: &str) -> Vec<String> {
        let g = gz();
        let mut out: Vec<String> = g
            .find(text)
            .iter()
            .flat_map(|m| g.cities_of(m.target))
            .map(str::to_string)
            .collect();
        out.dedup();
        out
    }

    #[test]
    fn has_all_divisions() {
        let g = gz();
        assert_eq!(g.cities.len(), 11);
        assert_eq!(g.counties.len(), 90);
    }

    #[test]
    fn both_scripts_and_suffixes() {
        assert_eq!(cities("寧波和温州"), ["ningbo", "wenzhou"]);
        assert_eq!(cities("臺州市與台州"), ["taizhou"]);
        assert_eq!(cities("位于黄岩的智算中心"), ["taizhou"]);
        assert_eq!(cities("义乌小商品城"), ["jinhua"]);
    }

    #[test]
    fn hangzhou_bay_is_not_hangzhou() {
        assert!(cities("环杭州湾地区集聚发展").is_empty());
        assert!(cities("環杭州灣地區").is_empty());
        assert_eq!(cities("宁波杭州湾新区"), ["ningbo"]);
    }

    #[test]
    fn ordinary_words_need_context() {
        assert!(cities("大家在天台上看星星").is_empty());
        assert!(cities("修建路桥和隧道").is_empty());
        assert!(cities("海盐和白糖").is_empty());
        assert!(cities("美丽水乡").is_empty());
        assert_eq!(cities("天台县发布通知"), ["taizhou"]);
        assert_eq!(cities("台州天台"), ["taizhou"]);
        assert_eq!(cities("浙江天台"), ["taizhou"]);
        assert_eq!(cities("象山、宁海两县"), ["ningbo"]);
        assert_eq!(cities("仙居、天台两县"), ["taizhou"]);
        assert_eq!(cities("丽水市莲都区"), ["lishui"]);
    }

    #[test]
    fn outside_places_are_not_cities() {
        let g = gz();
        let found = g.find("北京、深圳和上海,以及江蘇、安徽");
        assert_eq!(found.len(), 5);
        assert!(found.iter().all(|m| matches!(m.target, Target::Outside(_))));
        assert!(cities("合肥市和泰州市").is_empty());
    }

    #[test]
    fn countries_and_their_traps() {
        let g = gz();
        assert_eq!(g.find("与美国、日本企业合作").len(), 2);
        assert!(g.find("欧美国家").is_empty());
    }

    #[test]
    fn english_names_are_whole_words() {
        assert_eq!(cities("Hangzhou and WENZHOU lead"), ["hangzhou", "wenzhou"]);
        assert!(cities("Hangzhoulike").is_empty());
    }

    #[test]
    fn offsets_are_chars() {
        let g = gz();
        let m = g.find("在寧波")[0];
        assert_eq!((m.start, m.end), (1, 3));
    }
}
