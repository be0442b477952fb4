//! How long `serve` takes to show one edited seed, on a synthetic corpus (1,000 seeds unless
//! `BENCH_SEEDS` says otherwise): the time from the edit to the new pages being served (what
//! `serve` does before open pages reload), then to the files made from the whole corpus
//! (export, search index, feeds), which follow.
//!
//! Run: `cargo bench --bench incremental` (the release profile). Prints a Markdown line.

use explainer::build::{self, BuildOptions};
use explainer::knowledge::Knowledge;
use explainer::output::MemoryOutput;
use explainer::serve::BuildCache;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

// The allocator the `explainer` binary (and so `serve`) uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Edits measured (each on a different seed), unless `BENCH_EDITS` says otherwise.
const EDITS: usize = 15;

fn main() -> explainer::Result<()> {
    let count: usize = std::env::var("BENCH_SEEDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let knowledge = Knowledge::load(Some(&repo.join("data")))?;
    let (sample, _) = explainer::ingest::load_dir(&repo.join("seeds"), &knowledge.lexicon)?;
    let dir = tempfile::tempdir().map_err(|e| explainer::Error::io(Path::new("temp"), e))?;
    let seeds = dir.path().join("seeds");
    explainer::tools::generate_corpus(&sample, &knowledge.gazetteer, count, &seeds)?;
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
    cache.take_counts();

    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .map_err(|e| explainer::Error::io(&seeds, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let (mut pages_ms, mut derived_ms, mut made) = (Vec::new(), Vec::new(), Vec::new());
    let edits: usize = std::env::var("BENCH_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(EDITS);
    for k in 0..edits {
        // A maintainer's typical edit: one figure corrected in one article (the digit before
        // the first 家, "companies").
        let path = &files[(k * 97 + 13) % files.len()];
        let text = std::fs::read_to_string(path).map_err(|e| explainer::Error::io(path, e))?;
        let Some(at) = text
            .char_indices()
            .zip(text.chars().skip(1))
            .find(|((_, c), next)| c.is_ascii_digit() && *next == '家')
            .map(|((at, _), _)| at)
        else {
            continue;
        };
        let digit = text[at..].chars().next().and_then(|c| c.to_digit(10)).unwrap_or(1);
        let edited = format!("{}{}{}", &text[..at], (digit % 9) + 1, &text[at + 1..]);
        std::fs::write(path, edited).map_err(|e| explainer::Error::io(path, e))?;

        let started = Instant::now();
        let mut site = build::build_pages(&options, &MemoryOutput::default())?;
        pages_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        made.push(cache.take_counts().0);
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            eprintln!(
                "{} made {}: {}",
                path.display(),
                made[made.len() - 1],
                site.timings.report()
            );
        }
        let started = Instant::now();
        build::write_derived(&mut site, options.static_dir.as_deref(), &MemoryOutput::default())?;
        derived_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    made.sort_unstable();
    println!(
        "| {count} | {} | {first:.0} ms | {:.0} ms (max {:.0} ms) | {} of {} | {:.0} ms |",
        site.pages,
        median(&mut pages_ms),
        max(&pages_ms),
        made.get(made.len() / 2).copied().unwrap_or(0),
        site.pages / 2,
        median(&mut derived_ms),
    );
    Ok(())
}
