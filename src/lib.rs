//! explainer — turns Chinese policy news about Zhejiang's cities ("seeds") into an annotated
//! explainer website with one page per city.
//!
//! The build is a line of stages, each one module, data flowing forward only:
//!
//! ```text
//! seeds/ ─ingest─► Seed ─annotate─► AnnotatedSeed ─model─► Explainer
//!        ─emit─► annotated Markdown pages ─render─► HTML (Tera) ─write─► site/
//! ```
//!
//! Curated knowledge (gazetteer, glossary, word lists) is data under `data/`, embedded in the
//! binary as the default and read from disk when a `data/` folder is present.

pub mod add;
pub mod annotate;
pub mod cards;
pub mod check;
pub mod corpus;
pub mod emit;
pub mod error;
pub mod export;
pub mod fingerprint;
pub mod gazetteer;
pub mod glossary;
pub mod highlight;
pub mod ingest;
pub mod lexicon;
pub mod map;
pub mod model;
pub mod publish;
pub mod render;
pub mod script;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;

pub use error::{Error, Result};
