//! Syntax highlighting (syntect, pure-Rust regex engine) for the code the site shows about
//! itself: annotated Markdown and the JSON export. Output uses CSS classes, not inline styles,
//! so the Content-Security-Policy needs no `unsafe-inline`; the colours are in
//! `static/highlight.css`.

use std::cell::OnceCell;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Loads syntect's syntaxes on first use and frees them when dropped. Only the about page shows
/// code, and the regexes syntect compiles for it take ~14 MB: a highlighter that lives for one
/// page gives that memory back before the rest of the site is made, where a process-wide one
/// would hold it through a large build's peak.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceCell<SyntaxSet>,
}

impl Highlighter {
    /// `code` as highlighted HTML spans; `extension` picks the syntax (`md`, `json`).
    pub fn highlight(&self, code: &str, extension: &str) -> String {
        let set = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = set
            .find_syntax_by_extension(extension)
            .unwrap_or_else(|| set.find_syntax_plain_text());
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::Spaced);
        for line in LinesWithEndings::from(code) {
            if generator.parse_html_for_line_which_includes_newline(line).is_err() {
                return crate::render::escape_html(code);
            }
        }
        generator.finalize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_json_and_escapes() {
        let html = Highlighter::default().highlight("{\"a\": \"<b>\"}\n", "json");
        assert!(html.contains("<span class="), "{html}");
        assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"));
    }
}
