//! Syntax highlighting (syntect, pure-Rust regex engine) for the code the site shows about
//! itself: annotated Markdown and the JSON export. Output uses CSS classes, not inline styles,
//! so the Content-Security-Policy needs no `unsafe-inline`; the colours are in
//! `static/highlight.css`.
//!
//! Annotated Markdown has a grammar of its own (`annotated-markdown.sublime-syntax`): it knows
//! the `+++` front matter and the links that are marks (`crate::emit::mark`), and compiles in a few
//! milliseconds where syntect's full Markdown grammar takes ~100 ms — the largest fixed cost of
//! a small build, all of it on the one page that shows code.

use std::cell::OnceCell;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxDefinition, SyntaxReference, SyntaxSet, SyntaxSetBuilder};
use syntect::util::LinesWithEndings;

const ANNOTATED_MARKDOWN: &str = include_str!("annotated-markdown.sublime-syntax");

/// Loads syntaxes on first use and frees them when dropped. Only the about page shows code, and
/// the regexes syntect compiles take megabytes: a highlighter that lives for one page gives that
/// memory back before the rest of the site is made, where a process-wide one would hold it
/// through a large build's peak.
#[derive(Default)]
pub struct Highlighter {
    annotated_markdown: OnceCell<Option<SyntaxSet>>,
    defaults: OnceCell<SyntaxSet>,
}

impl Highlighter {
    /// `code` as highlighted HTML spans; `extension` picks the syntax (`md` is annotated
    /// Markdown, anything else one of syntect's defaults, e.g. `json`).
    pub fn highlight(&self, code: &str, extension: &str) -> String {
        let (set, syntax) = self.syntax(extension);
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::Spaced);
        for line in LinesWithEndings::from(code) {
            if generator.parse_html_for_line_which_includes_newline(line).is_err() {
                return crate::text::escape::html(code);
            }
        }
        generator.finalize()
    }

    fn syntax(&self, extension: &str) -> (&SyntaxSet, &SyntaxReference) {
        if extension == "md"
            && let Some(set) = self.annotated_markdown.get_or_init(annotated_markdown)
            && let Some(syntax) = set.find_syntax_by_extension("md")
        {
            return (set, syntax);
        }
        let set = self.defaults.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = set
            .find_syntax_by_extension(extension)
            .unwrap_or_else(|| set.find_syntax_plain_text());
        (set, syntax)
    }
}

/// The annotated-Markdown grammar; embedded and checked by a test, so `None` (then the default
/// Markdown grammar is used) only if it was broken without the tests being run.
fn annotated_markdown() -> Option<SyntaxSet> {
    let definition = SyntaxDefinition::load_from_str(ANNOTATED_MARKDOWN, true, None).ok()?;
    let mut builder = SyntaxSetBuilder::new();
    builder.add(definition);
    Some(builder.build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Kind;
    use crate::emit::Mark;

    #[test]
    fn highlights_json_and_escapes() {
        let html = Highlighter::default().highlight("{\"a\": \"<b>\"}\n", "json");
        assert!(html.contains("<span class="), "{html}");
        assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"));
    }

    #[test]
    fn annotated_markdown_grammar_loads_and_marks_annotations() {
        assert!(annotated_markdown().is_some(), "the embedded grammar must parse");
        let inferred = Mark::Annotation {
            kind: Kind::Date,
            value: "2025-05-14",
            inferred: true,
            about: None,
            statement: None,
        };
        let code = format!(
            "+++\ntitle = \"寧波\"\nkind = \"city\"\n+++\n\n## 因地制宜競跑AI\\+\n\n{}在{}投資\\<b\\>{}。\n",
            Mark::annotation(Kind::City, "ningbo").link("寧波"),
            inferred.link("5月14日"),
            Mark::annotation(Kind::Figure, "560000000 CNY").link("5.6億元")
        );
        let code = code.as_str();
        let html = Highlighter::default().highlight(code, "md");
        assert!(html.contains("<span class=\"meta frontmatter\">"), "{html}");
        assert!(
            html.contains("<span class=\"support type property-name\">title</span>"),
            "{html}"
        );
        assert!(html.contains("<span class=\"markup heading markdown\">"), "{html}");
        assert!(
            html.contains("<span class=\"entity name tag annotation-kind markdown\">city</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"markup underline link markdown\">ningbo</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"string other link title markdown\">&quot;inferred&quot;</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"constant character escape markdown\">\\&lt;</span>"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
        // A link cut off by a truncated sample line is plain text, not an error.
        let link = Mark::annotation(Kind::City, "ningbo").link("寧波");
        let cut = Highlighter::default().highlight(&format!("{}\n", &link[..link.len() - 4]), "md");
        assert!(cut.contains("寧波") && !cut.contains("annotation-kind"), "{cut}");
    }
}
