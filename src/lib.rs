//! explainer — turns Chinese policy news about Zhejiang's cities ("seeds") into an annotated
//! explainer website with one page per city.
//!
//! The build is a line of stages, a module each; a stage imports only from the stages above it,
//! and its inner modules are private but for what it re-exports (`tests/layout.rs` holds the
//! code to both). `docs/ARCHITECTURE.md` describes each stage, what flows between them and the
//! rules they keep.
//!
//! ```text
//! error            one error type naming file, line and column
//! text             shared: escaping, offsets, script folding, hashes, Han chars, sentences
//! knowledge        curated data: gazetteer, glossary, word lists, map, page strings
//! ingest           seeds/ → Seed (title, metadata, body paragraphs)
//! annotate         Seed → AnnotatedSeed (cities, places, dates, figures, documents, terms, orgs)
//! model            AnnotatedSeeds → Explainer (cities, terms, documents, events); pages read it
//!                  through a View that records every read
//! urls             every address in the site, by what it shows (a city, an annotation's page)
//! export           Explainer → the JSON contract (data/annotations.json), in types of its own
//! emit             one page at a time: annotated Markdown (its links are Marks) and typed data
//! render           Markdown → HTML (the Mark adapter) → Tera, in both scripts
//! output           where files go (staging folder, memory), cards, search index, feeds,
//!                  link check
//! build            wires the stages
//! serve            the preview server and the cache a rebuild reuses
//! tools            add, check, stubs, corpus
//! ```
//!
//! Where to look: a figure is recognised in `annotate/figures.rs`; a city page is laid out in
//! `emit/city.rs` and `templates/city.html`; the data export is `export.rs`.

pub mod annotate;
pub mod build;
pub mod emit;
pub mod error;
pub mod export;
pub mod ingest;
pub mod knowledge;
pub mod model;
pub mod output;
pub mod render;
pub mod serve;
pub mod text;
pub mod tools;
pub mod urls;

pub use error::{Error, Result};
