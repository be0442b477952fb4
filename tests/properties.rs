//! Property tests of ingest, annotation and Markdown emission on generated text that mixes
//! place names, dates, figures, quotes, titles, markup and whitespace. Invariants:
//! - ingest never panics; every non-empty line is a paragraph, the title, the subtitle, a
//!   byline, a date line or chrome (nothing is lost);
//! - every annotation lies in bounds, on char boundaries, with `text == slice`, sorted and
//!   non-overlapping;
//! - the annotated Markdown renders back to exactly the paragraph's text;
//! - annotating twice gives the same result.

use explainer::annotate::Annotator;
use explainer::emit;
use explainer::ingest;
use explainer::knowledge::Gazetteer;
use explainer::knowledge::Glossary;
use explainer::knowledge::Lexicon;
use explainer::render;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

struct Knowledge {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    glossary: Glossary,
}

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge {
        gazetteer: Gazetteer::embedded().unwrap(),
        lexicon: Lexicon::embedded().unwrap(),
        glossary: Glossary::embedded().unwrap(),
    })
}

const SNIPPETS: &[&str] = &[
    "杭州",
    "寧波",
    "温州",
    "台州",
    "杭州灣",
    "天台",
    "天台县",
    "黃岩",
    "北京",
    "上海",
    "丽水",
    "美丽水乡",
    "5月14日",
    "2024年",
    "2024年10月",
    "2024—2027年",
    "今年8月",
    "5700億元",
    "超七成",
    "600多家",
    "12.5%",
    "《",
    "》",
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "(",
    ")",
    "（",
    "）",
    "、",
    "，",
    ",",
    "。",
    "：",
    "AI+",
    "人工智能+",
    "1+4+N",
    "<script>",
    "</p>",
    "[x](city:ningbo)",
    "[寧波](<term:x>)",
    "{{ x }}",
    "{% if %}",
    "# ",
    "---",
    "\\",
    "&amp;",
    "`",
    "*",
    "_",
    " ",
    "　",
    "\u{200B}",
    "第四届",
    "1号楼",
    "一成不变",
    "百分之三十",
    "记者",
    "分享",
    "發展",
    "的",
    "数据",
    "中心",
    "浙江省发展改革委",
    "Hangzhou",
    "May 14, 2025",
    "0577-88888888",
    "2025数据安全发展大会",
    "以下简称",
    "說:",
    "\t",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => prop::sample::select(SNIPPETS).prop_map(str::to_string), 1 => "[一-龥0-9a-zA-Z]{1,4}"],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn article() -> impl Strategy<Value = (String, Vec<String>)> {
    (paragraph(), prop::collection::vec(paragraph(), 0..8))
}

fn unescape(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

proptest! {
    // 300 cases in the normal run; PROPTEST_CASES=20000 for a long one.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)))]

    #[test]
    fn ingest_keeps_every_line(title in paragraph(), lines in prop::collection::vec(paragraph(), 0..10), crlf in any::<bool>()) {
        let k = knowledge();
        let newline = if crlf { "\r\n" } else { "\n" };
        let text = std::iter::once(title.clone()).chain(lines.iter().cloned()).collect::<Vec<_>>().join(newline);
        let Ok(seed) = ingest::parse(Path::new("seeds/p.txt"), text.as_bytes(), &k.lexicon) else { return Ok(()) };
        let trim = |l: &str| l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')).to_string();
        let kept: usize = seed.paragraphs.len() + seed.bylines.len() + usize::from(seed.subtitle.is_some()) + usize::from(seed.meta.date.is_some());
        let body: Vec<String> = lines.iter().map(|l| trim(l)).filter(|l| !l.is_empty() && !k.lexicon.is_chrome(l)).collect();
        prop_assert!(kept >= body.len(), "{} kept of {} body lines: {text:?}", kept, body.len());
        // A first line that reads as a paragraph (it holds 。 or is longer than a headline) is body.
        let first = trim(&title);
        for p in &seed.paragraphs {
            prop_assert!(body.contains(&p.text) || p.text == first, "{:?} is not a line of {text:?}", p.text);
        }
    }

    #[test]
    fn annotations_slice_their_text_and_markdown_round_trips((title, lines) in article()) {
        let k = knowledge();
        let text = format!("{title}\n{}", lines.join("\n"));
        let Ok(seed) = ingest::parse(Path::new("seeds/p.txt"), text.as_bytes(), &k.lexicon) else { return Ok(()) };
        let annotator = Annotator { gazetteer: &k.gazetteer, lexicon: &k.lexicon, glossary: &k.glossary };
        let once = annotator.annotate(seed.clone());
        let twice = annotator.annotate(seed);
        for (p, q) in once.paragraphs.iter().zip(&twice.paragraphs) {
            prop_assert_eq!(&p.annotations, &q.annotations);
            let chars: Vec<char> = p.text.chars().collect();
            let mut last_end = 0;
            for a in &p.annotations {
                prop_assert!(a.start() < a.end() && a.end() <= chars.len(), "{a:?} out of bounds in {:?}", p.text);
                prop_assert!(a.start() >= last_end, "overlap at {a:?} in {:?}", p.text);
                prop_assert_eq!(chars[a.start()..a.end()].iter().collect::<String>(), a.text.to_string());
                last_end = a.end();
            }
            let markdown = emit::annotated(p, 0, chars.len());
            let labels = render::Labels::default();
            let links = render::Links { root: "", labels: &labels };
            let html = render::markdown_to_html(&markdown, &links);
            prop_assert_eq!(unescape(html.trim()), p.text.to_string(), "markdown: {}", markdown);
        }
    }
}
