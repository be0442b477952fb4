//! Stage 2 — annotate: find dates, figures, documents, terms, places and organisations in each
//! paragraph, and the cities each paragraph is about.
//!
//! Each kind has its own small module ([`dates`], [`figures`], [`documents`] and [`title`],
//! [`terms`], [`orgs`]; places come from the gazetteer). The [`Annotator`] reads every paragraph
//! on its own, works out what the article as a whole says (its year, issuer and city), then
//! resolves the paragraphs in order ([`resolve`]): the finds become non-overlapping annotations
//! in order of precedence, and every figure, date and document mention is credited to what it is
//! about (`about`: a city, the province or `other`) by the clause model of [`attribution`].
//! What it makes ([`AnnotatedSeed`], [`AnnotatedParagraph`], [`Annotation`]) is in
//! [`annotation`].

mod annotation;
mod attribution;
mod dates;
mod document_ids;
mod documents;
mod figures;
mod intern;
mod numerals;
mod orgs;
mod resolve;
mod spans;
mod terms;
pub mod title;
mod towns;

pub use annotation::{AnnotatedParagraph, AnnotatedSeed, Annotation, Kind, YearSource};
pub use attribution::About;
pub use figures::format_number;
pub use intern::intern;

use crate::ingest::{Paragraph, Seed};
use crate::knowledge::Glossary;
use crate::knowledge::Lexicon;
use crate::knowledge::{Gazetteer, Mention, Target};
use arcstr::ArcStr;
use dates::FoundDate;
use document_ids::DocumentIds;
use spans::overlaps_any;

/// Runs every annotator with the curated knowledge it needs.
pub struct Annotator<'a> {
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    pub glossary: &'a Glossary,
}

/// What every paragraph yields before the article as a whole is known.
struct Found {
    chars: Vec<char>,
    mentions: Vec<Mention>,
    titles: Vec<documents::FoundTitle>,
    /// Whether each title names a policy document (not a newspaper or a programme).
    is_document: Vec<bool>,
    terms: Vec<terms::FoundTerm>,
    dates: Vec<FoundDate>,
    /// Towns, streets and villages named with their suffix (东孝街道, Datian Village).
    towns: Vec<towns::FoundTown>,
}

/// What one article's paragraphs share while they are resolved in order.
struct ArticleState {
    year: Option<i32>,
    context: attribution::Context,
    documents: DocumentIds,
    /// Numbered slogans seen so far (1+4+N): their parts and their id, so that a quoted part
    /// (“1”即…) is a use of the slogan, not a term of its own.
    slogans: Vec<(Vec<String>, String)>,
    /// The bare names of the towns the article names with their suffix (大唐 of 大唐镇), folded.
    town_names: Vec<Vec<char>>,
    /// The county a town with no county written before it is in: the one its title names, else
    /// the only county-level division the whole article names (a feature on 诸暨's 大唐镇 and
    /// its neighbours 草塔镇, 王家井). None when the article names two or none.
    town_county: Option<usize>,
}

impl<'a> Annotator<'a> {
    /// An annotator over the curated knowledge.
    pub fn new(knowledge: &'a crate::knowledge::Knowledge) -> Annotator<'a> {
        Annotator {
            gazetteer: &knowledge.gazetteer,
            lexicon: &knowledge.lexicon,
            glossary: &knowledge.glossary,
        }
    }

    /// Annotates a seed: every paragraph is read on its own first ([`Annotator::find`]), then
    /// what the article as a whole says (its year, its issuer, its city) is worked out, and the
    /// paragraphs are resolved in order, each continuing the one before it.
    pub fn annotate(&self, mut seed: Seed) -> AnnotatedSeed {
        let mut found: Vec<Found> = seed.paragraphs.iter().map(|p| self.find(p)).collect();
        self.find_bare_counties(&seed.paragraphs, &mut found);
        let home_city = attribution::home_city(self.gazetteer, seed.meta.publisher.as_deref());
        let mut state = self.article_state(&seed, &found);
        self.register_title_documents(&seed.title, &mut state);
        let document = self.own_document(&seed.title, state.context.issuer);
        let article_city = self.article_city(&seed.paragraphs, &state.context, home_city.as_deref());
        let mut paragraphs: Vec<AnnotatedParagraph> = Vec::with_capacity(found.len());
        let mut previous_subject: Option<About> = None;
        // The annotated paragraphs take over the text: a large corpus should not hold it twice.
        for (paragraph, found) in std::mem::take(&mut seed.paragraphs).into_iter().zip(found) {
            let continues = attribution::continues_previous(&paragraph.text, &found.mentions, self.lexicon);
            let inherited = if continues { previous_subject } else { None };
            let (resolved, last_subject) = self.resolve(&paragraph.text, found, inherited, &mut state);
            previous_subject = last_subject;
            let previous = paragraphs.last().filter(|_| continues);
            let (cities, cities_inherited) =
                self.paragraph_cities(&paragraph.text, &resolved, home_city.as_deref(), previous);
            // A paragraph that names no city and no other subject is its article's city's.
            let article_city = article_city
                .filter(|city| cities.is_empty() && self.speaks_for(city, &paragraph.text, &resolved))
                .map(|city| intern(city.as_str()));
            paragraphs.push(AnnotatedParagraph {
                copy_key: crate::text::script::copy_key(&paragraph.text),
                id: paragraph.id.into_boxed_str(),
                line: paragraph.line,
                text: paragraph.text.into_boxed_str(),
                annotations: resolved.annotations.into_boxed_slice(),
                nested: resolved.nested.into_boxed_slice(),
                cities,
                cities_inherited,
                article_city,
            });
        }
        let year_source = match (state.year, seed.meta.date_is_from_address()) {
            (None, _) => YearSource::Unknown,
            (Some(_), true) => YearSource::Url,
            (Some(_), false) => YearSource::Metadata,
        };
        AnnotatedSeed {
            seed,
            year: state.year,
            year_source,
            home_city,
            issuer: state.context.issuer,
            document,
            paragraphs,
        }
    }

    /// A county the article names in full (金东区) is context enough for its bare name that is
    /// also an ordinary word (为金东注入动能): the paragraphs are read again with it.
    fn find_bare_counties(&self, paragraphs: &[Paragraph], found: &mut [Found]) {
        let named: Vec<usize> = self
            .gazetteer
            .counties_named(
                &found
                    .iter()
                    .flat_map(|f| f.mentions.iter().copied())
                    .collect::<Vec<_>>(),
            )
            .into_iter()
            .filter(|&c| self.gazetteer.needs_context(c))
            .collect();
        if named.is_empty() {
            return;
        }
        for (p, f) in paragraphs.iter().zip(found.iter_mut()) {
            let mentions = self.gazetteer.find_in(&p.text, &named);
            if mentions != f.mentions {
                f.towns = towns::find(&f.chars, &mentions, self.lexicon);
                f.mentions = mentions;
            }
        }
    }

    /// What the article's paragraphs share: the publication year, and who and where the article
    /// speaks for (its issuer, its publisher's city, the city it names most).
    fn article_state(&self, seed: &Seed, found: &[Found]) -> ArticleState {
        let places: Vec<attribution::ParagraphPlaces> = found
            .iter()
            .map(|f| attribution::ParagraphPlaces {
                chars: &f.chars,
                mentions: &f.mentions,
            })
            .collect();
        ArticleState {
            // Dates without a year take the publication year, and only that: never the latest
            // year the text names (自2022年落户以来 does not make 今年 2022).
            year: seed.meta.year(),
            context: attribution::context(
                self.gazetteer,
                self.lexicon,
                &seed.title,
                &places,
                seed.meta.publisher.as_deref(),
            ),
            documents: DocumentIds::default(),
            slogans: Vec::new(),
            town_names: town_names(found),
            town_county: None,
        }
        .with_town_county(found)
    }

    /// The one city an article is issued by or about, for its paragraphs that name nothing:
    /// its issuer (a signature, a title), else the city it names far more than any other
    /// (counties included: a county story in English), else its city paper's city when it
    /// says 我市.
    fn article_city(
        &self,
        paragraphs: &[Paragraph],
        context: &attribution::Context,
        home_city: Option<&str>,
    ) -> Option<About> {
        let says_this_city = || {
            paragraphs
                .iter()
                .any(|p| attribution::this_city(&p.text, home_city, self.lexicon).is_some())
        };
        context
            .issuer
            .or(context.dominant)
            .filter(|a| a.is_city())
            .or_else(|| home_city.and_then(About::city).filter(|_| says_this_city()))
    }

    /// Whether a paragraph that names no city speaks for its article's `city`: every subject
    /// its clauses name is that city, or a national or global scope word that names no place
    /// (锚定国家战略, 一座国际贸易港口: a level or a description in the city's story), and no
    /// place outside the province and no claim it makes is credited elsewhere.
    fn speaks_for(&self, city: &About, text: &str, resolved: &resolve::Resolved) -> bool {
        // A paragraph whose subject is the article's city by name of kind (The city will focus
        // on building a China-Japan-South Korea trade centre; 该市将…) is the city's, whatever
        // places its objects name, unless it names another of Zhejiang's cities.
        let opening: Vec<char> = text
            .trim_start()
            .chars()
            .take(16)
            .flat_map(char::to_lowercase)
            .collect();
        if self.lexicon.attribution.this_city_words.word_at(&opening, 0).is_some()
            && resolved.named.iter().all(|a| a == city || !a.is_city())
        {
            return true;
        }
        let names_outside = resolved
            .mentions
            .iter()
            .any(|m| attribution::mention_scope(self.gazetteer, m) == Some(About::Other));
        let claims_elsewhere = resolved
            .annotations
            .iter()
            .any(|a| a.about.is_some_and(|about| about != *city));
        resolved
            .named
            .iter()
            .all(|a| a == city || *a == About::Other && !names_outside && !claims_elsewhere)
    }

    /// The prefectures a paragraph is about: those its place names lie in and, when the
    /// publisher is one city's, that city for 我市 and its kind. A paragraph that names none
    /// and only continues `previous` takes its cities (and says so). A town the gazetteer does
    /// not list names its county's prefecture when the article says which county it is in.
    fn paragraph_cities(
        &self,
        text: &str,
        resolved: &resolve::Resolved,
        home_city: Option<&str>,
        previous: Option<&AnnotatedParagraph>,
    ) -> (Box<[ArcStr]>, bool) {
        let mut cities = attribution::named_cities(self.gazetteer, &resolved.mentions);
        for city in resolved
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Place)
            .flat_map(|a| a.cities())
        {
            if !cities.iter().any(|c| **c == **city) {
                cities.push(city.to_string());
            }
        }
        if let Some(city) = attribution::this_city(text, home_city, self.lexicon)
            && !cities.contains(&city)
        {
            cities.push(city);
        }
        if cities.is_empty()
            && let Some(previous) = previous
        {
            return (previous.cities.clone(), !previous.cities.is_empty());
        }
        (cities.iter().map(|c| intern(c)).collect(), false)
    }

    /// Documents named in the seed's title (关于印发《…》的通知) are the article's own: later
    /// mentions of the same title without an issuer are the same document.
    fn register_title_documents(&self, title: &str, state: &mut ArticleState) {
        let chars: Vec<char> = title.chars().collect();
        for t in documents::find(&chars, self.lexicon) {
            let text: String = chars[t.start..t.end].iter().collect();
            if title::is_document(&chars[t.start..t.end], self.lexicon) {
                let own = self.title_scope(&chars[t.start..t.end]);
                let issuer = own.or(state.context.issuer);
                state.documents.id_for(&text, false, issuer, own.is_some(), self);
            }
        }
    }

    /// The id of the document a seed is, when its title (without a news headline's marks) names
    /// a policy document and its issuer is known; worked out apart from the article's mentions.
    fn own_document(&self, title: &str, issuer: Option<About>) -> Option<String> {
        let chars: Vec<char> = title.chars().collect();
        if issuer.is_none() || chars.contains(&'《') || !title::is_document(&chars, self.lexicon) {
            return None;
        }
        let own = self.title_scope(&chars);
        let (id, _) = DocumentIds::default().id_for(title, false, own.or(issuer), own.is_some(), self);
        Some(id)
    }

    /// The place a title starts with (湖州市…行动计划 → huzhou).
    fn title_scope(&self, title: &[char]) -> Option<About> {
        let text: String = title.iter().collect();
        attribution::leading_scope(title, &self.gazetteer.find(&text), self.gazetteer, self.lexicon)
    }

    fn find(&self, paragraph: &Paragraph) -> Found {
        let chars: Vec<char> = paragraph.text.chars().collect();
        let titles = documents::find(&chars, self.lexicon);
        let mut is_document: Vec<bool> = Vec::with_capacity(titles.len());
        for t in &titles {
            let previous = is_document.last().copied().unwrap_or(false);
            is_document
                .push(title::is_document(&chars[t.start..t.end], self.lexicon) || t.short_name_of_previous && previous);
        }
        let title_spans: Vec<(usize, usize)> = titles.iter().map(|t| (t.start - 1, t.end + 1)).collect();
        let terms = terms::find(&chars, self.lexicon, &title_spans);
        let mut quoted = title_spans.clone();
        quoted.extend(terms.iter().map(|t| (t.start.saturating_sub(1), t.end + 1)));
        let finder = dates::DateFinder {
            words: &self.lexicon.date,
        };
        let dates = finder
            .find(&chars)
            .into_iter()
            .filter(|d| {
                !overlaps_any(d.start, d.end, &quoted)
                    && !self.is_title_period(&chars, d)
                    && !inside_quoted_name_en(&chars, d.start)
            })
            .collect();
        let mentions = self.gazetteer.find(&paragraph.text);
        let towns = towns::find(&chars, &mentions, self.lexicon);
        Found {
            chars,
            mentions,
            titles,
            is_document,
            terms,
            dates,
            towns,
        }
    }

    /// A period in brackets right after a document type (三年行动计划(2025—2027年), Action Plan
    /// (2025-2027)), or alone on its line under a title heading, belongs to the title, written
    /// with or without 《》: it is not a date of the article.
    fn is_title_period(&self, chars: &[char], d: &FoundDate) -> bool {
        let open = d.start.saturating_sub(1);
        let name_end = if open > 0 && chars[open - 1] == ' ' {
            open - 1
        } else {
            open
        };
        d.start > 0
            && matches!(chars[open], '(' | '（')
            && matches!(chars.get(d.end), Some(')' | '）'))
            && (self.lexicon.document.endings.ends_at(chars, open)
                || self.lexicon.document.endings_en.ends_at(chars, name_end)
                || self.names_plan_en(chars, name_end)
                || d.start == 1 && d.end + 1 == chars.len())
    }

    /// Whether the English name ending at `end` is a plan's: a run of capitalised words (and
    /// the small words between them) back from `end` holds a plan's word (Action Plan for the
    /// Development of Artificial Intelligence in Ningbo City (2025-2030)).
    fn names_plan_en(&self, chars: &[char], end: usize) -> bool {
        let small = &self.lexicon.figure.function_words_en;
        let mut k = end;
        loop {
            let word_end = k;
            while k > 0 && (chars[k - 1].is_ascii_alphabetic() || chars[k - 1] == '-') {
                k -= 1;
            }
            if k == word_end {
                return false;
            }
            let word: String = chars[k..word_end].iter().collect();
            if self.lexicon.document.endings_en.ends_at(chars, word_end)
                && self.lexicon.document.endings_en.longest_before(chars, word_end) == Some(word_end - k)
            {
                return true;
            }
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) && !small.contains(&word) {
                return false;
            }
            if k == 0 || chars[k - 1] != ' ' {
                return false;
            }
            k -= 1;
        }
    }
}

/// Whether `at` is inside a quoted English name: a quotation that starts with a capital letter
/// and holds no comma or sentence mark (the "Science and Technology Innovation Yongjiang 2035"
/// project, the "Action Plan … (2025-2030)"); its years belong to the name.
fn inside_quoted_name_en(chars: &[char], at: usize) -> bool {
    let open = chars[..at].iter().rposition(|c| matches!(c, '"' | '“'));
    let Some(open) = open else { return false };
    // An odd count of straight quotes before `at` means `open` opens one.
    if chars[open] == '"' && chars[..at].iter().filter(|&&c| c == '"').count() % 2 == 0 {
        return false;
    }
    if chars[open + 1..at].contains(&'”') {
        return false;
    }
    let Some(close) = chars[at..].iter().position(|c| matches!(c, '"' | '”')).map(|p| at + p) else {
        return false;
    };
    let inner = &chars[open + 1..close];
    inner.first().is_some_and(char::is_ascii_uppercase)
        && !inner.iter().any(|c| matches!(c, ',' | '.' | ';' | '!' | '?' | ':'))
        && inner.iter().all(|c| c.is_ascii())
}

impl ArticleState {
    fn with_town_county(mut self, found: &[Found]) -> ArticleState {
        self.town_county = self.context.county.or_else(|| {
            let mut counties = found
                .iter()
                .flat_map(|f| f.mentions.iter())
                .filter_map(|m| match m.target {
                    Target::County { index, .. } => Some(index),
                    _ => None,
                });
            let first = counties.next()?;
            counties.all(|c| c == first).then_some(first)
        });
        self
    }
}

/// The bare names of the towns an article names with their suffix, folded, longest first.
fn town_names(found: &[Found]) -> Vec<Vec<char>> {
    let mut names: Vec<Vec<char>> = found
        .iter()
        .flat_map(|f| {
            f.towns.iter().filter(|t| t.settlement).map(|t| {
                f.chars[t.start..t.name_end]
                    .iter()
                    .map(|&c| crate::text::script::fold_char_cached(c))
                    .collect()
            })
        })
        .collect();
    names.sort_by(|a: &Vec<char>, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn names(cities: &[ArcStr]) -> Vec<&str> {
        cities.iter().map(|c| &**c).collect()
    }

    struct Fixture {
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        glossary: Glossary,
    }

    fn fixture() -> Fixture {
        Fixture {
            gazetteer: Gazetteer::embedded().unwrap(),
            lexicon: Lexicon::embedded().unwrap(),
            glossary: Glossary::embedded().unwrap(),
        }
    }

    fn annotate(text: &str) -> AnnotatedSeed {
        let f = fixture();
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &f.lexicon).unwrap();
        Annotator {
            gazetteer: &f.gazetteer,
            lexicon: &f.lexicon,
            glossary: &f.glossary,
        }
        .annotate(seed)
    }

    #[test]
    fn repeated_annotation_strings_share_one_copy() {
        let seed = annotate("题\n寧波、溫州和寧波。\n寧波再次出現。");
        let ningbo: Vec<&ArcStr> = seed
            .paragraphs
            .iter()
            .flat_map(|p| &p.annotations)
            .filter(|a| &*a.value == "ningbo")
            .map(|a| &a.text)
            .collect();
        assert_eq!(ningbo.len(), 3);
        assert!(ningbo.iter().all(|t| ArcStr::ptr_eq(t, ningbo[0])));
        assert!(!ArcStr::ptr_eq(&intern("溫州"), &intern("温州")));
    }

    fn spans(p: &AnnotatedParagraph, kind: Kind) -> Vec<String> {
        p.annotations
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.text.to_string())
            .collect()
    }

    #[test]
    fn precedence_keeps_title_digits_out_of_dates_and_figures() {
        let seed = annotate("题\n根據《2024年浙江省人工智能產業發展報告》,2024年全省產值突破5700億元。");
        let p = &seed.paragraphs[0];
        assert_eq!(spans(p, Kind::Document), ["2024年浙江省人工智能產業發展報告"]);
        assert_eq!(spans(p, Kind::Date), ["2024年"]);
        assert_eq!(spans(p, Kind::Figure), ["5700億元"]);
        assert_eq!(
            &*p.annotations.iter().find(|a| a.kind == Kind::Document).unwrap().value,
            "zhejiang-ai-industry-report-2024"
        );
    }

    #[test]
    fn towns_without_their_county_are_in_the_one_county_the_article_names() {
        for text in [
            "题\n从诸暨高铁站向西南开车,便是的大唐镇。\n如今的大唐镇,与草塔镇连成一片,共有安华、五泄、暨阳等12个镇乡。",
            "題\n從諸暨高鐵站向西南開車,便是的大唐鎮。\n如今的大唐鎮,與草塔鎮連成一片,共有安華、五洩、暨陽等12個鎮鄉。",
        ] {
            let seed = annotate(text);
            let p = &seed.paragraphs[1];
            assert_eq!(names(&p.cities), ["shaoxing"], "{text}");
            assert_eq!(spans(p, Kind::Place).len(), 5, "{text}");
        }
        // Two counties named: a town written without one is in neither.
        let seed = annotate("题\n诸暨和温岭都有特色产业。\n如今的大唐镇,袜业发达。");
        assert!(seed.paragraphs[1].cities.is_empty());
    }

    #[test]
    fn years_in_english_plan_names_and_quoted_names_are_not_dates() {
        let seed = annotate(
            "Title\nAction Plan for the Development of Artificial Intelligence in Ningbo City (2025-2030)\n\
             The city issued the \"Action Plan for Artificial Intelligence in Ningbo City (2025-2030)\". \
             By 2027, the industry will reach 120 billion yuan, and the \"Science Innovation Yongjiang 2035\" \
             project supports 20 projects. In 2030, it will reach 180 billion yuan.\n\
             \"By 2027, we will double it,\" he said. The Plan (2025-2030) and the survey (2025-2030) differ.",
        );
        let dates: Vec<Vec<String>> = seed.paragraphs.iter().map(|p| spans(p, Kind::Date)).collect();
        assert!(dates[0].is_empty(), "{dates:?}");
        assert_eq!(dates[1], ["2027", "2030"]);
        // Quoted speech keeps its dates; a period after a word that names no plan is a date.
        assert_eq!(dates[2], ["2027", "2025-2030"]);
    }

    #[test]
    fn offsets_slice_the_text() {
        let seed = annotate("题\n5月14日,寧波舉行全市“人工智能+制造”現場會,超600家企業參加。");
        for p in &seed.paragraphs {
            let chars: Vec<char> = p.text.chars().collect();
            for a in &p.annotations {
                assert_eq!(chars[a.start()..a.end()].iter().collect::<String>(), *a.text);
            }
        }
    }

    #[test]
    fn without_metadata_dates_keep_no_year() {
        // Other years in the text do not date 今年 or a month-day (自2022年落户…以来).
        for text in [
            "题\n自2022年落户嘉兴以来,企业发展迅速。\n今年,嘉兴新增企业30家;9月16日,宁波举行现场会。",
            "題\n自2022年落戶嘉興以來,企業發展迅速。\n今年,嘉興新增企業30家;9月16日,寧波舉行現場會。",
        ] {
            let seed = annotate(text);
            assert_eq!((seed.year, seed.year_source), (None, YearSource::Unknown));
            let dates: Vec<(&str, &str, Option<i8>)> = seed.paragraphs[1]
                .annotations
                .iter()
                .filter(|a| a.kind == Kind::Date)
                .map(|a| (&*a.value, a.about.map_or("", About::as_str), a.relative))
                .collect();
            assert_eq!(dates, [("--", "jiaxing", Some(0)), ("--09-16", "ningbo", None)]);
        }
    }

    #[test]
    fn an_explicit_anchor_in_the_sentence_dates_a_month_day() {
        let seed = annotate("题\n2024年10月,杭州发布新政,11月5日又出台细则。\n11月6日,宁波跟进。");
        let values: Vec<(&str, bool)> = seed
            .paragraphs
            .iter()
            .flat_map(|p| &p.annotations)
            .filter(|a| a.kind == Kind::Date)
            .map(|a| (&*a.value, a.inferred))
            .collect();
        assert_eq!(values, [("2024-10", false), ("2024-11-05", true), ("--11-06", false)]);
        let seed = annotate("题\n今年(2025年)是收官之年。");
        assert_eq!(&*seed.paragraphs[0].annotations[0].value, "2025");
    }

    #[test]
    fn metadata_year_wins_and_is_not_inferred() {
        let f = fixture();
        let md = "+++\ndate = \"2023-06-01\"\npublisher = \"温州日报\"\n+++\n\n5月17日,我市举办大会。2025年将继续。\n";
        let seed = crate::ingest::parse(Path::new("seeds/m.md"), md.as_bytes(), &f.lexicon).unwrap();
        let seed = Annotator {
            gazetteer: &f.gazetteer,
            lexicon: &f.lexicon,
            glossary: &f.glossary,
        }
        .annotate(seed);
        let p = &seed.paragraphs[0];
        assert_eq!(&*p.annotations[0].value, "2023-05-17");
        assert!(!p.annotations[0].inferred);
        assert_eq!(names(&p.cities), ["wenzhou"]);
    }

    #[test]
    fn same_document_same_id_across_scripts_and_short_names() {
        let seed = annotate(
            "题\n印发《杭州市人工智能产业发展实施方案》(以下简称《实施方案》)。\n《實施方案》提出,《杭州市人工智能產業發展實施方案》要求。",
        );
        let ids: Vec<String> = seed
            .paragraphs
            .iter()
            .flat_map(|p| &p.annotations)
            .filter(|a| a.kind == Kind::Document)
            .map(|a| a.value.to_string())
            .collect();
        assert_eq!(ids.len(), 4);
        assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    }

    #[test]
    fn a_government_document_knows_its_issuer_and_its_own_id() {
        for text in [
            "关于支持人工智能创新发展的若干措施\n为贯彻落实《关于支持人工智能创新发展的若干措施》,制定以下措施。\n舟山市人民政府\n2025年3月5日",
            "關於支持人工智能創新發展的若干措施\n為貫徹落實《關於支持人工智能創新發展的若干措施》,制定以下措施。\n舟山市人民政府\n2025年3月5日",
        ] {
            let seed = annotate(text);
            assert_eq!(seed.issuer, About::city("zhoushan"));
            let own = seed.document.clone().unwrap();
            assert!(own.starts_with("zhou-shan-"), "{own}");
            // The body cites the province's measures of the same name: not the seed's own.
            let cited = seed.paragraphs[0]
                .annotations
                .iter()
                .find(|a| a.kind == Kind::Document)
                .unwrap();
            assert_eq!(&*cited.value, "zhejiang-ai-innovation-measures");
        }
        let seed = annotate("舟山出台人工智能新政\n舟山市人民政府印发新政。");
        assert_eq!((seed.issuer, seed.document), (None, None));
    }

    #[test]
    fn the_issuing_clause_gives_a_title_its_issuer() {
        for text in [
            "舟山市人民政府关于印发支持人工智能创新发展若干措施的通知\n各县(区)人民政府:\n现将《关于支持人工智能创新发展的若干措施》印发给你们,请认真贯彻执行。\n舟山市人民政府",
            "舟山市人民政府關於印發支持人工智能創新發展若干措施的通知\n各縣(區)人民政府:\n現將《關於支持人工智能創新發展的若干措施》印發給你們,請認真貫徹執行。\n舟山市人民政府",
            "关于印发支持人工智能创新发展若干措施的通知\n各县(区)人民政府:\n《关于支持人工智能创新发展的若干措施》已经市政府同意,现印发给你们。\n舟山市人民政府",
        ] {
            let seed = annotate(text);
            let issued = seed.paragraphs[1]
                .annotations
                .iter()
                .find(|a| a.kind == Kind::Document)
                .unwrap();
            // Not the province's measures of the same title: the city's own.
            assert_ne!(&*issued.value, "zhejiang-ai-innovation-measures", "{text}");
            assert!(issued.value.starts_with("zhou-shan-"), "{}", issued.value);
            assert_eq!(issued.about, About::city("zhoushan"));
        }
    }

    #[test]
    fn this_document_is_the_seed_not_another_of_its_title() {
        for text in [
            "关于支持人工智能创新发展的若干措施\n一、本《关于支持人工智能创新发展的若干措施》自发布之日起施行。\n舟山市人民政府",
            "關於支持人工智能創新發展的若干措施\n一、本《關於支持人工智能創新發展的若干措施》自發布之日起施行。\n舟山市人民政府",
        ] {
            let seed = annotate(text);
            let this = seed.paragraphs[0]
                .annotations
                .iter()
                .find(|a| a.kind == Kind::Document)
                .unwrap();
            assert_eq!(Some(&*this.value), seed.document.as_deref(), "{text}");
            assert_eq!(this.about, About::city("zhoushan"));
        }
        // Japan's act of a title is not the document being read.
        let seed = annotate("关于支持人工智能创新发展的若干措施\n参考日本《人工智能促进法》。\n舟山市人民政府");
        let cited = seed.paragraphs[0]
            .annotations
            .iter()
            .find(|a| a.kind == Kind::Document)
            .unwrap();
        assert_ne!(cited.about, About::city("zhoushan"));
    }

    #[test]
    fn terms_have_one_id_in_both_scripts() {
        let seed = annotate("题\n溫州搶佔“人工智能+數據安全”賽道。\n温州抢占“人工智能+数据安全”赛道。");
        let ids: Vec<&str> = seed
            .paragraphs
            .iter()
            .map(|p| {
                p.annotations
                    .iter()
                    .find(|a| a.kind == Kind::Term)
                    .unwrap()
                    .value
                    .as_ref()
            })
            .collect();
        assert_eq!(ids, ["ai-plus-data-security", "ai-plus-data-security"]);
    }

    #[test]
    fn continuation_inherits_and_traps_hold() {
        let seed = annotate("题\n寧波擁有單項冠軍企業104家。\n背后的原因,並不難理解。\n環杭州灣地區和天台上的風景。");
        assert_eq!(names(&seed.paragraphs[1].cities), ["ningbo"]);
        assert!(seed.paragraphs[1].cities_inherited);
        assert!(seed.paragraphs[2].cities.is_empty());
        assert_eq!(spans(&seed.paragraphs[2], Kind::Place), ["杭州灣"]);
    }

    #[test]
    fn county_places_name_their_prefecture() {
        let seed = annotate("题\n台州持續推動位於黃岩的浙東南智算中心建設。");
        let p = &seed.paragraphs[0];
        let place = p.annotations.iter().find(|a| a.kind == Kind::Place).unwrap();
        assert_eq!((&*place.text, &*place.value), ("黃岩", "taizhou/huangyan-district"));
        assert_eq!(spans(p, Kind::Org), ["浙東南智算中心"]);
        assert_eq!(names(&p.cities), ["taizhou"]);
    }

    #[test]
    fn a_county_named_in_full_makes_its_bare_name_a_place() {
        for text in [
            "题\n金东区持续布局人工智能。\n为金东注入强劲动能。",
            "題\n金東區持續布局人工智能。\n為金東注入強勁動能。",
            "Title\nBinjiang District hosts the expo.\nBinjiang also builds robots.",
        ] {
            let seed = annotate(text);
            assert_eq!(spans(&seed.paragraphs[1], Kind::Place).len(), 1, "{text}");
            assert_eq!(seed.paragraphs[1].cities.len(), 1, "{text}");
        }
        // Without the full name, the bare word is no place.
        assert!(annotate("题\n为金东注入强劲动能。").paragraphs[0].cities.is_empty());
        assert!(
            annotate("Title\nBinjiang also builds robots.").paragraphs[0]
                .cities
                .is_empty()
        );
    }

    #[test]
    fn places_inside_organisations_and_region_prefixes() {
        for text in [
            "题\n鄞州區人工智能創新發展聯盟揭牌成立。",
            "题\n鄞州区人工智能创新发展联盟揭牌成立。",
        ] {
            let p = &annotate(text).paragraphs[0];
            assert_eq!(spans(p, Kind::Place).len(), 1);
            assert_eq!(spans(p, Kind::Org).len(), 1);
            assert_eq!(names(&p.cities), ["ningbo"]);
        }
        let p = &annotate("题\n金华市婺城区人民政府").paragraphs[0];
        assert_eq!(spans(p, Kind::Place), ["婺城区"]);
        assert_eq!(spans(p, Kind::Org), ["人民政府"]);
        // A city's organ stays whole.
        assert_eq!(
            spans(&annotate("题\n温州市数据局挂牌。").paragraphs[0], Kind::Org),
            ["温州市数据局"]
        );
        // 浙中 and "central Zhejiang" say where, but are not places of their own.
        let p = &annotate("题\n全力配合金华市推进浙中人工智能发展。").paragraphs[0];
        assert!(spans(p, Kind::Place).is_empty());
        let p = &annotate("Title\nFirms in central Zhejiang grow.").paragraphs[0];
        assert!(spans(p, Kind::Place).is_empty());
    }

    fn article_cities(seed: &AnnotatedSeed) -> Vec<Option<&str>> {
        seed.paragraphs.iter().map(|p| p.article_city.as_deref()).collect()
    }

    #[test]
    fn paragraphs_follow_the_article_s_city() {
        for text in [
            "关于支持人工智能创新发展的若干措施\n各县(区)人民政府:\n一、加大要素支持\n对新引进的企业给予最高500万元奖励。\n全省人工智能产业营收突破5700亿元。\n舟山市人民政府",
            "關於支持人工智能創新發展的若干措施\n各縣(區)人民政府:\n一、加大要素支持\n對新引進的企業給予最高500萬元獎勵。\n全省人工智能產業營收突破5700億元。\n舟山市人民政府",
        ] {
            let seed = annotate(text);
            // A heading and a clause name nothing: the city's; a province-wide figure is not.
            assert_eq!(
                article_cities(&seed),
                [Some("zhoushan"), Some("zhoushan"), Some("zhoushan"), None, None],
                "{text}"
            );
            assert!(seed.paragraphs[..3].iter().all(|p| p.cities.is_empty()));
        }
        // An English county story: its paragraphs are its prefecture's.
        let seed = annotate(
            "Deqing reviews its decade\nHuzhou's Deqing county has detailed its achievements.\nThe county leads in labs.\nSix cases were selected.\n\"We will go on,\" said the Party chief of Deqing.",
        );
        assert_eq!(article_cities(&seed), [None, Some("huzhou"), Some("huzhou"), None]);
        // An article about two cities has no city of its own.
        let seed = annotate("杭甬双城记\n杭州和宁波签署协议。\n双方将加强合作。");
        assert_eq!(article_cities(&seed), [None, None]);
    }

    #[test]
    fn a_national_word_in_a_city_s_story_is_no_other_subject() {
        for text in [
            "舟山港口观察\n舟山港今年新增泊位。\n锚定国家战略,放大海港优势。\n舟山新建码头3座。\n与上海合作建设航运中心。",
            "舟山港口觀察\n舟山港今年新增泊位。\n錨定國家戰略,放大海港優勢。\n舟山新建碼頭3座。\n與上海合作建設航運中心。",
            "Zhoushan's port\nZhoushan added berths this year.\nThe national strategy guides the port.\nZhoushan built 3 docks.\nShanghai and the port signed a deal.",
        ] {
            let seed = annotate(text);
            // A national level or description is the city's story; a place outside the province
            // is another subject.
            assert_eq!(article_cities(&seed), [None, Some("zhoushan"), None, None], "{text}");
        }
        // A national claim in the city's story stays off its page.
        let seed = annotate("舟山港口观察\n舟山港今年新增泊位。\n全国人工智能企业超过4500家。\n舟山新建码头3座。");
        assert_eq!(article_cities(&seed), [None, None, None]);
    }

    fn figure_subjects(p: &AnnotatedParagraph) -> Vec<(String, Option<String>, Option<String>)> {
        p.annotations
            .iter()
            .filter(|a| a.kind == Kind::Figure)
            .map(|a| {
                (
                    a.text.to_string(),
                    a.about.map(|about| about.as_str().to_string()),
                    a.county().map(str::to_string),
                )
            })
            .collect()
    }

    #[test]
    fn a_county_s_figure_is_its_prefecture_s_and_names_the_county() {
        let own = |text: &str, county: Option<&str>| {
            (
                text.to_string(),
                Some("taizhou".to_string()),
                county.map(str::to_string),
            )
        };
        for (text, county_figure, city_figure) in [
            (
                "题\n2024年,温岭市地区生产总值突破1500亿元,台州全市达到6000亿元。",
                "1500亿元",
                "6000亿元",
            ),
            (
                "題\n2024年,溫嶺市地區生產總值突破1500億元,台州全市達到6000億元。",
                "1500億元",
                "6000億元",
            ),
        ] {
            let seed = annotate(text);
            // The city named after the county takes the claims back.
            assert_eq!(
                figure_subjects(&seed.paragraphs[0]),
                [own(county_figure, Some("taizhou/wenling-city")), own(city_figure, None)]
            );
        }
        // English: a county named before the figure, in its sentence or its paragraph.
        let seed = annotate(
            "Title
Wenling's GDP grew by 7.3 percent. It reached 150 billion yuan.",
        );
        assert_eq!(
            figure_subjects(&seed.paragraphs[0]),
            [
                own("7.3 percent", Some("taizhou/wenling-city")),
                own("150 billion yuan", Some("taizhou/wenling-city"))
            ]
        );
        // A city that only says where the county lies keeps the county.
        let seed = annotate("Title\nIn Wenling, a county-level city in Taizhou, output rose 12 percent.");
        assert_eq!(
            figure_subjects(&seed.paragraphs[0]),
            [own("12 percent", Some("taizhou/wenling-city"))]
        );
        // Two counties of the city: the claim is the city's, with no county.
        let seed = annotate("题\n温岭、玉环两地新增企业120家。");
        assert_eq!(figure_subjects(&seed.paragraphs[0]), [own("120家", None)]);

        // A paragraph that names no place speaks of the county its article's title names: a
        // county's own work report, plan or English story, in both scripts.
        for (text, figure) in [
            (
                "温岭市2025年政府工作报告\n2024年,全市实现地区生产总值1417亿元。",
                "1417亿元",
            ),
            (
                "溫嶺市2025年政府工作報告\n2024年,全市實現地區生產總值1417億元。",
                "1417億元",
            ),
            (
                "Wenling posts solid growth\nThe GDP reached 141.7 billion yuan last year.",
                "141.7 billion yuan",
            ),
        ] {
            let seed = annotate(text);
            assert_eq!(
                figure_subjects(&seed.paragraphs[0]),
                [own(figure, Some("taizhou/wenling-city"))],
                "{text}"
            );
        }
        // The city named in the paragraph, or a title naming two places, keeps it the city's.
        let seed = annotate("温岭市2025年政府工作报告\n台州全市新增企业120家。");
        assert_eq!(figure_subjects(&seed.paragraphs[0]), [own("120家", None)]);
        let seed = annotate("温岭市、玉环市联合报告\n新增企业120家。");
        assert!(
            figure_subjects(&seed.paragraphs[0])
                .iter()
                .all(|(_, _, county)| county.is_none())
        );
    }

    #[test]
    fn respectively_pairs_places_and_figures_in_order() {
        let about = |p: &AnnotatedParagraph| -> Vec<(String, String)> {
            figure_subjects(p)
                .into_iter()
                .map(|(t, a, _)| (t, a.unwrap_or_default()))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter().map(|(t, a)| (t.to_string(), a.to_string())).collect()
        };
        let seed = annotate("题\n全省增长8.5%,其中杭州、宁波分别增长10.2%和9.1%,总量分别为3000亿元、2000亿元。");
        assert_eq!(
            about(&seed.paragraphs[0]),
            pairs(&[
                ("8.5%", "zhejiang"),
                ("10.2%", "hangzhou"),
                ("9.1%", "ningbo"),
                ("3000亿元", "hangzhou"),
                ("2000亿元", "ningbo")
            ])
        );
        let seed = annotate("題\n全省增長8.5%,其中杭州、寧波分別增長10.2%和9.1%。");
        assert_eq!(
            about(&seed.paragraphs[0]),
            pairs(&[("8.5%", "zhejiang"), ("10.2%", "hangzhou"), ("9.1%", "ningbo")])
        );
        let seed = annotate("Title\nHangzhou and Ningbo grew by 10.2 percent and 9.1 percent, respectively.");
        assert_eq!(
            about(&seed.paragraphs[0]),
            pairs(&[("10.2 percent", "hangzhou"), ("9.1 percent", "ningbo")])
        );
        // Lists of different lengths are not paired: the clause model credits them.
        let seed = annotate("题\n杭州、宁波、温州分别增长10.2%和9.1%。");
        assert_ne!(about(&seed.paragraphs[0])[1].1, "ningbo");
    }

    #[test]
    fn port_is_a_place_of_two_cities() {
        let seed = annotate("题\n據了解,寧波舟山港2024年完成貨物吞吐量13.77億噸。");
        let p = &seed.paragraphs[0];
        assert_eq!(spans(p, Kind::Place), ["寧波舟山港"], "{:?}", p.annotations);
        assert_eq!(names(&p.cities), ["ningbo", "zhoushan"]);
    }

    #[test]
    fn english_seed() {
        let seed =
            annotate("Title\nOn May 17, 2025, Wenzhou hosted a data-security conference; Hangzhou sent 600 companies.");
        let p = &seed.paragraphs[0];
        assert_eq!(names(&p.cities), ["wenzhou", "hangzhou"]);
        assert_eq!(spans(p, Kind::Date), ["May 17, 2025"]);
    }

    #[test]
    fn annotations_stay_small() {
        // A 10,000-seed corpus holds ~720,000 of them for the whole build.
        assert!(
            std::mem::size_of::<Annotation>() <= 48,
            "{}",
            std::mem::size_of::<Annotation>()
        );
    }
}
