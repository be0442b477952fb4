//! Organisations and facilities: a place (or 中国/国家/省) followed by a name that ends in an
//! organisation word (浙江省发展改革委, 中国(温州)数安港, 浙东南智算中心). A name is only taken
//! when the text marks it clearly, i.e. when it starts with a place; 探索建立机器人训练数据中心
//! is a plan, not a named organisation. A name never holds a verb or a count (嘉兴两家企业通过
//! 国家网信办 names 国家网信办), and an organisation word that belongs to a verb (温州举办) ends
//! no name. Spellings of one organisation (浙江省發改委, 浙江省发展和改革委员会) share one id.
//! The word lists are data (`[org]` in `data/lexicon.toml`).

use super::numerals::{arabic_digit, chinese_digit};
use crate::knowledge::Lexicon;
use crate::knowledge::{Gazetteer, Mention, Target};
use crate::text::script;

/// Longest organisation name, in chars.
const MAX_ORG_CHARS: usize = 16;

/// A named organisation found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundOrg {
    pub start: usize,
    pub end: usize,
}

/// Every clearly named organisation, given the place names already found in the text.
pub fn find(chars: &[char], places: &[Mention], lexicon: &Lexicon, taken: &[(usize, usize)]) -> Vec<FoundOrg> {
    let taken = super::spans::mask(chars.len(), taken);
    let free = |i: usize| !taken[i];
    let words = &lexicon.org;
    let mut out: Vec<FoundOrg> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(suffix) = words.suffixes.longest_at(chars, i) else {
            i += 1;
            continue;
        };
        // 举办, 布局: the organisation word belongs to another word.
        if (i + 1..=i + suffix).any(|e| words.false_endings.longest_before(chars, e).is_some_and(|n| e - n < i)) {
            i += 1;
            continue;
        }
        let mut end = i + suffix;
        // 政府 + 办公室, 研究院 + 中心: an organisation word right after another extends the name.
        while let Some(next) = words.suffixes.longest_at(chars, end) {
            end += next;
        }
        // Inside a place name (香港, 宁波舟山港): the place wins.
        if places.iter().any(|m| m.start < end && i < m.end && m.end >= end) {
            i = end;
            continue;
        }
        // A long form holding a stop word (发展和改革委员会, 经济和信息化局) is read whole.
        let anchor = words
            .abbreviations
            .iter()
            .find_map(|(long, _)| {
                let n = long.chars().count();
                (n <= end
                    && chars[end - n..end]
                        .iter()
                        .map(|&c| script::fold_char(c))
                        .eq(long.chars()))
                .then(|| end - n)
            })
            .map_or(i, |s| s.min(i));
        let floor = out
            .last()
            .map_or(0, |o| o.end)
            .max(anchor.saturating_sub(MAX_ORG_CHARS));
        let mut left = anchor;
        while left > floor && !words.left_stops.contains(chars[left - 1]) {
            left -= 1;
        }
        // A verb or a count (通过, 两家) cannot stand inside a name: it starts after the last one.
        let mut k = left;
        while k < anchor {
            if let Some(n) = words.name_breaks.longest_at(chars, k) {
                k += n;
                left = left.max(k);
            } else if let Some(n) = count_at(chars, k, lexicon) {
                k += n;
                left = left.max(k);
            } else {
                k += 1;
            }
        }
        // The name starts at the first place or organisation prefix inside the window.
        let start = (left..i).find(|&k| {
            places.iter().any(|m| m.start == k)
                || words
                    .prefixes
                    .longest_at(chars, k)
                    .is_some_and(|n| n > 1 && !chars.get(k + n).is_some_and(|&c| words.level_marks.contains(c)))
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

/// A number and its classifier at `at` (两家, 3个): its length.
fn count_at(chars: &[char], at: usize, lexicon: &Lexicon) -> Option<usize> {
    let digits = chars[at..]
        .iter()
        .take_while(|&&c| arabic_digit(c).is_some() || chinese_digit(c).is_some())
        .count();
    if digits == 0 {
        return None;
    }
    let unit = lexicon
        .figure
        .units
        .iter()
        .find(|(w, _)| chars[at + digits..].starts_with(&w.chars().collect::<Vec<_>>()))?;
    Some(digits + unit.0.chars().count())
}

/// One id for every spelling of an organisation: the place it starts with written in full in
/// Simplified (浙江 → 浙江省, 溫州 → 温州市), the rest folded to Simplified, long forms read as
/// their short forms (发展和改革委员会 → 发改委).
pub fn canonical_name(text: &str, inside: &[Mention], gazetteer: &Gazetteer, lexicon: &Lexicon) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    if let Some(m) = inside.first().filter(|m| m.start == 0) {
        let name = match m.target {
            // The longest of the province's names is its full name (浙江省).
            Target::Province => gazetteer
                .province
                .names
                .iter()
                .max_by_key(|n| n.chars().count())
                .map(|n| script::to_hans(n)),
            Target::City(i) => Some(format!("{}市", gazetteer.cities[i].name_hans)),
            Target::County { index, .. } => gazetteer.counties[index].names.first().map(|n| script::to_hans(n)),
            Target::Place(_) | Target::Outside(_) => None,
        };
        if let Some(name) = name {
            out.push_str(&name);
            at = m.end;
        }
    }
    let rest: String = chars[at..].iter().collect();
    let mut rest = script::to_hans(&rest);
    for (long, short) in &lexicon.org.abbreviations {
        if rest.contains(long.as_str()) {
            rest = rest.replace(long.as_str(), short);
        }
    }
    out.push_str(&rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let gz = Gazetteer::embedded().unwrap();
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &gz.find(text), &lex, &[])
            .iter()
            .map(|o| chars[o.start..o.end].iter().collect())
            .collect()
    }

    fn canonical(text: &str) -> String {
        let gz = Gazetteer::embedded().unwrap();
        let lex = Lexicon::embedded().unwrap();
        canonical_name(text, &gz.find(text), &gz, &lex)
    }

    #[test]
    fn named_organisations() {
        assert_eq!(orgs("2024年10月,浙江省發展改革委發布了"), ["浙江省發展改革委"]);
        assert_eq!(orgs("依托中國(溫州)數安港建設"), ["中國(溫州)數安港"]);
        assert_eq!(orgs("推動位於黃岩的浙東南智算中心建設"), ["浙東南智算中心"]);
        assert_eq!(orgs("杭州市经信局和宁波市政府"), ["杭州市经信局", "宁波市政府"]);
        // A long form holding 和 is one name.
        assert_eq!(
            orgs("反馈至湖州市经济和信息化局数字经济处,浙江省發展和改革委員會表示"),
            ["湖州市经济和信息化局", "浙江省發展和改革委員會"]
        );
    }

    #[test]
    fn plans_and_places_are_not_organisations() {
        assert!(orgs("探索建立機器人訓練數據中心").is_empty());
        assert!(orgs("前往香港和宁波舟山港").is_empty());
        assert!(orgs("省政府部署").is_empty());
    }

    #[test]
    fn a_city_and_a_verb_are_not_an_organisation() {
        assert!(orgs("自2022年溫州舉辦首屆數安發展大會以來").is_empty());
        assert!(orgs("自2022年温州举办首届数安发展大会以来").is_empty());
        assert!(orgs("杭州布局人工智能产业").is_empty());
    }

    #[test]
    fn a_name_holds_no_verb_or_count() {
        assert_eq!(orgs("嘉兴两家企业通过国家网信办备案"), ["国家网信办"]);
        assert_eq!(orgs("嘉興兩家企業通過國家網信辦備案"), ["國家網信辦"]);
        assert_eq!(orgs("温州3家企业获批国家级中心"), Vec::<String>::new());
    }

    #[test]
    fn spellings_of_one_organisation_share_a_name() {
        let want = canonical("浙江省发改委");
        assert_eq!(want, "浙江省发改委");
        for spelling in [
            "浙江省發改委",
            "浙江省發展改革委",
            "浙江省发展和改革委员会",
            "浙江發展和改革委員會",
        ] {
            assert_eq!(canonical(spelling), want, "{spelling}");
        }
        assert_eq!(canonical("溫州市人民政府"), canonical("温州市政府"));
        assert_ne!(canonical("温州市政府"), canonical("杭州市政府"));
    }
}
