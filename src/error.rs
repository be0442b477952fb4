//! Errors that carry the file (and line and column, where there are some) they are about.
//!
//! Modelled on ripgrep's `ignore` errors: the message reads `path:line: what is wrong`, so an
//! editor or a terminal can jump straight to the place. Each kind is a variant, and an error
//! that wraps another (I/O, Tera, JSON) gives it as its `source()`.

use std::path::{Path, PathBuf};

/// The error every stage returns: what went wrong, and where when it is about a file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file says something wrong or unreadable: a seed, a data file, a template. The line
    /// and column (1-based, in chars) where they are known.
    #[error("{}", located(path, *line, *column, message))]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// A template failed to compile or render: [`Error::Invalid`]'s fields, and Tera's error.
    #[error("{}", located(path, *line, *column, message))]
    Template {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
        #[source]
        source: Box<tera::Error>,
    },
    /// A bad command-line argument or setting, about no file in particular.
    #[error("{0}")]
    Config(String),
    /// Turning generated data into JSON failed (which would otherwise write an empty file).
    #[error("could not write {what} as JSON: {source}")]
    Serialize {
        what: String,
        #[source]
        source: serde_json::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `path:line:column: message`, with the parts that are known.
fn located(path: &Path, line: Option<usize>, column: Option<usize>, message: &str) -> String {
    let mut out = path.display().to_string();
    if let Some(line) = line {
        out.push_str(&format!(":{line}"));
        if let Some(column) = column {
            out.push_str(&format!(":{column}"));
        }
    }
    out.push_str(": ");
    out.push_str(message);
    out
}

impl Error {
    /// A bad argument or setting, about no file in particular.
    pub fn msg(message: impl Into<String>) -> Error {
        Error::Config(message.into())
    }

    /// Something wrong with a whole file.
    pub fn file(path: impl AsRef<Path>, message: impl Into<String>) -> Error {
        Error::Invalid {
            path: path.as_ref().to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// Something wrong on one line (1-based) of a file.
    pub fn at(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Error {
        Error::Invalid {
            path: path.as_ref().to_path_buf(),
            line: Some(line),
            column: None,
            message: message.into(),
        }
    }

    /// Something wrong at one line and column (both 1-based) of a file.
    pub fn at_column(path: impl AsRef<Path>, line: usize, column: usize, message: impl Into<String>) -> Error {
        Error::Invalid {
            path: path.as_ref().to_path_buf(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, err: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source: err,
        }
    }

    /// Serialising `what` failed.
    pub fn serialize(what: impl Into<String>, err: serde_json::Error) -> Error {
        Error::Serialize {
            what: what.into(),
            source: err,
        }
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. } | Error::Invalid { path, .. } | Error::Template { path, .. } => Some(path),
            Error::Config(_) | Error::Serialize { .. } => None,
        }
    }

    /// The line (1-based) the error is about, if known.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Invalid { line, .. } | Error::Template { line, .. } => *line,
            _ => None,
        }
    }

    /// What went wrong, without where.
    pub fn message(&self) -> String {
        match self {
            Error::Invalid { message, .. } | Error::Template { message, .. } => message.clone(),
            Error::Io { source, .. } => source.to_string(),
            Error::Config(message) => message.clone(),
            Error::Serialize { source, .. } => source.to_string(),
        }
    }
}

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
    fn wrapped_errors_are_their_source() {
        use std::error::Error as _;
        let io = Error::io("seeds/a.txt", std::io::Error::new(std::io::ErrorKind::NotFound, "gone"));
        assert_eq!(io.to_string(), "seeds/a.txt: gone");
        assert_eq!(io.source().unwrap().to_string(), "gone");
        let json = serde_json::from_str::<u8>("x").unwrap_err();
        let err = Error::serialize("the cards", json);
        assert!(
            err.to_string().starts_with("could not write the cards as JSON: "),
            "{err}"
        );
        assert!(err.source().is_some());
        assert!(Error::msg("x").source().is_none());
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
