//! `serve` rebuilds with a cache that reuses every page whose inputs did not change. These
//! tests edit seeds the way a maintainer would — change a figure, add a paragraph about another
//! city, add, retitle and delete an article, change a template — and check after each edit that
//! the cached rebuild writes exactly the files a fresh build writes, and that it reused pages
//! (so the cache is neither wrong nor idle).

use explainer::build::{self, BuildOptions, Reuse};
use explainer::output::Files;
use explainer::serve::BuildCache;
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn options(seeds: &Path, templates: Option<&Path>, cache: Option<Arc<BuildCache>>) -> BuildOptions {
    let mut options = BuildOptions::new(seeds, seeds.join("unused-out"));
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    options.data = Some(repo.join("data"));
    options.static_dir = Some(repo.join("static"));
    options.templates = Some(templates.map_or_else(|| repo.join("templates"), Path::to_path_buf));
    options.cache = cache.map(|c| c as Arc<dyn Reuse>);
    options
}

fn fresh(seeds: &Path, templates: Option<&Path>) -> Files {
    build::build_in_memory(&options(seeds, templates, None)).unwrap().1
}

/// Rebuilds with the cache; returns the files and (pages made, pages reused).
fn cached(seeds: &Path, templates: Option<&Path>, cache: &Arc<BuildCache>) -> (Files, (usize, usize)) {
    let files = build::build_in_memory(&options(seeds, templates, Some(Arc::clone(cache))))
        .unwrap()
        .1;
    (files, cache.take_counts())
}

fn assert_same(step: &str, cached: &Files, fresh: &Files) {
    let paths = |f: &Files| f.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(cached), paths(fresh), "{step}: the same files");
    let differing: Vec<&String> = fresh.keys().filter(|p| cached[*p] != fresh[*p]).collect();
    assert!(
        differing.is_empty(),
        "{step}: stale after a cached rebuild: {differing:?}"
    );
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} contains {from}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn cached_rebuilds_equal_fresh_builds_after_each_edit() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    fs::create_dir(&seeds).unwrap();
    let sample = fs::read_to_string(repo.join("seeds/000_cc229362e59457d6.txt")).unwrap();
    fs::write(seeds.join("000_sample.txt"), &sample).unwrap();
    fs::write(
        seeds.join("001_ningbo.txt"),
        "寧波加快人工智能產業發展\n\n2025年3月,寧波市發布“人工智能+製造”行動方案,全市已有104家企業入選。\n\n鎮海區和北侖區的工廠引入機器人。\n",
    )
    .unwrap();
    fs::write(
        seeds.join("002_wenzhou.txt"),
        "温州建设数安港\n\n2024年10月,温州数安港已集聚超600家数据企业。\n\n杭州的企业也来温州设点。\n",
    )
    .unwrap();
    let cache = Arc::new(BuildCache::default());
    let (first, (made, _)) = cached(&seeds, None, &cache);
    assert_same("first build", &first, &fresh(&seeds, None));
    assert!(made > 0);

    // Nothing changed: nothing is made again.
    let (again, (made, reused)) = cached(&seeds, None, &cache);
    assert_same("no change", &again, &first);
    assert_eq!(made, 0, "an unchanged site reuses every page");
    assert!(reused > 20, "reused {reused}");

    // A figure changes in one article: its pages change, most others are reused.
    replace_in(&seeds.join("002_wenzhou.txt"), "超600家", "超700家");
    let (files, (made, reused)) = cached(&seeds, None, &cache);
    assert_same("changed figure", &files, &fresh(&seeds, None));
    assert!(made > 0 && reused > made, "made {made}, reused {reused}");

    // A figure changes in one paragraph of the long sample article: only pages that show that
    // paragraph (or list the seed whole) are made again, not every page that shows one of the
    // article's other paragraphs.
    let before = fs::read_to_string(seeds.join("000_sample.txt")).unwrap();
    let figure = before.find("104家").expect("the sample names 104家");
    replace_in(&seeds.join("000_sample.txt"), "104家", "105家");
    let (files, (made, reused)) = cached(&seeds, None, &cache);
    assert_same("changed figure in one paragraph", &files, &fresh(&seeds, None));
    assert!(figure > 0 && reused > made);
    let showing_the_article = files
        .iter()
        .filter(|(path, html)| {
            path.ends_with("index.html")
                && !path.starts_with("zh-Hans/")
                && String::from_utf8_lossy(html).contains("source/000_sample/")
        })
        .count();
    assert!(
        made * 2 < showing_the_article,
        "made {made} of the {showing_the_article} pages that show some paragraph of the article"
    );

    // A new paragraph about another city, with a date and a quoted term.
    let wenzhou = seeds.join("002_wenzhou.txt");
    let mut text = fs::read_to_string(&wenzhou).unwrap();
    text.push_str("\n2025年5月14日,湖州推出“人工智能+農業”試點。\n");
    fs::write(&wenzhou, text).unwrap();
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("new paragraph", &files, &fresh(&seeds, None));

    // A metadata sidecar appears, then changes, then goes: the seed's text is the same each
    // time, so only the listing's stamps tell the cache.
    let sidecar = seeds.join("002_wenzhou.txt").with_extension("toml");
    fs::write(&sidecar, "title = \"溫州數安港\"\ndate = \"2024-11-02\"\n").unwrap();
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("added sidecar", &files, &fresh(&seeds, None));
    assert!(String::from_utf8_lossy(&files["source/002_wenzhou/index.html"]).contains("溫州數安港"));
    replace_in(&sidecar, "2024-11-02", "2024-11-03");
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("edited sidecar", &files, &fresh(&seeds, None));
    fs::remove_file(&sidecar).unwrap();
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("removed sidecar", &files, &fresh(&seeds, None));

    // A new article, then a retitled one, then a deleted one.
    fs::write(
        seeds.join("003_quzhou.txt"),
        "衢州四省邊際\n\n衢州打造四省邊際人工智能高地,2024年算力規模達5700P。\n",
    )
    .unwrap();
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("added article", &files, &fresh(&seeds, None));
    replace_in(
        &seeds.join("001_ningbo.txt"),
        "寧波加快人工智能產業發展",
        "寧波人工智能新篇",
    );
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("retitled article", &files, &fresh(&seeds, None));
    fs::remove_file(seeds.join("001_ningbo.txt")).unwrap();
    let (files, _) = cached(&seeds, None, &cache);
    assert_same("deleted article", &files, &fresh(&seeds, None));

    // A template changes: every page shows it.
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    for entry in fs::read_dir(repo.join("templates")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), templates.join(entry.file_name())).unwrap();
    }
    replace_in(&templates.join("base.html"), "</footer>", "<p>edited</p></footer>");
    let (files, (_, reused)) = cached(&seeds, Some(&templates), &cache);
    assert_same("edited template", &files, &fresh(&seeds, Some(&templates)));
    assert_eq!(reused, 0, "a template change remakes every page");
}
