//! What annotation makes: the kinds of annotation, one annotation (a span and what it means),
//! a paragraph with its annotations and cities, and a seed with its paragraphs. Every later
//! stage reads these; they are built here and in [`super::Annotator`] only.

use super::About;
use super::intern::intern;
use crate::ingest::Seed;
use arcstr::ArcStr;

/// Declares [`Kind`] with the spelling of each kind, so that its name and its parsing come from
/// one list: a new kind is spelled, and read back, as soon as it is declared.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident = $name:literal,)*) => {
        /// The kinds of annotation, in the export's spelling.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// The kind's name in the export and in annotated Markdown (`city`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name,)*
                }
            }

            /// The kind named `name`.
            pub fn parse(name: &str) -> Option<Kind> {
                match name {
                    $($name => Some(Kind::$kind),)*
                    _ => None,
                }
            }
        }
    };
}

kinds! {
    /// One of Zhejiang's 11 prefecture-level cities.
    City = "city",
    /// A county, district or other place (inside a city, in the province, or outside it).
    Place = "place",
    Date = "date",
    /// A number with its unit and qualifiers (超600家).
    Figure = "figure",
    /// A policy document's 《title》.
    Document = "document",
    /// A quoted term, slogan or glossary term.
    Term = "term",
    /// An organisation or facility.
    Org = "org",
}

/// One span of a paragraph and what it means. Offsets are in chars, end exclusive.
///
/// A large corpus holds close to a million of these until the build ends, so the common case
/// is kept small (48 bytes): offsets as `u32`, interned single-pointer strings (`ArcStr`, half
/// an `Arc<str>`), what a claim is about in two bytes, and what only figures, places and
/// organisations carry boxed in [`Details`].
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Annotation {
    pub kind: Kind,
    /// The annotation's strings are interned ([`intern`]): a corpus repeats the same city names,
    /// terms, labels and units hundreds of thousands of times.
    pub text: ArcStr,
    start: u32,
    end: u32,
    /// City id, ISO date, term or document id, `<number> <unit>` for a figure, place id.
    pub value: ArcStr,
    /// A date whose year was not written but read from another date in the same sentence.
    pub inferred: bool,
    /// A date written relative to the publication year (今年 0, 去年 -1, 明年 1).
    pub relative: Option<i8>,
    /// For figures, dates and documents: what the claim is about.
    pub about: Option<About>,
    details: Option<Box<Details>>,
    /// A readable name for the value (English place name, glossary label).
    pub label: Option<ArcStr>,
}

/// What only some annotations carry.
#[derive(Debug, Clone, Default, PartialEq)]
struct Details {
    /// A figure's value in its unit.
    number: Option<f64>,
    unit: Option<ArcStr>,
    /// For places and organisations: the prefectures they belong to.
    cities: Box<[ArcStr]>,
    /// For a figure credited to a prefecture for one of its counties (温岭's GDP is Taizhou's):
    /// the county's place id (`taizhou/wenling`).
    county: Option<ArcStr>,
}

/// Hashed by the bits of its number: a figure's value is never NaN (it is read from digits),
/// and `serve` only compares hashes made in one process.
impl std::hash::Hash for Details {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.number.map(f64::to_bits).hash(state);
        self.unit.hash(state);
        self.cities.hash(state);
        self.county.hash(state);
    }
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
            relative: None,
            about: None,
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

    /// For a figure about a county: the county's place id (`taizhou/wenling`); `about` stays
    /// its prefecture.
    pub fn county(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.county.as_deref())
    }

    pub(super) fn with_county(mut self, county: Option<&str>) -> Annotation {
        self.set_county(county);
        self
    }

    pub(super) fn set_county(&mut self, county: Option<&str>) {
        match (county, self.details.as_mut()) {
            (Some(county), _) => self.details.get_or_insert_with(Default::default).county = Some(intern(county)),
            (None, Some(d)) => d.county = None,
            (None, None) => {}
        }
    }

    pub(super) fn with_figure(mut self, number: f64, unit: &str) -> Annotation {
        let details = self.details.get_or_insert_with(Default::default);
        details.number = Some(number);
        details.unit = Some(intern(unit));
        self
    }

    pub(super) fn with_cities<S: AsRef<str>>(mut self, cities: impl IntoIterator<Item = S>) -> Annotation {
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

/// A paragraph with its annotations and cities. Held for the whole build, one per paragraph of
/// the corpus, so its parts are boxed slices (no spare capacity, no capacity field).
#[derive(Debug, Clone, Hash)]
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
    /// The city of its article (its issuer, the city it is about, or its city paper's when it
    /// says 我市), for a paragraph that names no city and no other subject (a quotation, a
    /// caption, a document's clause): the paragraph is on that city's page. Never set when
    /// `cities` is not empty; `cities` stays what the paragraph itself names.
    pub article_city: Option<ArcStr>,
    /// Equal for re-published copies of the paragraph ([`crate::text::script::copy_key`]).
    pub copy_key: u64,
}

impl AnnotatedParagraph {
    /// The cities whose pages show the paragraph: those it names, else its article's city.
    pub fn page_cities(&self) -> impl Iterator<Item = &ArcStr> {
        self.cities.iter().chain(self.article_city.iter())
    }
}

/// Where a seed's year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearSource {
    /// The seed's metadata (front matter, a sidecar, or a date line in the text) gives its date.
    Metadata,
    /// The date was read from the address of the seed's source (…/2025/0604/…).
    Url,
    /// No publication date: dates without a year stay without one (`--05-14`).
    Unknown,
}

/// A seed after annotation.
#[derive(Debug, Clone)]
pub struct AnnotatedSeed {
    /// The seed as read, without its paragraphs (`paragraphs` below has them, annotated).
    pub seed: Seed,
    pub year: Option<i32>,
    pub year_source: YearSource,
    /// The city whose paper or government published the seed, if any.
    pub home_city: Option<String>,
    /// For a government document: where its issuer is (its signature line or its title).
    pub issuer: Option<About>,
    /// The id of the document the seed itself is, when its title is a policy document's title
    /// with a known issuer (关于支持人工智能创新发展的若干措施, signed 舟山市人民政府): what a city
    /// page can list as the city's own document. Later mentions of that title in the body are not
    /// taken to be this document unless they say so (a city's measures may cite the province's
    /// measures of the same name).
    pub document: Option<String>,
    pub paragraphs: Vec<AnnotatedParagraph>,
}
