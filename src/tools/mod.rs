//! Maintainer tools beside the build: adding articles, checking a site, the glossary entries
//! still to write, and synthetic corpora for the benchmarks.

pub mod add;
pub mod check;
pub mod corpus;
pub mod stubs;
