//! Explanations of terms and documents, each with its origin, so that a reader can tell a
//! curated fact from a reading of structure or the article's own words:
//!
//! - **glossary**: the curated entry (`data/glossary*`), with the public source it rests on;
//! - **title**: a document explained from its title ([`crate::annotate::title`]: issuer,
//!   subject, type, period, status), the type explained once from the document-type table;
//! - **rule**: composed from structure: 十四五 is the 14th Five-Year Plan (2021–2025), 人工智能+X
//!   is AI applied to the sector X, 低空+物流 combines the two, 城市大脑2.0 is a new version of a
//!   glossary term ([`compose`]);
//! - **article**: the articles' own words, quoted verbatim from one paragraph: definitions
//!   (所谓X是指…, X(即…), X,即…, (以下简称X), X是…的机制), numbered slogans the article expands
//!   (“1”即…“4”即…, 一是…二是…), and the category an article gives a quoted name
//!   (“温州发布”微信公众号) ([`article`]).
//!
//! A term takes the first of: its glossary entry, a five-year plan, a definition or expansion
//! in the articles, the AI+X and A+B compositions, a version of a glossary term, its category in
//! the articles. A document takes its
//! glossary entry, else its title's reading.

mod article;
pub use article::Finds;
mod compose;
mod segment;

use super::{DocumentModel, ParaRef, TermModel};
use crate::annotate::AnnotatedSeed;
use crate::knowledge::Knowledge;
use crate::knowledge::Strings;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Where an explanation comes from (the export's `source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The curated glossary.
    Glossary,
    /// Read from a document's title.
    Title,
    /// Composed by a rule from the term's structure.
    Rule,
    /// The articles' own words.
    Article,
}

impl Origin {
    /// The origin's name in the export (`source`) and in pages' classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Glossary => "glossary",
            Origin::Title => "title",
            Origin::Rule => "rule",
            Origin::Article => "article",
        }
    }

    /// What readers are told it is (詞彙表 Glossary), on pages and cards alike.
    pub fn label(self, s: &Strings) -> &str {
        match self {
            Origin::Glossary => &s.origin_glossary,
            Origin::Title => &s.origin_title,
            Origin::Rule => &s.origin_rule,
            Origin::Article => &s.origin_article,
        }
    }
}

/// A sentence of a paragraph, quoted verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quote {
    pub at: ParaRef,
    /// Char offsets of the sentence in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The sentence as the paragraph has it.
    pub text: String,
}

/// One part of what a title says (issuer, subject, type, period, status), for pages to list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TitlePart {
    /// `issuer`, `subject`, `type`, `period`, `status`, `issues`.
    pub role: &'static str,
    /// In Chinese, as the title writes it (or composed: 2025—2027年).
    pub zh: String,
    /// In English, where it can be said (a place's name, a type's label, the years).
    pub en: Option<String>,
}

/// A document type or status mark met in a title, explained once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Note {
    /// The word as the title writes it (行动计划, 征求意见稿).
    pub word: String,
    pub label_en: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

/// What a term or document means, and where that comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Explanation {
    pub origin: Origin,
    /// A short English name, when there is one.
    pub label_en: Option<String>,
    /// The explanation in Chinese, in the script it was written in: pages and the export
    /// derive both scripts from it.
    pub zh: String,
    /// In English; `None` for an article's words, which are not translated.
    pub en: Option<String>,
    /// What the facts rest on: the glossary entry's source, the document-type table's or the
    /// rule's.
    pub reference: Option<String>,
    /// The article's words: the sentence, verbatim, and its paragraph.
    pub quote: Option<Quote>,
    /// A title's reading, part by part.
    pub parts: Vec<TitlePart>,
    /// The document type and status marks of a title, each explained once.
    pub notes: Vec<Note>,
}

impl Explanation {
    /// The Chinese with the document type and status marks explained after it: the whole
    /// explanation where there is no room to lay the notes out (cards, the export).
    pub fn full_zh(&self) -> String {
        let mut out = self.zh.clone();
        for n in &self.notes {
            out.push_str(&format!("{}:{}", n.word, n.zh));
        }
        out
    }

    /// The English likewise.
    pub fn full_en(&self) -> Option<String> {
        let mut out = self.en.clone()?;
        for n in &self.notes {
            out.push_str(&format!(" {} ({}): {}", n.label_en, n.word, n.en));
        }
        Some(out)
    }

    fn glossary(label_en: &str, zh: &str, en: &str, source: Option<&str>) -> Explanation {
        Explanation {
            origin: Origin::Glossary,
            label_en: Some(label_en.to_string()),
            zh: zh.to_string(),
            en: Some(en.to_string()),
            reference: source.filter(|s| !s.trim().is_empty()).map(str::to_string),
            quote: None,
            parts: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Explains every term and document of a corpus in place.
pub fn explain(
    seeds: &[Arc<AnnotatedSeed>],
    terms: &mut [TermModel],
    documents: &mut [DocumentModel],
    knowledge: &Knowledge,
    finds: Option<&article::Finds>,
) {
    let glossary = &knowledge.glossary;
    for t in terms.iter_mut() {
        if let Some(e) = &t.entry {
            t.explanation = Some(Explanation::glossary(&e.label_en, &e.zh, &e.en, e.source.as_deref()));
        }
    }
    // The rest read the articles: found in one pass over the paragraphs that hold a marker,
    // matched to the unexplained terms by their folded text.
    let wanted: FxHashMap<String, usize> = terms
        .iter()
        .enumerate()
        .filter(|(_, t)| t.explanation.is_none())
        .map(|(i, t)| (article::key(&t.text), i))
        .collect();
    let reading = article::Reading {
        tables: &knowledge.explain,
        stops: &knowledge.lexicon.stops,
    };
    let found = if wanted.is_empty() {
        article::Found::default()
    } else {
        article::find(seeds, &wanted, reading, finds)
    };
    let paragraph = |r: ParaRef| &seeds[r.seed].paragraphs[r.para];
    terms.par_iter_mut().enumerate().for_each(|(i, t)| {
        if t.explanation.is_some() {
            return;
        }
        t.explanation = compose::five_year_plan(&t.text, glossary, &knowledge.explain.words)
            .or_else(|| found.definition(i))
            .or_else(|| article::slogan(&t.text, &t.uses, seeds, paragraph, reading))
            .or_else(|| compose::ai_plus(&t.text, glossary, &knowledge.explain))
            .or_else(|| compose::plus(&t.text, glossary))
            .or_else(|| compose::version(&t.text, glossary))
            .or_else(|| found.category(i, &t.text, &knowledge.explain));
    });
    documents.par_iter_mut().for_each(|d| {
        d.explanation = match &d.entry {
            Some(e) => {
                let mut x = Explanation::glossary(&e.title_en, &e.zh, &e.en, e.source.as_deref());
                x.parts = compose::entry_parts(e);
                Some(x)
            }
            None => compose::from_title(&d.title, knowledge),
        }
    });
}
