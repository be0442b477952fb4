//! Explanations of terms and documents, each with its origin, so that a reader can tell a
//! curated fact from a reading of structure, a dictionary's sense or the article's own words:
//!
//! - **glossary**: the curated entry (`data/glossary*`), with the public source it rests on;
//! - **title**: a document explained from its title ([`crate::annotate::title`]: issuer,
//!   subject, type, period, status, and the title in English from the phrase table), the type
//!   explained once from the document-type table;
//! - **rule**: composed from structure: 十四五 is the 14th Five-Year Plan (2021–2025), 人工智能+X
//!   is AI applied to the sector X, 城市大脑2.0 is a new version of a glossary term, and a slogan
//!   of parts (低空+物流, 生态、生产、生活) is its parts, each explained by the glossary or the
//!   dictionary, with no relation between them that nothing states ([`compose`]);
//! - **article**: the articles' own words, quoted verbatim from one paragraph: definitions
//!   (所谓X是指…, X(即…), X,即…, (以下简称X), X是…的机制), numbered slogans the article expands
//!   (“1”即…“4”即…, 一是…二是…) ([`article`]), and names (“温州发布”微信公众号, 南太湖精英计划):
//!   what kind of thing, whose, and the sentence that says something of it ([`names`]);
//! - **dictionary**: an ordinary word an article quotes (“压舱石”, “心脏”), with its CC-CEDICT
//!   senses, marked where the article uses it figuratively ([`words`]).
//!
//! A term takes the first of: its glossary entry, a five-year plan, a definition or expansion
//! in the articles, the AI+X composition, a version of a glossary term, a name the articles
//! mark by its kind (“X”平台), the dictionary, the phrase table, a name that ends with its
//! kind (南太湖精英计划), a slogan of parts. What would only restate the words — a category and
//! nothing else — is never published: the term is shown as not yet explained, with its uses.
//! A document takes its glossary entry, else its title's reading; either way with what the
//! articles say of it: who issued or signed it and when, and what it does (targets, measures,
//! who carries it out), quoted and linked ([`documents`]).

mod article;
mod compose;
mod documents;
mod english;
mod names;
mod segment;
mod words;

pub use article::Finds;

use super::{DocumentModel, ParaRef, TermModel};
use crate::annotate::AnnotatedSeed;
use crate::knowledge::Knowledge;
use crate::knowledge::Strings;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::{Arc, PoisonError};

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
    /// An open dictionary's sense of an ordinary word (CC-CEDICT), or the phrase table's English.
    Dictionary,
}

impl Origin {
    /// The origin's name in the export (`source`) and in pages' classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Glossary => "glossary",
            Origin::Title => "title",
            Origin::Rule => "rule",
            Origin::Article => "article",
            Origin::Dictionary => "dictionary",
        }
    }

    /// What readers are told it is (詞彙表 Glossary), on pages and cards alike.
    pub fn label(self, s: &Strings) -> &str {
        match self {
            Origin::Glossary => &s.origin_glossary,
            Origin::Title => &s.origin_title,
            Origin::Rule => &s.origin_rule,
            Origin::Article => &s.origin_article,
            Origin::Dictionary => &s.origin_dictionary,
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
    /// The quote is part of what is said (a name: the sentence that says something of it), not
    /// only where it comes from: cards and the export give it after the Chinese.
    pub with_quote: bool,
    /// What the articles say a document does (its targets, its measures, who carries it out),
    /// each sentence verbatim.
    pub statements: Vec<Quote>,
}

impl Explanation {
    /// The Chinese with the document type and status marks explained after it: the whole
    /// explanation where there is no room to lay the notes out (cards, the export).
    pub fn full_zh(&self) -> String {
        let mut out = self.zh.clone();
        if let Some(q) = self.quote.as_ref().filter(|_| self.with_quote) {
            out.push_str(&format!("原文:“{}”", q.text));
        }
        if let Some(s) = self.statements.first() {
            out.push_str(&format!("报道称:“{}”", s.text));
        }
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

    /// An explanation of `origin` saying `zh` and `en`, with nothing else yet.
    pub fn new(origin: Origin, zh: String, en: Option<String>) -> Explanation {
        Explanation {
            origin,
            label_en: None,
            zh,
            en,
            reference: None,
            quote: None,
            parts: Vec::new(),
            notes: Vec::new(),
            with_quote: false,
            statements: Vec::new(),
        }
    }

    fn glossary(label_en: &str, zh: &str, en: &str, source: Option<&str>) -> Explanation {
        Explanation {
            label_en: Some(label_en.to_string()),
            reference: source.filter(|s| !s.trim().is_empty()).map(str::to_string),
            ..Explanation::new(Origin::Glossary, zh.to_string(), Some(en.to_string()))
        }
    }

    /// Whether it only restates what the words of `text` already say: a category template
    /// (据原文,“X”是一个目标。), an invented family (“X+”一类提法), a document's type and
    /// nothing else, or Chinese that adds nothing to the term itself. Such an explanation is
    /// never published by a rule; `explainer check` flags any in the glossary.
    pub fn restates(&self, text: &str) -> bool {
        let zh = self.zh.trim();
        let template = (zh.starts_with("据原文") || zh.starts_with("據原文"))
            && !self.with_quote
            && zh.split_once('是').is_some_and(|(_, rest)| rest.chars().count() <= 26);
        let family = zh.contains("一类提法") || zh.contains("一類提法");
        let type_only =
            !self.parts.is_empty() && self.parts.iter().all(|p| p.role == "type") && self.statements.is_empty();
        let bare: String = fold_str(zh).chars().filter(|c| crate::text::han::is_han(*c)).collect();
        let own: String = fold_str(text)
            .chars()
            .filter(|c| crate::text::han::is_han(*c))
            .collect();
        let beyond = bare.replace(&own, "");
        let adds_nothing =
            self.quote.is_none() && self.statements.is_empty() && beyond.chars().count() < 2 && self.en.is_none();
        template || family || type_only || adds_nothing
    }
}

/// `text` folded to Simplified, char by char.
fn fold_str(text: &str) -> String {
    crate::text::script::fold_chars(text).into_iter().collect()
}

/// Explains every term and document of a corpus in place. With `serve`'s memo (and this
/// build's seed readings), a term or document whose words, read paragraphs (by their seeds'
/// serials) and found definition are as before keeps its explanation.
pub fn explain(
    seeds: &[Arc<AnnotatedSeed>],
    terms: &mut [TermModel],
    documents: &mut [DocumentModel],
    knowledge: &Knowledge,
    memo: Option<(&super::Memo, &[Arc<super::memo::SeedReading>])>,
) {
    let finds = memo.map(|(m, _)| &m.finds);
    let mut kept =
        memo.map(|(m, _)| std::mem::take(&mut *m.explanations.lock().unwrap_or_else(PoisonError::into_inner)));
    // What an explanation was made from, by the seeds' serials (`None` without a memo).
    let made_from = |tag: u8, words: (&str, &str), refs: &[ParaRef], found: Option<&Explanation>| {
        memo.map(|(_, readings)| {
            let refs: Vec<(ParaRef, u64)> = refs.iter().map(|r| (*r, readings[r.seed].serial)).collect();
            crate::text::hash::of((tag, words, refs, found))
        })
    };
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
    let remade: Vec<Option<(u64, Option<Explanation>)>> = terms
        .par_iter_mut()
        .enumerate()
        .map(|(i, t)| {
            if t.explanation.is_some() {
                return None;
            }
            let definition = found.definition(i);
            let id = made_from(0, (&t.id, &t.text), &t.uses, definition.as_ref());
            if let Some(old) = id.and_then(|id| kept.as_ref()?.get(&id)) {
                t.explanation = old.clone();
            } else {
                t.explanation = explain_term(t, definition, seeds, paragraph, reading, knowledge);
            }
            id.map(|id| (id, t.explanation.clone()))
        })
        .collect();
    let remade_documents: Vec<Option<(u64, Option<Explanation>)>> = documents
        .par_iter_mut()
        .map(|d| {
            let id = made_from(1, (&d.id, &d.title), &d.mentions, None);
            if let Some(old) = id.and_then(|id| kept.as_ref()?.get(&id)) {
                d.explanation = old.clone();
            } else {
                d.explanation = explain_document(d, seeds, knowledge);
            }
            id.map(|id| (id, d.explanation.clone()))
        })
        .collect();
    // Keep this build's only.
    if let (Some((memo, _)), Some(kept)) = (memo, kept.as_mut()) {
        kept.clear();
        kept.extend(remade.into_iter().chain(remade_documents).flatten());
        *memo.explanations.lock().unwrap_or_else(PoisonError::into_inner) = std::mem::take(kept);
    }
}

/// A term's explanation from the articles, rules and dictionaries (no glossary entry): the
/// first of the steps the module's comment lists.
fn explain_term<'s>(
    t: &TermModel,
    definition: Option<Explanation>,
    seeds: &'s [Arc<AnnotatedSeed>],
    paragraph: impl Fn(ParaRef) -> &'s crate::annotate::AnnotatedParagraph,
    reading: article::Reading,
    knowledge: &Knowledge,
) -> Option<Explanation> {
    let glossary = &knowledge.glossary;
    let uses = names::Uses::of(t, seeds);
    compose::five_year_plan(&t.text, glossary, &knowledge.explain.words)
        .or(definition)
        .or_else(|| article::slogan(&t.text, &t.uses, seeds, paragraph, reading))
        .or_else(|| compose::ai_plus(&t.text, knowledge))
        .or_else(|| compose::version(&t.text, glossary))
        .or_else(|| names::marked(&t.text, &uses, knowledge))
        .or_else(|| words::idiom(&t.text, &uses, knowledge))
        .or_else(|| words::dictionary(&t.text, &uses, knowledge))
        .or_else(|| words::phrase(&t.text, knowledge))
        .or_else(|| names::by_head(&t.text, &uses, knowledge))
        .or_else(|| words::compound(&t.text, &uses, knowledge))
        .or_else(|| compose::parts(&t.text, &uses.list_heads(knowledge), knowledge))
        .filter(|e| !e.restates(&t.text))
}

/// A document's explanation: its glossary entry, else its title's reading, with what the
/// articles say of it.
fn explain_document(d: &DocumentModel, seeds: &[Arc<AnnotatedSeed>], knowledge: &Knowledge) -> Option<Explanation> {
    let facts = documents::Facts::read(d, seeds, knowledge);
    let mut explanation = match &d.entry {
        Some(e) => {
            let mut x = Explanation::glossary(&e.title_en, &e.zh, &e.en, e.source.as_deref());
            x.parts = compose::entry_parts(e);
            Some(x)
        }
        None => compose::from_title_reported(&d.title, knowledge, facts.reports_issuer()),
    };
    if let Some(x) = explanation.as_mut() {
        facts.add_to(x);
    } else {
        explanation = facts.explanation(&d.title);
    }
    explanation.filter(|e| e.origin == Origin::Glossary || !e.restates(&d.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(origin: Origin, zh: &str) -> Explanation {
        Explanation::new(origin, zh.to_string(), None)
    }

    #[test]
    fn a_category_alone_or_the_words_again_restate() {
        // Category templates and invented families, in either script.
        assert!(zh(Origin::Article, "据原文,“产才双进”是一项行动(限期推进的专项工作)。").restates("产才双进"));
        assert!(zh(Origin::Article, "據原文,“四個一”是一個體系。").restates("四個一"));
        assert!(zh(Origin::Rule, "“服装+IP”是“服装+”一类提法中的一个。").restates("服装+IP"));
        // Chinese that adds nothing to the term.
        assert!(zh(Origin::Rule, "“数字浙江”。").restates("数字浙江"));
        // A document's type and nothing else.
        let mut x = zh(Origin::Title, "意见。");
        x.parts.push(TitlePart {
            role: "type",
            zh: "意见".into(),
            en: Some("opinions".into()),
        });
        assert!(x.restates("意见"));
        // …unless the articles say what it does.
        x.statements.push(Quote {
            at: ParaRef { seed: 0, para: 0 },
            start: 0,
            end: 4,
            text: "《意见》提出".into(),
        });
        assert!(!x.restates("意见"));
        // What says what the thing is does not restate: a name with its sentence, a word's sense.
        let mut name = zh(Origin::Article, "据原文,“甬上云”是一个平台。");
        name.with_quote = true;
        name.quote = Some(Quote {
            at: ParaRef { seed: 0, para: 0 },
            start: 0,
            end: 9,
            text: "全市推出“甬上云”平台".into(),
        });
        assert!(!name.restates("甬上云"));
        let word = Explanation::new(
            Origin::Dictionary,
            "“压舱石”读作 yācāngshí,普通词语。CC-CEDICT 释义:ballast stone。".into(),
            Some("“压舱石” (yācāngshí), an ordinary word: ballast stone.".into()),
        );
        assert!(!word.restates("压舱石"));
    }
}
