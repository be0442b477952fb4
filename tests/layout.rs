//! The pipeline `src/lib.rs` draws is what the code does: each stage imports only from the stages
//! before it, no two files of one stage import each other in a circle, and a stage's inner
//! modules are private unless listed below, so that other stages reach a stage through what it
//! re-exports on purpose. Read from the source: every `crate::…` path (in `use` lines, grouped or
//! not, and inline), every `super::…` path and every `pub mod`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in order. A module may use its own stage and the ones before it.
const STAGES: [&str; 14] = [
    "error",
    "text",
    "knowledge",
    "ingest",
    "annotate",
    "model",
    "urls",
    "export",
    "emit",
    "render",
    "output",
    "build",
    "serve",
    "tools",
];

/// The inner modules other stages may name, each for a reason; `*` stands for every module of the
/// folder. Every other module inside a stage is private, reached through the stage's re-exports.
const PUBLIC_MODULES: [(&str, &str); 4] = [
    (
        "text/*",
        "a toolkit rather than a stage: each module is a namespace (escape::html, script::to_hans)",
    ),
    (
        "annotate/title",
        "the one reader of document titles: the model explains documents with it",
    ),
    ("emit/data", "the typed page data the renderer and the templates read"),
    (
        "emit/mark",
        "the annotation protocol: the renderer reads the marks emit writes",
    ),
];

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `emit/city.rs` → [emit, city]; `emit/mod.rs` → [emit].
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The code without comments and string literals, which may mention paths that are not used.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Expands a use tree (`{a, b::{c, d}}`) after `prefix::` into full paths.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], prefix, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], prefix, out);
        return;
    }
    if tree.is_empty() {
        return;
    }
    match tree.split_once("::") {
        Some((head, rest)) => {
            let mut p = prefix.to_vec();
            p.push(head.trim().to_string());
            expand(rest, &p, out);
        }
        None => {
            let name = tree.split_whitespace().next().unwrap_or("");
            let mut p = prefix.to_vec();
            if name != "self" && name != "*" {
                p.push(name.to_string());
            }
            out.push(p);
        }
    }
}

/// Every `crate::` path the code names, as segments after `crate`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let ident_before = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !ident_before {
            if after.starts_with('{') {
                let end = matching_brace(after).unwrap_or(after.len());
                expand(&after[..end], &[], &mut out);
            } else {
                let end = after
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{'))
                    .unwrap_or(after.len());
                let path = &after[..end];
                match path.find('{') {
                    Some(brace) => {
                        let tree_end = matching_brace(&after[brace..]).map_or(after.len(), |e| brace + e);
                        expand(&after[..tree_end], &[], &mut out);
                    }
                    None => out.push(path.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect()),
                }
            }
        }
        rest = after;
    }
    out
}

/// The length of a `{…}` group at the start of `s`, braces included.
fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The sibling files a file names through `super::sibling` (in the same folder).
fn super_siblings(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("super::") {
        let after = &rest[at + "super::".len()..];
        let mut paths = Vec::new();
        let end = if after.starts_with('{') {
            matching_brace(after).unwrap_or(after.len())
        } else {
            after
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(after.len())
        };
        expand(&after[..end], &[], &mut paths);
        for p in paths {
            if let Some(first) = p.first() {
                out.insert(first.clone());
            }
        }
        rest = after;
    }
    out
}

#[test]
fn stages_import_only_earlier_stages_and_files_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    // Within each stage folder: which sibling files each file uses.
    let mut siblings: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut folder_files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel == Path::new("main.rs") || rel == Path::new("lib.rs") {
            continue;
        }
        let module = module_of(rel);
        let stage = module[0].clone();
        let Some(own) = rank(&stage) else {
            wrong.push(format!(
                "{}: stage `{stage}` is not in the declared order",
                rel.display()
            ));
            continue;
        };
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        for path in crate_paths(&code) {
            let Some(target) = path.first() else { continue };
            if target == "Error" || target == "Result" {
                continue; // re-exported from `error` at the crate root
            }
            match rank(target) {
                Some(r) if r > own => wrong.push(format!(
                    "{}: `{stage}` uses the later stage `crate::{}`",
                    rel.display(),
                    path.join("::")
                )),
                None => wrong.push(format!("{}: `crate::{}` is no stage", rel.display(), path.join("::"))),
                _ => {}
            }
            if *target == stage && module.len() >= 2 && path.len() >= 2 {
                // crate::emit::city from emit/site.rs: a sibling in the same folder.
                let folder = module[..module.len() - 1].join("/");
                if module.len() == 2 {
                    siblings
                        .entry((folder, module[1].clone()))
                        .or_default()
                        .insert(path[1].clone());
                }
            }
        }
        // Files directly in a stage folder (emit/city.rs): their `super::x` siblings.
        if module.len() == 2 && !rel.ends_with("mod.rs") {
            let folder = module[0].clone();
            folder_files
                .entry(folder.clone())
                .or_default()
                .insert(module[1].clone());
            siblings
                .entry((folder, module[1].clone()))
                .or_default()
                .extend(super_siblings(&code));
        }
    }
    // A cycle among the sibling files of one folder.
    for (folder, names) in &folder_files {
        let uses = |name: &str| -> BTreeSet<String> {
            siblings
                .get(&(folder.clone(), name.to_string()))
                .map(|s| s.iter().filter(|n| names.contains(*n) && *n != name).cloned().collect())
                .unwrap_or_default()
        };
        // Depth-first search for a back edge.
        fn visit(
            n: &str,
            uses: &dyn Fn(&str) -> BTreeSet<String>,
            state: &mut BTreeMap<String, u8>,
            stack: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            state.insert(n.to_string(), 1);
            stack.push(n.to_string());
            for next in uses(n) {
                match state.get(&next) {
                    Some(1) => {
                        let from = stack.iter().position(|s| *s == next).unwrap_or(0);
                        let mut cycle = stack[from..].to_vec();
                        cycle.push(next);
                        return Some(cycle);
                    }
                    Some(_) => {}
                    None => {
                        if let Some(c) = visit(&next, uses, state, stack) {
                            return Some(c);
                        }
                    }
                }
            }
            stack.pop();
            state.insert(n.to_string(), 2);
            None
        }
        let mut state = BTreeMap::new();
        for name in names {
            if !state.contains_key(name)
                && let Some(cycle) = visit(name, &uses, &mut state, &mut Vec::new())
            {
                wrong.push(format!(
                    "{folder}/: files import each other in a circle: {}",
                    cycle.join(" → ")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layout broken:\n{}", wrong.join("\n"));
}

#[test]
fn stage_modules_are_private_unless_listed() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel == Path::new("lib.rs") || rel == Path::new("main.rs") {
            continue; // the stages themselves
        }
        let module = module_of(rel);
        for name in public_modules(&code_only(&std::fs::read_to_string(file).unwrap())) {
            let path = format!("{}/{name}", module.join("/"));
            let every = format!("{}/*", module.join("/"));
            match PUBLIC_MODULES
                .iter()
                .find(|(listed, _)| *listed == path || *listed == every)
            {
                Some((listed, _)) => {
                    seen.insert(*listed);
                }
                None => wrong.push(format!(
                    "{}: `pub mod {name}` is not listed in PUBLIC_MODULES",
                    rel.display()
                )),
            }
        }
    }
    for (listed, _) in PUBLIC_MODULES {
        if !seen.contains(listed) {
            wrong.push(format!("PUBLIC_MODULES lists `{listed}`, which is no public module"));
        }
    }
    assert!(wrong.is_empty(), "module privacy broken:\n{}", wrong.join("\n"));
}

/// The names of the modules `code` declares `pub` (`pub mod x;`, `pub(crate) mod x;`).
fn public_modules(code: &str) -> Vec<String> {
    code.lines()
        .map(str::trim_start)
        .filter_map(|line| {
            line.strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
        })
        .map(|rest| rest.trim_end_matches([';', '{', ' ']).to_string())
        .collect()
}

#[test]
fn the_reader_finds_every_path_form() {
    let code = "use crate::emit::{self, Spec};\nuse crate::{model::View, urls};\nlet x = crate::text::escape::html(y);\nuse super::{data::X, city};";
    let paths: Vec<String> = crate_paths(code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        ["emit", "emit::Spec", "model::View", "urls", "text::escape::html"]
    );
    assert_eq!(super_siblings(code).into_iter().collect::<Vec<_>>(), ["city", "data"]);
    assert_eq!(code_only("a // crate::later\n\"crate::x\" b"), "a \n\"\" b");
    assert_eq!(
        public_modules("mod a;\npub mod b;\n    pub(crate) mod c {\n// pub mod d;"),
        ["b", "c"]
    );
}
