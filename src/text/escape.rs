//! Escaping for the two languages seed text is written into: HTML (pages, feeds) and the
//! annotated Markdown every page is first written in. Seed text is never read as markup, so
//! every piece of it passes through one of these.

/// Escapes text for HTML content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_html(&mut out, s);
    out
}

/// Appends `s` escaped for HTML content and attribute values.
pub fn push_html(out: &mut String, s: &str) {
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let mut rest = s;
    // Most values (ids, paths, Chinese text) have nothing to escape: they are copied whole.
    while let Some(at) = rest.bytes().position(|b| special(&b)) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Escapes seed text for CommonMark: every ASCII punctuation character is backslash-escaped
/// (which CommonMark reads as that literal character) and line breaks become spaces.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_markdown(&mut out, text);
    out
}

/// [`markdown`], appended to `out`. ASCII bytes never occur inside a multi-byte UTF-8
/// sequence, so the text is scanned by byte and copied in runs.
pub fn push_markdown(out: &mut String, text: &str) {
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        if b.is_ascii_punctuation() || b == b'\n' || b == b'\r' {
            out.push_str(&text[run..i]);
            if b.is_ascii_punctuation() {
                out.push('\\');
                out.push(b as char);
            } else {
                out.push(' ');
            }
            run = i + 1;
        }
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escape_neutralises_markdown_and_html() {
        assert_eq!(markdown("<script>"), "\\<script\\>");
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"
        );
        assert_eq!(markdown("# 標題"), "\\# 標題");
        assert_eq!(markdown("{{ x }}"), "\\{\\{ x \\}\\}");
        assert_eq!(markdown("寧波"), "寧波");
        assert_eq!(markdown("a\nb\r"), "a b ");
    }

    #[test]
    fn html_escape() {
        assert_eq!(
            html("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html("寧波/ningbo"), "寧波/ningbo");
    }
}
