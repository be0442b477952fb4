//! The fuzz targets' bodies: each takes the bytes AFL++ makes and checks what must hold for any
//! input, panicking (which AFL++ records as a crash) when it does not. The binaries in
//! `src/bin/` only hand AFL++'s input to these. Without AFL++, `cargo run --bin T < FILE`
//! runs one input, and `cargo test` here runs each body on the sample inputs.

use explainer::annotate::{AnnotatedSeed, Annotator};
use explainer::emit;
use explainer::export;
use explainer::ingest::{self, Source};
use explainer::knowledge::Knowledge;
use explainer::model::{self, View};
use explainer::render::{Labels, Links, markdown_to_html};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The embedded curated knowledge, loaded once per process (AFL++'s persistent mode runs many
/// inputs in one process).
pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::load(None).expect("the embedded knowledge loads"))
}

/// Splits an input into a flags byte and the rest.
fn flags(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&f, rest)) => (f, rest),
        None => (0, data),
    }
}

// ---------------------------------------------------------------------------------------------
// ingest: bytes → seed; pages: everything after it that needs no template.

/// The seed file an input stands for. Input: a flags byte (bit 0: a `.md` seed; bit 1: a
/// sidecar follows), then, with a sidecar, one byte of its length and its bytes, then the seed
/// file's bytes.
fn source(data: &[u8]) -> Source {
    let (flags, rest) = flags(data);
    let markdown = flags & 1 == 1;
    let (sidecar, bytes) = if flags & 2 == 2 && !markdown {
        let (&len, rest) = rest.split_first().unwrap_or((&0, rest));
        let len = usize::from(len).min(rest.len());
        (Some(String::from_utf8_lossy(&rest[..len]).into_owned()), &rest[len..])
    } else {
        (None, rest)
    };
    Source {
        path: PathBuf::from(if markdown { "seeds/fuzz.md" } else { "seeds/fuzz.txt" }),
        bytes: bytes.to_vec(),
        sidecar,
    }
}

/// The seed parsed and annotated, with what each promises checked; `None` for a file that is
/// not a seed (after checking that the error names the file).
fn annotated_seed(source: &Source) -> Option<Arc<AnnotatedSeed>> {
    let k = knowledge();
    let seed = match source.parse(Path::new("seeds"), &k.lexicon) {
        Ok(seed) => seed,
        Err(e) => {
            // Errors name the file (`seeds/fuzz.txt:LINE: …`, or the sidecar).
            let message = e.to_string();
            assert!(message.starts_with("seeds/fuzz."), "error without its file: {message}");
            return None;
        }
    };
    check_seed(&seed, &source.bytes);
    let annotated = Arc::new(Annotator::new(k).annotate(seed));
    check_annotations(&annotated);
    Some(annotated)
}

/// Input: see [`source`]. A seed file (and sidecar) → seed → annotation.
pub fn ingest(data: &[u8]) {
    annotated_seed(&source(data));
}

/// Input: see [`source`]. Then the model, every page's Markdown and data, the export and the
/// search index.
pub fn pages(data: &[u8]) {
    if let Some(annotated) = annotated_seed(&source(data)) {
        check_downstream(vec![annotated]);
    }
}

/// What a parsed seed promises: a non-empty body of trimmed, non-empty paragraphs numbered
/// `p1…` in order of their lines, each found in the file.
fn check_seed(seed: &ingest::Seed, bytes: &[u8]) {
    assert!(!seed.paragraphs.is_empty());
    let decoded = ingest::decode(Path::new("x"), bytes).expect("a parsed seed decodes");
    let lines = decoded.split(['\n', '\r']).count();
    let mut last_line = 0;
    for (i, p) in seed.paragraphs.iter().enumerate() {
        assert_eq!(p.id, format!("p{}", i + 1));
        assert!(!p.text.is_empty());
        assert_eq!(p.text.trim(), p.text, "paragraphs are trimmed");
        assert!(p.line > last_line && p.line <= lines, "line {} of {lines}", p.line);
        last_line = p.line;
    }
}

// ---------------------------------------------------------------------------------------------
// annotate: text → spans.

/// Input: UTF-8 text (other bytes are replaced), read as an article under a fixed title.
pub fn annotate(data: &[u8]) {
    let text = format!("標題\n{}", String::from_utf8_lossy(data));
    let k = knowledge();
    let Ok(seed) = ingest::parse(Path::new("seeds/fuzz.txt"), text.as_bytes(), &k.lexicon) else {
        return;
    };
    let annotator = Annotator::new(k);
    let once = annotator.annotate(seed.clone());
    let twice = annotator.annotate(seed);
    for (p, q) in once.paragraphs.iter().zip(&twice.paragraphs) {
        assert_eq!(p.annotations, q.annotations, "annotation is deterministic");
        assert_eq!(p.cities, q.cities);
    }
    check_annotations(&once);
}

/// Every annotation lies in bounds, with `text` equal to the slice it covers, sorted and
/// non-overlapping; nested ones lie in bounds too.
pub fn check_annotations(seed: &AnnotatedSeed) {
    for p in &seed.paragraphs {
        let chars: Vec<char> = p.text.chars().collect();
        let mut last_end = 0;
        for a in p.annotations.iter() {
            assert!(
                a.start() < a.end() && a.end() <= chars.len(),
                "{a:?} out of bounds in {:?}",
                p.text
            );
            assert!(
                a.start() >= last_end,
                "{a:?} overlaps the annotation before it in {:?}",
                p.text
            );
            let slice: String = chars[a.start()..a.end()].iter().collect();
            assert_eq!(slice, *a.text, "text is the slice it covers in {:?}", p.text);
            last_end = a.end();
        }
        for a in p.nested.iter() {
            assert!(
                a.start() < a.end() && a.end() <= chars.len(),
                "nested {a:?} out of bounds"
            );
        }
    }
}

/// The model, every page's Markdown and data, the export and the search index, for a corpus:
/// none may panic, and the JSON files must parse.
fn check_downstream(seeds: Vec<Arc<AnnotatedSeed>>) {
    let k = knowledge();
    let ex = model::build(seeds, k);
    for spec in emit::specs(&ex) {
        let view = View::new(&ex);
        emit::page(&view, k, spec).expect("every page of a built model emits");
    }
    let mut export = Vec::new();
    export::write_annotations_json(&ex, &mut export).expect("writes to memory");
    serde_json::from_slice::<serde_json::Value>(&export).expect("the export is JSON");
    explainer::output::write_search_index(&ex, &mut |path, text| {
        if path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
        }
        Ok(())
    })
    .expect("writes to memory");
}

// ---------------------------------------------------------------------------------------------
// annotated Markdown → HTML.

/// The elements and attributes the annotation adapter writes around a paragraph.
const ADAPTER_TAGS: &[&str] = &["p", "a", "data", "span", "time"];
const ADAPTER_ATTRIBUTES: &[&str] = &[
    "class",
    "href",
    "data-value",
    "data-about",
    "lang",
    "title",
    "datetime",
    "value",
    "id",
    "aria-label",
];
/// What CommonMark itself may write (for input that was never escaped).
const COMMONMARK_TAGS: &[&str] = &[
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "data",
    "span",
    "time",
];
/// Input: a flags byte, then text. Flag bit 0 clear: the text is an article paragraph, which
/// goes the way seed text goes (ingest, annotate, annotated Markdown, the adapter): the HTML
/// holds one element per annotation around the paragraph and nothing else, and its text is the
/// paragraph. Bit 0 set: the text is given to the adapter as Markdown unescaped (as no seed
/// ever is): raw HTML in it must still come out as text, and no attribute may be an event
/// handler. (Links with other schemes pass through by design: only generated Markdown, whose
/// seed text is escaped, reaches the adapter.)
pub fn markdown(data: &[u8]) {
    let (flags, rest) = flags(data);
    let text = String::from_utf8_lossy(rest);
    let labels = Labels {
        year_inferred: "inferred".into(),
        paragraph: "paragraph {id}".into(),
    };
    let links = Links {
        root: "../",
        labels: &labels,
    };
    if flags & 1 == 1 {
        let html = markdown_to_html(&text, &links);
        check_markup(&html, COMMONMARK_TAGS, None, None);
        return;
    }
    let k = knowledge();
    let article = format!("標題\n{text}");
    let Ok(seed) = ingest::parse(Path::new("seeds/fuzz.txt"), article.as_bytes(), &k.lexicon) else {
        return;
    };
    let annotated = Annotator::new(k).annotate(seed);
    check_annotations(&annotated);
    for p in &annotated.paragraphs {
        let len = p.text.chars().count();
        let markdown = emit::annotated(p, 0, len);
        let html = markdown_to_html(&markdown, &links);
        let elements = check_markup(&html, ADAPTER_TAGS, Some(ADAPTER_ATTRIBUTES), Some(&p.text));
        // `<p>` and one element per annotation (a date is `<a><time>` when HTML has a `datetime`
        // for it: not for a month without its year, `--09`): nothing from the text.
        let dates = p
            .annotations
            .iter()
            .filter(|a| a.kind.as_str() == "date" && explainer::text::isodate::datetime(&a.value).is_some())
            .count();
        assert_eq!(
            elements,
            1 + p.annotations.len() + dates,
            "elements in {html:?} for {:?} (markdown {markdown:?})",
            p.text
        );
    }
}

/// Reads `html` tag by tag: every element must be in `tags`; no attribute may be an event
/// handler; with `attributes`, every attribute must be in it and no link may be `javascript:`;
/// with `text`, the text content must be exactly it. Returns the number of elements opened.
fn check_markup(html: &str, tags: &[&str], attributes: Option<&[&str]>, text: Option<&str>) -> usize {
    let mut content = String::new();
    let mut elements = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        content.push_str(&rest[..at]);
        let tag_end = rest[at..]
            .find('>')
            .map(|e| at + e)
            .unwrap_or_else(|| panic!("an unclosed tag in {html:?}"));
        let tag = &rest[at + 1..tag_end];
        rest = &rest[tag_end + 1..];
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(t) => (true, t),
            None => (false, tag.trim_end_matches('/')),
        };
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        assert!(tags.contains(&name), "element <{name}> in {html:?}");
        if closing {
            continue;
        }
        elements += 1;
        for (attribute, value) in attributes_of(&tag[name_end..], html) {
            assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "attribute {attribute} in {html:?}"
            );
            let Some(allowed) = attributes else { continue };
            assert!(
                allowed.contains(&attribute.as_str()),
                "attribute {attribute} in {html:?}"
            );
            let value = unescape(&value).to_ascii_lowercase();
            assert!(
                !(attribute == "href" || attribute == "src") || !value.trim_start().starts_with("javascript:"),
                "a javascript: link in {html:?}"
            );
        }
    }
    content.push_str(rest);
    if let Some(text) = text {
        assert_eq!(unescape(content.trim()), text, "the text of {html:?}");
    }
    elements
}

/// `name="value"` pairs; every value is quoted and holds no raw `"`, `<` or `>`.
fn attributes_of(mut s: &str, html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return out;
        }
        let eq = s
            .find('=')
            .unwrap_or_else(|| panic!("an attribute without a value in {html:?}"));
        let name = s[..eq].trim().to_string();
        let value = s[eq + 1..]
            .strip_prefix('"')
            .unwrap_or_else(|| panic!("an unquoted attribute in {html:?}"));
        let end = value
            .find('"')
            .unwrap_or_else(|| panic!("an unclosed attribute in {html:?}"));
        assert!(
            !value[..end].contains(['<', '>']),
            "a raw < or > in an attribute of {html:?}"
        );
        out.push((name, value[..end].to_string()));
        s = &value[end + 1..];
    }
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------------
// curated data files.

/// The data files a fuzz input can stand in for (`data/` paths): each of the
/// [`Sources`](explainer::knowledge::Sources) slots, and one themed glossary file.
pub const DATA_FILES: [&str; 12] = [
    "gazetteer.toml",
    "lexicon.toml",
    "glossary.toml",
    "map.json",
    "site.toml",
    "strings.toml",
    "explain/document-types.toml",
    "explain/sectors.toml",
    "explain/categories.toml",
    "explain/words.toml",
    "glossary/technology.toml",
    "statements.toml",
];

/// The slot of `sources` holding the data file `name` (of [`DATA_FILES`]).
fn slot<'a>(sources: &'a mut explainer::knowledge::Sources, name: &str) -> &'a mut (PathBuf, String) {
    let data = Path::new("data");
    match name {
        "gazetteer.toml" => &mut sources.gazetteer,
        "lexicon.toml" => &mut sources.lexicon,
        "map.json" => &mut sources.map,
        "site.toml" => &mut sources.site,
        "strings.toml" => &mut sources.strings,
        "statements.toml" => &mut sources.statements,
        _ => sources
            .glossary
            .iter_mut()
            .chain(sources.explain.iter_mut())
            .find(|(path, _)| path.ends_with(name) || path == &data.join(name))
            .expect("a data file of DATA_FILES"),
    }
}

/// A short article that touches what the data files name: cities, counties, places inside and
/// outside the province, dates, figures, a document with its short name, quoted and unquoted
/// terms, a byline and a chrome line. (The sample seed is three times as long and made the
/// target three times slower.)
const ARTICLE: &str = "寧波人工智能再提速\n記者 王小明\n2025年5月20日,寧波市發布《寧波市人工智能產業發展實施方案》(以下簡稱《實施方案》),提出培育企業300家。\n鎮海區、北侖區新增“人工智能+製造”示範項目12個,杭州灣新區投資5.6億元。\n溫州、台州天台縣與上海企業合作,AI+化工、具身智能、低空經濟齊頭並進。\n我市今年8月將召開第四屆數字經濟大會。\n分享\n";

/// Input: a byte choosing the data file (of [`DATA_FILES`]), then that file's text, loaded in
/// place of the embedded one. An error must name the file; knowledge that loads must annotate
/// and model a sample article (in both scripts) without panicking.
pub fn data(data: &[u8]) {
    let (which, rest) = flags(data);
    let which = usize::from(which) % DATA_FILES.len();
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut sources = Knowledge::sources(None).expect("embedded sources");
    let path = PathBuf::from("fuzz").join(DATA_FILES[which]);
    *slot(&mut sources, DATA_FILES[which]) = (path, text.to_string());
    let knowledge = match Knowledge::parse(&sources) {
        Ok(k) => k,
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("fuzz/"), "error without its file: {message}");
            return;
        }
    };
    let annotator = Annotator::new(&knowledge);
    let mut seeds = Vec::new();
    for (name, text) in [
        ("a.txt", ARTICLE.to_string()),
        ("b.txt", explainer::text::script::to_hans(ARTICLE)),
    ] {
        let path = PathBuf::from("seeds").join(name);
        if let Ok(seed) = ingest::parse(&path, text.as_bytes(), &knowledge.lexicon) {
            let annotated = Arc::new(annotator.annotate(seed));
            check_annotations(&annotated);
            seeds.push(annotated);
        }
    }
    let ex = model::build(seeds, &knowledge);
    for spec in emit::specs(&ex) {
        let view = View::new(&ex);
        let _ = emit::page(&view, &knowledge, spec);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each body runs on a few inputs of its kind without panicking.
    #[test]
    fn bodies_run_on_samples() {
        let sample = include_bytes!("../../seeds/000_cc229362e59457d6.txt");
        let mut with_flags = vec![0u8];
        with_flags.extend_from_slice(sample);
        ingest(&with_flags);
        ingest(b"\x02\x10date = \"2025-05\"\nt\n\xe5\xae\x81\xe6\xb3\xa2\n");
        ingest(b"\x01+++\ntitle = \"x\"\n+++\n\npara\n");
        pages(&with_flags);
        annotate(sample);
        markdown(&with_flags);
        markdown(b"\x01<script>alert(1)</script> *a* [x](city:ningbo)");
        for (i, name) in DATA_FILES.iter().enumerate() {
            let text = std::fs::read(Path::new("../data").join(name)).unwrap();
            let mut input = vec![i as u8];
            input.extend_from_slice(&text);
            data(&input);
        }
        data(b"\x04title = 1");
    }
}
