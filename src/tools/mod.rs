//! Maintainer tools beside the build: adding articles, checking a site, the glossary entries
//! still to write, and synthetic corpora for the benchmarks.

mod add;
mod check;
mod corpus;
mod stubs;

pub use add::{Added, add};
pub use check::{Checked, check};
pub use corpus::generate as generate_corpus;
pub use stubs::stubs;
