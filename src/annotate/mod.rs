//! Stage 2 — annotate: find dates, figures, documents, terms, places and organisations in each
//! paragraph, and the cities each paragraph is about.
//!
//! Each kind has its own small module; this one runs them in order of precedence and keeps the
//! spans from overlapping: a document title claims its text first (numbers in a title are not
//! figures), then quoted terms, then dates (the digits of a date are not figures), then
//! organisations, figures, and finally place names. Nested finds that lose (a term quoted inside
//! a title) are kept as `nested` so that term pages still list them.

mod attribution;
mod dates;
mod documents;
mod figures;
mod numerals;
mod orgs;
mod terms;
pub mod title;

pub use dates::FoundDate;
pub use figures::format_number;

use crate::ingest::{Paragraph, Seed};
use crate::knowledge::gazetteer::{Gazetteer, Mention, Target};
use crate::knowledge::glossary::Glossary;
use crate::knowledge::lexicon::Lexicon;
use crate::text::script;
use crate::text::slug::slug;
use arcstr::ArcStr;
use serde::Serialize;
use std::borrow::Cow;

/// The kinds of annotation, in the export's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    City,
    Place,
    Date,
    Figure,
    Document,
    Term,
    Org,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::City,
        Kind::Place,
        Kind::Date,
        Kind::Figure,
        Kind::Document,
        Kind::Term,
        Kind::Org,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Figure => "figure",
            Kind::Document => "document",
            Kind::Term => "term",
            Kind::Org => "org",
        }
    }
}

/// One span of a paragraph and what it means. Offsets are in chars, end exclusive.
///
/// A large corpus holds close to a million of these until the build ends, so the common case
/// is kept small (48 bytes): offsets as `u32`, interned single-pointer strings (`ArcStr`, half
/// an `Arc<str>`), and what only figures, places and organisations carry boxed in [`Details`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    pub kind: Kind,
    /// The annotation's strings are interned ([`intern`]): a corpus repeats the same city names,
    /// terms, labels and units hundreds of thousands of times.
    pub text: ArcStr,
    start: u32,
    end: u32,
    /// City id, ISO date, term or document id, `<number> <unit>` for a figure, place id.
    pub value: ArcStr,
    /// A date whose year was not written but taken from the article.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(flatten)]
    details: Option<Box<Details>>,
    /// A readable name for the value (English place name, glossary label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<ArcStr>,
}

/// What only some annotations carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
struct Details {
    /// A figure's value in its unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<ArcStr>,
    /// For places and organisations: the prefectures they belong to.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    cities: Box<[ArcStr]>,
}

impl Annotation {
    /// Strings are borrowed: they are interned, so an owned copy would only be thrown away.
    pub fn new(kind: Kind, text: &str, start: usize, end: usize, value: &str, label: Option<&str>) -> Annotation {
        Annotation {
            kind,
            text: intern(text),
            start: offset(start),
            end: offset(end),
            value: intern(value),
            inferred: false,
            details: None,
            label: label.map(intern),
        }
    }

    /// First char of the span.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last char of the span.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// A figure's value in its unit.
    pub fn number(&self) -> Option<f64> {
        self.details.as_ref().and_then(|d| d.number)
    }

    /// A figure's unit.
    pub fn unit(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.unit.as_deref())
    }

    /// For places and organisations: the prefectures they belong to.
    pub fn cities(&self) -> &[ArcStr] {
        self.details.as_ref().map_or(&[], |d| &d.cities)
    }

    fn with_figure(mut self, number: f64, unit: &str) -> Annotation {
        let details = self.details.get_or_insert_with(Default::default);
        details.number = Some(number);
        details.unit = Some(intern(unit));
        self
    }

    fn with_cities<S: AsRef<str>>(mut self, cities: impl IntoIterator<Item = S>) -> Annotation {
        let cities: Box<[ArcStr]> = cities.into_iter().map(|c| intern(c.as_ref())).collect();
        if !cities.is_empty() {
            self.details.get_or_insert_with(Default::default).cities = cities;
        }
        self
    }
}

/// A char offset as stored: no paragraph comes near 4 billion chars (ingest splits text into
/// paragraphs), and saturating keeps an absurd one from wrapping around.
fn offset(chars: usize) -> u32 {
    u32::try_from(chars).unwrap_or(u32::MAX)
}

/// One shared copy of each distinct string, per thread (annotation runs on every core; a lock
/// would serialise it, and at most one copy per thread is kept).
pub fn intern(text: &str) -> ArcStr {
    thread_local! {
        static STRINGS: std::cell::RefCell<std::collections::HashSet<ArcStr>> = Default::default();
    }
    STRINGS.with(|strings| {
        let mut strings = strings.borrow_mut();
        if let Some(known) = strings.get(text) {
            return known.clone();
        }
        let new = ArcStr::from(text);
        strings.insert(new.clone());
        new
    })
}

/// A paragraph with its annotations and cities. Held for the whole build, one per paragraph of
/// the corpus, so its parts are boxed slices (no spare capacity, no capacity field).
#[derive(Debug, Clone, Serialize)]
pub struct AnnotatedParagraph {
    pub id: Box<str>,
    pub line: usize,
    pub text: Box<str>,
    /// Non-overlapping, sorted by start.
    pub annotations: Box<[Annotation]>,
    /// Terms and documents found inside other spans (‘人工智能+数据安全’ inside a quoted slogan).
    pub nested: Box<[Annotation]>,
    /// Prefecture ids the paragraph is about, in order of first mention (interned).
    pub cities: Box<[ArcStr]>,
    /// The cities came from the previous paragraph (the paragraph only continues it).
    pub cities_inherited: bool,
    /// Equal for re-published copies of the paragraph ([`crate::text::script::copy_key`]).
    #[serde(skip)]
    pub copy_key: u64,
}

/// Where a seed's year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearSource {
    /// The seed's metadata gives its date.
    Metadata,
    /// Read from the latest year the text names.
    Inferred,
    /// Neither: dates without a year stay without one.
    Unknown,
}

/// A seed after annotation.
#[derive(Debug, Clone, Serialize)]
pub struct AnnotatedSeed {
    /// The seed as read, without its paragraphs (`paragraphs` below has them, annotated).
    pub seed: Seed,
    pub year: Option<i32>,
    pub year_source: YearSource,
    /// The city whose paper or government published the seed, if any.
    pub home_city: Option<String>,
    pub paragraphs: Vec<AnnotatedParagraph>,
    /// Hashes of its parts, made the first time `serve` asks (a full build never does) and kept
    /// with the annotation, which `serve` reuses while the file is unchanged.
    #[serde(skip)]
    pub part_hashes: std::sync::OnceLock<SeedHashes>,
}

/// Hashes of an annotated seed and of the parts of it that pages read separately.
#[derive(Debug, Clone)]
pub struct SeedHashes {
    /// The whole seed: its metadata and every paragraph.
    pub whole: u64,
    /// Its metadata (id, file, title, bylines, dates' year) and paragraph count: what a page
    /// that only names or links the seed shows.
    pub head: u64,
    /// Each annotated paragraph.
    pub paragraphs: Vec<u64>,
}

impl AnnotatedSeed {
    pub fn part_hashes(&self) -> &SeedHashes {
        self.part_hashes.get_or_init(|| {
            let head = crate::text::hash::of_serialized(&(
                &self.seed,
                self.year,
                self.year_source,
                &self.home_city,
                self.paragraphs.len(),
            ));
            let paragraphs: Vec<u64> = self.paragraphs.iter().map(crate::text::hash::of_serialized).collect();
            SeedHashes {
                whole: crate::text::hash::of((head, &paragraphs)),
                head,
                paragraphs,
            }
        })
    }
}

/// A paragraph's annotations, and the place names found in it, from which the caller works
/// out the cities it is about (which may depend on the paragraph before it).
struct Resolved {
    /// Non-overlapping, sorted by start.
    annotations: Vec<Annotation>,
    nested: Vec<Annotation>,
    mentions: Vec<Mention>,
}

/// Runs every annotator with the curated knowledge it needs.
pub struct Annotator<'a> {
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    pub glossary: &'a Glossary,
}

/// What every paragraph yields before the article's year is known.
struct Found {
    chars: Vec<char>,
    mentions: Vec<Mention>,
    titles: Vec<documents::FoundTitle>,
    terms: Vec<terms::FoundTerm>,
    dates: Vec<FoundDate>,
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

    pub fn annotate(&self, mut seed: Seed) -> AnnotatedSeed {
        let found: Vec<Found> = seed.paragraphs.iter().map(|p| self.find(p)).collect();
        let (year, year_source) = match seed.meta.year() {
            Some(y) => (Some(y), YearSource::Metadata),
            None => match dates::infer_year(found.iter().flat_map(|f| f.dates.iter())) {
                Some(y) => (Some(y), YearSource::Inferred),
                None => (None, YearSource::Unknown),
            },
        };
        let home_city = attribution::home_city(self.gazetteer, seed.meta.publisher.as_deref());
        let mut documents = DocumentIds::default();
        let mut paragraphs: Vec<AnnotatedParagraph> = Vec::with_capacity(found.len());
        // The annotated paragraphs take over the text: a large corpus should not hold it twice.
        for (paragraph, found) in std::mem::take(&mut seed.paragraphs).into_iter().zip(found) {
            let Resolved {
                annotations,
                nested,
                mentions,
            } = self.resolve(&paragraph, found, year, year_source, &mut documents);
            let mut cities = attribution::named_cities(self.gazetteer, &mentions);
            if let Some(city) = attribution::this_city(&paragraph.text, home_city.as_deref(), self.lexicon)
                && !cities.contains(&city)
            {
                cities.push(city);
            }
            let mut cities: Box<[ArcStr]> = cities.iter().map(|c| intern(c)).collect();
            let mut cities_inherited = false;
            if cities.is_empty()
                && let Some(previous) = paragraphs.last()
                && attribution::continues_previous(&paragraph.text, &mentions, self.lexicon)
            {
                cities = previous.cities.clone();
                cities_inherited = !cities.is_empty();
            }
            paragraphs.push(AnnotatedParagraph {
                copy_key: crate::text::script::copy_key(&paragraph.text),
                id: paragraph.id.into_boxed_str(),
                line: paragraph.line,
                text: paragraph.text.into_boxed_str(),
                annotations: annotations.into_boxed_slice(),
                nested: nested.into_boxed_slice(),
                cities,
                cities_inherited,
            });
        }
        AnnotatedSeed {
            seed,
            year,
            year_source,
            home_city,
            paragraphs,
            part_hashes: Default::default(),
        }
    }

    fn find(&self, paragraph: &Paragraph) -> Found {
        let chars: Vec<char> = paragraph.text.chars().collect();
        let titles = documents::find(&chars);
        let title_spans: Vec<(usize, usize)> = titles.iter().map(|t| (t.start - 1, t.end + 1)).collect();
        let terms = terms::find(&chars, self.lexicon, &title_spans);
        let mut quoted = title_spans.clone();
        quoted.extend(terms.iter().map(|t| (t.start.saturating_sub(1), t.end + 1)));
        let dates = dates::find(&chars)
            .into_iter()
            .filter(|d| !overlaps_any(d.start, d.end, &quoted))
            .collect();
        let mentions = self.gazetteer.find(&paragraph.text);
        Found {
            chars,
            mentions,
            titles,
            terms,
            dates,
        }
    }

    /// Turns one paragraph's finds into non-overlapping annotations.
    fn resolve(
        &self,
        paragraph: &Paragraph,
        found: Found,
        year: Option<i32>,
        year_source: YearSource,
        documents: &mut DocumentIds,
    ) -> Resolved {
        let Found {
            chars,
            mentions,
            titles,
            terms,
            dates,
        } = found;
        let text_of = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
        let mut out: Vec<Annotation> = Vec::new();
        let mut nested: Vec<Annotation> = Vec::new();
        for title in &titles {
            let text = text_of(title.start, title.end);
            let id = documents.id_for(&text, title.short_name_of_previous, self.glossary);
            let label = self.glossary.document_by_id(&id).map(|d| d.title_en.as_str());
            out.push(Annotation::new(
                Kind::Document,
                &text,
                title.start,
                title.end,
                &id,
                label,
            ));
            // Quoted terms inside a title (《浙江省“人工智能+”行动计划》) are uses of the term too.
            for t in terms::find(&chars[title.start..title.end], self.lexicon, &[]) {
                let (s, e) = (title.start + t.start, title.start + t.end);
                nested.push(self.term_annotation(&text_of(s, e), s, e));
            }
        }
        // Titles and quotations may interleave in malformed text (「《(」》): the title wins.
        let titles_with_marks: Vec<(usize, usize)> = titles.iter().map(|t| (t.start - 1, t.end + 1)).collect();
        for term in &terms {
            let term_annotation = self.term_annotation(&text_of(term.start, term.end), term.start, term.end);
            if overlaps_any(term.start.saturating_sub(1), term.end + 1, &titles_with_marks) {
                nested.push(term_annotation);
                continue;
            }
            out.push(term_annotation);
            for &(s, e) in &term.nested {
                nested.push(self.term_annotation(&text_of(s, e), s, e));
            }
        }
        for date in &dates {
            let Some(value) = date.iso(year) else {
                continue;
            };
            let mut a = Annotation::new(
                Kind::Date,
                &text_of(date.start, date.end),
                date.start,
                date.end,
                &value,
                None,
            );
            a.inferred = date.needs_article_year() && year_source == YearSource::Inferred;
            out.push(a);
        }
        // The marks around titles and quoted terms belong to them; dates stand alone.
        let mut taken: Vec<(usize, usize)> = out
            .iter()
            .map(|a| match a.kind {
                Kind::Document | Kind::Term => (a.start().saturating_sub(1), a.end() + 1),
                _ => (a.start(), a.end()),
            })
            .collect();
        for org in orgs::find(&chars, &mentions, self.lexicon, &taken) {
            let text = text_of(org.start, org.end);
            let inside: Vec<Mention> = mentions
                .iter()
                .filter(|m| m.start >= org.start && m.end <= org.end)
                .copied()
                .collect();
            let a = Annotation::new(Kind::Org, &text, org.start, org.end, &slug(&text), None)
                .with_cities(attribution::named_cities(self.gazetteer, &inside));
            out.push(a);
            taken.push((org.start, org.end));
        }
        for figure in figures::find(&chars, self.lexicon, &taken) {
            let a = Annotation::new(
                Kind::Figure,
                &text_of(figure.start, figure.end),
                figure.start,
                figure.end,
                &figure.value(),
                None,
            )
            .with_figure(figure.number, &figure.unit);
            out.push(a);
            taken.push((figure.start, figure.end));
        }
        for (s, e, entry) in self.glossary.find_unquoted(&paragraph.text) {
            let a = Annotation::new(Kind::Term, &text_of(s, e), s, e, &entry.id, Some(&entry.label_en));
            if overlaps_any(s, e, &taken) {
                nested.push(a);
            } else {
                out.push(a);
                taken.push((s, e));
            }
        }
        let taken = mask(chars.len(), &taken);
        for m in &mentions {
            if (m.start..m.end).any(|i| taken[i]) {
                continue;
            }
            if let Some(a) = self.place_annotation(m, &text_of(m.start, m.end)) {
                out.push(a);
            }
        }
        out.sort_by_key(|a| (a.start, a.end));
        nested.sort_by_key(|a| (a.start, a.end));
        nested.dedup();
        Resolved {
            annotations: out,
            nested,
            mentions,
        }
    }

    fn term_annotation(&self, text: &str, start: usize, end: usize) -> Annotation {
        match self.glossary.term(text) {
            Some(entry) => Annotation::new(Kind::Term, text, start, end, &entry.id, Some(&entry.label_en)),
            None => Annotation::new(Kind::Term, text, start, end, &slug(text), None),
        }
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
                    Cow::Owned(format!("{}/{}", county.city, slug(&county.name_en))),
                    &county.name_en,
                )
            }
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

/// `mask[i]` is true when char `i` lies in one of `spans` (linear, however many spans there are).
fn mask(len: usize, spans: &[(usize, usize)]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for &(s, e) in spans {
        for slot in mask.iter_mut().take(e.min(len)).skip(s) {
            *slot = true;
        }
    }
    mask
}

/// Whether `word` stands in `chars` at `at`.
fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn overlaps_any(start: usize, end: usize, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

/// Gives every document one id across a seed: curated ids first, then short names (以下简称)
/// and later mentions by a part of the full title.
#[derive(Default)]
struct DocumentIds {
    /// (folded title, id) in order of first mention.
    seen: Vec<(String, String)>,
}

impl DocumentIds {
    fn id_for(&mut self, title: &str, short_of_previous: bool, glossary: &Glossary) -> String {
        let key = script::fold(title);
        let id = if let Some(entry) = glossary.document(title) {
            entry.id.clone()
        } else if let Some((_, id)) = self.seen.iter().find(|(k, _)| *k == key) {
            id.clone()
        } else if short_of_previous && let Some((_, id)) = self.seen.last() {
            id.clone()
        } else if let Some((_, id)) = self
            .seen
            .iter()
            .rev()
            .find(|(k, _)| key.chars().count() >= 4 && k.contains(&key))
        {
            id.clone()
        } else {
            slug(title)
        };
        self.seen.push((key, id.clone()));
        id
    }
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
    fn year_is_inferred_and_marked() {
        let seed = annotate("题\n2025年1月,杭州发布新政。\n5月14日,宁波举行现场会。");
        assert_eq!(seed.year, Some(2025));
        assert_eq!(seed.year_source, YearSource::Inferred);
        let date = &seed.paragraphs[1].annotations[0];
        assert_eq!((&*date.value, date.inferred), ("2025-05-14", true));
        assert!(!seed.paragraphs[0].annotations[0].inferred);
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
            std::mem::size_of::<Annotation>() <= 72,
            "{}",
            std::mem::size_of::<Annotation>()
        );
    }
}
