//! Errors that carry the file (and line, where there is one) they are about.
//!
//! Modelled on ripgrep's `ignore` errors: the message reads `path:line: what is wrong`, so an
//! editor or a terminal can jump straight to the place.

use std::fmt;
use std::path::{Path, PathBuf};

/// The error every stage returns: where it happened and what went wrong.
#[derive(Debug)]
pub struct Error {
    path: Option<PathBuf>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error about no file in particular (a bad argument, say).
    pub fn msg(message: impl Into<String>) -> Error {
        Error {
            path: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// An error about a whole file.
    pub fn file(path: impl AsRef<Path>, message: impl Into<String>) -> Error {
        Error {
            path: Some(path.as_ref().to_path_buf()),
            ..Error::msg(message)
        }
    }

    /// An error about one line (1-based) of a file.
    pub fn at(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Error {
        Error {
            line: Some(line),
            ..Error::file(path, message)
        }
    }

    /// An error about one line and column (both 1-based) of a file.
    pub fn at_column(path: impl AsRef<Path>, line: usize, column: usize, message: impl Into<String>) -> Error {
        Error {
            column: Some(column),
            ..Error::at(path, line, message)
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, err: std::io::Error) -> Error {
        Error::file(path, err.to_string())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn line(&self) -> Option<usize> {
        self.line
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Maps a TOML parse error onto `path:line:column: message`.
pub fn toml_error(path: impl AsRef<Path>, source: &str, err: &toml::de::Error) -> Error {
    let message = suggest(err.message());
    match err.span() {
        Some(span) => {
            let (line, column) = line_column(source, span.start);
            Error::at_column(path, line, column, message)
        }
        None => Error::file(path, message),
    }
}

/// serde's "unknown field `x`, expected one of `a`, `b`" with the closest valid name added.
pub fn suggest(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((unknown, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let closest = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|candidate| (strsim::levenshtein(unknown, candidate), candidate))
        .min();
    match closest {
        Some((distance, candidate)) if distance <= 3 => format!("{message} — did you mean `{candidate}`?"),
        _ => message.to_string(),
    }
}

/// 1-based line and column (in chars) of a byte offset.
pub fn line_column(source: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(source.len());
    let before = &source[..floor_char_boundary(source, byte)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_path_line_and_message() {
        assert_eq!(Error::at("seeds/a.txt", 3, "bad").to_string(), "seeds/a.txt:3: bad");
        assert_eq!(Error::at_column("t.html", 2, 5, "x").to_string(), "t.html:2:5: x");
        assert_eq!(Error::msg("plain").to_string(), "plain");
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let m = suggest("unknown field `sorce`, expected one of `id`, `names`, `source`");
        assert!(m.ends_with("did you mean `source`?"), "{m}");
        assert_eq!(suggest("missing field `id`"), "missing field `id`");
    }

    #[test]
    fn line_column_counts_chars() {
        assert_eq!(line_column("ab\n寧波x", 7), (2, 2));
        assert_eq!(line_column("abc", 0), (1, 1));
    }
}
