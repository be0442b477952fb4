//! Word segmentation, for finding where a term starts on its left when the article does not
//! quote it (发放算力券(即…) defines 算力券, not 发放算力券). jieba-rs (MIT) with its own
//! dictionary, loaded on first use: a corpus without a definition pattern never pays for it
//! (the dictionary takes about 0.2 s to load in a release build).

use crate::knowledge::RuleWords;
use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::OnceLock;

static JIEBA: OnceLock<Jieba> = OnceLock::new();

fn jieba() -> &'static Jieba {
    JIEBA.get_or_init(Jieba::new)
}

/// The words of `chars` with their part-of-speech tags (jieba's: `n` noun, `v` verb, `p`
/// preposition, `uj` 的 …). The text is segmented in Simplified (folded char by char, so the
/// offsets are those of `chars` in either script).
pub fn words(chars: &[char]) -> Vec<(Range<usize>, &'static str)> {
    let folded: String = chars
        .iter()
        .map(|&c| crate::text::script::fold_char_cached(c))
        .collect();
    jieba()
        .tag(&folded, true)
        .into_iter()
        .map(|t| (t.start..t.end, static_tag(t.tag)))
        .collect()
}

/// Tags as `'static` strings: the few kinds the callers tell apart.
fn static_tag(tag: &str) -> &'static str {
    match tag {
        "ns" => "ns",
        "nt" => "nt",
        "vn" => "vn",
        "eng" => "eng",
        _ => match tag.chars().next() {
            Some('n') => "n",
            Some('v') => "v",
            Some('p') => "p",
            Some('u') => "u",
            Some('c') => "c",
            Some('r') => "r",
            Some('d') => "d",
            Some('t') => "t",
            Some('x') => "x",
            _ => "other",
        },
    }
}

/// Where the name ending at `chars.len()` starts (成立了浙江省人工智能产业联盟 →
/// 浙江省人工智能产业联盟). It starts after the last particle, preposition, conjunction (but
/// 和, 与, 及 and 、, which join names), pronoun, adverb, time word or punctuation; within that, at the first place or organisation
/// name (浙江省, 浙江大学) when one comes before the last word, else after the verbs that lead
/// (设立省人工智能研究中心 → 省人工智能研究中心).
pub fn noun_phrase_start(chars: &[char], rule_words: &RuleWords) -> usize {
    let words = words(chars);
    // 和, 与, 及 and 、 join names into one (数据商和第三方专业服务机构(以下简称“数商”)).
    let joins = |range: &Range<usize>| {
        let word: String = chars[range.clone()].iter().collect();
        rule_words.name_joins.contains(&crate::text::script::to_hans(&word))
    };
    let stop = |(range, tag): &(Range<usize>, &str)| {
        !joins(range)
            && (matches!(*tag, "p" | "u" | "c" | "r" | "d" | "t")
                || (*tag == "x" && !range.clone().all(|i| chars[i].is_alphanumeric())))
    };
    let from = words.iter().rposition(stop).map_or(0, |k| k + 1);
    let region = &words[from..];
    let Some(last) = region.len().checked_sub(1) else {
        return chars.len();
    };
    if let Some((range, _)) = region[..last].iter().find(|(_, tag)| matches!(*tag, "ns" | "nt")) {
        return range.start;
    }
    // Leading verbs (verbal nouns too, 培育) are what is done to the name, while two words or
    // more of it remain.
    let lead = region
        .iter()
        .take_while(|(_, tag)| matches!(*tag, "v" | "vn"))
        .count()
        .min(region.len().saturating_sub(2));
    region.get(lead).map_or(chars.len(), |(range, _)| range.start)
}

/// Whether the dictionary has been loaded in this process.
#[cfg(test)]
fn loaded() -> bool {
    JIEBA.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let tables = crate::knowledge::ExplainTables::embedded().unwrap();
        chars[noun_phrase_start(&chars, &tables.words)..].iter().collect()
    }

    #[test]
    fn noun_phrases_end_at_verbs_in_both_scripts() {
        assert_eq!(phrase("成立了浙江省人工智能产业技术联盟"), "浙江省人工智能产业技术联盟");
        assert_eq!(phrase("成立了浙江省人工智能產業技術聯盟"), "浙江省人工智能產業技術聯盟");
        assert_eq!(
            phrase("去年成立浙江省人工智能产业技术联盟"),
            "浙江省人工智能产业技术联盟"
        );
        assert_eq!(phrase("由浙江大学牵头组建的人工智能创新联合体"), "人工智能创新联合体");
        assert_eq!(phrase("設立省人工智能發展研究中心"), "省人工智能發展研究中心");
        assert_eq!(phrase("培育數據商和第三方專業服務機構"), "數據商和第三方專業服務機構");
        let chars: Vec<char> = "发放算力券".chars().collect();
        let starts: Vec<usize> = words(&chars).iter().map(|(r, _)| r.start).collect();
        assert!(starts.contains(&2), "{starts:?}");
        assert!(loaded());
    }
}
