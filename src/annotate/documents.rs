//! Documents: titles in 《》, nested marks and quotes included
//! (《浙江省“人工智能+”行动计划(2024—2027年)(征求意见稿)》). The span excludes the 《》.
//! A short name introduced with 以下简称 is recorded as an alias of the title before it.
//!
//! Only policy documents are documents: a title is one when it ends with a document type (意见,
//! 方案, 计划, 报告 …, GB/T 9704's 文种) once trailing brackets such as (2024—2027年) are set
//! aside; newspapers, programmes, books and events in 《》 (《浙江日报》, 《新闻联播》, 《求是》)
//! are not. The types are data (`[document]` in `data/lexicon.toml`).

use crate::knowledge::lexicon::Lexicon;

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

/// A title without the brackets that trail it: (2024—2027年), (征求意见稿), （试行）.
pub fn core(title: &[char]) -> &[char] {
    let mut end = title.len();
    loop {
        while end > 0 && title[end - 1].is_whitespace() {
            end -= 1;
        }
        let close = match title[..end].last() {
            Some(')') => '(',
            Some('）') => '（',
            _ => return &title[..end],
        };
        match title[..end - 1].iter().rposition(|&c| c == close) {
            Some(open) if open > 0 => end = open,
            _ => return &title[..end],
        }
    }
}

/// Whether a title in 《》 names a policy document: its core ends with a document type, and
/// not with a longer word for a newspaper, programme or event (公报 is a document, 日报 is not).
pub fn is_document(title: &[char], lexicon: &Lexicon) -> bool {
    let core = core(title);
    let words = &lexicon.document;
    let document = words.endings.longest_before(core, core.len()).unwrap_or(0);
    let other = words.not_endings.longest_before(core, core.len()).unwrap_or(0);
    document > other
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

    #[test]
    fn documents_and_other_titles() {
        let lex = Lexicon::embedded().unwrap();
        let doc = |t: &str| is_document(&t.chars().collect::<Vec<_>>(), &lex);
        for title in [
            "浙江省“人工智能+”行動計劃(2024—2027年)(征求意見稿)",
            "关于支持人工智能创新发展的若干措施",
            "2024年浙江省人工智能產業發展報告",
            "中共温州市委关于高水平建设创新温州的决定",
            "杭州市数据条例（试行）",
            "2024年统计公报",
            "实施方案",
        ] {
            assert!(doc(title), "{title}");
        }
        for title in [
            "人民日报",
            "浙江日報",
            "新聞聯播",
            "求是",
            "2025世界人工智能大會",
            "红楼梦",
            "之江新语",
        ] {
            assert!(!doc(title), "{title}");
        }
    }
}
