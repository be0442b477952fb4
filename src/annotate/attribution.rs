//! What a paragraph names and what its claims are about.
//!
//! **Cities a paragraph names** (`cities`): those it names directly, through one of their
//! districts or counties (黄岩 → taizhou), or through a place inside them (杭州湾新区 → ningbo);
//! 我市/本市 in an article published by one city's paper; and, for a short paragraph that only
//! continues the previous one (背后的原因,并不难理解。), the previous paragraph's cities.
//!
//! **What a claim is about** ([`About`]: a figure, a date, a document mention): a city, the
//! province, or `other` (national, foreign, not geographic), decided by a clause model. A
//! paragraph is split into sentences (。！？；) and clauses (，：), marks inside 《》 and quotation
//! marks aside. Each clause's subject is the strongest place it names — a Zhejiang city, county,
//! district or place inside a city beats the province (浙江, 全省, 省政府), which beats national
//! and foreign words (全国, 国家, 中国, 北京, 美国), the leftmost winning among equals — unless the
//! word is a level or a comparison (国家级, 省级, 全国首个, 领跑全国, 较北京, 成为全球…), which
//! says nothing about whose claim it is; 我市/全市/市委 stand for the article's own city. A
//! clause that names nothing takes the subject of the clause before it in the sentence, else of
//! the clause right after it (到2027年底,全市…), else of the sentence before it in the
//! paragraph, else the article's: the issuer of a government document (its title, or its
//! signature line), else the city the article is mostly about, else the publisher's, else the
//! province. So 其中杭州企业利润总额占比超七成 is about hangzhou and 浙江全省…产值突破5700亿元
//! about zhejiang, in the same sentence.
//!
//! Where it stops: the model reads places, not grammar. A clause naming two cities (杭州、宁波
//! 两地…) is credited to the first; a place that is the object rather than the subject of a
//! clause (浙江将构建以杭州为核心…) can win over the subject; a pronoun reaching back across
//! paragraphs (该市) is read as the article's city.

use super::dates::year_at;
use crate::knowledge::Lexicon;
use crate::knowledge::{CITY_IDS, Gazetteer, Mention, Target};
use crate::text::sentences::{Split, closes, opens};

/// Longest paragraph that can inherit its topic from the one before.
const MAX_CONTINUATION_CHARS: usize = 30;
/// Longest signature line (舟山市人民政府, 中共舟山市委 舟山市人民政府), in chars.
const MAX_SIGNATURE_CHARS: usize = 30;
/// Farthest an organisation word may stand from the 省/市 that starts its name (市人工智能局).
const MAX_ORGAN_CHARS: usize = 10;

/// What a claim is about: one of the 11 prefectures, the province as a whole, or something
/// else (national, foreign, not geographic). One byte of payload; exported as the city id,
/// `zhejiang` or `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum About {
    /// Index into [`CITY_IDS`].
    City(u8),
    Zhejiang,
    Other,
}

impl About {
    /// The city with this id.
    pub fn city(id: &str) -> Option<About> {
        CITY_IDS.iter().position(|c| *c == id).map(|i| About::City(i as u8))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            About::City(i) => CITY_IDS.get(i as usize).copied().unwrap_or("other"),
            About::Zhejiang => "zhejiang",
            About::Other => "other",
        }
    }

    pub fn is_city(self) -> bool {
        matches!(self, About::City(_))
    }

    /// Precedence inside a clause: a city beats the province, which beats the rest.
    fn strength(self) -> u8 {
        match self {
            About::City(_) => 2,
            About::Zhejiang => 1,
            About::Other => 0,
        }
    }

    /// The Chinese name used to tell one issuer's document from another's (舟山, 浙江).
    pub fn name_hans(self, gazetteer: &Gazetteer) -> Option<&str> {
        match self {
            About::City(i) => gazetteer.cities.get(i as usize).map(|c| c.name_hans.as_str()),
            About::Zhejiang => Some("浙江"),
            About::Other => None,
        }
    }
}

/// What a place name in the text is about.
pub fn mention_scope(gazetteer: &Gazetteer, m: &Mention) -> Option<About> {
    match m.target {
        Target::Province => Some(About::Zhejiang),
        Target::Outside(_) => Some(About::Other),
        target => gazetteer.cities_of(target).first().and_then(|c| About::city(c)),
    }
}

/// The cities a paragraph names, in order of first mention.
pub fn named_cities(gazetteer: &Gazetteer, mentions: &[Mention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        for city in gazetteer.cities_of(m.target) {
            if !out.iter().any(|c| c == city) {
                out.push(city.to_string());
            }
        }
    }
    out
}

/// 我市/本市/全市 when the publisher is one city's: that city.
pub fn this_city(text: &str, home_city: Option<&str>, lexicon: &Lexicon) -> Option<String> {
    let home = home_city?;
    lexicon
        .attribution
        .this_city
        .iter()
        .any(|w| text.contains(w.as_str()))
        .then(|| home.to_string())
}

/// A short paragraph with no place of its own that opens with a continuation word.
pub fn continues_previous(text: &str, mentions: &[Mention], lexicon: &Lexicon) -> bool {
    mentions.is_empty()
        && text.chars().count() <= MAX_CONTINUATION_CHARS
        && lexicon
            .attribution
            .continuation
            .iter()
            .any(|w| text.starts_with(w.as_str()))
}

/// The city a publisher belongs to (宁波日报 → ningbo), when it names exactly one.
pub fn home_city(gazetteer: &Gazetteer, publisher: Option<&str>) -> Option<String> {
    let publisher = publisher?;
    let cities = named_cities(gazetteer, &gazetteer.find(publisher));
    match cities.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The place a name starts with (湖州市…, 中共温州市委…, 2024年浙江省…): whose name or
/// document it is. A leading year and a party prefix (中共) are skipped; a national body
/// (国务院关于…, 工业和信息化部…) is `other`, a provincial word (全省…) the province.
pub fn leading_scope(chars: &[char], mentions: &[Mention], gazetteer: &Gazetteer, lexicon: &Lexicon) -> Option<About> {
    let mut at = chars.iter().take_while(|c| c.is_whitespace()).count();
    if let Some((_, n)) = year_at(chars, at)
        && chars.get(at + n) == Some(&'年')
    {
        at += n + 1;
    }
    if let Some(n) = lexicon.document.issuer_prefixes.longest_at(chars, at) {
        at += n;
    }
    if let Some(m) = mentions.iter().find(|m| m.start == at) {
        // 浙江温州…, 浙江省湖州市…: the city written right after the province is whose it is.
        if m.target == Target::Province
            && let Some(next) = mentions.iter().find(|n| n.start == m.end)
            && let Some(city) = mention_scope(gazetteer, next).filter(|a| a.is_city())
        {
            return Some(city);
        }
        return mention_scope(gazetteer, m);
    }
    let words = &lexicon.attribution;
    if words.national.word_at(chars, at).is_some() {
        Some(About::Other)
    } else if words.province.word_at(chars, at).is_some() {
        Some(About::Zhejiang)
    } else {
        None
    }
}

/// Longest agency name before a dateline's place (人民网, 中新网, 新华社), in chars.
const MAX_DATELINE_START: usize = 8;

/// Whether a place is a news agency's dateline (人民网杭州5月28日电, HANGZHOU, Feb. 10
/// (Xinhua)): where the report was filed, not what it is about.
pub fn is_dateline(chars: &[char], m: &Mention) -> bool {
    if m.start > MAX_DATELINE_START {
        return false;
    }
    let digits = |k: usize| {
        chars[k.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    // 杭州5月28日电
    let mut k = m.end;
    let n = digits(k);
    if n > 0 && chars.get(k + n) == Some(&'月') {
        k += n + 1;
        let n = digits(k);
        if n > 0 && chars.get(k + n) == Some(&'日') && matches!(chars.get(k + n + 1), Some('电' | '電')) {
            return true;
        }
    }
    // HANGZHOU, June 24
    m.start == 0
        && chars[m.start..m.end]
            .iter()
            .all(|c| c.is_ascii_uppercase() || *c == ' ')
        && chars.get(m.end) == Some(&',')
}

/// What an article is about as a whole, for the clauses that name nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Context {
    /// The issuer of a government document: from its signature line or its title.
    pub issuer: Option<About>,
    /// The publisher's city or province (宁波日报, 浙江省人民政府办公厅).
    pub publisher: Option<About>,
    /// The city the article names far more than any other.
    pub dominant: Option<About>,
    /// The article names the province or a place in it.
    pub in_zhejiang: bool,
    /// The one county-level division the title names (温岭市2025年政府工作报告, 东阳市…行动方案,
    /// Yiwu's H1 GDP …): its figures that name no place are that county's (`Gazetteer.counties`).
    pub county: Option<usize>,
}

impl Context {
    /// The city 我市/全市/市委 stand for: the issuer's, the publisher's, or the article's city.
    pub fn home_city(&self) -> Option<About> {
        [self.issuer, self.publisher, self.dominant]
            .into_iter()
            .flatten()
            .find(|a| a.is_city())
    }

    /// The subject of a paragraph that names nothing.
    pub fn default_subject(&self) -> About {
        self.issuer
            .or(self.dominant)
            .or(self.publisher)
            .unwrap_or(if self.in_zhejiang {
                About::Zhejiang
            } else {
                About::Other
            })
    }
}

/// One paragraph as the article context reads it.
pub struct ParagraphPlaces<'a> {
    pub chars: &'a [char],
    pub mentions: &'a [Mention],
}

/// Reads the article's context from its title, its paragraphs and its publisher.
pub fn context(
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    title: &str,
    paragraphs: &[ParagraphPlaces],
    publisher: Option<&str>,
) -> Context {
    let mut counts = [0usize; CITY_IDS.len()];
    let mut in_zhejiang = false;
    let title_mentions = gazetteer.find(title);
    // A place written right after its city's name (丽水松阳县) is one mention of that city.
    let once = |ms: &'_ [Mention]| -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(last) = out.last()
                && last.end == m.start
                && mention_scope(gazetteer, last).is_some_and(|a| a.is_city())
                && mention_scope(gazetteer, last) == mention_scope(gazetteer, m)
            {
                continue;
            }
            out.push(*m);
        }
        out
    };
    let body: Vec<Mention> = paragraphs
        .iter()
        .flat_map(|p| {
            let kept: Vec<Mention> = p
                .mentions
                .iter()
                .filter(|m| !is_dateline(p.chars, m))
                .copied()
                .collect();
            once(&kept)
        })
        .collect();
    for m in body.iter().chain(&once(&title_mentions)) {
        match mention_scope(gazetteer, m) {
            Some(About::City(i)) => {
                counts[i as usize] += 1;
                in_zhejiang = true;
            }
            Some(About::Zhejiang) => in_zhejiang = true,
            _ => in_zhejiang |= matches!(m.target, Target::Place(_)),
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.iter().copied().enumerate().filter(|&(_, n)| n > 0).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let dominant = match ranked.as_slice() {
        [(city, _)] => Some(About::City(*city as u8)),
        [(city, top), (_, second), ..] if *top >= 2 * *second => Some(About::City(*city as u8)),
        _ => None,
    };
    let signature = paragraphs
        .iter()
        .rev()
        .find_map(|p| signature_scope(p, gazetteer, lexicon));
    let title_chars: Vec<char> = title.chars().collect();
    let issuer = signature.or_else(|| title_issuer(&title_chars, &title_mentions, gazetteer, lexicon));
    let publisher = publisher.and_then(|p| {
        let mentions = gazetteer.find(p);
        let chars: Vec<char> = p.chars().collect();
        leading_scope(&chars, &mentions, gazetteer, lexicon).filter(|a| *a != About::Other)
    });
    Context {
        issuer,
        publisher,
        dominant,
        in_zhejiang,
        county: title_county(&title_mentions, gazetteer),
    }
}

/// The county a title is about: the one county it names, besides at most its own city (台州温岭…);
/// a second county, another city or the province makes the title no one county's.
fn title_county(mentions: &[Mention], gazetteer: &Gazetteer) -> Option<usize> {
    let mut county = None;
    for m in mentions {
        match m.target {
            Target::County { index, .. } if county.is_none_or(|c| c == index) => county = Some(index),
            Target::City(c) if county.is_some_and(|i: usize| gazetteer.counties[i].city == gazetteer.cities[c].id) => {}
            Target::Place(_) | Target::Province => {}
            _ => return None,
        }
    }
    county
}

/// A signature line (舟山市人民政府, 浙江省人民政府办公厅): a short line that is only an
/// organisation's name, starting with a place. Its place is the document's issuer.
fn signature_scope(p: &ParagraphPlaces, gazetteer: &Gazetteer, lexicon: &Lexicon) -> Option<About> {
    let chars = p.chars;
    if chars.len() > MAX_SIGNATURE_CHARS
        || chars
            .iter()
            .enumerate()
            .any(|(i, &c)| lexicon.stops.breaks_at(chars, i) || c == '、')
        || !lexicon.org.suffixes.ends_at(chars, chars.len())
    {
        return None;
    }
    leading_scope(chars, p.mentions, gazetteer, lexicon)
}

/// The issuer a government document's title names: 浙江省人民政府办公厅关于…的指导意见 →
/// zhejiang; 关于再次征求《湖州市…行动计划》意见建议的函 → huzhou. A news headline is no
/// issuer.
fn title_issuer(title: &[char], mentions: &[Mention], gazetteer: &Gazetteer, lexicon: &Lexicon) -> Option<About> {
    let titles = super::documents::find(title, lexicon);
    let about = |k: usize| {
        let t = &titles[k];
        let inner = super::spans::mentions_inside(mentions, t.start, t.end);
        leading_scope(&title[t.start..t.end], &inner, gazetteer, lexicon)
    };
    let official =
        title.windows(2).any(|w| matches!(w, ['关' | '關', '于' | '於'])) || super::title::is_document(title, lexicon);
    if official && let Some(scope) = leading_scope(title, mentions, gazetteer, lexicon) {
        return Some(scope);
    }
    (0..titles.len())
        .filter(|&k| super::title::is_document(&title[titles[k].start..titles[k].end], lexicon))
        .find_map(about)
}

/// A paragraph's sentences and clauses, with the subject of each clause.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    /// Clause ends (exclusive), ascending; the last is the paragraph's length.
    ends: Vec<usize>,
    /// The subject of each clause.
    subjects: Vec<About>,
    /// The subject each clause names itself (a place, a scope word, 我市), if any.
    named: Vec<Option<About>>,
    /// Sentence ends (exclusive), ascending.
    sentence_ends: Vec<usize>,
}

impl Clauses {
    fn clause_at(&self, at: usize) -> usize {
        self.ends
            .partition_point(|&e| e <= at)
            .min(self.ends.len().saturating_sub(1))
    }

    /// What the clause holding char `at` is about.
    pub fn about(&self, at: usize) -> Option<About> {
        self.subjects.get(self.clause_at(at)).copied()
    }

    /// The subjects the paragraph's clauses name themselves, in order (none: every clause took
    /// its subject from around it).
    pub fn named(&self) -> impl Iterator<Item = About> + '_ {
        self.named.iter().flatten().copied()
    }

    /// The subject of the paragraph's last clause, which the next paragraph may continue.
    pub fn last(&self) -> Option<About> {
        self.subjects.last().copied()
    }

    /// The chars of the sentence holding char `at`.
    pub fn sentence(&self, at: usize) -> (usize, usize) {
        let k = self.sentence_ends.partition_point(|&e| e <= at);
        let start = if k == 0 { 0 } else { self.sentence_ends[k - 1] };
        (start, self.sentence_ends.get(k).copied().unwrap_or(usize::MAX))
    }

    /// The chars of the clause holding char `at`.
    pub fn clause(&self, at: usize) -> (usize, usize) {
        let k = self.clause_at(at);
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        (start, self.ends.get(k).copied().unwrap_or(usize::MAX))
    }
}

/// Reads places and scope words in a paragraph as possible subjects.
pub struct Subjects<'a> {
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    pub context: &'a Context,
}

/// Most Chinese characters (据, 其中) or English words (In, According to the) before a clause's
/// topic; dates, numbers and marks do not count.
const MAX_TOPIC_OFFSET: usize = 2;
const MAX_TOPIC_WORDS: usize = 3;

/// Whether `at` starts the clause that begins at `start`, leading dates, numbers, marks and a
/// short preposition (据, 在, 其中; In, According to) aside: where a clause's topic stands.
fn topic_position(chars: &[char], start: usize, at: usize) -> bool {
    let head = &chars[start..at];
    let cjk = head
        .iter()
        .filter(|&&c| c.is_alphabetic() && !c.is_ascii() && !matches!(c, '年' | '月' | '日'))
        .count();
    let words = head
        .split(|c| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    cjk <= MAX_TOPIC_OFFSET && words <= MAX_TOPIC_WORDS
}

impl Subjects<'_> {
    /// Splits a paragraph into clauses and gives each its subject. `titles` are the spans of
    /// 《》 titles (places inside them name the document, not the clause); `inherited` is the
    /// subject a continuing paragraph takes from the one before it; `speakers` are documents that
    /// say something (《若干措施》明确,…), with their issuers, which are subjects like places.
    pub fn clauses(
        &self,
        chars: &[char],
        mentions: &[Mention],
        titles: &[(usize, usize)],
        inherited: Option<About>,
        speakers: &[(usize, About)],
    ) -> Clauses {
        let Split {
            clause_ends: ends,
            sentence_ends,
        } = self.lexicon.stops.split(chars);
        let mut anchors = self.anchors(chars, mentions, titles);
        if !speakers.is_empty() {
            anchors.extend_from_slice(speakers);
            anchors.sort_by_key(|&(at, _)| at);
        }
        // The strongest anchor of each clause, leftmost among equals. National and foreign
        // words are subjects only where a clause starts (全国人工智能企业超过4500家); further in
        // they describe something (累计新增国家人工智能领域任务10个, 与上海合作).
        let mut own: Vec<Option<About>> = vec![None; ends.len()];
        let mut k = 0;
        for &(at, about) in &anchors {
            while k + 1 < ends.len() && ends[k] <= at {
                k += 1;
            }
            let start = if k == 0 { 0 } else { ends[k - 1] };
            if about == About::Other && !topic_position(chars, start, at) {
                continue;
            }
            if own[k].is_none_or(|o| about.strength() > o.strength()) {
                own[k] = Some(about);
            }
        }
        // A clause naming nothing takes the subject of the clause before it in the sentence,
        // else of the clause right after it, else of the sentence before it, else the one
        // inherited from the previous paragraph, else the article's. Only subjects that come
        // from a place are passed on: a clause that fell back to the article's subject does
        // not stop the next one from looking ahead.
        let mut subjects = Vec::with_capacity(ends.len());
        let mut previous_sentence = inherited;
        let mut sentence = 0;
        let mut in_sentence: Option<About> = None;
        for k in 0..ends.len() {
            let start = if k == 0 { 0 } else { ends[k - 1] };
            while sentence + 1 < sentence_ends.len() && sentence_ends[sentence] <= start {
                sentence += 1;
                previous_sentence = in_sentence.or(previous_sentence);
                in_sentence = None;
            }
            let next_in_sentence = own
                .get(k + 1)
                .copied()
                .flatten()
                .filter(|_| ends[k] < sentence_ends[sentence]);
            let placed = own[k].or(in_sentence).or(next_in_sentence);
            // A clause that only says where the subject before it lies ("Zhoushan, in the
            // northeast of Zhejiang Province, has 2,085 islands"; "Anji County, Zhejiang
            // Province") keeps that subject for the clauses after it.
            let describes_where = in_sentence.is_some_and(|before| {
                own[k].is_some_and(|o| o.strength() < before.strength()) && self.describes_where(&chars[start..ends[k]])
            });
            if placed.is_some() && !describes_where {
                in_sentence = placed;
            }
            subjects.push(
                placed
                    .or(previous_sentence)
                    .unwrap_or_else(|| self.context.default_subject()),
            );
        }
        Clauses {
            ends,
            subjects,
            named: own,
            sentence_ends,
        }
    }

    /// Whether a clause is a phrase of place after its subject: it opens with a word of place
    /// ("in the northeast of …", "located in …"), or it is only a name with its kind ("Zhejiang
    /// Province").
    fn describes_where(&self, clause: &[char]) -> bool {
        let text: String = clause.iter().collect();
        let text =
            text.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "，、。；：".contains(c));
        let words = &self.lexicon.attribution;
        words.place_openers_en.iter().any(|w| text.starts_with(w.as_str()))
            || !text.is_empty()
                && self.gazetteer.find(text).first().is_some_and(|m| {
                    let rest: String = text.chars().skip(m.end).collect();
                    m.start == 0 && words.place_kinds.iter().any(|k| rest.trim() == k.as_str())
                        || rest.trim().is_empty()
                })
    }

    /// Every place or scope word that can be a clause's subject, in order: (position, about).
    fn anchors(&self, chars: &[char], mentions: &[Mention], titles: &[(usize, usize)]) -> Vec<(usize, About)> {
        let words = &self.lexicon.attribution;
        let inside_title = |s: usize, e: usize| titles.iter().any(|&(ts, te)| s >= ts && e <= te);
        // Levels (国家级, 世界500强), comparisons (领跑全国) and the whole a share is taken of
        // (全国约60%的, 全球三分之一的) name no subject.
        let counts = |s: usize, e: usize| {
            !inside_title(s, e)
                && !words.not_subject_after.starts_at(chars, e)
                && !self.names_ranking_list(chars, e)
                && !words.not_subject_before.ends_at(chars, s)
                && !self.ranked_in(chars, s)
                && !self.share_follows(chars, e)
        };
        // In a city's own document the province and the nation are the levels of what it
        // refers to (国家、省重点科研任务; 按国家、省实际到账补助资金的25%给予补助), not whose
        // claims its clauses make: the city's (another city or a foreign place still is one).
        let city_document = self.context.issuer.is_some_and(About::is_city);
        let level = |s: usize, e: usize| {
            city_document
                && words.levels_in_city_documents.word_at(chars, s) == Some(e - s)
                && !self.names_organ(chars, e)
        };
        let mut out: Vec<(usize, About)> = Vec::new();
        for m in mentions {
            if let Some(about) = mention_scope(self.gazetteer, m)
                && counts(m.start, m.end)
                && !is_dateline(chars, m)
                && !level(m.start, m.end)
                && (about.is_city() || !self.names_company(chars, m.end))
            {
                out.push((m.start, about));
            }
        }
        let home = self.context.home_city();
        let mut mention = mentions.iter().peekable();
        let mut i = 0;
        while i < chars.len() {
            while mention.peek().is_some_and(|m| m.end <= i) {
                mention.next();
            }
            if let Some(m) = mention.peek()
                && m.start <= i
            {
                i = m.end;
                continue;
            }
            let found = if let Some(n) = words.this_city_words.word_at(chars, i) {
                Some((n, home))
            } else if let Some(n) = words.province.word_at(chars, i) {
                Some((n, Some(About::Zhejiang).filter(|_| !level(i, i + n))))
            } else if let Some(n) = words.national.word_at(chars, i) {
                Some((n, Some(About::Other).filter(|_| !level(i, i + n))))
            } else {
                self.organ_at(chars, i).map(|about| (1, about))
            };
            match found {
                Some((n, about)) => {
                    if let Some(about) = about
                        && counts(i, i + n)
                    {
                        out.push((i, about));
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        out.sort_by_key(|&(at, _)| at);
        out
    }

    /// Whether an organisation's name goes on from a place or scope word (浙江省科技厅, 国家发改委):
    /// an actor, not a level.
    fn names_organ(&self, chars: &[char], at: usize) -> bool {
        let lexicon = self.lexicon;
        for k in at..chars.len().min(at + MAX_ORGAN_CHARS) {
            if lexicon.stops.breaks_at(chars, k)
                || matches!(chars[k], '、' | '的')
                || opens(chars[k])
                || closes(chars[k])
            {
                return false;
            }
            if lexicon.org.suffixes.starts_at(chars, k) {
                return !lexicon
                    .org
                    .false_endings
                    .ends_at(chars, k + lexicon.org.suffixes.longest_at(chars, k).unwrap_or(0));
            }
        }
        false
    }

    /// Whether a company's name goes on from a place (浙江双环传动机械股份有限公司, Zhejiang Yinlun
    /// Machinery Co Ltd): the firm is named after the place, which says nothing about whose
    /// claim the clause makes.
    fn names_company(&self, chars: &[char], at: usize) -> bool {
        // Longest run from the place to the company word: English words are longer.
        const MAX_COMPANY_CHARS: usize = 40;
        const MAX_CHINESE_COMPANY_CHARS: usize = 16;
        let org = &self.lexicon.org;
        let latin = chars.get(at) == Some(&' ');
        for k in at..chars.len().min(at + MAX_COMPANY_CHARS) {
            let c = chars[k];
            if self.lexicon.stops.breaks_at(chars, k) && c != '.' || c == '、' || opens(c) || closes(c) {
                return false;
            }
            // In English the name is a run of capitalised words; in Chinese it holds no
            // function word (浙江将打造…集团 is a sentence).
            if latin && k > at && chars[k - 1] == ' ' && c.is_ascii_lowercase()
                || !latin && (org.left_stops.contains(c) || k >= at + MAX_CHINESE_COMPANY_CHARS)
            {
                return false;
            }
            let word_start = !latin || chars[k - 1] == ' ';
            if word_start
                && let Some(n) = org.company_suffixes.longest_at(chars, k)
                && !(latin && chars.get(k + n).is_some_and(char::is_ascii_alphanumeric))
            {
                return true;
            }
        }
        false
    }

    /// Whether a place or scope word at `at` follows a rank and "in" (ranking third in the
    /// province; ranked first in Jinhua and 16th in Zhejiang): where a rank is held.
    fn ranked_in(&self, chars: &[char], at: usize) -> bool {
        const MAX_RANK_WORDS: usize = 4;
        // Enough chars for four words before "in": the rest of the paragraph is never read.
        const MAX_RANK_CHARS: usize = 60;
        let words = &self.lexicon.attribution;
        let head: String = chars[at.saturating_sub(MAX_RANK_CHARS)..at].iter().collect();
        let Some(head) = head.strip_suffix("in ") else {
            return false;
        };
        // Only the words of the same clause, nearest first.
        let clause = head.rsplit([',', ';', '.', '，', '；']).next().unwrap_or("");
        let before: Vec<&str> = clause.split_whitespace().rev().take(MAX_RANK_WORDS).collect();
        let ordinal = |w: &str| {
            words.ordinals_en.iter().any(|o| o.eq_ignore_ascii_case(w))
                || ["st", "nd", "rd", "th"].iter().any(|end| {
                    w.strip_suffix(end)
                        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                })
        };
        before.first().is_some_and(|w| ordinal(w)) || before.iter().any(|w| words.rank_words_en.iter().any(|r| r == w))
    }

    /// Whether the noun phrase after a scope word names a ranking list (全省电子信息百强企业13家):
    /// read up to `ranking_list_reach` characters, stopping at a mark or a space.
    fn names_ranking_list(&self, chars: &[char], at: usize) -> bool {
        let words = &self.lexicon.attribution;
        let end = chars.len().min(at + words.ranking_list_reach);
        (at..end)
            .take_while(|&i| chars[i].is_alphanumeric())
            .any(|i| words.ranking_lists.starts_at(chars, i))
    }

    /// Whether a share follows a scope word (全国约60%的, 全球三分之一的, 全省超七成), or a share of
    /// what the scope holds (占全国袜子总量的65%, 世界总量的三分之一): the scope is the whole the
    /// share is taken of, not whose claim it is.
    fn share_follows(&self, chars: &[char], at: usize) -> bool {
        const MAX_WHOLE_CHARS: usize = 10;
        if self.share_at(chars, at) {
            return true;
        }
        (at + 1..chars.len().min(at + MAX_WHOLE_CHARS + 1))
            .take_while(|&k| !self.lexicon.stops.breaks_at(chars, k) && chars[k] != '、')
            .find(|&k| chars[k] == '的')
            .is_some_and(|k| self.share_at(chars, k + 1))
    }

    /// Whether a share starts at `at` (约60%, 三分之一, 超七成), after an optional 的.
    fn share_at(&self, chars: &[char], at: usize) -> bool {
        let mut k = at;
        if matches!(chars.get(k), Some('的')) {
            k += 1;
        }
        let figure = &self.lexicon.figure;
        if let Some(q) = figure.before.iter().find(|q| super::spans::starts_with(chars, k, q)) {
            k += q.chars().count();
        }
        let number = chars[k.min(chars.len())..]
            .iter()
            .take_while(|&&c| {
                super::numerals::arabic_digit(c).is_some()
                    || super::numerals::chinese_digit(c).is_some()
                    || matches!(c, '.' | '十' | '百')
            })
            .count();
        number > 0
            && (matches!(chars.get(k + number), Some('%' | '％' | '成'))
                || super::spans::starts_with(chars, k + number, "分之"))
    }

    /// A lone 省 or 市 starting an organisation's name (省科技厅, 市人工智能局, 经省政府同意):
    /// the province's or the home city's organ.
    fn organ_at(&self, chars: &[char], at: usize) -> Option<Option<About>> {
        let about = match chars[at] {
            '省' => Some(About::Zhejiang),
            '市' => self.context.home_city(),
            _ => return None,
        };
        let lexicon = self.lexicon;
        let starts_word = at == 0 || {
            let before = chars[at - 1];
            !before.is_alphanumeric()
                || lexicon.org.left_stops.contains(before)
                || lexicon.attribution.organ_after.contains(before)
                || opens(before)
        };
        if !starts_word
            || chars
                .get(at + 1)
                .is_none_or(|&c| lexicon.attribution.organ_not_before.contains(c))
        {
            return None;
        }
        let stop = |k: usize| {
            let c = chars[k];
            lexicon.stops.breaks_at(chars, k) || c == '、' || opens(c) || closes(c)
        };
        for k in at + 1..chars.len().min(at + 1 + MAX_ORGAN_CHARS) {
            if stop(k) {
                return None;
            }
            if lexicon.org.suffixes.starts_at(chars, k) {
                return Some(about);
            }
        }
        None
    }

    /// Whether a title is the subject of what follows it (《若干措施》明确,…): a verb of saying
    /// right after its closing mark.
    pub fn title_speaks(&self, chars: &[char], title_end: usize) -> bool {
        self.lexicon.attribution.document_says.starts_at(chars, title_end + 1)
    }

    /// Whether the sentence after a title issues it (现将《…》印发给你们; 《…》已经区政府同意,
    /// 现印发给你们): the document being read is what issues the title.
    pub fn issued_here(&self, chars: &[char], from: usize, to: usize) -> bool {
        (from..to).any(|k| self.lexicon.document.issued_here.starts_at(chars, k))
    }

    /// Whether the clause before a title says who issued it (舟山市人民政府印发《…》).
    pub fn states_issuer(&self, chars: &[char], clause_start: usize, title_start: usize) -> bool {
        (clause_start..title_start).any(|k| self.lexicon.document.issue_verbs.starts_at(chars, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counties_and_places_count_for_their_city() {
        let gz = Gazetteer::embedded().unwrap();
        let cities = |t: &str| named_cities(&gz, &gz.find(t));
        assert_eq!(cities("台州持續推動位於黃岩的浙東南智算中心建設"), ["taizhou"]);
        assert_eq!(
            cities("向寧波、嘉興、紹興等環杭州灣地區集聚"),
            ["ningbo", "jiaxing", "shaoxing"]
        );
        assert_eq!(cities("衢州相關部門前往上海"), ["quzhou"]);
        assert!(cities("較北京、深圳也還存在差距").is_empty());
    }

    #[test]
    fn continuation_and_this_city() {
        let gz = Gazetteer::embedded().unwrap();
        let lex = Lexicon::embedded().unwrap();
        let t = "背后的原因,並不難理解。";
        assert!(continues_previous(t, &gz.find(t), &lex));
        let t = "值得注意的是,浙江的其他城市同样在寻找机遇。";
        assert!(!continues_previous(t, &gz.find(t), &lex));
        assert_eq!(home_city(&gz, Some("宁波日报")).as_deref(), Some("ningbo"));
        assert_eq!(
            this_city("我市新增企业300家", Some("ningbo"), &lex).as_deref(),
            Some("ningbo")
        );
        assert_eq!(this_city("我市新增企业300家", None, &lex), None);
    }

    struct Setup {
        gz: Gazetteer,
        lex: Lexicon,
    }

    fn setup() -> Setup {
        Setup {
            gz: Gazetteer::embedded().unwrap(),
            lex: Lexicon::embedded().unwrap(),
        }
    }

    /// The subject of the clause holding `word` in `text`.
    fn about_in(s: &Setup, context: &Context, text: &str, word: &str) -> &'static str {
        let chars: Vec<char> = text.chars().collect();
        let mentions = s.gz.find(text);
        let subjects = Subjects {
            gazetteer: &s.gz,
            lexicon: &s.lex,
            context,
        };
        let titles: Vec<(usize, usize)> = super::super::documents::find(&chars, &s.lex)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        let clauses = subjects.clauses(&chars, &mentions, &titles, None, &[]);
        let at = text.find(word).map(|b| text[..b].chars().count()).unwrap();
        clauses.about(at).map_or("none", About::as_str)
    }

    #[test]
    fn each_clause_has_its_own_subject() {
        let s = setup();
        let none = Context::default();
        let t = "据统计,2024年浙江全省人工智能产业年产值突破5700亿元,其中杭州企业利润总额占比超七成。";
        assert_eq!(about_in(&s, &none, t, "5700"), "zhejiang");
        assert_eq!(about_in(&s, &none, t, "超七成"), "hangzhou");
        let t = "據統計,2024年浙江全省人工智能產業年產值突破5700億元,其中杭州企業利潤總額佔比超七成。";
        assert_eq!(about_in(&s, &none, t, "5700"), "zhejiang");
        assert_eq!(about_in(&s, &none, t, "超七成"), "hangzhou");
    }

    #[test]
    fn a_ranking_list_is_not_its_scopes_claim() {
        let s = setup();
        let huzhou = Context {
            dominant: About::city("huzhou"),
            ..Context::default()
        };
        // The firms on a provincial or national top-100 list are the city's; its scope is the
        // list's, in both scripts and after a run of digits (500强).
        let t = "2020年,全市培育规上企业354家,其中全国电子信息百强企业2家、全省电子信息百强企业13家。";
        assert_eq!(about_in(&s, &huzhou, t, "13家"), "huzhou");
        assert_eq!(about_in(&s, &huzhou, t, "2家"), "huzhou");
        let t = "2020年,全市培育規上企業354家,其中全省製造業500強企業13家。";
        assert_eq!(about_in(&s, &huzhou, t, "13家"), "huzhou");
        // A list or pilot the article's place is put on, and a lead it takes, are its own.
        for t in [
            "今年入选全省数字经济创新发展试验区名单,新增规上企业35家。",
            "在全省率先出台人工智能政策,新增規上企業35家。",
            "获评全国数字乡村试点县,新增规上企业35家。",
            "It ranked first in the province, adding 35 firms.",
        ] {
            assert_eq!(about_in(&s, &huzhou, t, "35"), "huzhou", "{t}");
        }
        // A scope whose clause goes on to other words is still the subject.
        let t = "全省新增规上企业500家,其中百强企业贡献最多。";
        assert_eq!(about_in(&s, &huzhou, t, "500家"), "zhejiang");
    }

    #[test]
    fn a_county_names_its_city_and_levels_name_nothing() {
        let s = setup();
        let none = Context::default();
        // A district stands for its city; 国家级 and 全国 after a ranking verb are no subjects.
        let t = "作為制造業強市,寧波擁有國家級制造業單項冠軍企業104家,數量領跑全國;";
        assert_eq!(about_in(&s, &none, t, "104"), "ningbo");
        let t = "金东区新增规上企业12家,居全省前列。";
        assert_eq!(about_in(&s, &none, t, "12家"), "jinhua");
        let t = "全国人工智能企业超过4500家,杭州有1000家。";
        assert_eq!(about_in(&s, &none, t, "4500"), "other");
        assert_eq!(about_in(&s, &none, t, "1000"), "hangzhou");
        // Further into a clause, a national word describes something: the clause is the city's.
        let t = "全市人工智能基金规模达到100亿元,累计新增国家人工智能领域创新任务10个。";
        let ningbo = Context {
            dominant: About::city("ningbo"),
            ..Context::default()
        };
        assert_eq!(about_in(&s, &ningbo, t, "10个"), "ningbo");
        let t = "其中,我國人工智能企業超過4500家。";
        assert_eq!(about_in(&s, &ningbo, t, "4500"), "other");
    }

    #[test]
    fn clauses_inherit_and_look_one_clause_ahead() {
        let s = setup();
        let none = Context::default();
        let t = "9月3日,溫州市委、市政府召開大會,會上揭牌,共有300人參加。";
        assert_eq!(about_in(&s, &none, t, "9月3日"), "wenzhou");
        assert_eq!(about_in(&s, &none, t, "300人"), "wenzhou");
        // A clause that falls back to the article does not hide the place after it.
        let zhoushan = Context {
            dominant: About::city("zhoushan"),
            ..Context::default()
        };
        let t = "据《浙江日报》报道,今年上半年,嘉兴新增企业20家。";
        assert_eq!(about_in(&s, &zhoushan, t, "今年"), "jiaxing");
        assert_eq!(about_in(&s, &zhoushan, t, "据"), "zhoushan");
        // A sentence that names nothing continues the sentence before it.
        let t = "宁波新增企业200家。这一数字同比增长12%。";
        assert_eq!(about_in(&s, &none, t, "12%"), "ningbo");
    }

    #[test]
    fn the_article_context_fills_in() {
        let s = setup();
        let huzhou = Context {
            issuer: About::city("huzhou"),
            ..Context::default()
        };
        let t = "到2027年底,全市累计引育龙头企业10家以上,上市企业5家以上;";
        assert_eq!(about_in(&s, &huzhou, t, "10家"), "huzhou");
        assert_eq!(about_in(&s, &huzhou, t, "5家"), "huzhou");
        let province = Context {
            issuer: Some(About::Zhejiang),
            ..Context::default()
        };
        let t = "(二)发展目标。到2027年,全面构建国内一流的发展生态,培育省级创新应用先导区15个,总营业收入突破10000亿元,成为全球重要的产业高地。";
        assert_eq!(about_in(&s, &province, t, "15个"), "zhejiang");
        assert_eq!(about_in(&s, &province, t, "10000"), "zhejiang");
        let jinhua = Context {
            dominant: About::city("jinhua"),
            ..Context::default()
        };
        assert_eq!(about_in(&s, &jinhua, "该项目总用地面积99.03亩。", "99.03"), "jinhua");
        // 市 starting an organ's name is the home city; 省 the province.
        assert_eq!(about_in(&s, &huzhou, "市经信局牵头,投入资金5亿元。", "5亿元"), "huzhou");
        assert_eq!(about_in(&s, &huzhou, "省科技厅安排资金3亿元。", "3亿元"), "zhejiang");
    }

    #[test]
    fn a_city_document_speaks_for_the_city() {
        let s = setup();
        let hangzhou = Context {
            issuer: About::city("hangzhou"),
            ..Context::default()
        };
        for t in [
            "对承担国家、省重点科研任务的企业,按国家、省实际到账补助资金的25%给予补助,最高补助500万元。",
            "對承擔國家、省重點科研任務的企業,按國家、省實際到賬補助資金的25%給予補助,最高補助500萬元。",
        ] {
            assert_eq!(about_in(&s, &hangzhou, t, "25%"), "hangzhou");
            assert_eq!(about_in(&s, &hangzhou, t, "500"), "hangzhou");
        }
        // Another city, or a place abroad, is still a subject of its own.
        let t = "宁波市对该类企业给予100万元奖励。";
        assert_eq!(about_in(&s, &hangzhou, t, "100"), "ningbo");
        // A news report is no city document: the province keeps its claims.
        let news = Context {
            dominant: About::city("hangzhou"),
            ..Context::default()
        };
        assert_eq!(about_in(&s, &news, "全省新增企业500家。", "500"), "zhejiang");
    }

    #[test]
    fn partners_on_a_ranking_and_shares_of_a_whole_are_the_city_s() {
        let s = setup();
        let zhoushan = Context {
            dominant: About::city("zhoushan"),
            ..Context::default()
        };
        assert_eq!(
            about_in(&s, &zhoushan, "现场与7家世界500强企业签约。", "7家"),
            "zhoushan"
        );
        assert_eq!(
            about_in(&s, &zhoushan, "現場與7家世界500強企業簽約。", "7家"),
            "zhoushan"
        );
        let none = Context::default();
        for t in [
            "诸暨市大唐镇生产了全国约60%的袜子。",
            "諸暨市大唐鎮生產了全國約60%的襪子。",
            "全国约60%的袜子产自诸暨。",
            "全球三分之一的袜子产自诸暨。",
        ] {
            let share = if t.contains("分之") { "三分之一" } else { "60" };
            assert_eq!(about_in(&s, &none, t, share), "shaoxing", "{t}");
        }
        assert_eq!(about_in(&s, &none, "全国人工智能企业超过4500家。", "4500"), "other");
        // A share of what the nation or the world holds (…总量的65%) is the share's owner's,
        // and a clause after it that names nothing keeps that owner.
        for t in [
            "诸暨年产袜子200多亿双,占全国袜子总量的65%,世界总量的三分之一。",
            "諸暨年產襪子200多億雙,佔全國襪子總量的65%,世界總量的三分之一。",
        ] {
            for figure in ["200", "65%", "三分之一"] {
                assert_eq!(about_in(&s, &none, t, figure), "shaoxing", "{t} {figure}");
            }
        }
        // Trap: the whole is not followed by a share: the nation's own figure stays the nation's.
        assert_eq!(about_in(&s, &none, "全国袜子企业的总数超过1万家。", "1万家"), "other");
    }

    #[test]
    fn a_firm_named_after_a_place_is_not_its_claim() {
        let s = setup();
        let taizhou = Context {
            dominant: About::city("taizhou"),
            ..Context::default()
        };
        let t = "Since 2008, Zhejiang Yinlun Machinery Co Ltd has made 30 acquisitions.";
        assert_eq!(about_in(&s, &taizhou, t, "30 acquisitions"), "taizhou");
        let t = "浙江银轮机械股份有限公司完成并购30起。";
        assert_eq!(about_in(&s, &taizhou, t, "30起"), "taizhou");
        let t = "浙江銀輪機械股份有限公司完成併購30起。";
        assert_eq!(about_in(&s, &taizhou, t, "30起"), "taizhou");
        // The province itself is still a subject.
        let t = "Zhejiang has 30 national labs.";
        assert_eq!(about_in(&s, &taizhou, t, "30 national"), "zhejiang");
        assert_eq!(about_in(&s, &taizhou, "浙江将打造3个产业集团。", "3个"), "zhejiang");
    }

    #[test]
    fn hangzhou_bay_and_rooftops_are_no_subjects() {
        let s = setup();
        let none = Context {
            in_zhejiang: true,
            ..Context::default()
        };
        assert_eq!(about_in(&s, &none, "环杭州湾地区集聚企业300家。", "300家"), "zhejiang");
        assert_eq!(
            about_in(&s, &none, "大家在天台上种了30棵树,共有20人。", "20人"),
            "zhejiang"
        );
    }

    #[test]
    fn datelines_name_where_a_report_was_filed_not_its_subject() {
        let s = setup();
        let none = Context {
            in_zhejiang: true,
            ..Context::default()
        };
        let t = "人民网杭州5月28日电 记者从省统计局获悉,1-4月,全省增加值125亿元。";
        assert_eq!(about_in(&s, &none, t, "5月28日"), "zhejiang");
        assert_eq!(about_in(&s, &none, t, "125"), "zhejiang");
        let t = "中新網杭州1月16日電 人工智能產業營收達6800億元。";
        assert_eq!(about_in(&s, &none, t, "6800"), "zhejiang");
        let chars: Vec<char> = "HANGZHOU, June 24 (Xinhua) -- Hangzhou".chars().collect();
        let mentions = s.gz.find("HANGZHOU, June 24 (Xinhua) -- Hangzhou");
        assert!(is_dateline(&chars, &mentions[0]));
        assert!(!is_dateline(&chars, &mentions[1]));
    }

    #[test]
    fn english_clauses() {
        let s = setup();
        let none = Context::default();
        let t = "HANGZHOU, Feb. 10 (Xinhua) -- The eastern Chinese tech city of Hangzhou has announced 20 measures.";
        assert_eq!(about_in(&s, &none, t, "Feb. 10"), "hangzhou");
        assert_eq!(about_in(&s, &none, t, "20 measures"), "hangzhou");
        let t = "China has more than 4,500 AI companies.";
        assert_eq!(about_in(&s, &none, t, "4,500"), "other");
        // A phrase of place after the subject does not take its place.
        let t = "Zhoushan, in the northeast of Zhejiang Province, has 2,085 islands.";
        assert_eq!(about_in(&s, &none, t, "2,085"), "zhoushan");
        let t = "Huangdu Village lies in Anji County, Zhejiang Province. Its tea area is 10,000 acres.";
        assert_eq!(about_in(&s, &none, t, "10,000"), "huzhou");
        let t = "Wenzhou's GDP grew by 3.3 percent, 0.8 percentage points higher than that of Zhejiang province.";
        assert_eq!(about_in(&s, &none, t, "0.8"), "wenzhou");
        // A rank held in a place is not that place's claim, in words or in digits.
        let t = "Wenzhou's GDP rose 3.3 percent, 0.8 percentage points higher than that of Zhejiang province and ranking third in the province.";
        assert_eq!(about_in(&s, &none, t, "0.8"), "wenzhou");
        let t = "Yiwu ranked first in Jinhua and 16th in Zhejiang, with output of 45 billion yuan.";
        assert_eq!(about_in(&s, &none, t, "45 billion"), "jinhua");
        // Trap: "first quarter in Zhejiang" is a period, not a rank: the province is the subject.
        let t = "Investment in the first quarter in Zhejiang rose 8 percent.";
        assert_eq!(about_in(&s, &none, t, "8 percent"), "zhejiang");
        // A clause of its own about the province still is the province's.
        let t = "Wenzhou added 30 firms, and Zhejiang added 500 firms.";
        assert_eq!(about_in(&s, &none, t, "500"), "zhejiang");
    }

    #[test]
    fn issuers_from_titles_and_signatures() {
        let s = setup();
        let issuer = |title: &str, lines: &[&str]| {
            let paragraphs: Vec<(Vec<char>, Vec<Mention>)> =
                lines.iter().map(|l| (l.chars().collect(), s.gz.find(l))).collect();
            let places: Vec<ParagraphPlaces> = paragraphs
                .iter()
                .map(|(c, m)| ParagraphPlaces { chars: c, mentions: m })
                .collect();
            context(&s.gz, &s.lex, title, &places, None).issuer.map(About::as_str)
        };
        assert_eq!(
            issuer(
                "浙江省人民政府办公厅关于加快人工智能产业发展的指导意见",
                &["为推动发展。"]
            ),
            Some("zhejiang")
        );
        assert_eq!(
            issuer(
                "关于再次征求《湖州市人工智能三年行动计划(征求意见稿)》意见建议的函",
                &["现征求意见。"]
            ),
            Some("huzhou")
        );
        assert_eq!(
            issuer(
                "关于支持人工智能创新发展的若干措施",
                &["各县(区)人民政府:", "舟山市人民政府"]
            ),
            Some("zhoushan")
        );
        assert_eq!(
            issuer("關於支持人工智能創新發展的若干措施", &["舟山市人民政府"]),
            Some("zhoushan")
        );
        // The city written right after the province is the issuer.
        assert_eq!(
            issuer("浙江温州“十四五”规划和二〇三五年远景目标纲要", &["为推动发展。"]),
            Some("wenzhou")
        );
        assert_eq!(
            issuer("浙江省湖州市数字经济发展规划", &["为推动发展。"]),
            Some("huzhou")
        );
        // A news headline names no issuer.
        assert_eq!(issuer("浙江成立首个设区市人工智能局", &["温州召开大会。"]), None);
        // A national body's document.
        assert_eq!(
            issuer("国务院关于深入实施“人工智能+”行动的意见", &["各省人民政府:"]),
            Some("other")
        );
    }
}
