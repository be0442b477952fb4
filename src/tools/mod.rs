//! Maintainer tools beside the build.

pub mod add;
pub mod corpus;
