//! explainer — turns Chinese policy news about Zhejiang's cities ("seeds") into an annotated
//! explainer website with one page per city.
//!
//! The build is a line of stages, one folder each; a stage imports only from the stages above
//! it (`tests/layout.rs` holds the code to that):
//!
//! ```text
//! text             shared: escaping, offsets, script folding, hashes, Han chars, sentences
//! knowledge        curated data: gazetteer, glossary, word lists, map, page strings
//! ingest           seeds/ → Seed (title, metadata, body paragraphs)
//! annotate         Seed → AnnotatedSeed (cities, places, dates, figures, documents, terms, orgs)
//! model            AnnotatedSeeds → Explainer (cities, terms, documents, events); pages read it
//!                  through a View that records every read
//! urls             every address in the site, by what it shows (a city, an annotation's page)
//! export           Explainer → the JSON contract (data/annotations.json), in types of its own
//! emit             one page at a time: annotated Markdown and typed page data
//! render           Markdown → HTML (the annotation adapter) → Tera, in both scripts
//! output           where files go (staging folder, memory), cards, search index, feeds,
//!                  link check
//! build            wires the stages; serve (cache, server) and tools (add, corpus) use it
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
