//! Text utilities every stage shares: escaping, char/byte offsets, script conversion and
//! folding, slugs and hashes. Nothing here knows about seeds, cities or pages.

pub mod escape;
pub mod han;
pub mod hash;
pub mod isodate;
pub mod offsets;
pub mod script;
pub mod sentences;
pub mod slug;
pub mod words;
