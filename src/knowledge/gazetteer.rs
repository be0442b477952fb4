//! The gazetteer (`data/gazetteer.toml`): Zhejiang's 11 prefecture-level cities and 90
//! county-level divisions, places that are not cities (杭州湾), and places outside Zhejiang
//! (every other Chinese province and prefecture, the countries, world regions, major foreign
//! cities), with one matcher over every Chinese spelling and one over every English one.
//!
//! Matching is aho-corasick, leftmost-longest, over all names at once, so 杭州湾 wins over 杭州,
//! 天台县 over 天台, "Mount Putuo" over "Putuo" and "Taizhou, Jiangsu" over "Taizhou". English
//! names are whole words (no letter or digit on either side), compared ignoring case, except the
//! `names_en_cased` ones ("US" is not "us", "Turkey" is not "turkey"), which must match exactly.
//! Bare county names that are ordinary words (天台 rooftop, 路桥 road-and-bridge; "Putuo",
//! "Xihu") only count in unmistakable context: right after their own city's name (台州天台),
//! in a list with another division (天台、仙居; "Xihu and Binjiang"), or, in English, in a
//! paragraph that also names their city ("Zhoushan's Putuo").
//!
//! A guard drops a match: a char before a Chinese name that makes it part of another word
//! (`not_after`: 欧美国家), a char after it (`not_before`: 苏丹红 is a dye), text after an English
//! name (`not_before_en`: "US$"), an English name of a place outside Zhejiang joined by a hyphen
//! to the word before it or followed by "-China" ("China-Europe", "Sino-US", "US-China": a
//! relation or a route, not a place). After a dropped match the matcher looks again from its
//! second char, so a name it overlapped is still found (经济宁波: 济宁 dropped, 宁波 found).

use crate::error::{Error, Result, toml_error};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The default gazetteer, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../data/gazetteer.toml");

/// The `kind` of a part of the province named by its direction (浙中, 浙东南): a region prefix,
/// not a place to mark.
pub const DIRECTION: &str = "direction";

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
    /// English spellings ("Zhejiang", "Zhejiang Province").
    #[serde(default)]
    pub names_en: Vec<String>,
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
    /// Its id under its city (`taizhou/huangyan-district` in the export). Written out rather
    /// than made from `name_en`, so that a corrected English spelling (Liandou → Liandu) does
    /// not change what the export and the cards call it.
    pub slug: String,
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
    /// Frames around a bare name in context that make it the ordinary word: the char before
    /// and the char after it (在天台上, 到天台上: on a rooftop), each frame two chars.
    #[serde(default)]
    pub bare_not_in_frame: Vec<String>,
    /// English spellings ("Yuhuan", "Yuhuan City"), whole words, any case.
    #[serde(default)]
    pub names_en: Vec<String>,
    /// English spellings that are also ordinary words or other places ("Putuo", "Xihu"): they
    /// count only in context.
    #[serde(default)]
    pub names_en_in_context: Vec<String>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
}

/// A place that is not one of the cities, though its name may contain one (杭州湾), or a
/// place outside Zhejiang.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub name_hans: String,
    pub name_en: String,
    /// What it is (informational): bay, town, country, province, city…
    pub kind: String,
    pub names: Vec<String>,
    /// English spellings, whole words, any case.
    #[serde(default)]
    pub names_en: Vec<String>,
    /// English spellings that count only with exactly this case ("US", "Turkey").
    #[serde(default)]
    pub names_en_cased: Vec<String>,
    /// Prefectures a mention is about (杭州湾新区 → ningbo); often none.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Characters that, right before a name, make it part of another word (欧美国家).
    #[serde(default)]
    pub not_after: String,
    /// Characters that, right after a Chinese name, make it part of another word (苏丹红).
    #[serde(default)]
    pub not_before: String,
    /// Text that, right after an English name (any case), makes it something else ("US$").
    #[serde(default)]
    pub not_before_en: Vec<String>,
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

/// What an English pattern names, and whether it counts only with its exact case.
#[derive(Debug, Clone, Copy)]
struct EnglishName {
    target: Target,
    cased: bool,
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
    english_patterns: Vec<String>,
    english_names: Vec<EnglishName>,
    /// Places that share a bare county name (西湖: West Lake, and Xihu District without its
    /// suffix): what the name is when the county's context is missing.
    shared_names: Vec<(String, Target)>,
}

/// Collects patterns and what each names, for one matcher.
struct Patterns<T> {
    patterns: Vec<String>,
    targets: Vec<T>,
}

impl<T: Copy> Patterns<T> {
    fn new() -> Patterns<T> {
        Patterns {
            patterns: Vec::new(),
            targets: Vec::new(),
        }
    }

    fn add(&mut self, names: &[String], target: T) {
        for name in names {
            self.patterns.push(name.clone());
            self.targets.push(target);
        }
    }
}

fn leftmost_longest(path: &Path, patterns: &[String], ignore_ascii_case: bool) -> Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ignore_ascii_case)
        .build(patterns)
        .map_err(|e| Error::file(path, e.to_string()))
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
        let county = |index: usize, bare: bool, needs_context: bool| Target::County {
            index,
            bare,
            needs_context,
        };
        let mut chinese: Patterns<Target> = Patterns::new();
        chinese.add(&file.province.names, Target::Province);
        for (i, city) in file.city.iter().enumerate() {
            chinese.add(&city.names, Target::City(i));
        }
        for (i, c) in file.county.iter().enumerate() {
            chinese.add(&c.names, county(i, false, false));
            chinese.add(&c.bare, county(i, true, false));
            chinese.add(&c.bare_in_context, county(i, true, true));
        }
        for (i, place) in file.place.iter().enumerate() {
            chinese.add(&place.names, Target::Place(i));
        }
        for (i, place) in file.outside.iter().enumerate() {
            chinese.add(&place.names, Target::Outside(i));
        }
        let mut english: Patterns<EnglishName> = Patterns::new();
        let any_case = |target: Target| EnglishName { target, cased: false };
        let exact_case = |target: Target| EnglishName { target, cased: true };
        english.add(&file.province.names_en, any_case(Target::Province));
        for (i, city) in file.city.iter().enumerate() {
            english.add(&city.names_en, any_case(Target::City(i)));
        }
        for (i, c) in file.county.iter().enumerate() {
            english.add(&c.names_en, any_case(county(i, false, false)));
            english.add(&c.names_en_in_context, any_case(county(i, true, true)));
        }
        for (i, place) in file.place.iter().enumerate() {
            english.add(&place.names_en, any_case(Target::Place(i)));
            english.add(&place.names_en_cased, exact_case(Target::Place(i)));
        }
        for (i, place) in file.outside.iter().enumerate() {
            english.add(&place.names_en, any_case(Target::Outside(i)));
            english.add(&place.names_en_cased, exact_case(Target::Outside(i)));
        }
        let mut shared_names = Vec::new();
        for (i, place) in file.place.iter().enumerate() {
            for name in &place.names {
                if file.county.iter().any(|c| c.bare_in_context.contains(name)) {
                    shared_names.push((name.clone(), Target::Place(i)));
                }
            }
        }
        Ok(Gazetteer {
            shared_names,
            matcher: leftmost_longest(path, &chinese.patterns, false)?,
            targets: chinese.targets,
            english: leftmost_longest(path, &english.patterns, true)?,
            english_patterns: english.patterns,
            english_names: english.targets,
            province: file.province,
            cities: file.city,
            counties: file.county,
            places: file.place,
            outside: file.outside,
        })
    }

    pub fn city(&self, id: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    /// The county with a place id (`taizhou/wenling-city`), as the export writes it.
    pub fn county(&self, id: &str) -> Option<&County> {
        let (city, slug) = id.split_once('/')?;
        self.counties.iter().find(|c| c.city == city && c.slug == slug)
    }

    /// The entry a place or outside target names.
    fn place(&self, target: Target) -> Option<&Place> {
        match target {
            Target::Place(i) => self.places.get(i),
            Target::Outside(i) => self.outside.get(i),
            _ => None,
        }
    }

    /// Every place name in `text` that counts, in order, non-overlapping; offsets in chars.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &[])
    }

    /// [`Gazetteer::find`] in an article that names these counties (indices) in full: their
    /// bare names that are ordinary words count too (金东区 … 为金东注入动能).
    pub fn find_in(&self, text: &str, named_counties: &[usize]) -> Vec<Mention> {
        let chars: Vec<char> = text.chars().collect();
        let char_at = crate::text::offsets::byte_to_char_map(text);
        let mut found: Vec<Mention> = Vec::new();
        let mut scan = |matcher: &AhoCorasick, keep: &dyn Fn(usize, usize, usize) -> Option<Target>| {
            // Where to look (bytes), and, after a dropped match, where it started: a shorter
            // name starting there is looked for first ("Binjiang districts": not "Binjiang
            // District", but "Binjiang"), then the text from its second char, so that a name it
            // overlapped is still found (经济宁波: not 济宁, but 宁波).
            let (mut at, mut limit) = (0, text.len());
            let mut dropped: Option<usize> = None;
            loop {
                let m = matcher.find(Input::new(text).span(at..limit));
                if let Some(first) = dropped
                    && m.is_none_or(|m| m.start() != first)
                {
                    (at, limit, dropped) = (
                        first + text[first..].chars().next().map_or(1, char::len_utf8),
                        text.len(),
                        None,
                    );
                    continue;
                }
                let Some(m) = m else { break };
                let (start, end) = (char_at[m.start()], char_at[m.end()]);
                match keep(m.pattern().as_usize(), start, end) {
                    Some(target) => {
                        found.push(Mention { start, end, target });
                        (at, limit, dropped) = (m.end(), text.len(), None);
                    }
                    None => {
                        let last = text[..m.end()].chars().next_back().map_or(1, char::len_utf8);
                        (at, limit, dropped) = (m.start(), m.end() - last, Some(m.start()));
                    }
                }
            }
        };
        scan(&self.matcher, &|pattern, start, end| {
            let target = self.targets[pattern];
            (!self.chinese_guard(&chars, start, end, target)).then_some(target)
        });
        if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            scan(&self.english, &|pattern, start, end| {
                let name = self.english_names[pattern];
                self.english_counts(&chars, start, end, &self.english_patterns[pattern], name)
                    .then_some(name.target)
            });
        }
        found.sort_by_key(|m| m.start);
        self.keep_in_context(&chars, found, named_counties)
    }

    /// The counties a text names in full (with their suffix, or an English name that needs no
    /// context), whose bare names then count in the rest of the article.
    pub fn counties_named(&self, mentions: &[Mention]) -> Vec<usize> {
        let mut out: Vec<usize> = mentions
            .iter()
            .filter_map(|m| match m.target {
                Target::County {
                    index,
                    bare: false,
                    needs_context: false,
                } => Some(index),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a county has bare names that need context (天台, 金东, "Putuo").
    pub fn needs_context(&self, county: usize) -> bool {
        self.counties
            .get(county)
            .is_some_and(|c| !c.bare_in_context.is_empty() || !c.names_en_in_context.is_empty())
    }

    /// Whether the char before or after a Chinese name makes it part of another word.
    fn chinese_guard(&self, chars: &[char], start: usize, end: usize, target: Target) -> bool {
        let (not_after, not_before) = match target {
            Target::City(i) => (self.cities[i].not_after.as_str(), ""),
            Target::Place(_) | Target::Outside(_) => self
                .place(target)
                .map_or(("", ""), |p| (p.not_after.as_str(), p.not_before.as_str())),
            Target::County { index, bare: true, .. } => {
                let framed = |frame: &String| {
                    let mut f = frame.chars();
                    let (before, after) = (f.next(), f.next());
                    start > 0 && before == Some(chars[start - 1]) && after.is_some() && chars.get(end).copied() == after
                };
                return self.counties[index].bare_not_in_frame.iter().any(framed);
            }
            _ => ("", ""),
        };
        start > 0 && not_after.contains(chars[start - 1]) || chars.get(end).is_some_and(|&c| not_before.contains(c))
    }

    /// Whether an English match counts: a whole word, in its exact case when it must be, not
    /// followed by what makes it something else (US$), and, outside Zhejiang, not half of a
    /// relation or a route (China-Europe, Sino-US, US-China).
    fn english_counts(&self, chars: &[char], start: usize, end: usize, pattern: &str, name: EnglishName) -> bool {
        let alphanumeric = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|c| c.is_alphanumeric());
        if alphanumeric(start.checked_sub(1)) || alphanumeric(Some(end)) {
            return false;
        }
        if name.cased && !chars[start..end].iter().copied().eq(pattern.chars()) {
            return false;
        }
        let Some(place) = self.place(name.target) else {
            return true;
        };
        let rest = &chars[end..];
        let followed_by = |word: &str| {
            let n = word.chars().count();
            rest.len() >= n
                && rest[..n]
                    .iter()
                    .zip(word.chars())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&b))
        };
        if place.not_before_en.iter().any(|w| followed_by(w)) {
            return false;
        }
        if !matches!(name.target, Target::Outside(_)) {
            return true;
        }
        let hyphen = |c: Option<&char>| c.is_some_and(|&c| matches!(c, '-' | '–'));
        let joined_before = start >= 2 && hyphen(chars.get(start - 1)) && chars[start - 2].is_alphanumeric();
        let before_china = hyphen(rest.first()) && {
            let word: String = rest[1..].iter().take_while(|c| c.is_alphanumeric()).collect();
            word == "China"
        };
        !(joined_before || before_china)
    }

    /// Drops bare county names that are ordinary words unless the context makes them places; a
    /// bare name another place shares (西湖, the lake) is that place instead.
    fn keep_in_context(&self, chars: &[char], found: Vec<Mention>, named_counties: &[usize]) -> Vec<Mention> {
        let is_division = |m: &Mention| matches!(m.target, Target::City(_) | Target::County { .. });
        let english = |m: &Mention| chars[m.start].is_ascii_alphabetic();
        let shared = |m: &Mention| {
            let text: String = chars[m.start..m.end].iter().collect();
            self.shared_names
                .iter()
                .find(|(n, _)| *n == text)
                .map(|&(_, target)| Mention { target, ..*m })
        };
        (0..found.len())
            .filter_map(|i| {
                let keep = self.in_context(chars, &found, i, named_counties, is_division, english);
                if keep { Some(found[i]) } else { shared(&found[i]) }
            })
            .collect()
    }

    /// Whether the mention at `i` counts where it stands: a name that needs no context, or a
    /// bare county name in its context.
    fn in_context(
        &self,
        chars: &[char],
        found: &[Mention],
        i: usize,
        named_counties: &[usize],
        is_division: impl Fn(&Mention) -> bool,
        english: impl Fn(&Mention) -> bool,
    ) -> bool {
        let m = &found[i];
        let Target::County {
            index,
            needs_context: true,
            ..
        } = m.target
        else {
            return true;
        };
        if named_counties.contains(&index) {
            return true;
        }
        let own_city = &self.counties[index].city;
        let is_own_city = |t: Target| matches!(t, Target::City(c) if self.cities[c].id == *own_city);
        let joined = |a: &Mention, b: &Mention| {
            if a.end > b.start {
                return false;
            }
            let between: String = chars[a.end..b.start].iter().collect();
            if english(m) {
                matches!(between.trim(), "," | "and" | ", and" | "、")
            } else {
                b.start - a.end == 1 && matches!(chars[a.end], '、' | '和' | '與' | '与' | '及')
            }
        };
        // In a list with another division (天台、仙居; 仙居和天台; "Xihu and Binjiang").
        let listed = (i > 0 && is_division(&found[i - 1]) && joined(&found[i - 1], m))
            || (i + 1 < found.len() && is_division(&found[i + 1]) && joined(m, &found[i + 1]));
        if english(m) {
            // In English, a paragraph that also names its city ("Zhoushan's Putuo").
            return listed || found.iter().any(|o| english(o) && is_own_city(o.target));
        }
        // Right after its own city or the province (台州天台, 台州市天台, 浙江天台).
        let after_city = i > 0
            && found[i - 1].end == m.start
            && (is_own_city(found[i - 1].target) || found[i - 1].target == Target::Province);
        after_city || listed
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
    fn an_autonomous_county_written_short_or_with_a_variant_keeps_its_suffix() {
        let g = gz();
        for (text, want) in [
            ("景寧縣今年新增企業", "景寧縣"),
            ("景宁县今年新增企业", "景宁县"),
            ("景寧畬族自治縣的產值", "景寧畬族自治縣"),
            ("景宁畲族自治县的产值", "景宁畲族自治县"),
        ] {
            let found = g.find(text);
            let chars: Vec<char> = text.chars().collect();
            let spans: Vec<String> = found.iter().map(|m| chars[m.start..m.end].iter().collect()).collect();
            assert_eq!(spans, [want], "{text}");
            assert_eq!(cities(text), ["lishui"], "{text}");
        }
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
    fn a_rooftop_is_no_county_even_in_its_articles_context() {
        let g = gz();
        let tiantai = g.counties_named(&g.find("天台县参加"));
        assert_eq!(tiantai.len(), 1);
        let found = |t: &str| g.find_in(t, &tiantai).len();
        assert_eq!(found("大家在天台上看风景。"), 0);
        assert_eq!(found("大家在天臺上看風景。"), 0);
        // Trap: the county's own half-year and the county as a place of work still count.
        assert_eq!(found("天台上半年GDP增长6%。"), 1);
        assert_eq!(found("他在天台工作。"), 1);
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

    /// The names `find` keeps in `text`, as written.
    fn names(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        gz().find(text)
            .iter()
            .map(|m| chars[m.start..m.end].iter().collect())
            .collect()
    }

    #[test]
    fn english_county_names_credit_their_prefecture() {
        assert_eq!(cities("Yuhuan, a county-level city in Taizhou"), ["taizhou"]);
        assert_eq!(cities("Workers in Qingtian county and Jinyun County"), ["lishui"]);
        assert_eq!(cities("YIWU, a county-level city"), ["jinhua"]);
        assert_eq!(cities("Cixi and Yuyao make appliances"), ["ningbo"]);
        assert_eq!(cities("Huangyan District hosts the conference"), ["taizhou"]);
        assert_eq!(cities("Deqing's geospatial industry"), ["huzhou"]);
        assert_eq!(cities("in Lin'an and Liandu"), ["hangzhou", "lishui"]);
        // Whole words only.
        assert!(cities("Yiwus and Cixiang").is_empty());
    }

    #[test]
    fn english_traps_need_their_city_or_a_list() {
        // A bare name that is also a word or another place needs context.
        assert!(cities("Putuo is a Buddhist name").is_empty());
        assert!(cities("a walk around Xihu and then dinner").is_empty());
        assert_eq!(cities("Putuo district of Zhoushan"), ["zhoushan"]);
        assert_eq!(cities("Zhoushan's Putuo"), ["zhoushan"]);
        assert_eq!(cities("Xihu and Binjiang districts"), ["hangzhou"]);
        assert_eq!(cities("Jiangshan, Changshan and Kaihua"), ["quzhou"]);
        // The longest name wins: a mountain in Zhoushan, not the district.
        assert_eq!(names("Mount Putuo draws pilgrims"), ["Mount Putuo"]);
        assert_eq!(cities("Mount Putuo draws pilgrims"), ["zhoushan"]);
        // Taizhou in Jiangsu is not Taizhou in Zhejiang.
        assert!(cities("Taizhou, Jiangsu Province").is_empty());
    }

    #[test]
    fn english_places_outside_zhejiang() {
        let g = gz();
        let outside = |text: &str| {
            g.find(text)
                .iter()
                .filter(|m| matches!(m.target, Target::Outside(_)))
                .count()
        };
        assert_eq!(outside("exports to the US, Japan and Inner Mongolia"), 3);
        assert_eq!(names("Inner Mongolia"), ["Inner Mongolia"]);
        // Exact case for names that are words in lower case.
        assert_eq!(outside("help us grow; Turkey and turkey"), 1);
        // Currencies and relations are not places.
        assert_eq!(outside("US$5 billion, 3 US dollars"), 0);
        assert_eq!(outside("China-Europe freight trains, Sino-US ties, US-China trade"), 0);
        assert_eq!(outside("the Yiwu-Madrid railway"), 0);
        assert_eq!(names("the Yiwu-Madrid railway"), ["Yiwu"]);
    }

    #[test]
    fn a_dropped_match_does_not_hide_the_name_it_overlaps() {
        assert_eq!(names("发展经济宁波先行"), ["宁波"]);
        assert_eq!(names("大力推广德清经验"), ["德清"]);
        assert_eq!(cities("推廣德清經驗"), ["huzhou"]);
        // A char after a Chinese name can make it another word.
        assert!(names("苏丹红是一种染料").is_empty());
        assert!(names("中东部地区").is_empty());
        assert_eq!(names("中东地区"), ["中东"]);
    }

    #[test]
    fn a_bare_name_shared_with_a_place_is_that_place_without_context() {
        let g = gz();
        let targets = |text: &str| -> Vec<Target> { g.find(text).iter().map(|m| m.target).collect() };
        // 西湖 alone is the lake; in a list of districts it is the district.
        assert!(matches!(targets("以西湖風光聞名")[..], [Target::Place(_)]));
        assert!(matches!(
            targets("西湖、滨江两区")[..],
            [Target::County { .. }, Target::County { .. }]
        ));
        assert_eq!(cities("以西湖风光闻名"), ["hangzhou"]);
    }

    #[test]
    fn seas_and_oceans_are_outside() {
        assert_eq!(names("舟山突出在東海海域,东出太平洋"), ["舟山", "東海", "太平洋"]);
        assert!(names("东海岸线,太平洋保险").is_empty());
        assert_eq!(names("in the East China Sea"), ["East China Sea"]);
    }

    #[test]
    fn county_slugs_do_not_follow_spelling_corrections() {
        let g = gz();
        let slug = |adcode: &str| g.counties.iter().find(|c| c.adcode == adcode).map(|c| c.slug.as_str());
        // Spelled Liandou and Linan when these ids were first published.
        assert_eq!(
            g.counties
                .iter()
                .find(|c| c.adcode == "331102")
                .map(|c| c.name_en.as_str()),
            Some("Liandu District")
        );
        assert_eq!(slug("331102"), Some("liandou-district"));
        assert_eq!(slug("330112"), Some("linan-district"));
        assert_eq!(slug("330381"), Some("ruian-city"));
        assert_eq!(slug("331003"), Some("huangyan-district"));
        let mut slugs: Vec<(&str, &str)> = g.counties.iter().map(|c| (c.city.as_str(), c.slug.as_str())).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 90);
    }

    #[test]
    fn offsets_are_chars() {
        let g = gz();
        let m = g.find("在寧波")[0];
        assert_eq!((m.start, m.end), (1, 3));
    }
}
