//! The annotators' word lists (`data/lexicon.toml`): chrome lines, byline markers, sentence
//! stops, organisation words, speech verbs, document types, the words that make a claim
//! province-wide or national, date words, figure units and the words that make a number an
//! ordinal or a duration. Curated knowledge lives in that file, not here; this module loads it and
//! adds the other script's spelling of every word; word sets also compare with Chinese chars
//! folded to Simplified, so variant spellings (公裡, 裏) match too.

use crate::error::{Error, Result, toml_error};
use crate::text::script;
use crate::text::sentences::Stops;
use crate::text::words::{CharSet, WordSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The default lexicon, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../data/lexicon.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    ingest: IngestLists,
    text: TextLists,
    org: OrgLists,
    term: TermLists,
    document: DocumentLists,
    place: PlaceLists,
    attribution: AttributionLists,
    date: DateLists,
    figure: FigureLists,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestLists {
    chrome: Vec<String>,
    contact: Vec<String>,
    byline: Vec<String>,
    photo_credit: Vec<String>,
    byline_reporters: Vec<String>,
    byline_desk_chars: usize,
    byline_desk_line_chars: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextLists {
    sentence_stops: Vec<String>,
    clause_stops: Vec<String>,
    abbreviations: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgLists {
    suffixes: Vec<String>,
    company_suffixes: Vec<String>,
    prefixes: Vec<String>,
    left_stops: String,
    false_endings: Vec<String>,
    name_breaks: Vec<String>,
    level_marks: String,
    abbreviations: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermLists {
    speech_verbs: Vec<String>,
    naming_verbs: Vec<String>,
    speech_marks: Vec<String>,
    slogan_heads: Vec<String>,
    slogan_stops: String,
    count_words: String,
    predicate_starts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentLists {
    short_name_marks: Vec<String>,
    endings: Vec<String>,
    endings_en: Vec<String>,
    not_endings: Vec<String>,
    issuer_prefixes: Vec<String>,
    issued_here: Vec<String>,
    issue_verbs: Vec<String>,
    this_document: Vec<String>,
    not_this_document: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceLists {
    town_suffixes: Vec<String>,
    feature_suffixes: Vec<String>,
    not_towns: Vec<String>,
    not_in_names: Vec<String>,
    town_suffixes_en: Vec<String>,
    pinyin_syllables: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionLists {
    continuation: Vec<String>,
    this_city: Vec<String>,
    province: Vec<String>,
    national: Vec<String>,
    the_city: Vec<String>,
    not_subject_after: Vec<String>,
    ranking_lists: Vec<String>,
    ranking_list_reach: usize,
    respectively: Vec<String>,
    not_subject_before: Vec<String>,
    levels_in_city_documents: Vec<String>,
    organ_not_before: String,
    organ_after: String,
    document_says: Vec<String>,
    place_openers_en: Vec<String>,
    place_kinds: Vec<String>,
    rank_words_en: Vec<String>,
    ordinals_en: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DateLists {
    relative_years: BTreeMap<String, i32>,
    relative_not_after: String,
    year_parts: Vec<String>,
    current_year_parts: Vec<String>,
    holidays: Vec<String>,
    range_marks: Vec<String>,
    target_before: Vec<String>,
    months_en: Vec<String>,
    months_en_words: Vec<String>,
    relative_years_en: BTreeMap<String, i32>,
    before_year_en: Vec<String>,
    target_before_en: Vec<String>,
    year_parts_en: Vec<String>,
    seasons_en: Vec<String>,
    not_year_before_en: Vec<String>,
    event_after_year_en: Vec<String>,
    range_words_en: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureLists {
    qualifiers_before: Vec<String>,
    qualifiers_after: Vec<String>,
    qualifiers_before_en: Vec<String>,
    not_quantity_after: String,
    approximately: String,
    share_after_words: String,
    share_followers: String,
    not_share_after: String,
    ordinal_before: Vec<String>,
    session_after: Vec<String>,
    duration_after: Vec<String>,
    position_units: Vec<String>,
    position_before: Vec<String>,
    rank_units: Vec<String>,
    rank_before: Vec<String>,
    round_prefixes: String,
    round_prefixes_in_span: String,
    min_chinese_count: f64,
    not_counts_en: Vec<String>,
    not_counts_before_en: Vec<String>,
    function_words_en: Vec<String>,
    scales_without_unit: String,
    units: BTreeMap<String, String>,
    scales_en: BTreeMap<String, f64>,
    currencies_before_en: BTreeMap<String, String>,
    units_en: BTreeMap<String, String>,
}

/// Word lists, each holding both scripts' spellings.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Folded (Simplified, no whitespace) chrome lines.
    chrome: Vec<String>,
    /// The longest chrome line, in chars: longer lines are never chrome, so they need no folding.
    chrome_max_chars: usize,
    pub byline: Vec<String>,
    /// Words that end a photo credit after a name set apart (章建辉 摄, 程子齐/摄, 宣传部供图).
    photo_credit: Vec<String>,
    /// Reporters' titles that make a short line a byline after a desk (驻京记者杨浚源).
    byline_reporters: Vec<String>,
    byline_desk_chars: usize,
    byline_desk_line_chars: usize,
    /// Words that open a contact or address line (联系人:…).
    pub contact: Vec<String>,
    /// Where sentences and clauses end.
    pub stops: Stops,
    pub org: OrgWords,
    pub term: TermWords,
    pub document: DocumentWords,
    pub place: PlaceWords,
    pub attribution: AttributionWords,
    pub date: DateWords,
    pub figure: FigureWords,
}

/// Organisation names.
#[derive(Debug, Clone)]
pub struct OrgWords {
    pub suffixes: WordSet,
    /// Words that end a company's name (公司, Co Ltd).
    pub company_suffixes: WordSet,
    pub prefixes: WordSet,
    /// Characters that end a name on its left.
    pub left_stops: CharSet,
    /// Words ending in an organisation word that are not one (举办).
    pub false_endings: WordSet,
    /// Words that cannot stand inside a name.
    pub name_breaks: WordSet,
    /// After a prefix: a level (国家级), not a name.
    pub level_marks: CharSet,
    /// (long form, short form) in Simplified, longest first.
    pub abbreviations: Vec<(String, String)>,
}

/// Quoted terms and slogans.
#[derive(Debug, Clone)]
pub struct TermWords {
    pub speech_verbs: Vec<String>,
    /// Words after which a quotation is a name, not speech (以下简称“联盟”).
    pub naming_verbs: Vec<String>,
    pub speech_marks: CharSet,
    pub slogan_heads: Vec<Vec<char>>,
    pub slogan_stops: CharSet,
    /// A number with one of these alone after it is a count (“4处”), not a term.
    pub count_words: CharSet,
    /// A quotation starting with one of these is a predicate (“已取得联系”), not a term.
    pub predicate_starts: Vec<String>,
}

/// Document titles.
#[derive(Debug, Clone)]
pub struct DocumentWords {
    pub short_name_marks: Vec<String>,
    pub endings: WordSet,
    /// How an English plan's name ends (Action Plan).
    pub endings_en: WordSet,
    pub not_endings: WordSet,
    pub issuer_prefixes: WordSet,
    /// After a title: the document being read issues it (现将《…》印发给你们).
    pub issued_here: WordSet,
    pub issue_verbs: WordSet,
    /// Right before a title: the title is the document being read (本《措施》所称…).
    pub this_document: WordSet,
    /// Words ending in a `this_document` word that are not it (日本《…》, 成本).
    pub not_this_document: WordSet,
}

/// Places the gazetteer does not list (towns, streets, villages), read from their suffixes.
#[derive(Debug, Clone)]
pub struct PlaceWords {
    pub town_suffixes: WordSet,
    /// Lakes, islands, reservoirs, wetlands: found like towns, but their bare names are not.
    pub feature_suffixes: WordSet,
    pub not_towns: WordSet,
    pub not_in_names: CharSet,
    pub town_suffixes_en: Vec<String>,
    /// Longest first.
    pub pinyin_syllables: Vec<String>,
}

/// What a paragraph and its claims are about.
#[derive(Debug, Clone)]
pub struct AttributionWords {
    pub continuation: Vec<String>,
    pub this_city: Vec<String>,
    /// This-city words and words referring back to the city (该市, the city), for finding them
    /// at a position.
    pub this_city_words: WordSet,
    pub province: WordSet,
    pub national: WordSet,
    pub not_subject_after: WordSet,
    /// Ranking lists a scope word's noun phrase may name (全省…百强企业), and how far after it.
    pub ranking_lists: WordSet,
    pub ranking_list_reach: usize,
    /// Words pairing a list of places with a list of figures in order (分别, respectively).
    pub respectively: WordSet,
    pub not_subject_before: WordSet,
    /// In a city's own document: levels, not subjects (国家、省重点项目).
    pub levels_in_city_documents: WordSet,
    pub organ_not_before: CharSet,
    pub organ_after: CharSet,
    pub document_says: WordSet,
    /// Words that open an English phrase of place after a subject (in the northeast of …).
    pub place_openers_en: Vec<String>,
    /// What may follow a place in a clause that is only that place (Zhejiang Province).
    pub place_kinds: Vec<String>,
    /// Words of rank (ranking, ranked): a place after them and `in` is where a rank is held.
    pub rank_words_en: Vec<String>,
    /// Ordinals in words (first, top); digits with st/nd/rd/th are ordinals too.
    pub ordinals_en: Vec<String>,
}

/// Dates.
#[derive(Debug, Clone)]
pub struct DateWords {
    /// (word, years from the publication year), longest first.
    pub relative_years: Vec<(Vec<char>, i32)>,
    pub relative_not_after: CharSet,
    /// Longest first.
    pub year_parts: Vec<String>,
    pub current_year_parts: WordSet,
    pub holidays: WordSet,
    pub range_marks: CharSet,
    pub target_before: WordSet,
    pub months_en: Vec<String>,
    /// Months that are also ordinary words (may, march), lowercase.
    pub months_en_words: Vec<String>,
    /// (phrase, years from the publication year), longest first.
    pub relative_years_en: Vec<(String, i32)>,
    /// Words before a year that make it a date (in 2024).
    pub before_year_en: WordSet,
    /// Words before a date that make it a target (by 2027).
    pub target_before_en: WordSet,
    /// Halves, quarters and months of a year, longest first.
    pub year_parts_en: Vec<String>,
    pub seasons_en: Vec<String>,
    /// Words after a year that make it a number (2025 yuan).
    pub not_year_before_en: Vec<String>,
    /// Event nouns that make a year nothing introduces part of an event's name (the 2021
    /// gathering).
    pub event_after_year_en: Vec<String>,
    pub range_words_en: Vec<String>,
}

/// Figures.
#[derive(Debug, Clone)]
pub struct FigureWords {
    /// Qualifiers before a figure, longest first.
    pub before: Vec<String>,
    /// Qualifiers after a figure, longest first.
    pub after: Vec<String>,
    /// English qualifiers before a figure, longest first.
    pub before_en: Vec<String>,
    /// (unit as written, unit reported), longest written form first.
    pub units: Vec<(String, String)>,
    pub not_quantity_after: CharSet,
    /// Between a number and its unit: approximate (600多家).
    pub approximately: CharSet,
    /// Before a share in words, making it one (占七成).
    pub share_after_words: CharSet,
    /// After a share in words, keeping it one (七成的, 三成左右).
    pub share_followers: CharSet,
    pub not_share_after: CharSet,
    pub ordinal_before: WordSet,
    pub session_after: WordSet,
    pub duration_after: WordSet,
    pub position_units: Vec<String>,
    pub position_before: WordSet,
    pub rank_units: Vec<String>,
    pub rank_before: WordSet,
    pub round_prefixes: CharSet,
    pub round_prefixes_in_span: CharSet,
    pub min_chinese_count: f64,
    /// (word, value), longest first.
    pub scales_en: Vec<(String, f64)>,
    /// (currency as written before a number, unit reported), longest first ($, US$, RMB).
    pub currencies_before_en: Vec<(String, String)>,
    /// The units reported for money (CNY, USD…): the currencies of both lists.
    pub currencies: Vec<String>,
    /// (unit as written, unit reported), longest first.
    pub units_en: Vec<(String, String)>,
    pub not_counts_en: Vec<String>,
    pub not_counts_before_en: Vec<String>,
    pub function_words_en: Vec<String>,
    pub scales_without_unit: CharSet,
}

fn both_scripts(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = words.iter().flat_map(|w| script::spellings(w)).collect();
    out.sort();
    out.dedup();
    out
}

fn word_set(words: Vec<String>) -> WordSet {
    WordSet::new(both_scripts(words))
}

/// (written, reported) pairs in both scripts, longest written form first.
fn pairs_longest_first<V: Clone + PartialEq>(map: &BTreeMap<String, V>) -> Vec<(String, V)> {
    let mut out: Vec<(String, V)> = map
        .iter()
        .flat_map(|(written, v)| script::spellings(written).into_iter().map(move |w| (w, v.clone())))
        .collect();
    out.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then_with(|| a.0.cmp(&b.0))
    });
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Every entry of a list of single characters must be one char.
fn single_chars(path: &Path, list: &str, words: &[String]) -> Result<CharSet> {
    if let Some(bad) = words.iter().find(|w| w.chars().count() != 1) {
        return Err(Error::file(
            path,
            format!("`{list}` lists single characters, but `{bad}` is not one"),
        ));
    }
    Ok(CharSet::new(words))
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
        let (org, term, document, place, attribution, date, figure, text) = (
            file.org,
            file.term,
            file.document,
            file.place,
            file.attribution,
            file.date,
            file.figure,
            file.text,
        );
        let mut abbreviations: Vec<(String, String)> = org
            .abbreviations
            .iter()
            .map(|(long, short)| (script::to_hans(long), script::to_hans(short)))
            .collect();
        abbreviations.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut relative_years: Vec<(Vec<char>, i32)> = date
            .relative_years
            .iter()
            .flat_map(|(w, &n)| {
                script::spellings(w)
                    .into_iter()
                    .map(move |w| (w.chars().map(script::fold_han).collect(), n))
            })
            .collect();
        relative_years.sort_by(|a: &(Vec<char>, i32), b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        relative_years.dedup();
        let mut this_city_words = attribution.this_city.clone();
        this_city_words.extend(attribution.the_city.iter().cloned());
        Ok(Lexicon {
            chrome_max_chars: chrome.iter().map(|k| k.chars().count()).max().unwrap_or(0),
            chrome,
            byline: both_scripts(file.ingest.byline),
            photo_credit: longest_first(both_scripts(file.ingest.photo_credit)),
            byline_reporters: longest_first(both_scripts(file.ingest.byline_reporters)),
            byline_desk_chars: file.ingest.byline_desk_chars,
            byline_desk_line_chars: file.ingest.byline_desk_line_chars,
            contact: both_scripts(file.ingest.contact),
            stops: Stops::new(
                single_chars(path, "sentence_stops", &text.sentence_stops)?,
                word_set(text.clause_stops),
                text.abbreviations,
            ),
            org: OrgWords {
                suffixes: word_set(org.suffixes),
                company_suffixes: word_set(org.company_suffixes),
                prefixes: word_set(org.prefixes),
                left_stops: CharSet::new([org.left_stops]),
                false_endings: word_set(org.false_endings),
                name_breaks: word_set(org.name_breaks),
                level_marks: CharSet::new([org.level_marks]),
                abbreviations,
            },
            term: TermWords {
                speech_verbs: both_scripts(term.speech_verbs),
                naming_verbs: both_scripts(term.naming_verbs),
                speech_marks: single_chars(path, "speech_marks", &term.speech_marks)?,
                slogan_heads: both_scripts(term.slogan_heads)
                    .iter()
                    .map(|h| h.chars().collect())
                    .collect(),
                slogan_stops: CharSet::new([term.slogan_stops]),
                count_words: CharSet::new([term.count_words]),
                predicate_starts: both_scripts(term.predicate_starts),
            },
            document: DocumentWords {
                short_name_marks: both_scripts(document.short_name_marks),
                endings: word_set(document.endings),
                endings_en: WordSet::new(document.endings_en),
                not_endings: word_set(document.not_endings),
                issuer_prefixes: word_set(document.issuer_prefixes),
                issued_here: word_set(document.issued_here),
                issue_verbs: word_set(document.issue_verbs),
                this_document: word_set(document.this_document),
                not_this_document: word_set(document.not_this_document),
            },
            place: PlaceWords {
                town_suffixes: word_set(place.town_suffixes),
                feature_suffixes: word_set(place.feature_suffixes),
                not_towns: word_set(place.not_towns),
                not_in_names: single_chars(path, "not_in_names", &place.not_in_names)?,
                town_suffixes_en: place.town_suffixes_en,
                pinyin_syllables: longest_first(place.pinyin_syllables),
            },
            attribution: AttributionWords {
                continuation: both_scripts(attribution.continuation),
                this_city: both_scripts(attribution.this_city),
                this_city_words: word_set(this_city_words),
                province: word_set(attribution.province),
                national: word_set(attribution.national),
                not_subject_after: word_set(attribution.not_subject_after),
                ranking_lists: word_set(attribution.ranking_lists),
                ranking_list_reach: attribution.ranking_list_reach,
                respectively: word_set(attribution.respectively),
                not_subject_before: word_set(attribution.not_subject_before),
                levels_in_city_documents: word_set(attribution.levels_in_city_documents),
                organ_not_before: CharSet::new([attribution.organ_not_before]),
                organ_after: CharSet::new([attribution.organ_after]),
                document_says: word_set(attribution.document_says),
                place_openers_en: attribution.place_openers_en,
                place_kinds: attribution.place_kinds,
                rank_words_en: attribution.rank_words_en,
                ordinals_en: attribution.ordinals_en,
            },
            date: DateWords {
                relative_years,
                relative_not_after: CharSet::new([date.relative_not_after]),
                year_parts: longest_first(both_scripts(date.year_parts)),
                current_year_parts: word_set(date.current_year_parts),
                holidays: word_set(date.holidays),
                range_marks: single_chars(path, "range_marks", &date.range_marks)?,
                target_before: word_set(date.target_before),
                months_en: date.months_en.iter().map(|m| m.to_ascii_lowercase()).collect(),
                months_en_words: date.months_en_words.iter().map(|m| m.to_ascii_lowercase()).collect(),
                relative_years_en: pairs_longest_first(&date.relative_years_en),
                before_year_en: WordSet::new(date.before_year_en),
                target_before_en: WordSet::new(date.target_before_en),
                year_parts_en: longest_first(date.year_parts_en),
                seasons_en: date.seasons_en,
                not_year_before_en: date.not_year_before_en,
                event_after_year_en: date.event_after_year_en,
                range_words_en: date.range_words_en,
            },
            figure: FigureWords {
                before: longest_first(both_scripts(figure.qualifiers_before)),
                after: longest_first(both_scripts(figure.qualifiers_after)),
                before_en: longest_first(figure.qualifiers_before_en),
                units: pairs_longest_first(&figure.units),
                not_quantity_after: CharSet::new([figure.not_quantity_after]),
                not_share_after: CharSet::new([figure.not_share_after]),
                approximately: CharSet::new([figure.approximately]),
                share_after_words: CharSet::new([figure.share_after_words]),
                share_followers: CharSet::new([figure.share_followers]),
                ordinal_before: word_set(figure.ordinal_before),
                session_after: word_set(figure.session_after),
                duration_after: word_set(figure.duration_after),
                position_units: both_scripts(figure.position_units),
                position_before: word_set(figure.position_before),
                rank_units: both_scripts(figure.rank_units),
                rank_before: word_set(figure.rank_before),
                round_prefixes: CharSet::new([figure.round_prefixes]),
                round_prefixes_in_span: CharSet::new([figure.round_prefixes_in_span]),
                min_chinese_count: figure.min_chinese_count,
                scales_en: pairs_longest_first(&figure.scales_en),
                currencies: {
                    let mut money: Vec<String> = figure.currencies_before_en.values().cloned().collect();
                    money.sort();
                    money.dedup();
                    money
                },
                currencies_before_en: pairs_longest_first(&figure.currencies_before_en),
                units_en: pairs_longest_first(&figure.units_en),
                not_counts_en: figure.not_counts_en,
                not_counts_before_en: figure.not_counts_before_en,
                function_words_en: figure.function_words_en,
                scales_without_unit: CharSet::new([figure.scales_without_unit]),
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

    /// A short line of contact details (联系人:顾莹萍, 联系电话:0572-2398661, 地址:…): a word of
    /// the `contact` list, then a colon.
    pub fn is_contact(&self, line: &str) -> bool {
        line.chars().count() <= 80
            && self.contact.iter().any(|w| {
                line.strip_prefix(w.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
            })
    }

    /// A short line that names the reporters, not a sentence of the article: no comma, nothing
    /// that ends a sentence.
    pub fn is_byline(&self, line: &str) -> bool {
        let chars = line.chars().count();
        chars <= 40
            && (self.byline.iter().any(|b| line.starts_with(b.as_str()))
                || chars <= self.byline_desk_line_chars && self.names_reporter_after_desk(line))
            && !line.contains(['，', ','])
            && !self.stops.holds_sentence_end(&line.chars().collect::<Vec<_>>())
    }

    /// A report's dateline with its source or byline (2015-05-20 来源: 中国新闻网, 2021年10月11日
    /// 07:33:27 来源:浙江在线 钟根清): a date, then a byline.
    pub fn is_dated_byline(&self, line: &str) -> bool {
        let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || " -/.:年月日\u{3000}".contains(c));
        rest.len() < line.len() && line.chars().next().is_some_and(|c| c.is_ascii_digit()) && self.is_byline(rest)
    }

    /// A photo's caption with its credit, or the credit alone (旖旎的湖山风光 章建辉 摄,
    /// 签约仪式现场。程子齐/摄, 新华社发 李四 供图): a short line ending in a credit word after a
    /// name of two to four chars set apart by a space, a slash or a full stop.
    pub fn is_photo_credit(&self, line: &str) -> bool {
        let chars: Vec<char> = line.trim().chars().collect();
        if chars.len() > 40 {
            return false;
        }
        self.photo_credit.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            if !chars.ends_with(&w) {
                return false;
            }
            let mut end = chars.len() - w.len();
            while end > 0 && matches!(chars[end - 1], ' ' | '\u{3000}' | '/' | '／') {
                end -= 1;
            }
            let name_start = (0..end)
                .rev()
                .find(|&i| matches!(chars[i], ' ' | '\u{3000}' | '/' | '／' | '。'))
                .map_or(0, |i| i + 1);
            let name = &chars[name_start..end];
            (2..=4).contains(&name.len())
                && name.iter().all(|c| crate::text::han::is_han(*c))
                && (name_start > 0 || chars.len() - w.len() > end)
        })
    }

    /// Whether a reporter's title stands a few characters in, after a desk or posting, with a
    /// name after it (驻京记者杨浚源): not a line that only mentions one (他是一名记者).
    fn names_reporter_after_desk(&self, line: &str) -> bool {
        line.char_indices().take(self.byline_desk_chars + 1).any(|(at, _)| {
            self.byline_reporters.iter().any(|r| {
                line[at..].strip_prefix(r.as_str()).is_some_and(|name| {
                    let name = name.trim();
                    (2..=self.byline_desk_line_chars).contains(&name.chars().count())
                        && name.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
                })
            })
        })
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
        // A reporter after a desk or posting, in either script; a line that only mentions one
        // or says something after it is not a byline.
        assert!(lex.is_byline("驻京记者杨浚源"));
        assert!(lex.is_byline("新華社記者 徐昱 攝"));
        assert!(!lex.is_byline("他是一名记者"));
        assert!(!lex.is_byline("当地记者走访发现,企业订单增长三成。"));
    }

    #[test]
    fn datelines_with_a_source_and_photo_credits_are_no_body() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.is_dated_byline("2015-05-20 来源: 中国新闻网"));
        assert!(lex.is_dated_byline("2021年10月11日 07:33:27 來源: 浙江在線 鍾根清"));
        assert!(!lex.is_dated_byline("2015年6月,一期项目开工建设。"));
        for line in [
            "旖旎的湖山风光 章建辉 摄",
            "簽約儀式現場。程子齊/攝",
            "衢州市委宣传部 李明 供图",
        ] {
            assert!(lex.is_photo_credit(line), "{line}");
        }
        // A sentence that ends in a verb of shooting is no credit.
        assert!(!lex.is_photo_credit("这部纪录片由央视拍摄"));
        assert!(!lex.is_photo_credit("The county is home to the world's largest market, photo by"));
        assert!(lex.is_chrome("(相關資料圖)"));
        assert!(lex.is_contact("聯繫地址:寧波市鄞州區寧穿路2001號"));
    }

    #[test]
    fn contact_lines() {
        let lex = Lexicon::embedded().unwrap();
        for line in [
            "联系人:顾莹萍",
            "聯繫電話：0572-2398661",
            "地址:湖州市吴兴区凤凰路730号",
            "Tel: 0571-1234",
        ] {
            assert!(lex.is_contact(line), "{line}");
        }
        assert!(!lex.is_contact("电话会议上,各地交流经验。"));
        assert!(!lex.is_contact("地址位于杭州。"));
    }

    #[test]
    fn unknown_key_is_named() {
        let err = Lexicon::parse(Path::new("lex.toml"), "[ingest]\nchrome = []\nbylines = []\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("bylines") && text.contains("byline"), "{text}");
        assert!(text.starts_with("lex.toml:3:"), "{text}");
    }
}
