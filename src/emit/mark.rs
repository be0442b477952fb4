//! Marks: the annotations and links of annotated Markdown, the one protocol between emit and
//! render. Emit writes a [`Mark`] as a Markdown link whose destination says what it is, and the
//! renderer reads the link back into the same [`Mark`] and makes its element; both sides go
//! through this module, so they cannot disagree about a spelling, and a new kind of mark is a
//! compile error wherever marks are matched until it is handled there (the way pulldown-cmark's
//! `Event` and `Tag` are typed).
//!
//! The written form, plain CommonMark that reads well on GitHub:
//!
//! ```text
//! [寧波](<city:ningbo>)                              an annotation: <kind>:<value>
//! [5月14日](<date:2025-05-14> "inferred about:ningbo")   with its flags in the title
//! [超200億元](<figure:20000000000 CNY> "about:huzhou statement:3fa2c1d0e4b5")  a figure's statement
//! [2025年5月14日](<time:2025-05-14>)                  an event's own date, at the head of its line
//! [原文 ›](<source:000_cc229362e59457d6#p3>)          a paragraph of a source article
//! [¶](<para:p3>)                                     a paragraph's own anchor on its page
//! [全部 3 段 ›](<page:province/>)                      another page of the site
//! [](<lang:en>)…[](</lang>)                          text in another language than the page's
//! ```
//!
//! Link text is seed or page text, always escaped ([`escape::push_markdown`]); destinations are
//! ids, dates and paths the generator made, which never hold `<`, `>` or a line break.

use crate::annotate::{Annotation, Kind};
use crate::text::escape;

/// One annotation or link of annotated Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark<'a> {
    /// A span of text and what it means: `<kind>:<value>`, e.g. `city:ningbo`, with flags.
    Annotation {
        kind: Kind,
        /// City id, ISO date, term or document id, `<number> <unit>` for a figure, place id.
        value: &'a str,
        /// A date whose year was read from another date in its sentence.
        inferred: bool,
        /// What a figure, date or document mention is about (a city id, `zhejiang`, `other`).
        about: Option<&'a str>,
        /// A figure's statement: the id of its card (what it measures, whose, when).
        statement: Option<&'a str>,
    },
    /// An event's own date at the head of its line on the timeline: not an annotation (no card).
    Time { value: &'a str },
    /// A paragraph of a source article.
    Source { seed: &'a str, paragraph: &'a str },
    /// A paragraph's own anchor on its source page.
    Paragraph { id: &'a str },
    /// Another page of the site, by its folder from the site root (`province/`; `""` is home).
    Page { path: &'a str },
    /// Text in another language than the page's starts here (an empty link): `lang:en`.
    Lang { tag: &'a str },
    /// The text in another language ends here (an empty link).
    LangEnd,
}

/// The destination of [`Mark::LangEnd`], which has no value.
const LANG_END: &str = "/lang";

impl<'a> Mark<'a> {
    /// An annotation mark without flags (a city named in a page's own text).
    pub fn annotation(kind: Kind, value: &'a str) -> Mark<'a> {
        Mark::Annotation {
            kind,
            value,
            inferred: false,
            about: None,
            statement: None,
        }
    }

    /// The mark of an annotation found in a paragraph.
    pub fn of(a: &'a Annotation) -> Mark<'a> {
        Mark::of_statement(a, None)
    }

    /// The mark of an annotation found in a paragraph, with its figure's statement.
    pub fn of_statement(a: &'a Annotation, statement: Option<&'a str>) -> Mark<'a> {
        Mark::Annotation {
            kind: a.kind,
            value: &a.value,
            inferred: a.inferred,
            about: a.about.map(|about| about.as_str()),
            statement,
        }
    }

    /// What the destination starts with, before its `:`.
    fn scheme(self) -> &'static str {
        match self {
            Mark::Annotation { kind, .. } => kind.as_str(),
            Mark::Time { .. } => "time",
            Mark::Source { .. } => "source",
            Mark::Paragraph { .. } => "para",
            Mark::Page { .. } => "page",
            Mark::Lang { .. } => "lang",
            Mark::LangEnd => LANG_END,
        }
    }

    /// Appends the link `[text](<destination> "title")`, `text` escaped. Written piece by piece
    /// into one buffer: a page has thousands of these.
    pub fn push_link(self, out: &mut String, text: &str) {
        out.push('[');
        escape::push_markdown(out, text);
        out.push_str("](<");
        out.push_str(self.scheme());
        match self {
            Mark::Annotation { value, .. } | Mark::Time { value } => push_value(out, value),
            Mark::Source { seed, paragraph } => {
                push_value(out, seed);
                out.push('#');
                out.push_str(paragraph);
            }
            Mark::Paragraph { id } => push_value(out, id),
            Mark::Page { path } => push_value(out, path),
            Mark::Lang { tag } => push_value(out, tag),
            Mark::LangEnd => {}
        }
        out.push('>');
        if let Mark::Annotation {
            inferred,
            about,
            statement,
            ..
        } = self
            && (inferred || about.is_some() || statement.is_some())
        {
            // The title holds the flags, separated by spaces.
            out.push_str(" \"");
            let mut first = true;
            let mut flag = |out: &mut String, name: &str, value: Option<&str>| {
                if !first {
                    out.push(' ');
                }
                first = false;
                out.push_str(name);
                if let Some(value) = value {
                    out.push(':');
                    out.push_str(value);
                }
            };
            if inferred {
                flag(out, "inferred", None);
            }
            if let Some(about) = about {
                flag(out, "about", Some(about));
            }
            if let Some(statement) = statement {
                flag(out, "statement", Some(statement));
            }
            out.push('"');
        }
        out.push(')');
    }

    /// The link `[text](<destination> "title")`, `text` escaped.
    pub fn link(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 32);
        self.push_link(&mut out, text);
        out
    }

    /// The mark a link stands for, from its destination and title as the Markdown parser gives
    /// them; `None` for a link that is no mark (which the renderer passes through as a link).
    pub fn parse(destination: &'a str, title: &'a str) -> Option<Mark<'a>> {
        if destination == LANG_END {
            return Some(Mark::LangEnd);
        }
        let (scheme, value) = destination.split_once(':')?;
        Some(match scheme {
            "time" => Mark::Time { value },
            "source" => {
                let (seed, paragraph) = value.split_once('#').unwrap_or((value, ""));
                Mark::Source { seed, paragraph }
            }
            "para" => Mark::Paragraph { id: value },
            "page" => Mark::Page { path: value },
            // A language tag only (it becomes an attribute value): letters, digits and `-`.
            "lang" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
                Mark::Lang { tag: value }
            }
            "lang" => return None,
            kind => Mark::Annotation {
                kind: Kind::parse(kind)?,
                value,
                inferred: title.split(' ').any(|flag| flag == "inferred"),
                about: title.split(' ').find_map(|flag| flag.strip_prefix("about:")),
                // An id of hex digits only (it becomes an attribute value).
                statement: title
                    .split(' ')
                    .find_map(|flag| flag.strip_prefix("statement:"))
                    .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit())),
            },
        })
    }
}

/// `:` and the value.
fn push_value(out: &mut String, value: &str) {
    out.push(':');
    out.push_str(value);
}

/// Appends the annotated Markdown of an annotation: its text as a link to its mark.
pub fn push_annotation(out: &mut String, a: &Annotation) {
    Mark::of(a).push_link(out, &a.text);
}

/// Appends the annotated Markdown of an annotation with its figure's statement.
pub fn push_annotation_with(out: &mut String, a: &Annotation, statement: Option<&str>) {
    Mark::of_statement(a, statement).push_link(out, &a.text);
}

/// `markdown` marked as written in the language `tag` (`en`), which the renderer turns into
/// `<span lang="en">`.
pub fn in_lang(markdown: &str, tag: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 32);
    Mark::Lang { tag }.push_link(&mut out, "");
    out.push_str(markdown);
    Mark::LangEnd.push_link(&mut out, "");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag};

    /// One mark of each kind. [`number`] matches every mark, so a new kind of mark is a compile
    /// error there until it has a number, and the test below fails until that number has an
    /// example here.
    fn examples() -> Vec<Mark<'static>> {
        let mut examples = vec![
            Mark::annotation(Kind::City, "ningbo"),
            Mark::Annotation {
                kind: Kind::Date,
                value: "2025-05-14",
                inferred: true,
                about: Some("ningbo"),
                statement: None,
            },
            Mark::Annotation {
                kind: Kind::Figure,
                value: "560000000 CNY",
                inferred: false,
                about: Some("zhejiang"),
                statement: Some("3fa2c1d0e4b5"),
            },
            Mark::Annotation {
                kind: Kind::Figure,
                value: "30 units",
                inferred: false,
                about: None,
                statement: Some("00ff00ff00ff"),
            },
            Mark::Time { value: "--09-16" },
            Mark::Source {
                seed: "000_cc229362e59457d6",
                paragraph: "p3",
            },
            Mark::Paragraph { id: "p3" },
            Mark::Page { path: "" },
            Mark::Page { path: "province/" },
            Mark::Lang { tag: "en" },
            Mark::LangEnd,
        ];
        let kinds = [Kind::Place, Kind::Document, Kind::Term, Kind::Org];
        examples.extend(kinds.map(|kind| Mark::annotation(kind, "taizhou/huangyan-district")));
        examples
    }

    fn number(mark: Mark) -> usize {
        match mark {
            Mark::Annotation { .. } => 0,
            Mark::Time { .. } => 1,
            Mark::Source { .. } => 2,
            Mark::Paragraph { .. } => 3,
            Mark::Page { .. } => 4,
            Mark::Lang { .. } => 5,
            Mark::LangEnd => 6,
        }
    }

    /// The destination and title of every link in `markdown`, as the renderer's parser gives them.
    fn links(markdown: &str) -> Vec<(String, String)> {
        Parser::new(markdown)
            .filter_map(|event| match event {
                Event::Start(Tag::Link { dest_url, title, .. }) => Some((dest_url.to_string(), title.to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_mark_reads_back_as_written() {
        let examples = examples();
        let mut numbers: Vec<usize> = examples.iter().map(|&m| number(m)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(
            numbers,
            (0..=number(Mark::LangEnd)).collect::<Vec<_>>(),
            "a mark without an example"
        );
        for mark in examples {
            let markdown = mark.link("寧波 [x](y) *z*");
            let links = links(&markdown);
            let read: Vec<Option<Mark>> = links.iter().map(|(d, t)| Mark::parse(d, t)).collect();
            assert_eq!(read, [Some(mark)], "{markdown}");
        }
    }

    #[test]
    fn the_written_form() {
        let date = Mark::Annotation {
            kind: Kind::Date,
            value: "2025-05-14",
            inferred: true,
            about: Some("ningbo"),
            statement: None,
        };
        let figure = Mark::Annotation {
            kind: Kind::Figure,
            value: "20000000000 CNY",
            inferred: false,
            about: Some("huzhou"),
            statement: Some("3fa2c1d0e4b5"),
        };
        assert_eq!(
            figure.link("超200億元"),
            "[超200億元](<figure:20000000000 CNY> \"about:huzhou statement:3fa2c1d0e4b5\")"
        );
        // A statement id is hex digits only: anything else is no statement.
        assert!(matches!(
            Mark::parse("figure:1 CNY", "statement:x\" onclick"),
            Some(Mark::Annotation { statement: None, .. })
        ));
        assert_eq!(
            date.link("5月14日"),
            "[5月14日](<date:2025-05-14> \"inferred about:ningbo\")"
        );
        assert_eq!(
            Mark::annotation(Kind::City, "ningbo").link("寧波"),
            "[寧波](<city:ningbo>)"
        );
        assert_eq!(
            Mark::Source {
                seed: "s",
                paragraph: "p1"
            }
            .link("原文 ›"),
            "[原文 ›](<source:s#p1>)"
        );
        assert_eq!(in_lang("On", "en"), "[](<lang:en>)On[](</lang>)");
        assert_eq!(Mark::Page { path: "" }.link("a*b"), "[a\\*b](<page:>)");
    }

    #[test]
    fn links_that_are_no_marks_stay_links() {
        for (dest, title) in [
            ("https://example.org/", ""),
            ("javascript:alert(1)", ""),
            ("lang:", ""),
            ("lang:en\" onclick=\"x", ""),
            ("cities:ningbo", ""),
            ("City:ningbo", ""),
        ] {
            assert_eq!(Mark::parse(dest, title), None, "{dest}");
        }
    }
}
