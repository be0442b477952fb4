//! The `explainer` command line: `build`, `check`.

use clap::{Parser, Subcommand};
use explainer::site::{self, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    },
    /// Build in memory and verify every internal link and anchor; writes nothing.
    Check {
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let result = match cli.command {
        Command::Build {
            seeds,
            out,
            base_url,
        } => {
            let options = BuildOptions {
                base_url,
                ..BuildOptions::new(seeds, out)
            };
            site::build(&options).and_then(|site| {
                for note in &site.notes {
                    eprintln!("note: {note}");
                }
                site::write(&site, &options.out, &options.seeds)?;
                println!("{}", site.summary(started));
                Ok(())
            })
        }
        Command::Check { seeds } => {
            let options = BuildOptions::new(seeds, "site");
            site::build(&options).and_then(|site| check(&site))
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

fn check(site: &site::Site) -> explainer::Result<()> {
    for note in &site.notes {
        eprintln!("note: {note}");
    }
    let ex = &site.explainer;
    for s in &ex.seeds {
        if s.paragraphs.iter().all(|p| p.cities.is_empty()) {
            println!("warning: {}: names no Zhejiang city", s.seed.file.display());
        }
    }
    for t in ex.terms.iter().filter(|t| t.entry.is_none()) {
        println!(
            "warning: term “{}” ({}) has no glossary explanation",
            t.text, t.id
        );
    }
    for d in ex.documents.iter().filter(|d| d.entry.is_none()) {
        println!(
            "warning: document 《{}》 ({}) has no glossary explanation",
            d.title, d.id
        );
    }
    let broken = explainer::check::broken_links(&site.files);
    for b in &broken {
        println!("broken link: {} → {} ({})", b.page, b.target, b.reason);
    }
    if broken.is_empty() {
        println!(
            "check: {} files, {} pages, no broken links",
            site.files.len(),
            site.pages
        );
        Ok(())
    } else {
        Err(explainer::Error::msg(format!(
            "{} broken link(s)",
            broken.len()
        )))
    }
}
