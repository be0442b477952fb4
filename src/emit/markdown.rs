//! Writing annotated Markdown: front matter, paragraphs and parts of them with their
//! annotations, links back to the source paragraph. Seed text always passes through
//! [`escape::markdown`]; every link is a [`Mark`].

use super::human::{Lang, in_lang};
use super::mark::{Mark, push_annotation_with};
use crate::annotate::AnnotatedParagraph;
use crate::knowledge::Lexicon;
use crate::model::{ParaRef, View};
use crate::text::escape;
use crate::text::offsets::CharCursor;

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The `+++` front matter of a page: its title, its kind and any other fields.
pub fn front_matter(title: &str, kind: &str, extra: &[(&str, &str)]) -> String {
    let mut out = format!("+++\ntitle = {}\nkind = {}\n", toml_string(title), toml_string(kind));
    for (k, v) in extra {
        out.push_str(&format!("{k} = {}\n", toml_string(v)));
    }
    out.push_str("+++\n\n");
    out
}

/// Annotated Markdown for the chars `from..to` of a paragraph.
pub fn annotated(p: &AnnotatedParagraph, from: usize, to: usize) -> String {
    annotated_with(p, from, to, |_| None)
}

/// Annotated Markdown for the chars `from..to` of the paragraph at `at`, each figure with its
/// statement (the card it opens).
pub fn annotated_at(ex: &View, at: ParaRef, from: usize, to: usize) -> String {
    let p = ex.paragraph(at);
    annotated_with(p, from, to, |i| ex.statement_id(at, i))
}

/// Annotated Markdown for the chars `from..to` of a paragraph, with the statement of figure `i`
/// from `statement`.
fn annotated_with<'a>(
    p: &'a AnnotatedParagraph,
    from: usize,
    to: usize,
    statement: impl Fn(usize) -> Option<&'a str>,
) -> String {
    let text = &*p.text;
    let mut out = String::with_capacity(text.len() * 2);
    // Annotations are sorted and disjoint, so char offsets are turned into byte offsets in one
    // forward walk.
    let mut cursor = CharCursor::new(text);
    let mut at = cursor.byte_at(from);
    for (i, a) in p.annotations.iter().enumerate() {
        if a.start() < from || a.end() > to {
            continue;
        }
        let start = cursor.byte_at(a.start());
        escape::push_markdown(&mut out, &text[at..start]);
        let id = if a.kind == crate::annotate::Kind::Figure {
            statement(i)
        } else {
            None
        };
        push_annotation_with(&mut out, a, id);
        at = cursor.byte_at(a.end());
    }
    let end = cursor.byte_at(to);
    escape::push_markdown(&mut out, &text[at.min(end)..end]);
    out
}

/// A whole paragraph as annotated Markdown, each figure with its statement.
pub fn paragraph(ex: &View, at: ParaRef) -> String {
    let p = ex.paragraph(at);
    annotated_at(ex, at, 0, p.text.chars().count())
}

/// The language an article is written in.
pub fn seed_lang(ex: &View, seed: usize) -> Lang {
    Lang::of(&ex.seed_info(seed).language)
}

/// A whole paragraph as annotated Markdown, marked with its article's language.
pub fn paragraph_at(ex: &View, at: ParaRef) -> String {
    in_lang(paragraph(ex, at), seed_lang(ex, at.seed))
}

/// An article's title as Markdown, marked with its language.
pub fn title_at(ex: &View, seed: usize, title: &str) -> String {
    in_lang(escape::markdown(title), seed_lang(ex, seed))
}

/// A link to a paragraph of a source article.
pub fn source_link(ex: &View, at: ParaRef, label: &str) -> String {
    Mark::Source {
        seed: &ex.seed_info(at.seed).id,
        paragraph: &ex.paragraph(at).id,
    }
    .link(label)
}

/// The sentence around chars `start..end` of a paragraph (bounded by the lexicon's sentence
/// stops), never cutting through an annotation.
pub fn sentence_around(lexicon: &Lexicon, p: &AnnotatedParagraph, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = p.text.chars().collect();
    let (from, to) = lexicon.stops.sentence_around(&chars, start, end);
    // Never cut through an annotation.
    let from = p
        .annotations
        .iter()
        .filter(|a| a.start() < from && a.end() > from)
        .map(|a| a.start())
        .min()
        .unwrap_or(from);
    let to = p
        .annotations
        .iter()
        .filter(|a| a.start() < to && a.end() > to)
        .map(|a| a.end())
        .max()
        .unwrap_or(to);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, Kind};

    fn ann(kind: Kind, text: &str, start: usize, value: &str, inferred: bool) -> Annotation {
        let mut a = Annotation::new(kind, text, start, start + text.chars().count(), value, None);
        a.inferred = inferred;
        a
    }

    /// The Markdown of chars `from..to`, made the slow obvious way: a char vector.
    fn annotated_by_chars(p: &AnnotatedParagraph, from: usize, to: usize) -> String {
        let chars: Vec<char> = p.text.chars().collect();
        let piece = |a: usize, b: usize| escape::markdown(&chars[a..b].iter().collect::<String>());
        let mut out = String::new();
        let mut at = from;
        for a in p.annotations.iter().filter(|a| a.start() >= from && a.end() <= to) {
            out.push_str(&piece(at, a.start()));
            out.push_str(&Mark::of(a).link(&a.text));
            at = a.end();
        }
        out + &piece(at, to)
    }

    #[test]
    fn annotated_markdown_of_any_char_range() {
        let text = "寧波[AI+]製造*2025年*5月14日,\n杭州灣新區投資5.6億元。";
        let p = AnnotatedParagraph {
            id: "p1".into(),
            line: 1,
            text: text.into(),
            annotations: vec![
                ann(Kind::City, "寧波", 0, "ningbo", false),
                ann(Kind::Date, "5月14日", 16, "2025-05-14", true),
                ann(Kind::Place, "杭州灣新區", 23, "ningbo/hangzhou-bay", false),
                ann(Kind::Figure, "5.6億元", 30, "560000000 yuan", false),
            ]
            .into(),
            nested: Box::new([]),
            cities: Box::new(["ningbo".into()]),
            cities_inherited: false,
            article_city: None,
            copy_key: 0,
        };
        assert_eq!(&p.text.chars().skip(16).take(5).collect::<String>(), "5月14日");
        assert_eq!(&p.text.chars().skip(30).take(5).collect::<String>(), "5.6億元");
        let n = text.chars().count();
        // Seed text between the annotations is escaped, and so is an annotation's own text.
        let link = |i: usize| Mark::of(&p.annotations[i]).link(&p.annotations[i].text);
        assert_eq!(
            annotated(&p, 0, n),
            format!(
                "{}\\[AI\\+\\]製造\\*2025年\\*{}\\, {}投資{}。",
                link(0),
                link(1),
                link(2),
                link(3)
            )
        );
        assert!(link(3).starts_with("[5\\.6億元]"), "{}", link(3));
        for from in 0..=n {
            for to in from..=n {
                assert_eq!(
                    annotated(&p, from, to),
                    annotated_by_chars(&p, from, to),
                    "{from}..{to}"
                );
            }
        }
    }
}
