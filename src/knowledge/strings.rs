//! The words the generator writes on pages itself (`data/strings.toml`): headings, link
//! labels, notes. Each is a field, so a page cannot ask for a string the file does not have,
//! and the file cannot hold one no page uses.

use crate::error::{Result, toml_error};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const EMBEDDED: &str = include_str!("../../data/strings.toml");

/// Every string, as the file spells it (Traditional; the Simplified pages convert them).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub source_link: String,
    pub source_link_short: String,
    pub also_in: String,
    pub more_copies: String,
    pub page_of: String,
    pub year_inferred: String,
    pub year_unknown: String,
    pub paragraph_label: String,
    pub index_description: String,
    pub province_heading: String,
    pub province_all: String,
    pub province_title: String,
    pub province_front_title: String,
    pub province_description: String,
    pub city_description: String,
    pub city_focus: String,
    pub term_description: String,
    pub term_no_entry: String,
    pub explanation_source: String,
    pub uses_heading: String,
    pub document_issuer: String,
    pub document_date: String,
    pub document_no_entry: String,
    pub mentions_heading: String,
    pub origin_glossary: String,
    pub origin_title: String,
    pub origin_rule: String,
    pub origin_article: String,
    pub origin_dictionary: String,
    pub card_source: String,
    pub part_issuer: String,
    pub part_place: String,
    pub part_subject: String,
    pub part_type: String,
    pub part_period: String,
    pub part_status: String,
    pub part_issues: String,
    pub part_date: String,
    pub part_parties: String,
    pub part_signed: String,
    pub part_number: String,
    pub statements_heading: String,
    pub notes_heading: String,
    pub all_terms_link: String,
    pub all_documents_link: String,
    pub terms_title: String,
    pub terms_front_title: String,
    pub terms_description: String,
    pub documents_title: String,
    pub documents_front_title: String,
    pub documents_description: String,
    pub index_coverage: String,
    pub index_other: String,
    pub index_unexplained: String,
    pub index_uses_terms: String,
    pub index_uses_documents: String,
    pub timeline_title: String,
    pub timeline_front_title: String,
    pub timeline_description: String,
    pub timeline_group_description: String,
    pub compare_title: String,
    pub compare_front_title: String,
    pub compare_heading: String,
    pub compare_columns: Vec<String>,
    pub compare_description: String,
    pub about_title: String,
    pub about_front_title: String,
    pub about_description: String,
    pub about_text: String,
    pub sources_title: String,
    pub sources_description: String,
    pub sources_item: String,
    pub search_title: String,
    pub search_front_title: String,
    pub search_description: String,
    pub not_found_title: String,
    pub not_found_front_title: String,
    pub not_found_description: String,
    pub not_found_text: String,
    pub not_found_home: String,
    pub not_found_timeline: String,
    pub not_found_compare: String,
    pub not_found_text_en: String,
    pub map_no_focus: String,
    pub map_no_focus_en: String,
    pub map_no_articles: String,
    pub map_no_articles_en: String,
    pub map_credit: String,
    pub timeline_axis: String,
    pub months_en: Vec<String>,
    pub figure_qualifiers: BTreeMap<crate::knowledge::QualifierKind, String>,
    pub currency_symbols: BTreeMap<String, String>,
    pub number_words_en: Vec<NumberWord>,
    pub compare_activity: String,
    pub figure_target: String,
    pub figure_forecast: String,
    pub figure_outcome: String,
    pub figure_condition: String,
    pub figure_comparison: String,
    pub subject_zhejiang: String,
    pub subject_other: String,
    /// A county's figure's subject: `{county}` and `{city}`.
    pub subject_county: String,
    pub card_measures: String,
    pub card_of: String,
    pub card_when: String,
    pub card_kind: String,
    pub card_sentence: String,
    pub card_copies: String,
    pub card_condition_note: String,
    pub card_comparison_note: String,
    pub card_detail: String,
    pub city_summary: String,
    pub city_documents: String,
    pub city_key_figures: String,
    pub city_latest_events: String,
    pub city_all_events: String,
    pub city_card_count: String,
    pub city_card_document: String,
    pub city_card_figure: String,
    pub city_card_event: String,
    pub event_target: String,
    pub event_expected: String,
    pub compare_measure_chart: String,
    pub compare_measure_chart_en: String,
    pub compare_no_charts: String,
    pub source_missing_publisher: String,
    pub source_missing_date: String,
    pub source_missing_link: String,
    pub about_publishers: String,
    pub about_publishers_en: String,
    pub about_links: String,
    pub about_links_en: String,
    pub about_inferred: String,
    pub about_inferred_en: String,
    pub about_no_metadata: String,
    pub about_no_metadata_en: String,
}

/// A word large numbers are written with (570 billion): from `at` up.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWord {
    pub at: f64,
    pub word: String,
}

impl Strings {
    pub fn embedded() -> Result<Strings> {
        Strings::parse(Path::new("data/strings.toml"), EMBEDDED)
    }

    /// Parses a strings file; `path` is only used in error messages.
    pub fn parse(path: &Path, source: &str) -> Result<Strings> {
        toml::from_str(source).map_err(|e| toml_error(path, source, &e))
    }
}

/// `template` with each `{name}` replaced by its value; placeholders without a value stay.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if let Some((_, value)) = values.iter().find(|(n, _)| *n == name) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("{n} 段,{n} more", &[("n", "3")]), "3 段,3 more");
        assert_eq!(fill("{a}{b}{c}", &[("a", "x"), ("c", "{b}")]), "x{b}{b}");
        assert_eq!(fill("no {", &[]), "no {");
    }

    #[test]
    fn the_embedded_file_loads_and_a_typo_is_named() {
        assert!(Strings::embedded().unwrap().source_link.contains('›'));
        let err = Strings::parse(Path::new("s.toml"), "sorce_link = \"x\"").unwrap_err();
        assert!(
            err.to_string().starts_with("s.toml:1:1: unknown field `sorce_link`"),
            "{err}"
        );
    }
}
