//! The annotators' word lists (`data/lexicon.toml`): chrome lines, byline markers, organisation
//! suffixes, speech verbs, continuation openers. Curated knowledge lives in that file, not here;
//! this module loads it and adds the other script's spelling of every word.

use crate::error::{Result, toml_error};
use crate::text::script;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The default lexicon, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../data/lexicon.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    ingest: IngestLists,
    org: OrgLists,
    term: TermLists,
    attribution: AttributionLists,
    figure: FigureLists,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureLists {
    qualifiers_before: Vec<String>,
    qualifiers_after: Vec<String>,
    units: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestLists {
    chrome: Vec<String>,
    byline: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgLists {
    suffixes: Vec<String>,
    prefixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermLists {
    speech_verbs: Vec<String>,
    naming_verbs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionLists {
    continuation: Vec<String>,
    this_city: Vec<String>,
}

/// Word lists, each holding both scripts' spellings.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Folded (Simplified, no whitespace) chrome lines.
    chrome: Vec<String>,
    /// The longest chrome line, in chars: longer lines are never chrome, so they need no folding.
    chrome_max_chars: usize,
    pub byline: Vec<String>,
    pub org_suffixes: WordSet,
    pub org_prefixes: WordSet,
    pub speech_verbs: Vec<String>,
    /// Words after which a quotation is a name, not speech (以下简称“联盟”).
    pub naming_verbs: Vec<String>,
    pub continuation: Vec<String>,
    pub this_city: Vec<String>,
    /// Qualifiers before a figure, longest first.
    pub figure_before: Vec<String>,
    /// Qualifiers after a figure, longest first.
    pub figure_after: Vec<String>,
    /// (unit as written, unit reported), longest written form first.
    pub units: Vec<(String, String)>,
}

/// Words looked up at every position of a text: indexed by first char, longest first, so a
/// lookup costs one map probe instead of a pass over the whole list.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    by_first: HashMap<char, Vec<Vec<char>>>,
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let mut by_first: HashMap<char, Vec<Vec<char>>> = HashMap::new();
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            if let Some(&first) = chars.first() {
                by_first.entry(first).or_default().push(chars);
            }
        }
        for words in by_first.values_mut() {
            words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            words.dedup();
        }
        WordSet { by_first }
    }

    /// Length in chars of the longest word that starts at `chars[at]`.
    pub fn longest_at(&self, chars: &[char], at: usize) -> Option<usize> {
        let words = self.by_first.get(chars.get(at)?)?;
        let rest = &chars[at..];
        words.iter().find(|w| rest.starts_with(w)).map(Vec::len)
    }
}

fn both_scripts(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = words.iter().flat_map(|w| script::spellings(w)).collect();
    out.sort();
    out.dedup();
    out
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> Result<Lexicon> {
        Lexicon::parse(Path::new("data/lexicon.toml"), EMBEDDED)
    }

    /// Parses a lexicon file; `path` is only used in error messages.
    pub fn parse(path: &Path, source: &str) -> Result<Lexicon> {
        let file: File = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
        let chrome: Vec<String> = file.ingest.chrome.iter().map(|w| chrome_key(w)).collect();
        Ok(Lexicon {
            chrome_max_chars: chrome.iter().map(|k| k.chars().count()).max().unwrap_or(0),
            chrome,
            byline: both_scripts(file.ingest.byline),
            org_suffixes: WordSet::new(both_scripts(file.org.suffixes)),
            org_prefixes: WordSet::new(both_scripts(file.org.prefixes)),
            speech_verbs: both_scripts(file.term.speech_verbs),
            naming_verbs: both_scripts(file.term.naming_verbs),
            continuation: both_scripts(file.attribution.continuation),
            this_city: both_scripts(file.attribution.this_city),
            figure_before: longest_first(both_scripts(file.figure.qualifiers_before)),
            figure_after: longest_first(both_scripts(file.figure.qualifiers_after)),
            units: {
                let mut units: Vec<(String, String)> = file
                    .figure
                    .units
                    .iter()
                    .flat_map(|(written, unit)| script::spellings(written).into_iter().map(move |w| (w, unit.clone())))
                    .collect();
                units.sort_by(|a, b| {
                    b.0.chars()
                        .count()
                        .cmp(&a.0.chars().count())
                        .then_with(|| a.0.cmp(&b.0))
                });
                units.dedup();
                units
            },
        })
    }

    /// A line that is page chrome: a button or prompt, not article text.
    pub fn is_chrome(&self, line: &str) -> bool {
        // Folding is the costly part and keeps one char per char (whitespace dropped): a line
        // with many more visible chars than the longest chrome line (list markers aside) cannot be
        // chrome.
        if line
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(self.chrome_max_chars + 8)
            .is_some()
        {
            return false;
        }
        let key = chrome_key(line);
        !key.is_empty() && self.chrome.contains(&key) || key.is_empty() && !line.trim().is_empty()
    }

    /// A short line that names the reporters, not a sentence of the article.
    pub fn is_byline(&self, line: &str) -> bool {
        line.chars().count() <= 40
            && !line.contains(['，', ',', '。', '；'])
            && self.byline.iter().any(|b| line.starts_with(b.as_str()))
    }
}

fn longest_first(mut words: Vec<String>) -> Vec<String> {
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    words
}

/// A chrome line compared without list markers, spaces or script differences.
fn chrome_key(line: &str) -> String {
    let trimmed =
        line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '·' | '•' | '*' | '|' | '>' | '»'));
    script::fold(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_in_both_scripts() {
        let lex = Lexicon::embedded().unwrap();
        for line in ["分享讓更多人看到", "分享让更多人看到", "- 評論", "- 关注", "·", "---"] {
            assert!(lex.is_chrome(line), "{line}");
        }
        assert!(!lex.is_chrome("评论员文章指出,杭州将加快发展。"));
    }

    #[test]
    fn bylines() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.is_byline("■記者 王凱藝 通訊員 李曉"));
        assert!(lex.is_byline("本报记者 张三"));
        assert!(!lex.is_byline("記者注意到,台州持續推動智算中心建設。"));
    }

    #[test]
    fn unknown_key_is_named() {
        let err = Lexicon::parse(Path::new("lex.toml"), "[ingest]\nchrome = []\nbylines = []\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("bylines") && text.contains("byline"), "{text}");
        assert!(text.starts_with("lex.toml:3:"), "{text}");
    }
}
