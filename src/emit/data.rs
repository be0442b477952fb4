//! The typed data each page's template lays out around its Markdown body. Templates display
//! these fields and compute nothing: every address is made here (by [`crate::urls`], as a path
//! from the site root that a template puts after its `root`), every count is counted here.

use super::human::Bilingual;
use crate::ingest::Meta;
use crate::knowledge::City;
use serde::{Serialize, Serializer};

/// A piece of annotated Markdown inside a page's data (a figure's sentence). The renderer
/// fills in its HTML; templates see only the HTML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fragment {
    pub markdown: String,
    pub html: String,
}

impl Fragment {
    pub fn new(markdown: String) -> Fragment {
        Fragment {
            markdown,
            html: String::new(),
        }
    }
}

impl Serialize for Fragment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.html)
    }
}

/// A code sample (the about page's), highlighted by the renderer.
#[derive(Debug, Clone, Serialize)]
pub struct CodeSample {
    /// What the sample is (a file name).
    pub title: String,
    /// Its language, by file extension (`md`, `json`).
    #[serde(skip)]
    pub lang: &'static str,
    #[serde(skip)]
    pub code: String,
    /// The highlighted HTML, filled in by the renderer.
    pub html: String,
}

/// A link to a city's page.
#[derive(Debug, Clone, Serialize)]
pub struct CityLink {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// A key figure: the figure as written, what it measures as a short label, whose, for when,
/// target or outcome, and its paragraph one tap away (never the paragraph itself).
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// The figure as written, qualifier and all (超200億元, 30多個).
    pub text: String,
    /// Its value for readers, in English, with what its qualifier says (more than ¥20 billion).
    pub value: Option<String>,
    /// What it measures (全市人工智能核心產業產值/營收).
    pub measure: String,
    /// The `lang` of the figure and its measure when not Chinese (`en`).
    pub lang: Option<&'static str>,
    /// Whose it is (湖州, 浙江全省), when the page is not already its subject's.
    pub subject: Option<String>,
    /// For when (2027年).
    pub when: Option<String>,
    /// `outcome`, `target`, `unknown`: its class on the page.
    pub status: &'static str,
    /// What the status is called (目標 Target), when known.
    pub status_label: Option<Bilingual>,
    /// The statement's id: the card a tap on the figure opens.
    pub statement: String,
    /// Its paragraph.
    pub source_url: String,
    /// How many other articles carry the same statement.
    pub copies: usize,
}

/// A dated statement in a list of events.
#[derive(Debug, Clone, Serialize)]
pub struct EventItem {
    /// The date as a reader reads it (2025年5月14日; 14 May 2025 in an English article).
    pub date: String,
    /// The `lang` of the date and the sentence when not the page's (`en`).
    pub lang: Option<&'static str>,
    /// The value a `<time datetime>` takes (the start of a range), when HTML has one for it.
    pub datetime: Option<String>,
    /// Its year, or `unknown`: what the year filter knows it by.
    pub year: String,
    /// When its year was taken from the article, or is not known at all: the note that says so.
    pub note: Option<Bilingual>,
    /// Whose it is, when the page is not already its subject's (浙江全省).
    pub subject: Option<String>,
    /// It is a target, not something that happened: the label that says so.
    pub target: Option<Bilingual>,
    /// What the date heads in its sentence.
    pub sentence: Fragment,
    pub source_url: String,
}

/// A bar of a chart, as SVG lengths out of 100: its size and where it starts (a column's
/// bar stands on the baseline, so it starts at `100 - size`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub size: String,
    pub offset: String,
}

impl Bar {
    /// A bar for `value` out of `highest`; a value above nothing still shows as a sliver.
    pub fn of(value: f64, highest: f64) -> Bar {
        let size = if highest > 0.0 && value > 0.0 {
            (value / highest * 100.0).clamp(1.0, 100.0)
        } else {
            0.0
        };
        let text = |x: f64| {
            let t = format!("{x:.1}");
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        Bar {
            size: text(size),
            offset: text(100.0 - size),
        }
    }
}

/// The timeline's heading, its axis of years (its own page) and the groups it leads to: every
/// year with its months (its own page), a year's months (a year's page); and on a group's page
/// the way up (the timeline, the year).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineData {
    pub heading: Bilingual,
    pub axis: Option<TimeAxis>,
    pub years: Vec<TimelineYear>,
    pub up: Vec<TimelineLink>,
}

/// A year of the timeline and its months.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineYear {
    pub label: String,
    pub url: String,
    /// How many events it has, months included (0: not shown).
    pub count: usize,
    pub months: Vec<TimelineLink>,
}

/// A page of the timeline (a group, the timeline itself), with how many events it has (0: not
/// shown).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineLink {
    pub label: String,
    pub url: String,
    pub count: usize,
}

/// How many dated statements each year has, as columns the reader can follow to the year.
#[derive(Debug, Clone, Serialize)]
pub struct TimeAxis {
    pub caption: Bilingual,
    pub columns: Vec<AxisColumn>,
}

/// A year on the axis (or a stretch of years without events, or the dates without a year).
#[derive(Debug, Clone, Serialize)]
pub struct AxisColumn {
    pub label: String,
    pub count: usize,
    /// Where its events start on the timeline, when it has any.
    pub url: Option<String>,
    pub bar: Bar,
    /// A stretch of years without events, drawn as one narrow column.
    pub gap: bool,
    /// The dates without a known year.
    pub unknown: bool,
}

/// A link to a term's page.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub text: String,
    pub label_en: Option<String>,
    pub url: String,
}

/// A link to a document's page.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentLink {
    pub title: String,
    pub url: String,
}

/// A city named in the same paragraphs as the page's city.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedCity {
    pub name: String,
    pub url: String,
    /// In how many paragraphs both are named.
    pub count: usize,
}

/// A city on the overview.
#[derive(Debug, Clone, Serialize)]
pub struct CityCard {
    pub name: String,
    pub name_hans: String,
    pub name_en: String,
    pub url: String,
    pub focus_zh: Option<String>,
    pub focus_en: Option<String>,
    /// How many paragraphs are about it (written out: 16 段報道).
    pub paragraphs: String,
    /// What it is doing, composed from its own material: its first own document, its best key
    /// figure, its latest event (never the first sentence that happens to name it).
    pub document: Option<DocumentLink>,
    pub figure: Option<KeyFigure>,
    pub event: Option<EventLine>,
    /// What each of those lines is (文件 Document, 數字 Figure, 最近 Latest).
    pub labels: CityCardLabels,
}

/// The words a city's card on the overview labels its lines with.
#[derive(Debug, Clone, Serialize)]
pub struct CityCardLabels {
    pub document: Bilingual,
    pub figure: Bilingual,
    pub event: Bilingual,
}

/// An event in one line of plain text: its date and the start of what it says.
#[derive(Debug, Clone, Serialize)]
pub struct EventLine {
    pub date: String,
    pub datetime: Option<String>,
    /// Its year, or `unknown`: what the year filter knows it by.
    pub year: String,
    pub text: String,
    pub lang: Option<&'static str>,
    pub source_url: String,
    /// 目標 Target or 預計 Expected when it has not happened.
    pub status: Option<Bilingual>,
}

/// Links to the pages of a long page (never its total: see `paginate`).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub current: usize,
    pub pages: Vec<PagerItem>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A page in a pager, or a gap where pages are left out.
#[derive(Debug, Clone, Serialize)]
pub struct PagerItem {
    pub gap: bool,
    pub n: usize,
    pub url: String,
}

/// The province as a page draws it.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    pub width: u32,
    pub height: u32,
    pub cities: Vec<MapCity>,
    /// One entry per colour on the map.
    pub legend: Vec<LegendItem>,
    /// Where the outlines come from, for readers.
    pub credit: String,
    /// The page's own city, when the map marks one.
    pub current: Option<MapCurrent>,
}

/// One city on the map.
#[derive(Debug, Clone, Serialize)]
pub struct MapCity {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// SVG path data.
    pub path: String,
    pub x: i32,
    pub y: i32,
    /// Its page, when some article is about it.
    pub url: Option<String>,
    /// Its focus colour (`0`…, `none`), when it has a page.
    pub focus: Option<String>,
    /// The page's own city.
    pub current: bool,
}

/// The city a map marks as the page's own.
#[derive(Debug, Clone, Serialize)]
pub struct MapCurrent {
    pub name: String,
    pub name_en: String,
}

/// A colour on the map and what it stands for, in Chinese and, when known, English.
#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    /// The colour: a focus (`0`…), `none` (articles, no focus noted) or `quiet` (no articles).
    pub focus: String,
    pub zh: String,
    pub en: Option<String>,
}

/// The cities side by side: charts of what can be compared, then a card per city.
#[derive(Debug, Clone, Serialize)]
pub struct CompareData {
    /// One chart per kind of measure and status that figures of two cities or more are of.
    pub charts: Vec<FigureChart>,
    /// Said when no chart can be drawn.
    pub no_charts: Option<Bilingual>,
    /// The years the cities' activity is counted over (the same for every city).
    pub years: Vec<String>,
    pub activity_caption: Bilingual,
    pub cities: Vec<CompareCity>,
}

/// Figures of one measure, status and unit, city by city, as bars on one scale.
#[derive(Debug, Clone, Serialize)]
pub struct FigureChart {
    /// The unit (`CNY`).
    pub unit: String,
    /// The kind of measure (`gdp`) and the status (`outcome`): with the unit, the chart's id.
    pub measure: String,
    pub status: &'static str,
    pub caption: Bilingual,
    pub rows: Vec<ChartRow>,
}

/// A figure in a chart.
#[derive(Debug, Clone, Serialize)]
pub struct ChartRow {
    pub city: String,
    pub city_url: String,
    /// Whether it is the first row of its city (the city is named once).
    pub first: bool,
    /// How many rows its city has (the city's cell spans them).
    pub span: usize,
    pub figure: FigureLink,
    pub bar: Bar,
}

/// A figure with what it measures, as plain text.
#[derive(Debug, Clone, Serialize)]
pub struct FigureLink {
    /// What it measures (全市人工智能核心產業產值/營收).
    pub before: String,
    /// As written (超200億元).
    pub text: String,
    /// Its value as a reader reads it (more than ¥20 billion).
    pub value: Option<String>,
    /// For when, and whether it is a target (2027年 · 目標 Target).
    pub note: Option<String>,
    /// The `lang` of the clause when not Chinese.
    pub lang: Option<&'static str>,
    pub source_url: String,
}

/// One city on the comparison page.
#[derive(Debug, Clone, Serialize)]
pub struct CompareCity {
    pub name: String,
    pub name_en: String,
    pub url: String,
    pub focus_zh: Option<String>,
    pub focus_en: Option<String>,
    pub paragraphs: usize,
    /// Its key figures, each with what it measures.
    pub figures: Vec<FigureLink>,
    pub documents: Vec<DocumentLink>,
    /// Its latest event that happened (not a target).
    pub latest: Option<EventItem>,
    /// Its dated statements per year of [`CompareData::years`], on one scale for every city.
    pub activity: Vec<ActivityBar>,
    pub events: usize,
    pub events_url: String,
}

/// A city's dated statements in one year.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityBar {
    pub year: String,
    pub count: usize,
    pub bar: Bar,
}

/// What each kind of page lays out besides its body.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum PageData {
    Index(IndexData),
    Source(SourceData),
    City(Box<CityData>),
    Entry(Box<EntryData>),
    EntryIndex(EntryIndexData),
    About(AboutData),
    Timeline(TimelineData),
    Compare(CompareData),
    /// Nothing but the body.
    None(NoData),
}

/// No data: an empty object for the template.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NoData {}

/// The overview.
#[derive(Debug, Clone, Serialize)]
pub struct IndexData {
    pub cities: Vec<CityCard>,
    /// The headline figures: the province's, then the cities', each statement once.
    pub figures: Vec<KeyFigure>,
    pub figures_heading: Bilingual,
    pub documents: Vec<DocumentLink>,
    pub map: MapView,
}

/// A source article's page.
#[derive(Debug, Clone, Serialize)]
pub struct SourceData {
    /// The seed file's name, for an article without a title.
    pub file: Option<String>,
    pub bylines: Vec<String>,
    pub meta: Meta,
    /// The article gives no publication date: dates it writes without a year stay without one.
    pub undated: bool,
    /// Its publication date was read from the source's address (…/2025/0604/…).
    pub date_from_address: bool,
    /// The title was made from the first sentence (the article has none).
    pub title_derived: bool,
    /// The cities its paragraphs are about.
    pub cities: Vec<CityLink>,
    pub paragraphs: usize,
    /// The `lang` of its text when it is not Chinese (`en`).
    pub lang: Option<&'static str>,
    /// What its metadata does not say (publisher, date, link to the original).
    pub missing: Vec<Bilingual>,
}

/// A city's page.
#[derive(Debug, Clone, Serialize)]
pub struct CityData {
    pub city: City,
    pub paragraphs: usize,
    pub url: String,
    /// On the first page only: what the city's articles add up to.
    pub overview: Option<CityOverview>,
}

/// The first page of a city: what the city is doing (its own documents, its key figures, its
/// latest events) above its paragraphs, and its terms and related cities beside them.
#[derive(Debug, Clone, Serialize)]
pub struct CityOverview {
    pub focus_zh: Option<String>,
    pub focus_en: Option<String>,
    /// 寧波在做什麼 What Ningbo is doing.
    pub heading: Bilingual,
    pub documents_heading: Bilingual,
    pub figures_heading: Bilingual,
    pub events_heading: Bilingual,
    pub figures: Vec<KeyFigure>,
    pub terms: Vec<TermLink>,
    pub documents: Vec<DocumentLink>,
    /// The latest events that happened, newest first (targets are not events), a line each.
    pub events: Vec<EventLine>,
    /// How many events there are in all, and every one of them (timeline order, targets
    /// marked), listed on the page itself under a disclosure: no script needed to find them.
    pub events_total: usize,
    pub all_events: String,
    pub all_event_lines: Vec<EventLine>,
    pub related: Vec<RelatedCity>,
    pub map: MapView,
}

/// A term's or a document's page.
#[derive(Debug, Clone, Serialize)]
pub struct EntryData {
    /// The heading: “term” or 《title》.
    pub heading: String,
    /// The English label, when there is one.
    pub label_en: Option<String>,
    /// What it means and where that comes from; `None` when nothing explains it yet.
    pub explanation: Option<ExplanationView>,
    /// Said when there is no explanation.
    pub no_explanation: String,
    /// The cities of the paragraphs that use it.
    pub cities: Vec<CityLink>,
    /// The index of every term (or document).
    pub index_url: String,
    pub index_label: String,
}

/// An explanation as a page shows it (written in either script: each page is converted to its
/// own when rendered).
#[derive(Debug, Clone, Serialize)]
pub struct ExplanationView {
    /// `glossary`, `title`, `rule`, `article` or `dictionary`.
    pub origin: &'static str,
    /// What the origin is called (詞彙表 Glossary).
    pub origin_label: String,
    /// In Chinese; `None` when it is the quote itself.
    pub zh: Option<String>,
    pub en: Option<String>,
    /// 來源:… (the glossary's, or the table's the rule read).
    pub source: Option<String>,
    /// The article's sentence, annotated, and the paragraph it is in.
    pub quote: Option<Fragment>,
    pub quote_url: Option<String>,
    pub quote_link: String,
    /// A title's reading, part by part.
    pub parts: Vec<PartView>,
    /// The document type and status marks, each explained once.
    pub notes: Vec<NoteView>,
    pub notes_heading: String,
    /// What the articles say a document does: each sentence, annotated, with its paragraph.
    pub statements: Vec<StatementView>,
    pub statements_heading: String,
}

/// A sentence of an article quoted for what it says a document does.
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    pub quote: Fragment,
    pub url: String,
}

/// One part of a title's reading.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    pub label: String,
    pub zh: String,
    pub en: Option<String>,
}

/// A document type or status mark, explained.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub word: String,
    pub label_en: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

/// The index of every term or document.
#[derive(Debug, Clone, Serialize)]
pub struct EntryIndexData {
    /// 12 / 15 已有解釋 (the index's own page).
    pub coverage: String,
    /// The groups by initial, with how many each has (the index's own page).
    pub groups: Vec<TimelineLink>,
    pub rows: Vec<IndexRow>,
    /// The index's own page, from one of its groups.
    pub up: Option<TimelineLink>,
}

/// One entry in an index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexRow {
    pub text: String,
    pub url: String,
    pub label_en: Option<String>,
    /// `glossary`, `title`, `rule`, `article`, or `none`.
    pub origin: &'static str,
    pub origin_label: String,
    /// 3 處用例 uses.
    pub uses: String,
}

/// The about page.
#[derive(Debug, Clone, Serialize)]
pub struct AboutData {
    /// How many articles the site holds, and the list of them.
    pub articles: usize,
    /// What holds for these articles: how many name their publisher and link to their original,
    /// how many dates have an inferred year. Each `None` when no article has it.
    pub publishers: Option<Bilingual>,
    pub links: Option<Bilingual>,
    pub inferred: Option<Bilingual>,
    /// Said when no article has a publisher or a link.
    pub no_metadata: Option<Bilingual>,
    pub sources_url: String,
    /// The indexes of every term and document, with their explanations' origins.
    pub terms_url: String,
    pub documents_url: String,
    pub samples: Vec<CodeSample>,
}

impl PageData {
    /// Every piece of annotated Markdown in the data, for the renderer to fill in.
    pub fn fragments_mut(&mut self) -> Vec<&mut Fragment> {
        match self {
            PageData::Index(_) => Vec::new(),
            PageData::Entry(d) => match d.explanation.as_mut() {
                Some(x) => x
                    .quote
                    .as_mut()
                    .into_iter()
                    .chain(x.statements.iter_mut().map(|s| &mut s.quote))
                    .collect(),
                None => Vec::new(),
            },
            PageData::Compare(d) => d
                .cities
                .iter_mut()
                .filter_map(|c| c.latest.as_mut())
                .map(|e| &mut e.sentence)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Every code sample in the data, for the renderer to highlight.
    pub fn code_samples_mut(&mut self) -> &mut [CodeSample] {
        match self {
            PageData::About(d) => &mut d.samples,
            _ => &mut [],
        }
    }
}
