//! Resolving one paragraph: its finds (titles, quoted terms, dates, place names) become
//! non-overlapping annotations, kind by kind in order of precedence, each claim credited to what
//! it is about by the paragraph's clauses. A document title claims its text first (numbers in a
//! title are not figures), then quoted terms, then dates (the digits of a date are not figures),
//! then organisations, figures, unquoted glossary terms and finally place names. A find that
//! loses to an earlier one but names a term or document (a term quoted inside a title) is kept
//! as `nested`, so that term pages still list it.

use super::attribution::{self, About, Clauses, Subjects};
use super::dates::FoundDate;
use super::document_ids::DocumentIds;
use super::documents::FoundTitle;
use super::spans::{mask, mentions_inside, overlaps_any};
use super::terms::{self, FoundTerm};
use super::towns::{self, FoundTown};
use super::{Annotation, Annotator, ArticleState, Found, Kind, figures, orgs};
use crate::knowledge::{DIRECTION, Mention, Target};
use crate::text::slug::slug;
use std::borrow::Cow;

/// A paragraph's annotations, and the place names found in it, from which the caller works
/// out the cities it is about (which may depend on the paragraph before it).
pub(super) struct Resolved {
    /// Non-overlapping, sorted by start.
    pub annotations: Vec<Annotation>,
    pub nested: Vec<Annotation>,
    pub mentions: Vec<Mention>,
    /// The subjects its clauses name themselves.
    pub named: Vec<About>,
}

/// The longest English phrase of place before a city ("located in ") that is read, in chars.
const MAX_PLACE_OPENER: usize = 12;

/// A numbered slogan the article named (1+4+N): its parts and its id.
type Slogan = (Vec<String>, String);

/// One paragraph being resolved: its chars and place names, and the annotations made so far.
struct Resolution<'c> {
    chars: &'c [char],
    mentions: &'c [Mention],
    /// Non-overlapping once sorted.
    out: Vec<Annotation>,
    nested: Vec<Annotation>,
    /// The county the article's title names, if one (`attribution::Context::county`).
    article_county: Option<usize>,
    /// The county a town with none written before it is in (`ArticleState::town_county`).
    town_county: Option<usize>,
}

impl Resolution<'_> {
    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

impl Annotator<'_> {
    /// Turns one paragraph's finds into non-overlapping annotations, each claim credited to what
    /// it is about; also returns the subject of the paragraph's last clause.
    pub(super) fn resolve(
        &self,
        text: &str,
        found: Found,
        inherited: Option<About>,
        state: &mut ArticleState,
    ) -> (Resolved, Option<About>) {
        let Found {
            chars,
            mentions,
            titles,
            is_document,
            terms,
            dates,
            towns,
        } = found;
        let subjects = Subjects {
            gazetteer: self.gazetteer,
            lexicon: self.lexicon,
            context: &state.context,
        };
        let title_spans: Vec<(usize, usize)> = titles.iter().map(|t| (t.start, t.end)).collect();
        let mut clauses = subjects.clauses(&chars, &mentions, &title_spans, inherited, &[]);
        let mut r = Resolution {
            chars: &chars,
            mentions: &mentions,
            out: Vec::new(),
            nested: Vec::new(),
            article_county: state.context.county,
            town_county: state.town_county,
        };
        let speakers = self.documents(&mut r, &titles, &is_document, &subjects, &clauses, &mut state.documents);
        // Documents that say something (《若干措施》明确,…) are the subject of what follows.
        if !speakers.is_empty() {
            clauses = subjects.clauses(&chars, &mentions, &title_spans, inherited, &speakers);
        }
        // Titles and quotations may interleave in malformed text (「《(」》): the title wins.
        let titles_with_marks: Vec<(usize, usize)> = titles.iter().map(|t| (t.start - 1, t.end + 1)).collect();
        self.quoted_terms(&mut r, &terms, &titles_with_marks, &mut state.slogans);
        dated(&mut r, &dates, &clauses, state.year);
        // The marks around titles and quoted terms belong to them; dates stand alone. Titles
        // that are not documents still keep their numbers from being figures.
        let mut taken: Vec<(usize, usize)> = r
            .out
            .iter()
            .map(|a| match a.kind {
                Kind::Document | Kind::Term => (a.start().saturating_sub(1), a.end() + 1),
                _ => (a.start(), a.end()),
            })
            .collect();
        taken.extend(titles_with_marks.iter().copied());
        self.orgs(&mut r, &mut taken);
        self.figures(&mut r, &clauses, &mut taken);
        self.unquoted_terms(&mut r, text, &mut taken);
        self.places(&mut r, &taken);
        self.towns(&mut r, &taken, &towns, &state.town_names);
        let Resolution {
            mut out, mut nested, ..
        } = r;
        out.sort_by_key(|a| (a.start(), a.end()));
        nested.sort_by_key(|a| (a.start(), a.end()));
        nested.dedup();
        let named = clauses.named().collect();
        (
            Resolved {
                annotations: out,
                nested,
                mentions,
                named,
            },
            clauses.last(),
        )
    }

    /// Document titles, each with one id across the article and its issuer: the title's own
    /// place, else the clause's subject when the clause says it issued the title
    /// (舟山市人民政府印发《…》). Terms quoted inside any title are nested uses. Returns the
    /// documents that say something (《若干措施》明确,…), with their issuers.
    fn documents(
        &self,
        r: &mut Resolution,
        titles: &[FoundTitle],
        is_document: &[bool],
        subjects: &Subjects,
        clauses: &Clauses,
        ids: &mut DocumentIds,
    ) -> Vec<(usize, About)> {
        let chars = r.chars;
        let mut speakers = Vec::new();
        for (title, &document) in titles.iter().zip(is_document) {
            let text = r.text(title.start, title.end);
            // Quoted terms inside a title (《浙江省“人工智能+”行动计划》) are uses of the term too.
            for t in terms::find(&chars[title.start..title.end], self.lexicon, &[]) {
                let (s, e) = (title.start + t.start, title.start + t.end);
                r.nested.push(self.term_annotation(&r.text(s, e), s, e));
            }
            if !document {
                continue;
            }
            let inner = mentions_inside(r.mentions, title.start, title.end);
            let own = attribution::leading_scope(&chars[title.start..title.end], &inner, self.gazetteer, self.lexicon);
            let (clause_start, _) = clauses.clause(title.start);
            let (_, sentence_end) = clauses.sentence(title.start);
            // 舟山市人民政府印发《…》: the clause's subject issued it. 现将《…》印发给你们: the
            // document being read issues it, so its issuer (signature, title) is the title's.
            let stated = if subjects.states_issuer(chars, clause_start, title.start - 1) {
                clauses.about(title.start)
            } else if subjects.issued_here(chars, title.end + 1, sentence_end.min(chars.len()))
                || self.names_this_document(chars, title.start - 1)
            {
                subjects.context.issuer
            } else {
                None
            };
            let (id, issuer) = ids.id_for(&text, title.short_name_of_previous, own.or(stated), own.is_some(), self);
            if let Some(issuer) = issuer
                && subjects.title_speaks(chars, title.end)
            {
                speakers.push((title.start - 1, issuer));
            }
            let label = self.glossary.document_by_id(&id).map(|d| d.title_en.as_str());
            let mut a = Annotation::new(Kind::Document, &text, title.start, title.end, &id, label);
            a.about = issuer.or_else(|| clauses.about(title.start));
            r.out.push(a);
        }
        speakers
    }

    /// Whether the words right before the title's 《 at `open` make it the document being read
    /// (本《措施》), not another's of that title (日本《…》 is not).
    fn names_this_document(&self, chars: &[char], open: usize) -> bool {
        let words = &self.lexicon.document;
        words.this_document.ends_at(chars, open) && !words.not_this_document.ends_at(chars, open)
    }

    /// Quoted terms and slogans, with the terms quoted inside them as nested uses. A term
    /// inside a title (its marks overlapping the title's) is a nested use of it; a quoted part
    /// of a numbered slogan the article named (“1”即…) is a use of the slogan.
    fn quoted_terms(
        &self,
        r: &mut Resolution,
        terms: &[FoundTerm],
        titles_with_marks: &[(usize, usize)],
        slogans: &mut Vec<Slogan>,
    ) {
        for term in terms {
            let text = r.text(term.start, term.end);
            if let Some(slogan) = terms::numbered_system(&text) {
                let parts: Vec<String> = slogan.iter().map(|p| p.to_string()).collect();
                if !slogans.iter().any(|(p, _)| *p == parts) {
                    slogans.push((parts, self.term_id(&text)));
                }
            }
            let Some(term_annotation) = self.term_or_slogan_part(&text, term.start, term.end, slogans) else {
                continue;
            };
            if overlaps_any(term.start.saturating_sub(1), term.end + 1, titles_with_marks) {
                r.nested.push(term_annotation);
                continue;
            }
            r.out.push(term_annotation);
            for &(s, e) in &term.nested {
                let inner = r.text(s, e);
                if let Some(a) = self.term_or_slogan_part(&inner, s, e, slogans) {
                    r.nested.push(a);
                }
            }
        }
    }

    /// Organisations in what nothing took yet, each with the cities its name holds. A place the
    /// name starts with below a city (鄞州区 of 鄞州区人工智能创新发展联盟) is marked as the place
    /// it is, and the organisation after it.
    fn orgs(&self, r: &mut Resolution, taken: &mut Vec<(usize, usize)>) {
        for org in orgs::find(r.chars, r.mentions, self.lexicon, taken) {
            let text = r.text(org.start, org.end);
            let inside = mentions_inside(r.mentions, org.start, org.end);
            let id = slug(&orgs::canonical_name(&text, &inside, self.gazetteer, self.lexicon));
            // The places the name starts with (鄞州区…, 金华市婺城区…), when one is below a city.
            let mut leading: Vec<Annotation> = Vec::new();
            let mut start = org.start;
            while let Some(m) = r.mentions.iter().find(|m| m.start == start && m.end < org.end)
                && let Some(place) = self.place_annotation(m, &r.text(m.start, m.end))
            {
                leading.push(place);
                start = m.end;
            }
            if leading.iter().any(|a| a.kind == Kind::Place) {
                for place in leading {
                    taken.push((place.start(), place.end()));
                    r.out.push(place);
                }
            } else {
                start = org.start;
            }
            let a = Annotation::new(Kind::Org, &r.text(start, org.end), start, org.end, &id, None)
                .with_cities(attribution::named_cities(self.gazetteer, &inside));
            r.out.push(a);
            taken.push((start, org.end));
        }
    }

    /// Figures in what nothing took yet, each credited to its clause's subject, or paired in
    /// order with the places a word of respectively lists.
    fn figures(&self, r: &mut Resolution, clauses: &Clauses, taken: &mut Vec<(usize, usize)>) {
        let first = r.out.len();
        for figure in figures::find(r.chars, self.lexicon, taken) {
            let mut a = Annotation::new(
                Kind::Figure,
                &r.text(figure.start, figure.end),
                figure.start,
                figure.end,
                &figure.value(),
                None,
            )
            .with_figure(figure.number, &figure.unit);
            a.about = clauses.about(figure.start);
            let county = a
                .about
                .and_then(|city| self.county_of(r, clauses, figure.start, city, r.article_county));
            a = a.with_county(county.as_deref());
            r.out.push(a);
            taken.push((figure.start, figure.end));
        }
        self.pair_respectively(r, clauses, first);
    }

    /// 杭州、宁波分别增长10.2%和9.1%; Hangzhou and Ningbo grew 10.2 percent and 9.1 percent,
    /// respectively: the places listed in the clause of the first figure of the list, before
    /// it, give the figures their subjects in order, when there are as many of each (two or
    /// more). A Chinese list follows the word (to its clause's end), an English one comes
    /// before it (from its sentence's start). A second list in the sentence with no places of
    /// its own (总量分别为…) pairs with the first one's places.
    fn pair_respectively(&self, r: &mut Resolution, clauses: &Clauses, first: usize) {
        let words = &self.lexicon.attribution.respectively;
        let figures: Vec<usize> = (first..r.out.len()).collect();
        if figures.len() < 2 {
            return;
        }
        let mut places: Vec<(About, Option<usize>)> = Vec::new();
        let mut sentence_of_places = usize::MAX;
        let mut at = 0;
        while at < r.chars.len() {
            let Some(n) = words.word_at(r.chars, at) else {
                at += 1;
                continue;
            };
            let (sentence_start, sentence_end) = clauses.sentence(at);
            let (_, clause_end) = clauses.clause(at);
            let chinese = !r.chars[at].is_ascii();
            let listed: Vec<usize> = figures
                .iter()
                .copied()
                .filter(|&i| {
                    let s = r.out[i].start();
                    if chinese {
                        s > at && s < clause_end.min(sentence_end)
                    } else {
                        s >= sentence_start && s < at
                    }
                })
                .collect();
            at += n;
            let Some(&head) = listed.first() else { continue };
            let (clause_start, _) = clauses.clause(r.out[head].start());
            let here: Vec<(About, Option<usize>)> = r
                .mentions
                .iter()
                .filter(|m| m.start >= clause_start && m.end <= r.out[head].start())
                .filter_map(|m| {
                    let about = attribution::mention_scope(self.gazetteer, m)?;
                    let county = match m.target {
                        Target::County { index, .. } => Some(index),
                        _ => None,
                    };
                    Some((about, county))
                })
                .collect();
            if !here.is_empty() {
                places = here;
                sentence_of_places = sentence_start;
            } else if sentence_of_places != sentence_start {
                continue;
            }
            if places.len() != listed.len() || places.len() < 2 {
                continue;
            }
            for (&i, &(about, county)) in listed.iter().zip(&places) {
                let county = county.map(|c| {
                    format!(
                        "{}/{}",
                        self.gazetteer.counties[c].city, self.gazetteer.counties[c].slug
                    )
                });
                r.out[i].set_county(county.as_deref());
                r.out[i].about = Some(about);
            }
        }
    }

    /// The county a claim credited to `city` at char `at` is about: the one county of that
    /// city its sentence names before it (温岭市地区生产总值…, Deqing's GDP …), or, when the
    /// sentence names no place of the city, the one its paragraph names before it, or, when the
    /// paragraph names none either, the county the article's title names. Naming the
    /// city itself after the county (…台州全市…), or two of its counties, makes it the city's.
    fn county_of(
        &self,
        r: &Resolution,
        clauses: &Clauses,
        at: usize,
        city: About,
        self_county: Option<usize>,
    ) -> Option<String> {
        let gz = self.gazetteer;
        let (sentence_start, _) = clauses.sentence(at);
        let before = |from: usize| {
            let mut county: Option<usize> = None;
            let mut named = false;
            for m in r.mentions.iter().filter(|m| m.start >= from && m.end <= at) {
                if attribution::mention_scope(gz, m) != Some(city) {
                    continue;
                }
                // "Wenling, a county-level city in Taizhou": the city says where the county is.
                let head: String = r.chars[m.start.saturating_sub(MAX_PLACE_OPENER)..m.start]
                    .iter()
                    .collect();
                let says_where = self
                    .lexicon
                    .attribution
                    .place_openers_en
                    .iter()
                    .any(|w| head.ends_with(w.as_str()));
                if county.is_some() && matches!(m.target, Target::City(_)) && says_where {
                    continue;
                }
                named = true;
                county = match m.target {
                    Target::County { index, .. } if county.is_none_or(|c| c == index) => Some(index),
                    // A second county or the city itself: the claim is the city's.
                    _ => return (true, None),
                };
            }
            (named, county)
        };
        let (named, county) = before(sentence_start);
        let county = if named {
            county
        } else {
            match before(0) {
                (true, county) => county,
                // A paragraph that names no place of the city speaks of the article's county,
                // when the title names one of this city's.
                (false, _) => self_county.filter(|&i| About::city(&gz.counties[i].city) == Some(city)),
            }
        };
        county.map(|index| format!("{}/{}", gz.counties[index].city, gz.counties[index].slug))
    }

    /// Glossary terms written without quotation marks; nested where something took their text.
    fn unquoted_terms(&self, r: &mut Resolution, text: &str, taken: &mut Vec<(usize, usize)>) {
        for (s, e, entry) in self.glossary.find_unquoted(text) {
            let a = Annotation::new(Kind::Term, &r.text(s, e), s, e, &entry.id, Some(&entry.label_en));
            if overlaps_any(s, e, taken) {
                r.nested.push(a);
            } else {
                r.out.push(a);
                taken.push((s, e));
            }
        }
    }

    /// Place names in what nothing took: cities and the places below them.
    fn places(&self, r: &mut Resolution, taken: &[(usize, usize)]) {
        let taken = mask(r.chars.len(), taken);
        for m in r.mentions {
            if (m.start..m.end).any(|i| taken[i]) {
                continue;
            }
            if let Some(a) = self.place_annotation(m, &r.text(m.start, m.end)) {
                r.out.push(a);
            }
        }
    }

    /// Towns, streets and villages in what nothing took: those named with their suffix, then
    /// the bare names of those the article named (大唐镇 … 大唐袜业). A town after its county
    /// (遂昌县大田村) is in that county's city; one with no county before it, in the county the
    /// article is about (`ArticleState::town_county`), if any.
    fn towns(&self, r: &mut Resolution, taken: &[(usize, usize)], found: &[FoundTown], names: &[Vec<char>]) {
        let mut taken = mask(r.chars.len(), taken);
        for a in r.out.iter().filter(|a| a.kind == Kind::Place || a.kind == Kind::City) {
            taken[a.start()..a.end()].iter_mut().for_each(|t| *t = true);
        }
        for town in found {
            if (town.start..town.end).any(|i| taken[i]) {
                continue;
            }
            let text = r.text(town.start, town.end);
            let cities = match town.after {
                Some(m) => self.gazetteer.cities_of(m.target),
                None => self.town_cities(r),
            };
            let value = match cities.first() {
                Some(city) => format!("{city}/{}", slug(&text)),
                None => slug(&text),
            };
            r.out
                .push(Annotation::new(Kind::Place, &text, town.start, town.end, &value, None).with_cities(cities));
            taken[town.start..town.end].iter_mut().for_each(|t| *t = true);
        }
        for (start, end) in towns::find_bare(r.chars, names, r.mentions, &taken) {
            let text = r.text(start, end);
            let cities = self.town_cities(r);
            let value = match cities.first() {
                Some(city) => format!("{city}/{}", slug(&text)),
                None => slug(&text),
            };
            r.out
                .push(Annotation::new(Kind::Place, &text, start, end, &value, None).with_cities(cities));
        }
    }

    /// The city of the county the article is about, for a town named without its county.
    fn town_cities(&self, r: &Resolution) -> Vec<&str> {
        r.town_county
            .map(|index| {
                self.gazetteer.cities_of(Target::County {
                    index,
                    bare: false,
                    needs_context: false,
                })
            })
            .unwrap_or_default()
    }

    pub(super) fn term_id(&self, text: &str) -> String {
        match self.glossary.term(text) {
            Some(entry) => entry.id.clone(),
            None => slug(text),
        }
    }

    pub(super) fn term_annotation(&self, text: &str, start: usize, end: usize) -> Annotation {
        match self.glossary.term(text) {
            Some(entry) => Annotation::new(Kind::Term, text, start, end, &entry.id, Some(&entry.label_en)),
            None => Annotation::new(Kind::Term, text, start, end, &slug(text), None),
        }
    }

    /// A quoted term, unless it is a fragment: a one-character term (“绘”, “1”, “N”) is kept
    /// only as a part of a numbered slogan the article names (“1+4+N”…“1”即…), with the
    /// slogan's id, so that no page is made for "1".
    fn term_or_slogan_part(
        &self,
        text: &str,
        start: usize,
        end: usize,
        slogans: &[(Vec<String>, String)],
    ) -> Option<Annotation> {
        if text.chars().count() > 1 || self.glossary.term(text).is_some() {
            return Some(self.term_annotation(text, start, end));
        }
        slogans
            .iter()
            .rev()
            .find(|(parts, _)| parts.iter().any(|p| p == text))
            .map(|(_, id)| Annotation::new(Kind::Term, text, start, end, id, None))
    }

    fn place_annotation(&self, m: &Mention, text: &str) -> Option<Annotation> {
        let gz = self.gazetteer;
        let (kind, value, label) = match m.target {
            Target::Province => return None,
            Target::City(i) => (
                Kind::City,
                Cow::Borrowed(gz.cities[i].id.as_str()),
                &gz.cities[i].name_en,
            ),
            Target::County { index, .. } => {
                let county = &gz.counties[index];
                (
                    Kind::Place,
                    Cow::Owned(format!("{}/{}", county.city, county.slug)),
                    &county.name_en,
                )
            }
            // 浙中, 浙东南: a region prefix, not a place of its own.
            Target::Place(i) if gz.places[i].kind == DIRECTION => return None,
            Target::Place(i) => (
                Kind::Place,
                Cow::Owned(slug(&gz.places[i].name_en)),
                &gz.places[i].name_en,
            ),
            Target::Outside(i) => (
                Kind::Place,
                Cow::Owned(slug(&gz.outside[i].name_en)),
                &gz.outside[i].name_en,
            ),
        };
        let a = Annotation::new(kind, text, m.start, m.end, &value, Some(label));
        if kind == Kind::Place {
            return Some(a.with_cities(gz.cities_of(m.target)));
        }
        Some(a)
    }
}

/// Dates, each with its value (the publication year for those without one, else an anchor in
/// the sentence) and credited to its clause's subject.
fn dated(r: &mut Resolution, dates: &[FoundDate], clauses: &Clauses, year: Option<i32>) {
    for date in dates {
        let (value, inferred) = match (date.needs_article_year(), year) {
            (true, None) => match anchor_year(date, dates, r.chars, clauses) {
                Some(y) => (date.iso(Some(y)), true),
                None => (date.iso(None), false),
            },
            _ => (date.iso(year), false),
        };
        let mut a = Annotation::new(
            Kind::Date,
            &r.text(date.start, date.end),
            date.start,
            date.end,
            &value,
            None,
        );
        a.inferred = inferred;
        a.relative = date.relative_year.and_then(|r| i8::try_from(r).ok());
        a.about = clauses.about(date.start);
        r.out.push(a);
    }
}

/// The year of a date without one, from an explicit anchor in the same sentence: the closest
/// date before it in the sentence with a written year and month (2024年10月,…;11月,…), or, for
/// 今年/去年, a year restated right after it in brackets (今年(2025年)). Targets (到2027年) and
/// bare years (自2022年以来) anchor nothing.
fn anchor_year(date: &FoundDate, dates: &[FoundDate], chars: &[char], clauses: &Clauses) -> Option<i32> {
    if date.relative_year.is_some() {
        let next = dates.iter().find(|d| d.start > date.end)?;
        let bracket = next.start == date.end + 1
            && matches!(chars[date.end], '(' | '（')
            && matches!(chars.get(next.end), Some(')' | '）'));
        return bracket
            .then_some(next.year)
            .flatten()
            .filter(|_| next.until_year.is_none());
    }
    let (sentence_start, _) = clauses.sentence(date.start);
    dates
        .iter()
        .rev()
        .filter(|d| d.end <= date.start && d.start >= sentence_start)
        .find(|d| d.year.is_some() && d.month.is_some() && !d.target && d.until_year.is_none())
        .and_then(|d| d.year)
}
