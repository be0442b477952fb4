//! Which characters are Chinese. One test for a Han character, and one for the wider set of
//! characters only East Asian text writes, which every stage asks here rather than spelling
//! out ranges of its own.

/// Whether `c` is a Han character: CJK Unified Ideographs with Extension A, and the
/// Compatibility Ideographs (the Basic Multilingual Plane's; the rarer extensions beyond it do
/// not occur in policy news).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether `c` is written only in East Asian text: a Han character, or a radical, CJK
/// punctuation mark (、。「」《》), kana, a compatibility form or a full-width form (，：（）).
/// Such characters take no space between them (hard-wrapped lines join without one) and say a
/// text is Chinese rather than English.
pub fn is_wide(c: char) -> bool {
    is_han(c) || matches!(c, '\u{2E80}'..='\u{33FF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_wide_characters() {
        for c in ['寧', '宁', '㐀', '鿿', '\u{F900}'] {
            assert!(is_han(c) && is_wide(c), "{c}");
        }
        for c in ['、', '。', '《', '，', '：', '（', 'Ａ', '\u{FE31}'] {
            assert!(!is_han(c) && is_wide(c), "{c}");
        }
        for c in ['a', '1', '.', ',', '—', 'é', ' '] {
            assert!(!is_han(c) && !is_wide(c), "{c}");
        }
    }
}
