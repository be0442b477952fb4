//! Markdown seeds: TOML front matter between `+++` lines, then paragraphs separated by blank
//! lines. The body is plain text: it is never read as Markdown.

use super::text::{add_line, apply_meta_overrides, trim_line};
use super::{Meta, Seed};
use crate::error::{Error, Result, toml_error};
use crate::knowledge::Lexicon;
use crate::text::han::is_wide;
use std::path::Path;

/// `.md` seeds: `+++` TOML front matter, then paragraphs separated by blank lines.
pub(super) fn parse_markdown(path: &Path, id: &str, text: &str, lexicon: &Lexicon) -> Result<Seed> {
    let (meta, body, body_line) = split_front_matter(path, text)?;
    let mut seed = Seed {
        id: id.to_string(),
        file: path.to_path_buf(),
        title: String::new(),
        title_derived: false,
        subtitle: None,
        bylines: Vec::new(),
        meta,
        language: String::new(),
        paragraphs: Vec::new(),
    };
    let mut block: Vec<&str> = Vec::new();
    let mut block_line = body_line;
    for (offset, raw) in body.split('\n').chain(std::iter::once("")).enumerate() {
        let line = trim_line(raw);
        if line.is_empty() {
            if !block.is_empty() {
                let joined = join_lines(&block);
                add_line(&mut seed, block_line, &joined, lexicon);
                block.clear();
            }
            block_line = body_line + offset + 1;
        } else {
            if block.is_empty() {
                block_line = body_line + offset;
            }
            block.push(line);
        }
    }
    apply_meta_overrides(&mut seed);
    Ok(seed)
}

/// Joins hard-wrapped lines: no space between CJK characters, one space otherwise.
pub(super) fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let cjk_join = out.chars().last().is_some_and(is_wide) || line.chars().next().is_some_and(is_wide);
        if !out.is_empty() && !cjk_join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

pub(super) fn split_front_matter<'a>(path: &Path, text: &'a str) -> Result<(Meta, &'a str, usize)> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Ok((Meta::default(), text, 1));
    };
    // The closing `+++` is a line of its own: text after it on that line (`+++*`, found by
    // fuzzing) would start the body a line before where the line numbers say it does.
    let closes = |at: &usize| {
        let after = rest[at + 4..].trim_start_matches([' ', '\t', '\r']);
        after.is_empty() || after.starts_with('\n')
    };
    let Some(end) = rest.match_indices("\n+++").map(|(i, _)| i).find(closes) else {
        return Err(Error::at(path, 1, "front matter opened with +++ is never closed"));
    };
    let front = &rest[..end + 1];
    let after = rest[end + 4..].trim_start_matches([' ', '\t', '\r']);
    let body = after.strip_prefix('\n').unwrap_or(after);
    let meta: Meta = toml::from_str(front).map_err(|e| {
        let shifted = match e.span() {
            Some(span) => crate::error::line_column(front, span.start).0 + 1,
            None => 1,
        };
        let base = toml_error(path, front, &e);
        Error::at(path, shifted, base.message())
    })?;
    let body_line = front.matches('\n').count() + 3;
    Ok((meta, body, body_line))
}
