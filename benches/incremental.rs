//! How long `serve` takes to show an edited seed, on a synthetic corpus (1,000 seeds unless
//! `BENCH_SEEDS` says otherwise), for each kind of one-paragraph edit a maintainer makes: a
//! figure corrected, a sentence added, a new quoted term, a title, a date, and letters appended
//! to the end of the first paragraph (typing). Each kind is made on `BENCH_EDITS` (15) different
//! seeds; for each edit, the time from the edit to the new pages being served (what `serve` does
//! before open pages reload, as `serve::Live::rebuild` does it), how many pages were made again,
//! then the time to the files made from the whole corpus (export, search index, feeds).
//!
//! Run: `cargo bench --bench incremental` (the release profile). Prints a Markdown table.

use explainer::build::{self, BuildOptions};
use explainer::knowledge::Knowledge;
use explainer::output::MemoryOutput;
use explainer::serve::BuildCache;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

// The allocator the `explainer` binary (and so `serve`) uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Edits of each kind (each on a different seed), unless `BENCH_EDITS` says otherwise.
const EDITS: usize = 15;

/// A kind of edit: its name in the table, and what it does to a seed's text (`None`: the seed
/// has nothing to edit this way). `k` numbers the edit, so that each one writes new text.
struct Edit {
    name: &'static str,
    apply: fn(&str, usize) -> Option<String>,
}

/// The body's first paragraph: the line after the title (and a blank line).
fn first_paragraph(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i > 0 && !line.trim().is_empty() {
            return Some((at, at + line.trim_end_matches('\n').len()));
        }
        at += line.len();
    }
    None
}

const KINDS: [Edit; 6] = [
    // One figure corrected: the digit before the first 家 ("companies").
    Edit {
        name: "a figure",
        apply: |text, _| {
            let at = text
                .char_indices()
                .zip(text.chars().skip(1))
                .find(|((_, c), next)| c.is_ascii_digit() && *next == '家')
                .map(|((at, _), _)| at)?;
            let digit = text[at..].chars().next()?.to_digit(10)?;
            Some(format!("{}{}{}", &text[..at], (digit % 9) + 1, &text[at + 1..]))
        },
    },
    // A sentence added at the end of the first paragraph.
    Edit {
        name: "a sentence",
        apply: |text, k| {
            let (_, end) = first_paragraph(text)?;
            Some(format!(
                "{}该市第{k}批人工智能应用场景清单同步发布。{}",
                &text[..end],
                &text[end..]
            ))
        },
    },
    // A term no article used before, quoted.
    Edit {
        name: "a new term",
        apply: |text, k| {
            let (_, end) = first_paragraph(text)?;
            Some(format!("{}会议提出“智算新{k}号工程”。{}", &text[..end], &text[end..]))
        },
    },
    // The title (the first line).
    Edit {
        name: "a title",
        apply: |text, k| {
            let end = text.find('\n')?;
            Some(format!("{}(修订{k}){}", &text[..end], &text[end..]))
        },
    },
    // A date: a dated sentence at the start of the first paragraph.
    Edit {
        name: "a date",
        apply: |text, k| {
            let (start, _) = first_paragraph(text)?;
            Some(format!(
                "{}{}月{}日,{}",
                &text[..start],
                k % 12 + 1,
                k % 27 + 1,
                &text[start..]
            ))
        },
    },
    // Typing: a few letters appended to the end of the first paragraph.
    Edit {
        name: "letters appended",
        apply: |text, k| {
            let (_, end) = first_paragraph(text)?;
            let letters: String = (0..=k % 4).map(|i| char::from(b'a' + ((k + i) % 26) as u8)).collect();
            Some(format!("{}{letters}{}", &text[..end], &text[end..]))
        },
    },
];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

fn main() -> explainer::Result<()> {
    let count = env_number("BENCH_SEEDS", 1000);
    let edits = env_number("BENCH_EDITS", EDITS);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let knowledge = Knowledge::load(Some(&repo.join("data")))?;
    let (sample, _) = explainer::ingest::load_dir(&repo.join("seeds"), &knowledge.lexicon)?;
    let dir = tempfile::tempdir().map_err(|e| explainer::Error::io(Path::new("temp"), e))?;
    let seeds = dir.path().join("seeds");
    explainer::tools::generate_corpus(&sample, &knowledge.gazetteer, count, &seeds)?;
    // Files an hour old, as in a real folder: the cache trusts their stamps from the start.
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map_err(|e| explainer::Error::io(&seeds, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for f in &files {
        std::fs::File::options()
            .write(true)
            .open(f)
            .and_then(|file| file.set_modified(an_hour_ago))
            .map_err(|e| explainer::Error::io(f, e))?;
    }
    let mut options = BuildOptions::new(&seeds, dir.path().join("site"));
    options.data = Some(repo.join("data"));
    options.templates = Some(repo.join("templates"));
    options.static_dir = Some(repo.join("static"));
    options.cache = Some(Arc::new(BuildCache::default()));
    let cache = Arc::clone(options.cache.as_ref().expect("cache set above"));

    let started = Instant::now();
    let mut site = build::build_pages(&options, &MemoryOutput::default())?;
    let first = started.elapsed().as_secs_f64() * 1000.0;
    build::write_derived(&mut site, options.static_dir.as_deref(), &MemoryOutput::default())?;
    let pages = site.pages;
    cache.take_counts();

    println!(
        "| edit ({count} seeds, {pages} pages; first build in memory {first:.0} ms) | pages ready: median | max | pages made: median | max | then export, search, feeds: median |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    for (kind_index, kind) in KINDS.iter().enumerate() {
        let (mut pages_ms, mut derived_ms, mut made) = (Vec::new(), Vec::new(), Vec::new());
        let mut k = 0;
        let mut tried = 0;
        while made.len() < edits && tried < files.len() {
            let path = &files[(tried * 97 + 13 + kind_index * 31) % files.len()];
            tried += 1;
            let text = std::fs::read_to_string(path).map_err(|e| explainer::Error::io(path, e))?;
            let Some(edited) = (kind.apply)(&text, k) else { continue };
            k += 1;
            std::fs::write(path, edited).map_err(|e| explainer::Error::io(path, e))?;
            let started = Instant::now();
            let mut site = build::build_pages(&options, &MemoryOutput::default())?;
            pages_ms.push(started.elapsed().as_secs_f64() * 1000.0);
            made.push(cache.take_counts().0 as f64);
            if std::env::var_os("BENCH_VERBOSE").is_some() {
                eprintln!(
                    "{}: {} made {}: {}",
                    kind.name,
                    path.display(),
                    made[made.len() - 1],
                    site.timings.report()
                );
            }
            let started = Instant::now();
            build::write_derived(&mut site, options.static_dir.as_deref(), &MemoryOutput::default())?;
            derived_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
        println!(
            "| {} | {:.0} ms | {:.0} ms | {:.0} | {:.0} | {:.0} ms |",
            kind.name,
            median(&mut pages_ms.clone()),
            max(&pages_ms),
            median(&mut made.clone()),
            max(&made),
            median(&mut derived_ms),
        );
    }
    Ok(())
}
