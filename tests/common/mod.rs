//! What the integration tests share: running the real binary, building a folder of seeds into
//! a fresh site, reading its export and files, and finding the development articles.
//!
//! Each test file is a crate of its own and uses only some of these, so the unused ones are
//! allowed there.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository (the crate's folder).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `explainer` binary with `args` in `cwd`.
pub fn explainer_in(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run explainer")
}

/// Runs the `explainer` binary with `args` in the repository (so `data/`, `templates/` and
/// `static/` are the repository's).
pub fn explainer(args: &[&str]) -> Output {
    explainer_in(args, &repo())
}

/// Builds `seeds` into a fresh folder: (the folder, kept while the site is read; the site; what
/// the build printed).
pub fn build(seeds: &Path) -> (tempfile::TempDir, PathBuf, Output) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let output = explainer(&[
        "build",
        "--seeds",
        seeds.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    (dir, site, output)
}

/// [`build`], which must succeed.
pub fn build_ok(seeds: &Path) -> (tempfile::TempDir, PathBuf) {
    let (dir, site, output) = build(seeds);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (dir, site)
}

/// A folder holding `files` (name, bytes).
pub fn write_seeds(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// A built site's data export in the shape of schema 2 (every seed with its paragraphs inline),
/// whichever schema it was written in: schema 3 keeps each seed's paragraphs in the file its
/// `paragraphs_url` names (as `../shared/eval/export.py` reads it).
pub fn export(site: &Path) -> serde_json::Value {
    let read = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut export = read(&site.join("data/annotations.json"));
    if let Some(seeds) = export["seeds"].as_array_mut() {
        for seed in seeds {
            if seed.get("paragraphs").is_none()
                && let Some(url) = seed["paragraphs_url"].as_str()
            {
                let own = read(&site.join(url));
                assert_eq!(own["id"], seed["id"], "{url} names its seed");
                seed["paragraphs"] = own["paragraphs"].clone();
            }
        }
    }
    export
}

/// Every file under `dir`, by its path from `dir` (`/`-separated), with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap();
            let name = path.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/");
            (name, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// `shared/eval/dev` (the development articles and their gold, kept outside the repository)
/// beside the repository or above it, or where `EXPLAINER_EVAL_DEV` points.
pub fn dev_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("EXPLAINER_EVAL_DEV") {
        return Some(PathBuf::from(dir)).filter(|d| d.is_dir());
    }
    repo()
        .ancestors()
        .map(|a| a.join("shared/eval/dev"))
        .find(|d| d.join("gold").is_dir() && d.join("seeds").is_dir())
}

/// The development articles' folder for a test that needs them. On CI (`CI=true`), where they
/// are checked out beside the repository, their absence fails the test: a test that passes
/// without running proves nothing. Elsewhere the test is skipped, and says so on stderr.
pub fn dev_dir_for(test: &str) -> Option<PathBuf> {
    let dir = dev_dir();
    if dir.is_none() {
        let on_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !on_ci,
            "{test}: the development articles (shared/eval/dev beside the repository, or \
             EXPLAINER_EVAL_DEV) are missing, and CI must run this test"
        );
        eprintln!("SKIPPED {test}: no shared/eval/dev beside the repository (set EXPLAINER_EVAL_DEV to run it)");
    }
    dir
}

/// The key figures of a page: each figure as written, in order.
pub fn key_figures(page: &str) -> Vec<String> {
    page.split("class=\"key-figure-text ")
        .skip(1)
        .map(|rest| {
            let text = rest.split_once('>').map_or("", |(_, t)| t);
            text.split('<').next().unwrap_or("").to_string()
        })
        .collect()
}
