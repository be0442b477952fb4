//! explainer — turns Chinese policy news about Zhejiang's cities ("seeds") into an annotated
//! explainer website with one page per city.

pub mod annotate;
pub mod build;
pub mod emit;
pub mod error;
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
