//! Organisations and facilities: a place (or 中国/国家/省) followed by a name that ends in an
//! organisation word (浙江省发展改革委, 中国(温州)数安港, 浙东南智算中心). A name is only taken
//! when the text marks it clearly, i.e. when it starts with a place; 探索建立机器人训练数据中心
//! is a plan, not a named organisation.

use crate::knowledge::gazetteer::Mention;
use crate::knowledge::lexicon::Lexicon;

/// Longest organisation name, in chars.
const MAX_ORG_CHARS: usize = 16;
/// Characters that end a name on its left: function words and punctuation.
const LEFT_STOPS: &str =
    "的在于於和与與及是为為将將把对對向从從由被让讓使至到以并並或、，,。；;：:！？!?“”「」《》 \u{3000}—";

/// A named organisation found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundOrg {
    pub start: usize,
    pub end: usize,
}

/// Every clearly named organisation, given the place names already found in the text.
pub fn find(chars: &[char], places: &[Mention], lexicon: &Lexicon, taken: &[(usize, usize)]) -> Vec<FoundOrg> {
    let taken = super::mask(chars.len(), taken);
    let free = |i: usize| !taken[i];
    let mut out: Vec<FoundOrg> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(suffix) = lexicon.org_suffixes.longest_at(chars, i) else {
            i += 1;
            continue;
        };
        let mut end = i + suffix;
        // 政府 + 办公室, 研究院 + 中心: an organisation word right after another extends the name.
        while let Some(next) = lexicon.org_suffixes.longest_at(chars, end) {
            end += next;
        }
        // Inside a place name (香港, 宁波舟山港): the place wins.
        if places.iter().any(|m| m.start < end && i < m.end && m.end >= end) {
            i = end;
            continue;
        }
        let floor = out.last().map_or(0, |o| o.end).max(i.saturating_sub(MAX_ORG_CHARS));
        let mut left = i;
        while left > floor && !LEFT_STOPS.contains(chars[left - 1]) {
            left -= 1;
        }
        // The name starts at the first place or organisation prefix inside the window.
        let start = (left..i).find(|&k| {
            places.iter().any(|m| m.start == k) || lexicon.org_prefixes.longest_at(chars, k).is_some_and(|n| n > 1)
        });
        if let Some(start) = start
            && end - start > 2
            && (start..end).all(free)
            && !places.iter().any(|m| m.start == start && m.end >= end)
        {
            out.push(FoundOrg { start, end });
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::gazetteer::Gazetteer;

    fn orgs(text: &str) -> Vec<String> {
        let gz = Gazetteer::embedded().unwrap();
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &gz.find(text), &lex, &[])
            .iter()
            .map(|o| chars[o.start..o.end].iter().collect())
            .collect()
    }

    #[test]
    fn named_organisations() {
        assert_eq!(orgs("2024年10月,浙江省發展改革委發布了"), ["浙江省發展改革委"]);
        assert_eq!(orgs("依托中國(溫州)數安港建設"), ["中國(溫州)數安港"]);
        assert_eq!(orgs("推動位於黃岩的浙東南智算中心建設"), ["浙東南智算中心"]);
        assert_eq!(orgs("杭州市经信局和宁波市政府"), ["杭州市经信局", "宁波市政府"]);
    }

    #[test]
    fn plans_and_places_are_not_organisations() {
        assert!(orgs("探索建立機器人訓練數據中心").is_empty());
        assert!(orgs("前往香港和宁波舟山港").is_empty());
        assert!(orgs("省政府部署").is_empty());
    }
}
