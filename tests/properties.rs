//! Property tests of ingest, annotation and Markdown emission on generated text that mixes
//! place names, dates, figures, quotes, titles, markup and whitespace. Invariants:
//! - ingest never panics, and refuses only an article with nothing to show; every non-empty line
//!   is, in order, a paragraph at its own line, the title, the subtitle, a byline, a date line or
//!   chrome (nothing is lost);
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

/// The seed `text` parses to, or `None` when it is rightly refused: the one error generated text
/// may meet is an article with nothing left to show (empty, or only a title, chrome, bylines and
/// a date line), and such an article with a plain paragraph added parses, with that paragraph
/// last. Any other error fails the property.
fn parsed(text: &str, newline: &str) -> Result<Option<ingest::Seed>, TestCaseError> {
    let lexicon = &knowledge().lexicon;
    let path = Path::new("seeds/p.txt");
    let error = match ingest::parse(path, text.as_bytes(), lexicon) {
        Ok(seed) => return Ok(Some(seed)),
        Err(e) => e.to_string(),
    };
    prop_assert!(
        error == "seeds/p.txt:1: the seed is empty" || error == "seeds/p.txt:1: the seed has no body paragraphs",
        "{error} for {text:?}"
    );
    let added = "這是補上的一段正文。";
    let with_body = format!("{text}{newline}{added}");
    let seed = ingest::parse(path, with_body.as_bytes(), lexicon);
    let last = seed
        .as_ref()
        .ok()
        .and_then(|s| s.paragraphs.last())
        .map(|p| p.text.clone());
    prop_assert_eq!(
        last.as_deref(),
        Some(added),
        "{:?} still refused: {:?}",
        with_body,
        seed.err().map(|e| e.to_string())
    );
    Ok(None)
}

proptest! {
    // 300 cases in the normal run; PROPTEST_CASES=20000 for a long one.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)))]

    #[test]
    fn ingest_keeps_every_line(title in paragraph(), lines in prop::collection::vec(paragraph(), 0..10), crlf in any::<bool>()) {
        let k = knowledge();
        let newline = if crlf { "\r\n" } else { "\n" };
        let text = std::iter::once(title.clone()).chain(lines.iter().cloned()).collect::<Vec<_>>().join(newline);
        let Some(seed) = parsed(&text, newline)? else { return Ok(()) };
        let trim = |l: &str| l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')).to_string();
        // Nothing lost, line by line: each body line is the next paragraph, at its own line, or
        // else the subtitle, a byline or the publication date; chrome and blank lines go.
        let mut paragraphs = seed.paragraphs.iter().peekable();
        // A first line that reads as a paragraph (it holds 。 or is longer than a headline) is body.
        let first = trim(&title);
        if !first.is_empty() && seed.title != first {
            let p = paragraphs.next();
            prop_assert_eq!(p.map(|p| (p.text.as_str(), p.line)), Some((first.as_str(), 1)), "{:?}", text);
        }
        for (i, line) in lines.iter().enumerate() {
            let line = trim(line);
            if line.is_empty() || k.lexicon.is_chrome(&line) {
                continue;
            }
            if let Some(p) = paragraphs.next_if(|p| *p.text == line) {
                prop_assert_eq!(p.line, i + 2, "{:?} at the wrong line of {:?}", p.text, text);
                continue;
            }
            let kept = seed.subtitle.as_deref() == Some(line.as_str())
                || seed.bylines.contains(&line)
                || seed.meta.date.is_some() && line.chars().all(|c| c.is_ascii_digit() || " -/.:年月日\u{3000}".contains(c));
            prop_assert!(kept, "line {} {:?} was lost: {:?}", i + 2, line, text);
        }
        prop_assert!(paragraphs.next().is_none(), "a paragraph that is no line of {:?}", text);
    }

    #[test]
    fn annotations_slice_their_text_and_markdown_round_trips((title, lines) in article()) {
        let k = knowledge();
        let text = format!("{title}\n{}", lines.join("\n"));
        let Some(seed) = parsed(&text, "\n")? else { return Ok(()) };
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
