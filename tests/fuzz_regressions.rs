//! Inputs the fuzz targets (`fuzz/`, docs/TESTING.md › Fuzzing) found crashing, minimised,
//! each with the property it broke.

use explainer::annotate::Annotator;
use explainer::emit;
use explainer::ingest;
use explainer::knowledge::Knowledge;
use explainer::render::{Labels, Links, markdown_to_html};
use std::path::Path;

/// `markdown` (and `annotate`): a figure's qualifier reached back into the figure before it.
/// In 10个以上亿元项目, 以上 closes 10个以上, and the 上 of 上亿元 then started a second figure
/// inside the first; the overlapping spans made the annotated Markdown slice out of order and
/// panic. Found from a mutated line of a development article.
#[test]
fn a_figure_never_starts_inside_the_one_before_it() {
    let knowledge = Knowledge::load(None).unwrap();
    for line in [
        "新增10个以上亿元项目。",
        "頭部企業10家以上億元,力爭到2030年。",
        "5家以上亿元",
    ] {
        let text = format!("題\n{line}\n");
        let seed = ingest::parse(Path::new("seeds/f.txt"), text.as_bytes(), &knowledge.lexicon).unwrap();
        let annotated = Annotator::new(&knowledge).annotate(seed);
        let p = &annotated.paragraphs[0];
        let mut last_end = 0;
        for a in p.annotations.iter() {
            assert!(a.start() >= last_end, "{a:?} overlaps the span before it in {line}");
            last_end = a.end();
        }
        let figures: Vec<&str> = p
            .annotations
            .iter()
            .filter(|a| a.kind.as_str() == "figure")
            .map(|a| &*a.text)
            .collect();
        assert!(figures[0].ends_with("以上"), "{figures:?}");
        // What panicked: the paragraph as annotated Markdown.
        emit::annotated(p, 0, p.text.chars().count());
    }
}

/// `markdown`, raw mode: heading attributes (`# h {onerror=…}`) wrote any attribute. Seed text
/// is escaped and never reaches the adapter as Markdown, but the adapter now keeps only a
/// heading's anchor and classes, which is all the generator writes.
#[test]
fn headings_keep_only_their_anchor_and_classes() {
    let labels = Labels::default();
    let links = Links {
        root: "",
        labels: &labels,
    };
    let html = markdown_to_html("# h {#y2025 .year onerror=alert(1) one=x}\n", &links);
    assert_eq!(html.trim(), "<h1 id=\"y2025\" class=\"year\">h</h1>");
}

/// `ingest`: a Markdown seed whose front matter closed with `+++*`. The body began on that
/// line, so every paragraph's line number was one too many (`line 9 of 8`): an error would have
/// pointed at the wrong line. Now only a `+++` line of its own closes the front matter.
#[test]
fn front_matter_closes_only_on_a_line_of_its_own() {
    let knowledge = Knowledge::load(None).unwrap();
    let parse = |md: &str| ingest::parse(Path::new("seeds/f.md"), md.as_bytes(), &knowledge.lexicon);
    // The minimised input.
    let err =
        parse("+++\ntitle = \"台州\"\ndate = \"2025-05\"\n+++*\n天台上的機器人D\n三門灣。\n\n<script").unwrap_err();
    assert!(err.to_string().starts_with("seeds/f.md:1:"), "{err}");
    let seed = parse("+++\ntitle = \"台州\"\n+++\n天台上的機器人D\n三門灣。\n\n<script").unwrap();
    let lines: Vec<usize> = seed.paragraphs.iter().map(|p| p.line).collect();
    assert_eq!(lines, [4, 7], "each paragraph at its first line");
}
