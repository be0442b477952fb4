//! Towns, townships, streets (subdistricts), villages, lakes, islands, reservoirs and wetlands the
//! gazetteer does not list, read from how their names end: 东孝街道, 大唐镇, 大田村, 东钱湖,
//! 长潭水库, "Datian Village". A name is two Chinese chars
//! before the word that ends it, standing at a word's start (after a mark, a function word or a
//! county's name: 遂昌县大田村), or, in English, one capitalised word spelled in pinyin before
//! "Village", "Town", "Township" or "Subdistrict". Words that end the same way but are no name
//! (农村, 乡镇, 特色小镇, 行政村) are data, as are the suffixes (`[place]` in
//! `data/lexicon.toml`). Once an article has named a town, its bare name is the town too
//! (大唐镇 … 大唐袜业; Datian Village … Datian's tea).
//!
//! Such a place names no city: a town is credited to a city only through the county written
//! right before it, and it is never a clause's subject (its claims take the article's).

use super::spans::starts_with;
use crate::knowledge::{Lexicon, Mention, PlaceWords};
use crate::text::script::fold_char_cached;

/// A town, township, street or village found in a paragraph; offsets in chars.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTown {
    pub start: usize,
    pub end: usize,
    /// Where its own name ends (大田 of 大田村, Datian of Datian Village).
    pub name_end: usize,
    /// The county or city written right before it (遂昌县大田村).
    pub after: Option<Mention>,
    /// A town, township, street or village (not a lake or an island), whose bare name is the
    /// place too once the article named it.
    pub settlement: bool,
}

fn is_han(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

/// Whether `word` is spelled in pinyin syllables (Datian: da + tian), ignoring case.
pub fn is_pinyin(word: &str, words: &PlaceWords) -> bool {
    let word = word.to_ascii_lowercase();
    // Longest syllable first at each position, with a step back when the rest cannot be spelled
    // (xian is xian, not xi + an; but xi'an is written with its apostrophe).
    fn spell(rest: &str, words: &PlaceWords) -> bool {
        rest.is_empty()
            || words
                .pinyin_syllables
                .iter()
                .any(|s| rest.starts_with(s.as_str()) && spell(&rest[s.len()..], words))
    }
    !word.is_empty() && word.len() <= 18 && spell(&word, words)
}

/// Every town named with its suffix in `chars`, outside the places already found (`mentions`).
pub fn find(chars: &[char], mentions: &[Mention], lexicon: &Lexicon) -> Vec<FoundTown> {
    let words = &lexicon.place;
    let inside_mention = |k: usize| mentions.iter().any(|m| m.start <= k && k < m.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Chinese: two chars, then 镇/乡/村/街道 (or 湖/岛/水库/湿地).
        let settlement = words.town_suffixes.longest_at(chars, i);
        if let Some(n) = settlement.or_else(|| words.feature_suffixes.longest_at(chars, i))
            && i >= 2
            && is_han(chars[i - 2])
            && is_han(chars[i - 1])
            && !(i - 2..i + n).any(inside_mention)
            && !words.not_towns.ends_at(chars, i + n)
            && !words.not_towns.starts_at(chars, i)
            && ![chars[i - 2], chars[i - 1]]
                .iter()
                .any(|&c| lexicon.org.left_stops.contains(c) || words.not_in_names.contains(c))
        {
            let start = i - 2;
            let after = mentions.iter().find(|m| m.end == start).copied();
            let at_word_start = start == 0
                || after.is_some()
                || !is_han(chars[start - 1])
                || lexicon.org.left_stops.contains(chars[start - 1]);
            if at_word_start {
                out.push(FoundTown {
                    start,
                    end: i + n,
                    name_end: i,
                    after,
                    settlement: settlement.is_some(),
                });
                i += n;
                continue;
            }
        }
        // English: Datian Village.
        if chars[i].is_ascii_uppercase() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let name_end = (i..chars.len())
                .find(|&k| !chars[k].is_ascii_alphabetic())
                .unwrap_or(chars.len());
            let name: String = chars[i..name_end].iter().collect();
            let suffix = words
                .town_suffixes_en
                .iter()
                .find(|s| chars.get(name_end) == Some(&' ') && starts_with(chars, name_end + 1, s))
                .map(|s| name_end + 1 + s.chars().count())
                .filter(|&e| !chars.get(e).is_some_and(|c| c.is_ascii_alphanumeric()));
            if let Some(end) = suffix
                && !(i..end).any(inside_mention)
                && is_pinyin(&name, words)
            {
                out.push(FoundTown {
                    start: i,
                    end,
                    name_end,
                    after: None,
                    settlement: true,
                });
                i = end;
                continue;
            }
            i = name_end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out.extend(listed_towns(chars, &out, &inside_mention, words));
    out.sort_by_key(|t| t.start);
    out
}

/// The names listed before 等N个镇乡 (安华、五泄、王家井、暨阳等12个镇乡(街道)): towns named
/// without their suffix, which the list's closing words give them. Each item stands between
/// 、 marks; the first is the two or three chars before its 、 when what comes before it is
/// not a mark (草塔镇乃至安华、…).
fn listed_towns(
    chars: &[char],
    found: &[FoundTown],
    inside_mention: &dyn Fn(usize) -> bool,
    words: &PlaceWords,
) -> Vec<FoundTown> {
    const COUNT: &str = "0123456789一二三四五六七八九十百几幾多余餘";
    let mut out = Vec::new();
    for (deng, _) in chars.iter().enumerate().filter(|(_, c)| **c == '等') {
        let mut k = deng + 1;
        while chars.get(k).is_some_and(|c| COUNT.contains(*c)) {
            k += 1;
        }
        // A number of towns, not 等多个乡镇 (a vague many, after any list of things).
        if !chars[deng + 1..k].iter().any(|c| !"多余餘".contains(*c)) {
            continue;
        }
        if chars.get(k).is_some_and(|c| matches!(c, '个' | '個')) {
            k += 1;
        }
        if !words.town_suffixes.starts_at(chars, k) {
            continue;
        }
        // Back from 等 over items separated by 、: each two or three chars; only the first may
        // be the tail of a longer run (…乃至安华), of which its last two chars are the name.
        let mut items = Vec::new();
        let mut end = deng;
        loop {
            let mut start = end;
            while start > 0 && is_han(chars[start - 1]) {
                start -= 1;
            }
            let after_mark = start > 0 && chars[start - 1] == '、';
            let start = match end - start {
                2 | 3 => start,
                n if n > 3 && !after_mark => end - 2,
                _ => {
                    items.clear();
                    break;
                }
            };
            if (start..end).any(|k| inside_mention(k) || words.not_in_names.contains(chars[k]))
                || found.iter().any(|t| t.start < end && start < t.end)
            {
                items.clear();
                break;
            }
            items.push((start, end));
            if !after_mark || start < 2 {
                break;
            }
            end = start - 1;
        }
        // One name alone before 等 is no list (产业园等3个镇).
        if items.len() >= 2 {
            out.extend(items.into_iter().map(|(start, end)| FoundTown {
                start,
                end,
                name_end: end,
                after: None,
                settlement: true,
            }));
        }
    }
    out
}

/// The bare names of towns an article named with their suffix (大唐, Datian), folded to
/// Simplified: found again wherever they stand as a word of their own.
pub fn find_bare(chars: &[char], names: &[Vec<char>], mentions: &[Mention], taken: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    'at: while i < chars.len() {
        for name in names {
            let n = name.len();
            let fits = i + n <= chars.len()
                && chars[i..i + n]
                    .iter()
                    .zip(name)
                    .all(|(&c, &w)| fold_char_cached(c) == w)
                && !(i..i + n).any(|k| taken[k] || mentions.iter().any(|m| m.start <= k && k < m.end));
            let latin = name[0].is_ascii_alphabetic();
            let bounded = !latin
                || (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
                    && !chars.get(i + n).is_some_and(|c| c.is_ascii_alphanumeric());
            if fits && bounded {
                out.push((i, i + n));
                i += n;
                continue 'at;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Gazetteer;

    fn towns(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded().unwrap();
        let gz = Gazetteer::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &gz.find(text), &lex)
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn towns_streets_and_villages_in_both_scripts() {
        assert_eq!(towns("位于东孝街道的项目"), ["东孝街道"]);
        assert_eq!(towns("位於東孝街道的項目"), ["東孝街道"]);
        assert_eq!(towns("诸暨市大唐镇,遂昌县大田村"), ["大唐镇", "大田村"]);
        assert_eq!(
            towns("坐拥“大水缸”長潭水庫,南部是——鑒洋湖城市濕地"),
            ["長潭水庫", "鑒洋湖"]
        );
        assert_eq!(towns("farmers in Datian Village, Suichang County"), ["Datian Village"]);
    }

    #[test]
    fn names_listed_before_so_many_towns_are_towns() {
        assert_eq!(
            towns("合并的草塔镇乃至安华、五泄、王家井、暨阳等12个镇乡(街道)"),
            ["草塔镇", "安华", "五泄", "王家井", "暨阳"]
        );
        assert_eq!(
            towns("合并的草塔鎮乃至安華、五洩、暨陽等12個鎮鄉"),
            ["草塔鎮", "安華", "五洩", "暨陽"]
        );
        let none: Vec<String> = Vec::new();
        // Not a list of names: one item, or items that are not two or three chars.
        assert_eq!(towns("覆盖产业园等3个镇"), none);
        assert_eq!(towns("覆盖数字经济产业、先进制造业等多个乡镇"), none);
        assert_eq!(towns("推进工业、农业等各村"), none);
        assert_eq!(towns("推进工业、农业等多个乡镇"), none);
    }

    #[test]
    fn words_that_end_like_a_town_are_not_one() {
        let none: Vec<String> = Vec::new();
        assert_eq!(towns("建设特色小镇和美丽乡村,推进城乡融合,全市行政村,农村电商"), none);
        assert!(towns("宁波镇海区").is_empty());
        assert!(towns("湖州市的海岛,在湖畔").is_empty());
        assert!(towns("the Olympic Village and Old Town").is_empty());
        assert!(towns("新增2个镇").is_empty());
    }

    #[test]
    fn pinyin_names() {
        let lex = Lexicon::embedded().unwrap();
        for w in ["Datian", "Xiaoshan", "Zhuang", "Anji"] {
            assert!(is_pinyin(w, &lex.place), "{w}");
        }
        for w in ["Olympic", "Global", "Old"] {
            assert!(!is_pinyin(w, &lex.place), "{w}");
        }
    }
}
