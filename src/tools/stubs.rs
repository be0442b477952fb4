//! `explainer stubs`: a glossary entry to fill in for every term and document nothing explains,
//! most used first, in the glossary's own format — ready to paste into a file of
//! `data/glossary/`. An entry left empty is an error when the glossary loads, so none is
//! published blank.

use super::check::{Unexplained, plural};
use crate::model::Explainer;
use std::fmt::Write;

/// The entries, as TOML: the spelling as written (the other script is matched too).
pub fn stubs(ex: &Explainer) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = String::from(
        "# Glossary entries to fill in, most used first. Paste into a file of data/glossary/, write\n\
         # the explanation in Chinese (one script; the other is derived) and in English, and name the\n\
         # public source the facts rest on.\n",
    );
    let unexplained = Unexplained::of(ex);
    for (text, id, uses) in unexplained.terms {
        let _ = write!(
            out,
            "\n# {uses} use{}\n[[term]]\nid = {}\nnames = [{}]\nlabel_en = \"\"\nzh = \"\"\nen = \"\"\nsource = \"\"\n",
            plural(uses),
            quote(id),
            quote(text)
        );
    }
    for (title, id, uses) in unexplained.documents {
        let _ = write!(
            out,
            "\n# {uses} mention{}\n[[document]]\nid = {}\nnames = [{}]\ntitle_en = \"\"\nissuer = \"\"\ndate = \"\"\nzh = \"\"\nen = \"\"\nsource = \"\"\n",
            plural(uses),
            quote(id),
            quote(title)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotator;
    use crate::knowledge::Knowledge;
    use std::path::Path;
    use std::sync::Arc;

    fn explainer(k: &Knowledge, text: &str) -> Explainer {
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &k.lexicon).unwrap();
        crate::model::build(vec![Arc::new(Annotator::new(k).annotate(seed))], k)
    }

    #[test]
    fn stubs_are_glossary_entries_most_used_first() {
        let k = Knowledge::load(None).unwrap();
        let ex = explainer(
            &k,
            "题\n杭州建设“未来工厂群”,“未来工厂群”再扩容,并推进“智造小镇链”。\n《某某县数字化改革推进办法》印发。\n",
        );
        let text = stubs(&ex);
        let parsed: toml::Value = toml::from_str(&text).unwrap();
        let terms = parsed["term"].as_array().unwrap();
        let names: Vec<&str> = terms.iter().map(|t| t["names"][0].as_str().unwrap()).collect();
        assert_eq!(names.first(), Some(&"未来工厂群"), "{text}");
        assert!(names.contains(&"智造小镇链"), "{text}");
        assert!(
            terms
                .iter()
                .all(|t| t["zh"].as_str() == Some("") && t["id"].as_str().is_some_and(|id| !id.is_empty()))
        );
        // Everything listed is unexplained, and everything unexplained is listed.
        let unexplained = ex.terms().iter().filter(|t| t.explanation.is_none()).count();
        assert_eq!(terms.len(), unexplained);
        let documents = ex.documents().iter().filter(|d| d.explanation.is_none()).count();
        assert_eq!(
            parsed.get("document").and_then(|d| d.as_array()).map_or(0, Vec::len),
            documents
        );
    }

    #[test]
    fn no_stubs_when_everything_is_explained() {
        let k = Knowledge::load(None).unwrap();
        let ex = explainer(&k, "题\n杭州推进“人工智能+”行动。\n");
        let text = stubs(&ex);
        assert!(ex.terms().iter().all(|t| t.explanation.is_some()), "{text}");
        assert!(!text.contains("[[term]]") && !text.contains("[[document]]"), "{text}");
    }
}
