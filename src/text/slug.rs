//! Ids for terms and documents that read well in a URL and are the same in both scripts:
//! the pinyin of the Simplified spelling (人工智能+制造 → `ren-gong-zhi-neng-plus-zhi-zao`).

use crate::text::script;
use pinyin::ToPinyin;

/// Longest slug before it is cut and given a hash suffix.
const MAX_SLUG: usize = 48;

/// A URL-safe id for `text`, identical for its Traditional and Simplified spellings.
pub fn slug(text: &str) -> String {
    let folded: String = script::to_hans(text)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut ascii = String::new();
    let flush = |ascii: &mut String, words: &mut Vec<String>| {
        if !ascii.is_empty() {
            words.push(std::mem::take(ascii));
        }
    };
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            ascii.push(c.to_ascii_lowercase());
            continue;
        }
        flush(&mut ascii, &mut words);
        if c == '+' {
            words.push("plus".to_string());
        } else if let Some(p) = c.to_pinyin() {
            // ü is not ASCII: written v, as pinyin keyboards do (lüe → lve).
            words.push(p.plain().replace('ü', "v"));
        }
    }
    flush(&mut ascii, &mut words);
    let full = words.join("-");
    if full.is_empty() {
        return format!("x-{}", super::hash::short_hash(&folded));
    }
    if full.len() <= MAX_SLUG {
        return full;
    }
    let mut cut = String::new();
    for word in &words {
        if cut.len() + word.len() + 1 > MAX_SLUG - 7 {
            break;
        }
        if !cut.is_empty() {
            cut.push('-');
        }
        cut.push_str(word);
    }
    format!("{cut}-{}", super::hash::short_hash(&folded))
}

/// The key a list of Chinese words is sorted by: the pinyin of each char (without tones), then
/// the folded text, so that 寧波 and 宁波 sort alike and digits and Latin letters come first.
pub fn pinyin_key(text: &str) -> (String, String) {
    let folded = script::fold(text);
    let mut key = String::with_capacity(folded.len() * 2);
    for c in folded.chars().filter(|c| !"“”‘’「」『』《》\"'".contains(*c)) {
        match c.to_pinyin() {
            Some(p) => {
                key.push_str(&p.plain().replace('ü', "v"));
                key.push(' ');
            }
            None => key.push(c),
        }
    }
    (key, folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_in_both_scripts() {
        assert_eq!(slug("人工智能+製造"), slug("人工智能+制造"));
        assert_eq!(slug("人工智能+制造"), "ren-gong-zhi-neng-plus-zhi-zao");
        assert_eq!(slug("AI+工業"), "ai-plus-gong-ye");
        assert_eq!(slug("510"), "510");
        assert_eq!(slug("八八戰略"), "ba-ba-zhan-lve");
    }

    #[test]
    fn long_titles_are_cut_with_a_hash() {
        let s = slug("关于支持人工智能创新发展的若干措施关于支持人工智能创新发展的若干措施");
        assert!(s.len() <= MAX_SLUG, "{s}");
        assert_ne!(
            s,
            slug("关于支持人工智能创新发展的若干措施关于支持人工智能创新发展的若干办法")
        );
    }

    #[test]
    fn punctuation_only_still_has_an_id() {
        assert!(slug("……").starts_with("x-"));
    }
}
