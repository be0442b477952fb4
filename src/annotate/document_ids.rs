//! Document ids within one article: the same title from two issuers is two documents, and a
//! short name or a part of a title is the document it stands for.

use super::{About, Annotator, attribution};
use crate::text::script;
use crate::text::slug::slug;

/// Gives every document one id across a seed. The same title from two issuers is two
/// documents; a title whose issuer is not stated is the document of that title (or of a title
/// holding it) met before in the article, else the curated one, else its own. Short names (以下简称《方案》) and later
/// mentions by a part of the full title resolve within the article.
#[derive(Default)]
pub(super) struct DocumentIds {
    /// (folded title, issuer, id) in order of first mention.
    seen: Vec<(String, Option<About>, String)>,
}

impl DocumentIds {
    /// The id of a mention and the issuer it resolves to. `names_issuer`: the title itself names
    /// its issuer (湖州市…行动计划), so its id needs no issuer of its own.
    pub(super) fn id_for(
        &mut self,
        title: &str,
        short_of_previous: bool,
        issuer: Option<About>,
        names_issuer: bool,
        annotator: &Annotator,
    ) -> (String, Option<About>) {
        let key = script::fold(title);
        let compatible = |a: Option<About>, b: Option<About>| a.is_none() || b.is_none() || a == b;
        let curated = annotator.glossary.document(title).map(|entry| {
            let chars: Vec<char> = entry.issuer.chars().collect();
            let scope = attribution::leading_scope(
                &chars,
                &annotator.gazetteer.find(&entry.issuer),
                annotator.gazetteer,
                annotator.lexicon,
            );
            (entry.id.clone(), scope)
        });
        let (id, issuer) = if short_of_previous && let Some((_, previous, id)) = self.seen.last() {
            (id.clone(), previous.or(issuer))
        } else if let Some((_, seen, id)) = self
            .seen
            .iter()
            .rev()
            .find(|(k, seen, _)| *k == key && compatible(*seen, issuer))
        {
            (id.clone(), seen.or(issuer))
        } else if let Some((_, seen, id)) = self
            .seen
            .iter()
            .rev()
            .find(|(k, seen, _)| key.chars().count() >= 4 && k.contains(&key) && compatible(*seen, issuer))
        {
            (id.clone(), seen.or(issuer))
        } else if let Some((id, scope)) = curated.filter(|(_, scope)| compatible(*scope, issuer)) {
            (id, scope.or(issuer))
        } else {
            // The issuer's place goes into the id when the title does not name it, so that 舟山's
            // 《关于支持人工智能创新发展的若干措施》 is not the province's.
            let prefix = issuer
                .filter(|_| !names_issuer)
                .and_then(|a| a.name_hans(annotator.gazetteer));
            match prefix {
                Some(place) => (slug(&format!("{place}{title}")), issuer),
                None => (slug(title), issuer),
            }
        };
        self.seen.push((key, issuer, id.clone()));
        (id, issuer)
    }
}
