//! Pages read the explainer only through a `View` that records every read, and `serve` makes a
//! page again only when something it read changed. This test holds the view to that: for each
//! edit of a corpus and each page, when every part the page read is unchanged by the edit, the
//! page emitted from the edited corpus must be exactly the page emitted before it. A page that
//! read something without recording it (a view accessor that forgets to note its read, or page
//! code that reaches the explainer another way) shows up as a page that changed although
//! nothing it read did.

use explainer::annotate::Annotator;
use explainer::emit;
use explainer::ingest;
use explainer::knowledge::Knowledge;
use explainer::model::{self, Explainer, View};
use explainer::serve::ReadHashes;
use std::path::Path;
use std::sync::Arc;

fn explainer(knowledge: &Knowledge, seeds: &[(&str, String)]) -> Explainer {
    let annotator = Annotator::new(knowledge);
    let annotated = seeds
        .iter()
        .map(|(name, text)| {
            let seed = ingest::parse(Path::new(&format!("seeds/{name}")), text.as_bytes(), &knowledge.lexicon).unwrap();
            Arc::new(annotator.annotate(seed))
        })
        .collect();
    model::build(annotated, knowledge)
}

/// A page as data: its Markdown, its template data and its address.
fn page_text(page: &emit::Page) -> String {
    serde_json::to_string(page).unwrap()
}

/// Seed files: name and text.
type Corpus = Vec<(&'static str, String)>;

fn corpus() -> Corpus {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = std::fs::read_to_string(repo.join("seeds/000_cc229362e59457d6.txt")).unwrap();
    vec![
        ("000_sample.txt", sample),
        (
            "001_ningbo.txt",
            "寧波再出發\n5月20日,寧波發布《寧波市人工智能產業發展實施方案》,提出到2027年培育企業300家。\n鎮海區新增“AI+化工”示範項目12個。\n".to_string(),
        ),
        (
            "002_wenzhou.txt",
            "温州数安港\n2025年3月,温州推动“人工智能+数据安全”发展,中国(温州)数安港集聚企业200家。\n瑞安市投资5亿元建设算力中心。\n".to_string(),
        ),
    ]
}

/// Edits a maintainer makes: each returns the edited corpus.
fn edits() -> Vec<(&'static str, Corpus)> {
    let base = corpus();
    let with = |f: &dyn Fn(&mut Corpus)| {
        let mut c = base.clone();
        f(&mut c);
        c
    };
    vec![
        ("a figure changes", with(&|c| c[1].1 = c[1].1.replace("300家", "350家"))),
        (
            "a title changes",
            with(&|c| c[2].1 = c[2].1.replacen("温州数安港", "温州新赛道", 1)),
        ),
        (
            "a date changes",
            with(&|c| c[1].1 = c[1].1.replace("5月20日", "6月3日")),
        ),
        (
            "a document is renamed",
            with(&|c| c[1].1 = c[1].1.replace("實施方案", "行動計劃")),
        ),
        (
            "a term is renamed",
            with(&|c| c[2].1 = c[2].1.replace("人工智能+数据安全", "人工智能+数字安全")),
        ),
        (
            "a new term is quoted (terms after it in the list move)",
            with(&|c| c[1].1 = c[1].1.replace("培育企業300家。", "培育企業300家,建設“智造新城”。")),
        ),
        (
            "letters are appended to a paragraph",
            with(&|c| c[2].1 = c[2].1.replacen("算力中心。", "算力中心。abc", 1)),
        ),
        (
            "a paragraph about another city is added",
            with(&|c| c[2].1.push_str("湖州市同日發布人工智能政策,首批支持項目8個。\n")),
        ),
        (
            "a seed is added",
            with(&|c| {
                c.push((
                    "003_jiaxing.txt",
                    "嘉興\n嘉興南湖區建成智算中心,算力達到500PFLOPS。\n".to_string(),
                ))
            }),
        ),
        ("a seed is removed", with(&|c| drop(c.remove(2)))),
    ]
}

#[test]
fn a_page_changes_only_when_something_it_read_changed() {
    let knowledge = Knowledge::load(None).unwrap();
    let before = explainer(&knowledge, &corpus());
    let before_hashes = ReadHashes::new(&before, |_| None);
    let specs = emit::specs(&before);
    // What each page read, and the page itself, before any edit, by the page's key (what
    // `serve` keeps pages by: it does not move when pages are added before it).
    let pages: Vec<(emit::PageKey, emit::Spec, Vec<model::Read>, String)> = specs
        .iter()
        .map(|&spec| {
            let view = View::new(&before);
            let page = emit::page(&view, &knowledge, spec).unwrap();
            (spec.key(&before), spec, view.into_reads(), page_text(&page))
        })
        .collect();
    let mut compared = 0;
    let mut kept = 0;
    for (edit, seeds) in edits() {
        let after = explainer(&knowledge, &seeds);
        let after_hashes = ReadHashes::new(&after, |_| None);
        let after_specs: std::collections::HashMap<emit::PageKey, emit::Spec> =
            emit::specs(&after).into_iter().map(|s| (s.key(&after), s)).collect();
        for (key, spec, reads, text) in &pages {
            let Some(&after_spec) = after_specs.get(key) else {
                continue;
            };
            compared += 1;
            let unchanged = reads
                .iter()
                .all(|&r| before_hashes.get(r).is_some() && before_hashes.get(r) == after_hashes.get(r));
            if !unchanged {
                continue;
            }
            kept += 1;
            let view = View::new(&after);
            let page = emit::page(&view, &knowledge, after_spec).unwrap();
            assert_eq!(
                &page_text(&page),
                text,
                "{edit}: page {spec:?} (now {after_spec:?}) changed although nothing it read changed (it read {reads:?})"
            );
        }
    }
    // The test means something only if many pages were found unaffected by an edit.
    assert!(
        compared > 100 && kept > compared / 3,
        "compared {compared}, unaffected {kept}"
    );
}
