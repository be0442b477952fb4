//! The `explainer` command line:
//!
//! - `build [--seeds DIR] [--out DIR] [--base-url URL] [--timings]`: the whole site from the seeds;
//! - `check [--seeds DIR]`: build in memory, verify every internal link and anchor, list seeds
//!   naming no city, report how many terms and documents are explained (by origin) and list the
//!   unexplained ones, most used first;
//! - `stubs [--seeds DIR]`: print TOML entries for the glossary (`[[term]]`, `[[document]]`)
//!   for every unexplained term and document, most used first, ready to fill in;
//! - `serve [--seeds DIR] [--bind ADDR] [--port N]`: preview with live reload;
//! - `add [--seeds DIR] [--source URL] [--publisher NAME] [--date YYYY-MM-DD] FILE…`: add articles;
//! - `corpus --count N --out DIR [--seeds DIR]`: a synthetic corpus for the benchmarks.

use clap::{Parser, Subcommand};
use explainer::build::{self, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

// A build allocates many short-lived strings on every core at once; mimalloc's per-thread heaps
// serve that pattern with far less time in the allocator than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "explainer",
    version,
    about = "Turns Chinese policy news about Zhejiang's cities into an annotated explainer website."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site from the seeds.
    Build {
        /// Folder of seed articles (.txt, .md).
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Output folder; replaced as a whole only when the build succeeds.
        #[arg(long, default_value = "site")]
        out: PathBuf,
        /// Absolute URL the site is served from, e.g. https://user.github.io/repo/
        #[arg(long, default_value = "")]
        base_url: String,
        /// Print how long each stage took.
        #[arg(long)]
        timings: bool,
        /// Also write every page's annotated Markdown beside it, in both scripts (for the
        /// benchmarks, which give it to Hugo and Zola).
        #[arg(long, hide = true)]
        all_markdown: bool,
    },
    /// Build in memory and verify every internal link and anchor; writes nothing.
    Check {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
    },
    /// Print glossary entries to fill in (TOML) for every term and document nothing explains yet.
    Stubs {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
    },
    /// Preview the site with live reload, rebuilding when seeds, templates, static or data change.
    Serve {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Write a synthetic corpus (for benchmarks) made from the seeds' paragraphs.
    Corpus {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// How many seeds to write.
        #[arg(long)]
        count: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Add articles to the seeds folder (named NNN_<hash>.txt); `-` reads standard input.
    Add {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Where the article was published (URL).
        #[arg(long)]
        source: Option<String>,
        /// Who published it.
        #[arg(long)]
        publisher: Option<String>,
        /// Publication date, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        /// Article files, or - for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    // mimalloc asks for transparent huge pages; the build's heap is many small objects spread
    // over every core's pages, so 2 MB pages are mostly empty and a 10,000-seed build's peak
    // resident memory grows by ~50 MB (measured) for no speed gain. Failure only means the
    // kernel keeps its default.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = Cli::parse();
    let started = Instant::now();
    let result = match cli.command {
        Command::Build {
            seeds,
            out,
            base_url,
            timings,
            all_markdown,
        } => {
            use std::io::IsTerminal;
            let progress = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
            let options = BuildOptions {
                base_url,
                progress,
                all_markdown,
                ..BuildOptions::new(seeds, out)
            };
            build::build_to_disk(&options).map(|site| {
                for note in &site.notes {
                    eprintln!("note: {note}");
                }
                if timings {
                    eprintln!("timings: {}", site.timings.report());
                }
                println!("{}", site.summary(started));
            })
        }
        Command::Check { seeds } => {
            let options = BuildOptions::new(seeds, "site");
            build::build_in_memory(&options).and_then(|(site, files)| check(&site, &files))
        }
        Command::Stubs { seeds } => {
            let options = BuildOptions::new(seeds, "site");
            build::build_in_memory(&options).map(|(site, _)| print!("{}", explainer::tools::stubs(&site.explainer)))
        }
        Command::Serve { seeds, bind, port } => explainer::serve::serve(BuildOptions::new(seeds, "site"), &bind, port),
        Command::Corpus { seeds, count, out } => corpus(&seeds, count, &out),
        Command::Add {
            seeds,
            source,
            publisher,
            date,
            files,
        } => {
            let meta = explainer::ingest::Meta {
                date,
                source,
                publisher,
                ..Default::default()
            };
            add(&seeds, &files, &meta)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn add(seeds: &std::path::Path, files: &[PathBuf], meta: &explainer::ingest::Meta) -> explainer::Result<()> {
    use std::io::Read;
    let knowledge = explainer::knowledge::Knowledge::load(BuildOptions::new(seeds, "site").data.as_deref())?;
    let annotator = explainer::annotate::Annotator::new(&knowledge);
    for file in files {
        let bytes = if file.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| explainer::Error::file("<stdin>", e.to_string()))?;
            buf
        } else {
            std::fs::read(file).map_err(|e| explainer::Error::io(file, e))?
        };
        let origin = if file.as_os_str() == "-" {
            PathBuf::from("<stdin>")
        } else {
            file.clone()
        };
        let added = explainer::tools::add(seeds, &origin, &bytes, meta, &annotator)?;
        let cities = if added.cities.is_empty() {
            "no Zhejiang city".to_string()
        } else {
            added.cities.join(", ")
        };
        let date = match (&added.date, added.date_from_address) {
            (Some(d), true) => format!("date {d} (from the address)"),
            (Some(d), false) => format!("date {d}"),
            (None, _) => "no publication date (give --date)".to_string(),
        };
        println!(
            "added {} “{}” — cities: {cities}; {date}",
            added.path.display(),
            added.title
        );
    }
    Ok(())
}

fn corpus(seeds: &std::path::Path, count: usize, out: &std::path::Path) -> explainer::Result<()> {
    let knowledge = explainer::knowledge::Knowledge::load(BuildOptions::new(seeds, "site").data.as_deref())?;
    let (loaded, _) = explainer::ingest::load_dir(seeds, &knowledge.lexicon)?;
    explainer::tools::generate_corpus(&loaded, &knowledge.gazetteer, count, out)?;
    println!("wrote {count} synthetic seeds to {}", out.display());
    Ok(())
}

fn check(site: &build::Site, files: &explainer::output::Files) -> explainer::Result<()> {
    for note in &site.notes {
        eprintln!("note: {note}");
    }
    let checked = explainer::tools::check(site, files);
    print!("{}", checked.report);
    if checked.broken.is_empty() {
        Ok(())
    } else {
        Err(explainer::Error::msg(format!(
            "{} broken link(s)",
            checked.broken.len()
        )))
    }
}
