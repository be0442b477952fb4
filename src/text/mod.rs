//! Text utilities every stage shares: escaping, char/byte offsets, script conversion and
//! folding, slugs and hashes, which characters are Chinese, word sets, and where sentences and
//! clauses end. Nothing here knows about seeds, cities or pages. A toolkit rather than a stage:
//! its modules are public, each a namespace (`escape::html`, `escape::markdown`).

pub mod escape;
pub mod han;
pub mod hash;
pub mod isodate;
pub mod offsets;
pub mod script;
pub mod sentences;
pub mod slug;
pub mod words;
