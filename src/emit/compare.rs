//! The cities side by side: focus, key figures, documents, the latest event.

use super::Page;
use super::markdown::{front_matter, push_annotation_link, source_link};
use crate::knowledge::strings::{Strings, fill};
use crate::model::View;
use crate::text::escape;
use crate::urls;

/// Figures and documents per city in the comparison table.
const COMPARE_FIGURES: usize = 3;

pub fn compare_page(ex: &View, s: &Strings) -> Page {
    let mut md = front_matter(&s.compare_front_title, "compare", &[]);
    md.push_str(&format!("# {}\n\n", s.compare_heading));
    md.push_str(&format!("| {} |\n", s.compare_columns.join(" | ")));
    md.push_str(&format!("|{}\n", "---|".repeat(s.compare_columns.len())));
    for c in ex.cities() {
        // Each figure links to the paragraph it came from.
        let figures: Vec<String> = c
            .figures
            .iter()
            .take(COMPARE_FIGURES)
            .map(|&(r, i)| {
                let mut link = String::new();
                push_annotation_link(&mut link, &ex.paragraph(r).annotations[i]);
                format!("{link} {}", source_link(ex, r, &s.source_link_short))
            })
            .collect();
        let documents = c.documents.iter().take(COMPARE_FIGURES).filter_map(|d| ex.document(d));
        let documents: Vec<String> = documents
            .map(|d| format!("《[{}](<document:{}>)》", escape::markdown(&d.title), d.id))
            .collect();
        let latest = c.events.last().map(|&i| {
            let e = ex.event(i);
            format!(
                "{} {}",
                escape::markdown(&e.date),
                source_link(ex, e.at, &s.source_link_short)
            )
        });
        let or_dash = |v: Vec<String>| if v.is_empty() { "—".to_string() } else { v.join("; ") };
        md.push_str(&format!(
            "| [{}](<city:{}>) | {} | {} | {} | {} | {} |\n",
            escape::markdown(&c.info.name),
            c.info.id,
            escape::markdown(c.focus_en.as_deref().unwrap_or("—")),
            or_dash(figures),
            or_dash(documents),
            latest.unwrap_or_else(|| "—".to_string()),
            c.paragraphs.len()
        ));
    }
    md.push('\n');
    Page::new(
        urls::COMPARE.to_string(),
        "compare",
        s.compare_title.clone(),
        fill(&s.compare_description, &[("n", &ex.cities().len().to_string())]),
        md,
    )
}
