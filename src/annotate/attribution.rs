//! Which prefectures a paragraph is about: those it names directly, through one of their
//! districts or counties (黄岩 → taizhou), or through a place inside them (杭州湾新区 → ningbo);
//! 我市/本市 in an article published by one city's paper; and, for a short paragraph that only
//! continues the previous one (背后的原因,并不难理解。), the previous paragraph's cities.

use crate::knowledge::gazetteer::{Gazetteer, Mention};
use crate::knowledge::lexicon::Lexicon;

/// Longest paragraph that can inherit its topic from the one before.
const MAX_CONTINUATION_CHARS: usize = 30;

/// The cities a paragraph names, in order of first mention.
pub fn named_cities(gazetteer: &Gazetteer, mentions: &[Mention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        for city in gazetteer.cities_of(m.target) {
            if !out.iter().any(|c| c == city) {
                out.push(city.to_string());
            }
        }
    }
    out
}

/// 我市/本市/全市 when the publisher is one city's: that city.
pub fn this_city(text: &str, home_city: Option<&str>, lexicon: &Lexicon) -> Option<String> {
    let home = home_city?;
    lexicon
        .this_city
        .iter()
        .any(|w| text.contains(w.as_str()))
        .then(|| home.to_string())
}

/// A short paragraph with no place of its own that opens with a continuation word.
pub fn continues_previous(text: &str, mentions: &[Mention], lexicon: &Lexicon) -> bool {
    mentions.is_empty()
        && text.chars().count() <= MAX_CONTINUATION_CHARS
        && lexicon.continuation.iter().any(|w| text.starts_with(w.as_str()))
}

/// The city a publisher belongs to (宁波日报 → ningbo), when it names exactly one.
pub fn home_city(gazetteer: &Gazetteer, publisher: Option<&str>) -> Option<String> {
    let publisher = publisher?;
    let cities = named_cities(gazetteer, &gazetteer.find(publisher));
    match cities.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counties_and_places_count_for_their_city() {
        let gz = Gazetteer::embedded().unwrap();
        let cities = |t: &str| named_cities(&gz, &gz.find(t));
        assert_eq!(cities("台州持續推動位於黃岩的浙東南智算中心建設"), ["taizhou"]);
        assert_eq!(
            cities("向寧波、嘉興、紹興等環杭州灣地區集聚"),
            ["ningbo", "jiaxing", "shaoxing"]
        );
        assert_eq!(cities("衢州相關部門前往上海"), ["quzhou"]);
        assert!(cities("較北京、深圳也還存在差距").is_empty());
    }

    #[test]
    fn continuation_and_this_city() {
        let gz = Gazetteer::embedded().unwrap();
        let lex = Lexicon::embedded().unwrap();
        let t = "背后的原因,並不難理解。";
        assert!(continues_previous(t, &gz.find(t), &lex));
        let t = "值得注意的是,浙江的其他城市同样在寻找机遇。";
        assert!(!continues_previous(t, &gz.find(t), &lex));
        assert_eq!(home_city(&gz, Some("宁波日报")).as_deref(), Some("ningbo"));
        assert_eq!(
            this_city("我市新增企业300家", Some("ningbo"), &lex).as_deref(),
            Some("ningbo")
        );
        assert_eq!(this_city("我市新增企业300家", None, &lex), None);
    }
}
