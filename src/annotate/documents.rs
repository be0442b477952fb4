//! Documents: titles in 《》, nested marks and quotes included
//! (《浙江省“人工智能+”行动计划(2024—2027年)(征求意见稿)》). The span excludes the 《》.
//! A short name introduced with 以下简称 is recorded as an alias of the title before it.
//!
//! Which titles are policy documents, and what a title says, is read in [`super::title`].

use crate::knowledge::Lexicon;

/// A title found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTitle {
    /// Offsets of the title without its 《》.
    pub start: usize,
    pub end: usize,
    /// `true` when this title is the short name of the title just before it (以下简称《方案》).
    pub short_name_of_previous: bool,
}

/// Every 《…》 title in `chars`, outermost only, documents or not.
pub fn find(chars: &[char], lexicon: &Lexicon) -> Vec<FoundTitle> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '《' {
            i += 1;
            continue;
        }
        let mut depth = 0;
        let mut close = None;
        for (k, &c) in chars.iter().enumerate().skip(i) {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        if close > i + 1 {
            let before: String = chars[i.saturating_sub(4)..i].iter().collect();
            let short = lexicon
                .document
                .short_name_marks
                .iter()
                .any(|m| before.contains(m.as_str()));
            out.push(FoundTitle {
                start: i + 1,
                end: close,
                short_name_of_previous: short,
            });
        }
        i = close + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(String, bool)> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        find(&chars, &lex)
            .iter()
            .map(|t| (chars[t.start..t.end].iter().collect(), t.short_name_of_previous))
            .collect()
    }

    #[test]
    fn nested_quotes_and_brackets_stay_inside() {
        assert_eq!(
            titles("發布了《浙江省“人工智能+”行動計劃(2024—2027年)(征求意見稿)》,這一"),
            [("浙江省“人工智能+”行動計劃(2024—2027年)(征求意見稿)".to_string(), false)]
        );
        assert_eq!(
            titles("《关于〈若干措施〉的解读》"),
            [("关于〈若干措施〉的解读".to_string(), false)]
        );
    }

    #[test]
    fn short_names_and_unclosed_marks() {
        assert_eq!(
            titles("印发《杭州市人工智能产业发展实施方案》(以下简称《实施方案》)"),
            [
                ("杭州市人工智能产业发展实施方案".to_string(), false),
                ("实施方案".to_string(), true)
            ]
        );
        assert!(titles("一个没有闭合的《标题").is_empty());
        assert!(titles("空的《》").is_empty());
    }
}
