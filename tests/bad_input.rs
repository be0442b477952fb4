//! Bad input, as a user would meet it: each case is either handled as a person would expect or
//! reported as `file:line: what is wrong` with a non-zero exit, and a failed build leaves the
//! previous site exactly as it was. docs/TESTING.md › Bad input lists these cases.

mod common;

use common::{explainer, tree};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A seeds folder with one good article, a built site from it, and a way to add files.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("seeds")).unwrap();
        fs::write(dir.path().join("seeds/good.txt"), "题\n宁波发布新政。\n").unwrap();
        let case = Case { dir };
        let out = case.build();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        case
    }

    fn seeds(&self) -> PathBuf {
        self.dir.path().join("seeds")
    }

    fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn build(&self) -> Output {
        explainer(&[
            "build",
            "--seeds",
            self.seeds().to_str().unwrap(),
            "--out",
            self.site().to_str().unwrap(),
        ])
    }

    /// Adds `bytes` as `name`, builds, and returns (success, stderr); on failure, checks that
    /// the previous site is untouched.
    fn try_seed(&self, name: &str, bytes: &[u8]) -> (bool, String) {
        let before = tree(&self.site());
        fs::write(self.seeds().join(name), bytes).unwrap();
        let out = self.build();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains("panicked"), "{name}: {err}");
        if !out.status.success() {
            assert_eq!(
                tree(&self.site()),
                before,
                "{name}: the previous site/ must be untouched"
            );
        }
        (out.status.success(), err)
    }
}

#[test]
fn bad_seeds_are_reported_with_file_and_line() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("latin1.txt", b"title\n\xe9t\xe9\n", "latin1.txt:2: not valid UTF-8"),
        ("empty.txt", b"", "empty.txt:1: the seed is empty"),
        (
            "title-only.txt",
            "只有标题\n".as_bytes(),
            "title-only.txt:1: the seed has no body paragraphs",
        ),
        (
            "binary.txt",
            b"\x7fELF\x02\x01\x01\0\0\0\0",
            "binary.txt:1: contains a NUL byte",
        ),
        (
            "nul.txt",
            "题\n正文\0还有\n".as_bytes(),
            "nul.txt:2: contains a NUL byte",
        ),
    ];
    for (name, bytes, expected) in cases {
        let case = Case::new();
        let (ok, err) = case.try_seed(name, bytes);
        assert!(!ok, "{name} should fail");
        assert!(err.contains(expected), "{name}: {err}");
    }
    // 100 MB (sparse, so the test stays cheap): refused before it is read.
    let case = Case::new();
    let before = tree(&case.site());
    let huge = fs::File::create(case.seeds().join("huge.txt")).unwrap();
    huge.set_len(100_000_000).unwrap();
    let out = case.build();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("huge.txt:1: 100 MB is too large"),
        "{err}"
    );
    assert_eq!(tree(&case.site()), before);
}

#[test]
fn awkward_but_valid_seeds_are_handled() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "题\r\n温州发布新政。\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let long_line = format!("题\n{}\n", "杭州发布新政。".repeat(150_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("bom.txt", "\u{FEFF}题\r\n杭州发布新政。\r\n".as_bytes().to_vec()),
        ("utf16.txt", utf16),
        ("cr-only.txt", "题\r\u{3000}\u{3000}宁波跟进。\r".as_bytes().to_vec()),
        (
            "zero-width.txt",
            "题\n\u{200B}湖州\u{200B}发布。\u{FEFF}\n".as_bytes().to_vec(),
        ),
        ("long-line.txt", long_line.into_bytes()),
    ];
    let case = Case::new();
    for (name, bytes) in &cases {
        let (ok, err) = case.try_seed(name, bytes);
        assert!(ok, "{name}: {err}");
    }
    let json = common::export(&case.site());
    let texts: Vec<&str> = json["seeds"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"温州发布新政。") && texts.contains(&"宁波跟进。") && texts.contains(&"湖州\u{200B}发布。"),
        "{texts:?}"
    );
}

#[test]
fn files_that_are_not_articles_are_skipped_with_a_note() {
    let case = Case::new();
    fs::write(case.seeds().join(".DS_Store"), b"\0\0\x01Bud1").unwrap();
    fs::write(case.seeds().join("photo.jpg"), b"\xff\xd8\xff\xe0").unwrap();
    fs::write(case.seeds().join("notes.toml"), "x = 1").unwrap();
    let out = case.build();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("photo.jpg: not a seed"));
}

#[test]
fn path_problems() {
    // A file name that cannot be a URL as it stands gets a safe id.
    let case = Case::new();
    let (ok, err) = case.try_seed("has space.txt", "题\n杭州。\n".as_bytes());
    assert!(ok, "{err}");
    assert!(case.site().join("source/has-space/index.html").is_file());
    let (ok, err) = case.try_seed("has-space.txt", "题\n宁波。\n".as_bytes());
    assert!(!ok && err.contains("seed id `has-space`"), "{err}");
    // Two seeds with one id.
    let case = Case::new();
    let (ok, err) = case.try_seed("good.md", "+++\ntitle = \"x\"\n+++\n杭州。\n".as_bytes());
    assert!(!ok && err.contains("seed id `good`"), "{err}");
    // A symlink loop and a dangling link.
    #[cfg(unix)]
    {
        let case = Case::new();
        std::os::unix::fs::symlink(case.seeds(), case.seeds().join("loop")).unwrap();
        let out = case.build();
        assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("loop"));
        let case = Case::new();
        std::os::unix::fs::symlink(case.dir.path().join("missing.txt"), case.seeds().join("dangling.txt")).unwrap();
        let out = case.build();
        assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("dangling.txt"));
    }
    // Output folders that must not be replaced.
    let case = Case::new();
    let file = case.dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let out = explainer(&[
        "build",
        "--seeds",
        case.seeds().to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("is a file"));
    let inside = case.seeds().join("site");
    let out = explainer(&[
        "build",
        "--seeds",
        case.seeds().to_str().unwrap(),
        "--out",
        inside.to_str().unwrap(),
    ]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("seeds folder"));
    let out = explainer(&[
        "build",
        "--seeds",
        case.seeds().to_str().unwrap(),
        "--out",
        case.site().to_str().unwrap(),
        "--base-url",
        "javascript:alert(1)",
    ]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--base-url"));
}

#[test]
fn editors_files_report_file_line_column() {
    let case = Case::new();
    let work = case.dir.path();
    fs::create_dir(work.join("templates")).unwrap();
    fs::write(
        work.join("templates/city.html"),
        "{% extends \"base.html\" %}\n{% block main %}{{ data.city.name | nosuchfilter }}{% endblock main %}",
    )
    .unwrap();
    let run = |dir: &Path| common::explainer_in(&["build"], dir);
    let out = run(work);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("templates/city.html") && err.contains("nosuchfilter"),
        "{err}"
    );
    fs::remove_dir_all(work.join("templates")).unwrap();
    fs::create_dir(work.join("data")).unwrap();
    fs::write(
        work.join("data/lexicon.toml"),
        explainer::knowledge::Knowledge::sources(None)
            .unwrap()
            .lexicon
            .1
            .replace("speech_verbs", "speech_verb"),
    )
    .unwrap();
    let out = run(work);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("data/lexicon.toml:") && err.contains("did you mean `speech_verbs`"),
        "{err}"
    );
}
