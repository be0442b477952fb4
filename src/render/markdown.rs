//! Annotated Markdown → HTML: pulldown-cmark's events through an adapter that turns the links
//! that are [`Mark`]s (annotations, links to paragraphs and pages, language spans) into
//! semantic elements, and raw HTML into text.

use crate::annotate::Kind;
use crate::emit::Mark;
use crate::text::{escape, isodate};
use crate::urls;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The words annotation elements are labelled with (from `data/strings.toml`).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// The title of a date whose year was taken from the article.
    pub year_inferred: String,
    /// A paragraph anchor's accessible name; `{id}` is the paragraph's id.
    pub paragraph: String,
}

impl Labels {
    pub fn new(strings: &crate::knowledge::Strings) -> Labels {
        Labels {
            year_inferred: strings.year_inferred.clone(),
            paragraph: strings.paragraph_label.clone(),
        }
    }
}

/// Where a page's links go: what the adapter needs besides the Markdown.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    /// The relative path from the page to the site root (`../../`), or the base URL.
    pub root: &'a str,
    pub labels: &'a Labels,
}

/// Turns the links that are [`Mark`]s into semantic HTML; other links pass through (only
/// generated Markdown, whose seed text is escaped, reaches here).
pub struct AnnotationLinks<'a, I> {
    inner: I,
    root: &'a str,
    labels: &'a Labels,
    /// The closing HTML of each open link; `None` for a link passed through unchanged.
    open: Vec<Option<&'static str>>,
}

impl<'a, 'e, I: Iterator<Item = Event<'e>>> AnnotationLinks<'a, I> {
    pub fn new(inner: I, links: &Links<'a>) -> Self {
        AnnotationLinks {
            inner,
            root: links.root,
            labels: links.labels,
            open: Vec::new(),
        }
    }

    /// Opening and closing HTML for a link that is a [`Mark`]. Written piece by piece into one
    /// string: a page has thousands of these.
    fn element(&self, mark: Mark) -> (String, &'static str) {
        let mut open = String::with_capacity(160);
        let close = match mark {
            Mark::Annotation {
                kind,
                value,
                inferred,
                about,
                statement,
            } => return self.annotation(kind, value, inferred, about, statement),
            // An event's own date at the head of its line (not an annotation: no card).
            Mark::Time { value } => {
                let close = match isodate::datetime(value) {
                    Some(datetime) => {
                        open.push_str("<time class=\"when\" datetime=\"");
                        escape::push_html(&mut open, &datetime);
                        open.push('"');
                        "</time>"
                    }
                    None => {
                        open.push_str("<span class=\"when\"");
                        "</span>"
                    }
                };
                open.push_str(" data-year=\"");
                escape::push_html(&mut open, isodate::year_group(value));
                open.push_str("\">");
                close
            }
            Mark::Source { seed, paragraph } => {
                open.push_str("<a class=\"source-link\" href=\"");
                escape::push_html(&mut open, self.root);
                escape::push_html(&mut open, &urls::source_paragraph(seed, paragraph));
                open.push_str("\">");
                "</a>"
            }
            Mark::Paragraph { id } => {
                let label = crate::knowledge::fill(&self.labels.paragraph, &[("id", id)]);
                open.push_str("<a class=\"para-anchor\" id=\"");
                escape::push_html(&mut open, id);
                open.push_str("\" href=\"#");
                escape::push_html(&mut open, id);
                open.push_str("\" aria-label=\"");
                escape::push_html(&mut open, &label);
                open.push_str("\">");
                "</a>"
            }
            Mark::Page { path } => {
                open.push_str("<a href=\"");
                escape::push_html(&mut open, self.root);
                escape::push_html(&mut open, &urls::html(path));
                open.push_str("\">");
                "</a>"
            }
            // Text in another language than the page's: both marks are empty links.
            Mark::Lang { tag } => {
                open.push_str("<span lang=\"");
                open.push_str(tag);
                open.push_str("\">");
                ""
            }
            Mark::LangEnd => return ("</span>".to_string(), ""),
        };
        (open, close)
    }

    /// An annotation's element: a link to its page (a city, a term, a document, the city a
    /// place lies in), a date linked to its year on the timeline, a figure as `<data>`, or a
    /// mark with a card (organisations, places outside any city).
    ///
    /// As light as the reader's features allow (a page of a large site has hundreds of these,
    /// and every article is shown in both scripts): the kind is the class, and what the page
    /// script needs for the card is written only where the element does not already say it —
    /// a city's, term's or document's id is in its link, a date's value in its `<time>`. The
    /// page script reads them back (`static/app.js`, `annotationOf`) and makes the marks without
    /// a link focusable; without it they need no focus (no card opens).
    fn annotation(
        &self,
        kind: Kind,
        value: &str,
        inferred: bool,
        about: Option<&str>,
        statement: Option<&str>,
    ) -> (String, &'static str) {
        let mut open = String::with_capacity(96 + 2 * value.len());
        let value_attr = |open: &mut String| {
            open.push_str(" data-value=\"");
            escape::push_html(open, value);
            open.push('"');
        };
        let card_attrs = |open: &mut String| {
            if let Some(about) = about {
                open.push_str(" data-about=\"");
                escape::push_html(open, about);
                open.push('"');
            }
            // A figure's card is its statement's (what it measures, whose, when).
            if let Some(statement) = statement {
                open.push_str(" data-statement=\"");
                escape::push_html(open, statement);
                open.push('"');
            }
        };
        let close = match kind {
            // `<a class="ann ann-KIND" href="ROOT/FOLDER/ID/index.html">`; a place's own id is not
            // its city's, so it is written out.
            Kind::City | Kind::Term | Kind::Document | Kind::Place
                if let Some(page) = urls::annotation_page(kind, value) =>
            {
                open.push_str("<a class=\"ann ann-");
                open.push_str(kind.as_str());
                open.push_str("\" href=\"");
                escape::push_html(&mut open, self.root);
                page.push_html_escaped(&mut open);
                open.push('"');
                if kind == Kind::Place {
                    value_attr(&mut open);
                }
                card_attrs(&mut open);
                open.push('>');
                "</a>"
            }
            Kind::Date => {
                open.push_str(if inferred {
                    "<a class=\"ann ann-date inferred\" href=\""
                } else {
                    "<a class=\"ann ann-date\" href=\""
                });
                escape::push_html(&mut open, self.root);
                escape::push_html(&mut open, &urls::timeline_of(value));
                open.push('"');
                card_attrs(&mut open);
                if inferred {
                    open.push_str(" title=\"");
                    escape::push_html(&mut open, &self.labels.year_inferred);
                    open.push('"');
                }
                // HTML has no `datetime` for a month without its year (`--09`): such a date is
                // no <time>, and its value is written out; so is a value the `<time>` does not
                // say whole (a span of dates).
                match isodate::datetime(value) {
                    Some(datetime) => {
                        if isodate::value_of_datetime(&datetime) != value {
                            value_attr(&mut open);
                        }
                        open.push_str("><time datetime=\"");
                        escape::push_html(&mut open, &datetime);
                        open.push_str("\">");
                        "</time></a>"
                    }
                    None => {
                        value_attr(&mut open);
                        open.push('>');
                        "</a>"
                    }
                }
            }
            // The value (`5.6e8 CNY`) is also the tooltip readers see without the script.
            Kind::Figure => {
                open.push_str("<data class=\"ann ann-figure\" value=\"");
                escape::push_html(&mut open, value.split(' ').next().unwrap_or(""));
                open.push_str("\" title=\"");
                escape::push_html(&mut open, value);
                open.push('"');
                card_attrs(&mut open);
                open.push('>');
                "</data>"
            }
            // Organisations, and places outside any city (and, were one without a page, a city,
            // term or document): a mark with a card.
            Kind::Place | Kind::Org | Kind::City | Kind::Term | Kind::Document => {
                open.push_str("<span class=\"ann ann-");
                open.push_str(kind.as_str());
                open.push('"');
                value_attr(&mut open);
                card_attrs(&mut open);
                open.push('>');
                "</span>"
            }
        };
        (open, close)
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for AnnotationLinks<'_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let event = self.inner.next()?;
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                ref dest_url,
                ref title,
                ..
            }) => match Mark::parse(dest_url, title) {
                Some(mark) => {
                    let (open, close) = self.element(mark);
                    self.open.push(Some(close));
                    Some(Event::InlineHtml(CowStr::from(open)))
                }
                None => {
                    self.open.push(None);
                    Some(event)
                }
            },
            Event::End(TagEnd::Link) => match self.open.pop().flatten() {
                Some(close) => Some(Event::InlineHtml(CowStr::Borrowed(close))),
                None => Some(event),
            },
            // The generator never emits raw HTML; anything that parses as HTML is shown as text.
            Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
            // Headings carry at most an anchor and classes (`## 2025 {#y2025}`): heading
            // attributes could otherwise set any attribute (`{onclick=…}`), found by fuzzing
            // with unescaped Markdown (seed text is always escaped, so it never reached here).
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => Some(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })),
            other => Some(other),
        }
    }
}

/// The body of an annotated Markdown document (front matter removed).
pub fn strip_front_matter(markdown: &str) -> &str {
    markdown
        .strip_prefix("+++\n")
        .and_then(|rest| rest.find("\n+++\n").map(|end| &rest[end + 5..]))
        .unwrap_or(markdown)
}

/// Annotated Markdown → HTML.
pub fn markdown_to_html(markdown: &str, links: &Links) -> String {
    let parser = Parser::new_ext(
        strip_front_matter(markdown),
        Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES,
    );
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, AnnotationLinks::new(parser, links));
    html
}

/// A piece of annotated Markdown inside a page (a sentence) → inline HTML, without the
/// paragraph around it.
pub fn fragment_to_html(markdown: &str, links: &Links) -> String {
    markdown_to_html(markdown, links)
        .trim()
        .trim_start_matches("<p>")
        .trim_end_matches("</p>")
        .to_string()
}
