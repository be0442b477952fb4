//! Explanations composed from structure: a five-year plan from its number, 人工智能+X from the
//! sector table, and a document from its title's reading. The Chinese is written with the
//! title's or term's own words as they stand (either script); pages convert the whole.

use super::english::{self, English};
use super::{Explanation, Note, Origin, TitlePart};
use crate::annotate::title::{self, Period, TitleReading};
use crate::knowledge::Knowledge;
use crate::knowledge::{DocumentEntry, Glossary};
use crate::knowledge::{DocumentType, ExplainTables, RuleWords};
use crate::knowledge::{Gazetteer, Target};
use crate::text::script::fold_chars as fold;

const QUOTES: &str = "“”‘’「」『』\"'";

/// `text` folded, without quotation marks.
fn bare(text: &str) -> Vec<char> {
    fold(text).into_iter().filter(|c| !QUOTES.contains(*c)).collect()
}

/// 十四五, “十六五”规划: the Nth Five-Year Plan and its years.
pub fn five_year_plan(text: &str, glossary: &Glossary, words: &RuleWords) -> Option<Explanation> {
    let folded = bare(text);
    let (n, len) = title::five_year_plan_at(&folded, 0)?;
    let rest: String = folded[len..].iter().collect();
    if !rest.is_empty() && !words.plan_words.contains(&rest) {
        return None;
    }
    let Period { start, end, .. } = title::plan_period(n)?;
    let end = end.unwrap_or(start + 4);
    let general = glossary.term("五年规划");
    let mut zh = format!(
        "“{text}”是国民经济和社会发展第{}个五年规划的简称,覆盖{start}—{end}年。",
        chinese_number(n)
    );
    let mut en = format!(
        "Short for China's {} Five-Year Plan for economic and social development, covering {start}–{end}.",
        ordinal(n)
    );
    if let Some(g) = general {
        zh.push_str(&g.zh);
        en.push(' ');
        en.push_str(&g.en);
    }
    Some(Explanation {
        label_en: Some(format!("{} Five-Year Plan ({start}–{end})", ordinal(n))),
        reference: general.and_then(|g| g.source.clone()),
        ..Explanation::new(Origin::Rule, zh, Some(en))
    })
}

/// 1 → 一, 14 → 十四, 21 → 二十一 (plans run to a few dozen).
fn chinese_number(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    let mut out = String::new();
    if tens > 1 {
        out.push(DIGITS[tens % 10]);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 || tens == 0 {
        out.push(DIGITS[ones]);
    }
    out
}

/// 1st, 2nd, 3rd, 14th, 21st.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// 人工智能+X, AI+X, X+AI: AI applied to the sector X (never X and AI side by side), from the
/// sector table; for a sector the table does not know, AI applied to X as the glossary's
/// “人工智能+” says, with X in English where the glossary, the phrase table or the dictionary
/// has it (else no English).
pub fn ai_plus(text: &str, k: &Knowledge) -> Option<Explanation> {
    let heads = &k.explain.words.ai_heads;
    let folded = bare(text);
    let n = folded.len();
    // Where X lies among the term's chars without marks: after AI+ or before +AI.
    let (from, to) = if let Some(h) = heads
        .iter()
        .find(|h| folded.starts_with(h) && folded.get(h.len()) == Some(&'+'))
    {
        (h.len() + 1, n)
    } else {
        let h = heads
            .iter()
            .find(|h| n > h.len() && folded.ends_with(h) && folded[n - h.len() - 1] == '+')?;
        (0, n - h.len() - 1)
    };
    let tables = &k.explain;
    // X as the term writes it (its script), without marks.
    let x: String = text
        .chars()
        .filter(|c| !QUOTES.contains(*c))
        .skip(from)
        .take(to - from)
        .collect::<String>()
        .trim()
        .to_string();
    if x.is_empty() || x.contains(['+', '＋']) {
        return None;
    }
    let ai_plus = k.glossary.term("人工智能+");
    Some(match tables.sector(&x) {
        Some(sector) => Explanation {
            label_en: Some(format!("AI + {}", sector.label_en)),
            reference: Some(sector.source.clone()),
            ..Explanation::new(
                Origin::Rule,
                format!("“{text}”指把人工智能用于{x}:{}", sector.zh),
                Some(format!("“{text}”: AI applied to {}. {}", sector.label_en, sector.en)),
            )
        },
        None => {
            let x_en = part_english(&x, k).map(|p| p.en);
            Explanation {
                label_en: x_en.as_ref().map(|e| format!("AI + {e}")),
                reference: ai_plus.and_then(|g| g.source.clone()),
                ..Explanation::new(
                    Origin::Rule,
                    format!("“{text}”指把人工智能用于“{x}”(“人工智能+”即把人工智能与各行各业深度融合)。"),
                    x_en.map(|e| {
                        format!(
                            "“{text}”: AI applied to {e} ({x}), as in the “AI+” drive to fuse AI into every sector."
                        )
                    }),
                )
            }
        }
    })
}

/// One part of a slogan explained: its English and what it is, from the glossary, a place's
/// name, the dictionary or the phrase table.
pub struct PartMeaning {
    /// A short English name.
    pub en: String,
    /// What it is, in Chinese (the glossary's words) or the dictionary's senses.
    pub zh: String,
    /// Where that comes from.
    pub source: String,
}

/// `part` explained as a whole: a glossary term, a place, an ordinary word of the dictionary,
/// a phrase of the phrase table, Latin letters (AI, IP) as they are; else word by word, when
/// it is wholly made of such words.
pub fn part_english(part: &str, k: &Knowledge) -> Option<PartMeaning> {
    let part = part.trim();
    if part.is_empty() {
        return None;
    }
    if let Some(g) = k.glossary.term(part) {
        let first = g.zh.split_inclusive('。').next().unwrap_or(&g.zh).to_string();
        return Some(PartMeaning {
            en: g.label_en.clone(),
            zh: first,
            source: g.source.clone().unwrap_or_else(|| "glossary".to_string()),
        });
    }
    if let Some(p) = k.explain.phrases.get(part) {
        return Some(PartMeaning {
            en: p.inside().to_string(),
            zh: format!("政策用语,英文作“{}”", p.en),
            source: "data/explain/phrases.toml".to_string(),
        });
    }
    if part.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
        return Some(PartMeaning {
            en: part.to_string(),
            zh: part.to_string(),
            source: String::new(),
        });
    }
    let places = k.gazetteer.find(part);
    if let [m] = places.as_slice()
        && m.start == 0
        && m.end == part.chars().count()
        && let Some(en) = super::english::English::curated(k).english(part)
    {
        return Some(PartMeaning {
            zh: part.to_string(),
            en,
            source: "data/gazetteer.toml".to_string(),
        });
    }
    // A dictionary word only when it has one or two senses, both given: a word of many
    // (运动: to move, to exercise, sports …) is not given one that may be the wrong one.
    if part.chars().count() >= 2
        && let Some(w) = k.dictionary.word(part)
        && w.senses.len() <= 2
    {
        let mut senses: Vec<String> = w.senses.iter().map(|s| super::english::short_sense(s)).collect();
        senses.dedup();
        return Some(PartMeaning {
            en: senses.join(" / "),
            zh: format!(
                "词典释义:{}",
                w.senses.iter().take(2).cloned().collect::<Vec<_>>().join("; ")
            ),
            source: format!(
                "{} {}: {}",
                crate::knowledge::DICTIONARY_NAME,
                crate::knowledge::DICTIONARY_RELEASE,
                w.headword
            ),
        });
    }
    // A compound of such words (数智工厂, 生态工业), read word by word.
    if let Some((en, zh, source)) = super::words::compound_parts(part, k) {
        return Some(PartMeaning { en, zh, source });
    }
    None
}

/// A slogan of parts (低空+物流, 美丽+智慧, 数据安全+, 生态、生产、生活): each part explained by
/// the glossary or the dictionary, and no relation between them that nothing states. A slogan
/// of numbers (1+4+N) is not this; nor is one with a part nothing explains.
pub fn parts(text: &str, heads: &[ListHead], k: &Knowledge) -> Option<Explanation> {
    let clean: String = text
        .chars()
        .filter(|c| !QUOTES.contains(*c))
        .collect::<String>()
        .replace('＋', "+");
    let plus = clean.contains('+');
    let separators: &[char] = if plus { &['+'] } else { &['、', ',', '，', '·'] };
    let pieces: Vec<&str> = clean.split(separators).map(str::trim).collect();
    let trailing_plus = plus && pieces.len() == 2 && pieces[1].is_empty();
    let named: Vec<&str> = pieces.iter().copied().filter(|p| !p.is_empty()).collect();
    let wordy = |s: &str| s.chars().any(|c| c.is_alphabetic() && !matches!(c, 'N' | 'n'));
    if named.is_empty()
        || (named.len() < 2 && !trailing_plus)
        || named.len() != pieces.len() - usize::from(trailing_plus)
        || !named.iter().all(|p| wordy(p))
    {
        return None;
    }
    // Parts that are all names of one glossary entry (数字产业化、产业数字化): the entry
    // explains the whole.
    let entries: Vec<Option<&crate::knowledge::TermEntry>> = named.iter().map(|p| k.glossary.term(p)).collect();
    if named.len() > 1
        && let Some(Some(first)) = entries.first()
        && entries.iter().all(|e| e.is_some_and(|e| e.id == first.id))
    {
        return Some(Explanation {
            label_en: Some(first.label_en.clone()),
            reference: first.source.clone(),
            ..Explanation::new(Origin::Glossary, first.zh.clone(), Some(first.en.clone()))
        });
    }
    let meanings: Vec<PartMeaning> = named.iter().map(|p| part_english(p, k)).collect::<Option<_>>()?;
    let listed_zh: Vec<String> = named
        .iter()
        .zip(&meanings)
        .map(|(p, m)| {
            if m.zh == *p {
                format!("“{p}”")
            } else {
                format!("“{p}”({})", m.zh.trim_end_matches('。'))
            }
        })
        .collect();
    let listed_en: Vec<String> = named
        .iter()
        .zip(&meanings)
        .map(|(p, m)| {
            if m.en == *p {
                m.en.clone()
            } else {
                format!("{} ({p})", m.en)
            }
        })
        .collect();
    let sources: Vec<&str> = meanings
        .iter()
        .map(|m| m.source.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    let internet_plus = k.glossary.term("互联网+");
    let (zh, en, label) = if trailing_plus {
        (
            format!(
                "“{text}”是“{}+”式的提法,仿照“互联网+”(把互联网与各领域融合),指把{}用于其他各个领域。{}。",
                named[0], named[0], listed_zh[0]
            ),
            format!(
                "“{text}” follows the pattern of “Internet+” (merging the internet with other sectors): {} applied across other sectors.",
                listed_en[0]
            ),
            format!("{}+", meanings[0].en),
        )
    } else if plus {
        (
            format!("“{text}”用“+”把{}连在一起提出。", listed_zh.join("与")),
            format!("“{text}” joins {} with a “+”.", english_list(&listed_en)),
            meanings.iter().map(|m| m.en.as_str()).collect::<Vec<_>>().join(" + "),
        )
    } else {
        // A list is what the articles call it (“A、B、C”三大主线): without a name of that many
        // things after it, “a list of three” would only restate the commas.
        let head = heads.iter().find(|h| h.count == named.len())?;
        let head_en = head_english(&head.noun, k)?;
        (
            format!("“{text}”是文中所说的{}:{}。", head.written, listed_zh.join("、")),
            format!(
                "“{text}” are the {} {} the article names: {}.",
                number_en(named.len()),
                plural(&head_en),
                listed_en.join("; ")
            ),
            meanings.iter().map(|m| m.en.as_str()).collect::<Vec<_>>().join(", "),
        )
    };
    let mut reference: Vec<&str> = sources.clone();
    if trailing_plus && let Some(s) = internet_plus.and_then(|g| g.source.as_deref()) {
        reference.push(s);
    }
    reference.dedup();
    Some(Explanation {
        label_en: Some(label),
        reference: (!reference.is_empty()).then(|| reference.join("; ")),
        ..Explanation::new(Origin::Rule, zh, Some(en))
    })
}

/// What a quoted list is called right after its closing mark: 三大主线, 五个方面, 3项任务.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListHead {
    pub count: usize,
    /// As written (三大主线), and the noun alone, folded (主线).
    pub written: String,
    pub noun: String,
}

/// Longest noun of a list's name, in chars.
const HEAD_NOUN: usize = 4;

/// The list's name at `at` of a folded paragraph: a count (三, 五, 3), a counting mark from
/// `counting` (大, 个, 项) if any, and a noun of two to [`HEAD_NOUN`] Han characters up to a
/// word that ends it (的, 和, 等…) or a non-Han character.
pub fn list_head(folded: &[char], at: usize, counting: &[Vec<char>]) -> Option<ListHead> {
    let c = *folded.get(at)?;
    let count = match c {
        '两' => 2,
        '十' => 10,
        '1'..='9' => c.to_digit(10)? as usize,
        _ => CHINESE_DIGITS.chars().position(|d| d == c)? + 1,
    };
    let mut i = at + 1;
    if let Some(m) = counting.iter().find(|m| folded[i..].starts_with(m)) {
        i += m.len();
    }
    let from = i;
    while i < folded.len()
        && i - from < HEAD_NOUN
        && crate::text::han::is_han(folded[i])
        && !"的和与及等是为将在中里上".contains(folded[i])
    {
        i += 1;
    }
    (i - from >= 2).then(|| ListHead {
        count,
        written: folded[at..i].iter().collect(),
        noun: folded[from..i].iter().collect(),
    })
}

/// The Chinese numerals, by value from 1.
const CHINESE_DIGITS: &str = "一二三四五六七八九";

/// A list's noun in English: the phrase table's, else the dictionary's first sense.
fn head_english(noun: &str, k: &Knowledge) -> Option<String> {
    if let Some(p) = k.explain.phrases.get(noun) {
        return Some(p.inside().to_string());
    }
    let w = k.dictionary.word(noun)?;
    w.senses
        .first()
        .map(|s| english::short_sense(s))
        .filter(|s| !s.is_empty())
}

/// 3 → "three".
fn number_en(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n.wrapping_sub(1))
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// An English noun's plural, simply (principle → principles, strategy → strategies).
fn plural(noun: &str) -> String {
    if noun.ends_with('s') {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// a, b and c.
pub(super) fn english_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A new version of a glossary term (城市大脑2.0): the term's entry, said to be its upgrade.
pub fn version(text: &str, glossary: &Glossary) -> Option<Explanation> {
    let clean: String = text.chars().filter(|c| !QUOTES.contains(*c)).collect();
    let clean = clean.trim_end_matches('版');
    // The trailing run of digits and points: 2.0.
    let cut = clean
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let (base, number) = clean.split_at(cut);
    let number = number.trim_start_matches('.');
    if number.is_empty() || !number.contains('.') || base.trim().is_empty() {
        return None;
    }
    let g = glossary.term(base.trim())?;
    Some(Explanation {
        label_en: Some(format!("{} {number}", g.label_en)),
        reference: g.source.clone(),
        ..Explanation::new(
            Origin::Rule,
            format!("“{text}”是“{}”的{number}版(升级版)。{}", base.trim(), g.zh),
            Some(format!(
                "“{text}”: version {number}, an upgrade, of {} ({}). {}",
                g.label_en,
                base.trim(),
                g.en
            )),
        )
    })
}

/// A glossary document's issuer and date, as parts.
pub fn entry_parts(e: &DocumentEntry) -> Vec<TitlePart> {
    let mut parts = vec![TitlePart {
        role: "issuer",
        zh: e.issuer.clone(),
        en: None,
    }];
    if let Some(date) = &e.date {
        parts.push(TitlePart {
            role: "date",
            zh: date.clone(),
            en: Some(date.clone()),
        });
    }
    parts
}

/// A city named alone in brackets inside a title (…核心区(丽水市)…): as written, and its English.
fn bracketed_city(chars: &[char], gazetteer: &Gazetteer) -> Option<(String, String)> {
    let text: String = chars.iter().collect();
    gazetteer.find(&text).into_iter().find_map(|m| {
        let Target::City(i) = m.target else { return None };
        let open = m.start.checked_sub(1).map(|k| chars[k]);
        let close = chars.get(m.end).copied();
        if !(matches!(open, Some('(' | '（')) && matches!(close, Some(')' | '）'))) {
            return None;
        }
        Some((
            chars[m.start..m.end].iter().collect(),
            gazetteer.cities.get(i)?.name_en.clone(),
        ))
    })
}

/// A place's English name.
fn place_en(gazetteer: &Gazetteer, target: Target) -> Option<String> {
    Some(match target {
        Target::Province => gazetteer.province.name_en.clone(),
        Target::City(i) => gazetteer.cities.get(i)?.name_en.clone(),
        Target::County { index, .. } => gazetteer.counties.get(index)?.name_en.clone(),
        Target::Place(i) => gazetteer.places.get(i)?.name_en.clone(),
        Target::Outside(i) => gazetteer.outside.get(i)?.name_en.clone(),
    })
}

/// "a" or "an" before an English word.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// A document explained from its title: who issued it, what about, what kind of document, for
/// which years, in what state; the type and status marks explained once each. `None` when the
/// title says neither its type nor its issuer.
pub fn from_title(title: &str, knowledge: &Knowledge) -> Option<Explanation> {
    from_title_reported(title, knowledge, false)
}

/// [`from_title`] for a document whose issuer the articles report (`reported`): a place the
/// title only starts with is then part of its subject, not whose the document is (浙江省大花园
/// 核心区(丽水市)建设规划任务分解及实施方案 is Lishui's, as the article says, not Zhejiang's).
pub fn from_title_reported(title: &str, knowledge: &Knowledge, reported: bool) -> Option<Explanation> {
    let chars: Vec<char> = title.chars().collect();
    let reading = title::read(&chars, &knowledge.explain, &knowledge.gazetteer);
    if reading.kind.is_none() && reading.issuer.is_none() {
        return None;
    }
    let mut facts = TitleFacts::of(&chars, &reading, knowledge);
    if reported && !facts.issued_by && !facts.agreement {
        facts.fold_place_into_subject();
    }
    let (parts, notes) = facts.parts_and_notes();
    Some(Explanation {
        label_en: facts.title_en(),
        reference: facts.kind.map(|t| t.source.clone()),
        parts,
        notes,
        ..Explanation::new(Origin::Title, facts.sentence_zh(), Some(facts.sentence_en(title)))
    })
}

/// An organisation's name in English: [place][body] as "body of place" (浙江省人民政府办公厅 →
/// General Office of the People's Government of Zhejiang), else piece by piece.
pub fn organisation_english(name: &str, k: &Knowledge) -> Option<String> {
    let pieces = English::curated(k).pieces(name)?;
    match pieces.split_first() {
        Some((place, rest)) if place.from == english::From::Place && !rest.is_empty() => {
            Some(format!("{} of {}", english::join(rest), place.en))
        }
        _ => Some(english::join(&pieces)),
    }
}

/// What a title's reading says, in words: the parts a page lists and the sentences are made
/// from these.
struct TitleFacts<'k> {
    tables: &'k ExplainTables,
    knowledge: &'k Knowledge,
    /// The issuer as the title writes it, and in English (a place's name, the title's words
    /// after it when they say more).
    issuer_zh: Option<String>,
    issuer_en: Option<String>,
    /// The place or issuer the title starts with, as written (浙江省), even where a city the
    /// title names in brackets owns the document.
    lead_zh: Option<String>,
    /// The issuer was written before 关于 and issued the document; otherwise the title only
    /// starts with a place (a report on 浙江省 may come from anyone).
    issued_by: bool,
    subject: Option<String>,
    /// The type's word as the title writes it (行动计划), and its entry.
    kind_word: Option<String>,
    kind: Option<&'k DocumentType>,
    /// The years covered (2025—2027年, 2025–2027), and the five-year plan they are.
    years: Option<(String, String)>,
    plan: Option<u32>,
    /// How many years a plan runs, unless the type's word says so itself (三年行动计划).
    duration: Option<u32>,
    statuses: Vec<usize>,
    /// The document a notice issues.
    issued: Option<String>,
    /// The notice forwards that document (转发) rather than issuing its own.
    forwards: bool,
    /// Who wrote the forwarded document, as the title names them before its 关于
    /// (转发省经信委省统计局关于…的通知).
    forwarded_from: Option<String>,
    /// The subject in English (from the phrase table, places, the glossary and the
    /// dictionary), when every part of it has English.
    subject_en: Option<String>,
    /// The issued document's English title.
    issued_en: Option<String>,
    /// An agreement (协议, 备忘录, 意向书): what stands before its type names its parties, not
    /// a subject.
    agreement: bool,
}

impl<'k> TitleFacts<'k> {
    fn of(chars: &[char], reading: &TitleReading, knowledge: &'k Knowledge) -> TitleFacts<'k> {
        let tables = &knowledge.explain;
        let text = |r: &std::ops::Range<usize>| chars[r.clone()].iter().collect::<String>();
        let lead_zh = reading.issuer.as_ref().map(text);
        let mut issuer_zh = lead_zh.clone();
        let mut place = reading.place.and_then(|p| place_en(&knowledge.gazetteer, p));
        // A provincial programme's part that a city owns names the city in brackets
        // (浙江省大花园核心区(丽水市)建设规划…实施方案): the city's document, not the province's.
        let owner = (reading.place == Some(Target::Province))
            .then(|| bracketed_city(chars, &knowledge.gazetteer))
            .flatten();
        if let Some((city, name_en)) = owner.clone() {
            issuer_zh = Some(city);
            place = Some(name_en);
        }
        let issuer_en = match (&issuer_zh, place) {
            (Some(zh), Some(name)) if fold(zh).len() > fold(&name).len() + 1 => {
                Some(organisation_english(zh, knowledge).unwrap_or_else(|| format!("{name} ({zh})")))
            }
            (_, Some(name)) => Some(name),
            (Some(zh), None) => organisation_english(zh, knowledge),
            (None, None) => None,
        };
        // A subject that ends in a conjunction joins a second genre word to the type (任务分解及
        // 实施方案: a task breakdown and implementation plan): the conjunction is not the subject's.
        let subject = reading
            .subject
            .as_ref()
            .map(text)
            .map(|s| s.trim_end_matches(['及', '和', '与', '與', '暨']).to_string())
            .filter(|s| !s.is_empty());
        // The five-year plan a subject names is said by the period, not again in the subject.
        let plan = reading.period.and_then(|p| p.plan);
        let subject_en = subject
            .as_deref()
            .map(|s| if plan.is_some() { without_plan(s) } else { s.to_string() })
            .filter(|s| !s.trim().is_empty())
            .and_then(|s| English::with_dictionary(knowledge).english(&s));
        let mut issued = reading.issues.as_ref().map(text);
        let mut forwarded_from = None;
        if reading.forwards
            && let Some(inner) = issued.clone()
            && let Some((from, doc)) = split_author(&inner)
        {
            forwarded_from = Some(from);
            issued = Some(doc);
        }
        let issued_en = issued
            .as_deref()
            .and_then(|inner| from_title(inner, knowledge))
            .and_then(|e| e.label_en);
        let kind_word = reading.kind.as_ref().map(|(_, span)| text(span));
        let years = reading.period.map(|p| match p.end {
            Some(end) if end != p.start => (format!("{}—{end}年", p.start), format!("{}–{end}", p.start)),
            _ => (format!("{}年", p.start), p.start.to_string()),
        });
        TitleFacts {
            tables,
            knowledge,
            lead_zh,
            issued_by: reading
                .issuer
                .as_ref()
                .is_some_and(|r| !reading_is_place_only(chars, r))
                && owner.is_none(),
            issuer_zh,
            issuer_en,
            agreement: reading
                .kind
                .as_ref()
                .is_some_and(|(k, _)| is_agreement(&tables.types[*k].label_en)),
            subject,
            subject_en,
            issued_en,
            forwards: reading.forwards,
            forwarded_from,
            duration: reading
                .duration
                .filter(|_| !kind_word.as_deref().is_some_and(|w| w.contains('年'))),
            kind_word,
            kind: reading.kind.as_ref().map(|(k, _)| &tables.types[*k]),
            years,
            plan: reading.period.and_then(|p| p.plan),
            statuses: reading.statuses.clone(),
            issued,
        }
    }

    /// The place a title starts with, read as the start of its subject: the document is about
    /// it, and who issued it is for the articles to say.
    fn fold_place_into_subject(&mut self) {
        let Some(owner) = self.issuer_zh.take() else { return };
        let place = self.lead_zh.clone().unwrap_or(owner);
        self.issuer_en = None;
        let subject = format!("{place}{}", self.subject.as_deref().unwrap_or(""));
        self.subject_en = English::with_dictionary(self.knowledge).english(&subject);
        self.subject = Some(subject);
    }

    /// An agreement's parties as its title names them: what stands before its type.
    fn parties_zh(&self) -> Option<String> {
        let text = format!(
            "{}{}",
            self.issuer_zh.as_deref().unwrap_or(""),
            self.subject.as_deref().unwrap_or("")
        );
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    /// Parties written one after another (嘉兴市人民政府 浙江大学, A与B) in English, each as an
    /// organisation's name: "People's Government of Jiaxing and Zhejiang University".
    fn parties_en(&self, parties: &str) -> Option<String> {
        let names: Vec<String> = parties
            .split(|c: char| c.is_whitespace() || "、与和及與".contains(c))
            .filter(|p| !p.is_empty())
            .map(|p| organisation_english(p, self.knowledge))
            .collect::<Option<_>>()?;
        (!names.is_empty()).then(|| english_list(&names))
    }

    /// The title in English, as an English title is written: "Ningbo AI Innovation and
    /// Development Action Programme (2025–2030)", "Guiding Opinions of … on …", "Notice on
    /// Issuing …". `None` when some part of it has no English.
    fn title_en(&self) -> Option<String> {
        let kind = self.kind.map(|t| t.label_en.clone())?;
        let kind = match self.duration {
            Some(n) if !kind.contains("year") => format!(
                "{} {kind}",
                number_word(n).map_or(format!("{n}-year"), |w| format!("{w}-year"))
            ),
            _ => kind,
        };
        let mut out = if self.issued.is_some() {
            let verb = if self.forwards { "forwarding" } else { "issuing" };
            format!("{kind} on {verb} {}", self.issued_en.as_ref()?)
        } else {
            let subject = match (&self.subject, &self.subject_en) {
                (None, _) => String::new(),
                (Some(_), Some(en)) => en.clone(),
                (Some(_), None) => return None,
            };
            match (&self.issuer_en, self.issued_by) {
                (Some(who), true) if !subject.is_empty() => format!("{kind} of {who} on {subject}"),
                (Some(who), true) => format!("{kind} of {who}"),
                // A subject that opens with a verb (关于支持… "supporting …") follows its type, as
                // in English titles: "Several Measures on Supporting …", never "Supporting …
                // Several Measures".
                (who, _) if subject.split_whitespace().next().is_some_and(|w| w.ends_with("ing")) => {
                    let who = who.as_deref().map(|w| format!("{w} ")).unwrap_or_default();
                    format!("{who}{kind} on {subject}")
                }
                (who, _) => [who.as_deref().unwrap_or(""), subject.as_str(), kind.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        };
        if let Some((_, y)) = &self.years {
            out.push_str(&format!(" ({y})"));
        }
        for &s in &self.statuses {
            out.push_str(&format!(" ({})", self.tables.statuses[s].label_en));
        }
        Some(english::title_case(&out))
    }

    /// The title's parts, for pages to list, and the notes that explain its type and status
    /// marks once each.
    fn parts_and_notes(&self) -> (Vec<TitlePart>, Vec<Note>) {
        let mut parts = Vec::new();
        let mut notes = Vec::new();
        if self.agreement {
            if let Some(p) = self.parties_zh() {
                parts.push(TitlePart {
                    role: "parties",
                    en: self.parties_en(&p),
                    zh: p,
                });
            }
        } else {
            if let Some(zh) = &self.issuer_zh {
                parts.push(TitlePart {
                    role: if self.issued_by { "issuer" } else { "place" },
                    zh: zh.clone(),
                    en: self.issuer_en.clone(),
                });
            }
            if let Some(s) = &self.subject {
                parts.push(TitlePart {
                    role: "subject",
                    zh: s.clone(),
                    en: self.subject_en.clone(),
                });
            }
        }
        if let (Some(word), Some(t)) = (&self.kind_word, self.kind) {
            parts.push(TitlePart {
                role: "type",
                zh: word.clone(),
                en: Some(t.label_en.clone()),
            });
            notes.push(Note {
                word: word.clone(),
                label_en: t.label_en.clone(),
                zh: t.zh.clone(),
                en: t.en.clone(),
                source: t.source.clone(),
            });
        }
        if let Some((zh, en)) = &self.years {
            parts.push(TitlePart {
                role: "period",
                zh: zh.clone(),
                en: Some(en.clone()),
            });
        }
        for &s in &self.statuses {
            let mark = &self.tables.statuses[s];
            let word = mark.marks.first().cloned().unwrap_or_default();
            parts.push(TitlePart {
                role: "status",
                zh: word.clone(),
                en: Some(mark.label_en.clone()),
            });
            notes.push(Note {
                word,
                label_en: mark.label_en.clone(),
                zh: mark.zh.clone(),
                en: mark.en.clone(),
                source: mark.source.clone(),
            });
        }
        if let Some(inner) = &self.issued {
            parts.push(TitlePart {
                role: "issues",
                zh: format!("《{inner}》"),
                en: None,
            });
        }
        (parts, notes)
    }

    /// 湖州市关于“人工智能高质量发展”的三年行动计划,时间范围2025—2027年;标题注明“征求意见稿”。
    fn sentence_zh(&self) -> String {
        if self.agreement {
            let parties = self.parties_zh();
            let kind = self.kind_word.as_deref().unwrap_or("协议");
            return match parties {
                Some(p) => format!("{p}之间的{kind}。"),
                None => format!("{kind}。"),
            };
        }
        let mut zh = String::new();
        match (&self.issuer_zh, self.issued_by) {
            (Some(who), true) => zh.push_str(&format!("{who}发布的")),
            (Some(who), false) => zh.push_str(who),
            (None, _) => {}
        }
        if let Some(inner) = &self.issued {
            let verb = if self.forwards { "转发" } else { "印发" };
            let from = self.forwarded_from.as_deref().unwrap_or("");
            zh.push_str(&format!("{verb}{from}《{inner}》的"));
        } else if let Some(s) = &self.subject {
            zh.push_str(&format!("关于{}的", quoted(s)));
        }
        if let Some(n) = self.duration {
            zh.push_str(&format!("{}年", chinese_number(n)));
        }
        zh.push_str(self.kind_word.as_deref().unwrap_or("文件"));
        if let Some((y, _)) = &self.years {
            match self.plan {
                Some(n) => zh.push_str(&format!(",对应第{}个五年规划时期({y})", chinese_number(n))),
                None => zh.push_str(&format!(",时间范围{y}")),
            }
        }
        if !self.statuses.is_empty() {
            let marks: Vec<String> = self
                .statuses
                .iter()
                .filter_map(|&s| self.tables.statuses[s].marks.first().map(|m| format!("“{m}”")))
                .collect();
            zh.push_str(&format!(";标题注明{}", marks.join("、")));
        }
        zh.push('。');
        if self.issued.is_some() {
            zh.push_str(if self.forwards {
                "通知本身很短,实际内容在所转发的文件里。"
            } else {
                "通知本身很短,实际内容在所印发的文件里。"
            });
        }
        zh
    }

    /// Huzhou's three-year action plan on AI high-quality development, covering 2025–2027;
    /// draft for comment. Where the subject has no English, the title stands in 《》 instead.
    fn sentence_en(&self, title: &str) -> String {
        let label = self.kind.map_or_else(|| "document".to_string(), |t| t.label_en.clone());
        if self.agreement {
            let a = capitalised(article(&label));
            return match self.parties_zh() {
                None => format!("{a} {label}."),
                Some(p) => match self.parties_en(&p) {
                    Some(en) => format!("{a} {label} between {en}."),
                    None => format!("{a} {label}, 《{title}》."),
                },
            };
        }
        let label = match self.duration {
            Some(n) if !label.contains("year") => format!("{n}-year {label}"),
            _ => label,
        };
        let who = self.issuer_en.as_ref();
        let mut en = match who {
            Some(who) if !self.issued_by => format!("{who}'s {label}"),
            _ if is_plural(&label) => capitalised(&label),
            _ => format!("{} {label}", capitalised(article(&label))),
        };
        if let Some(who) = who.filter(|_| self.issued_by) {
            en.push_str(&format!(" issued by {who}"));
        }
        if let Some(inner) = &self.issued {
            let verb = if self.forwards { "forwarding" } else { "issuing" };
            let by = self
                .forwarded_from
                .as_deref()
                .map_or(String::new(), |from| format!("written by {from}; "));
            match &self.issued_en {
                Some(inner_en) => en.push_str(&format!(" {verb} the {inner_en} ({by}the content is in that document)")),
                None => en.push_str(&format!(" {verb} 《{inner}》 ({by}the content is in that document)")),
            }
        } else if let Some(s) = &self.subject_en {
            en.push_str(&format!(" on {s}"));
        } else if self.subject.is_some() {
            en.push_str(&format!(", 《{title}》"));
        }
        if let Some((_, y)) = &self.years {
            match self.plan {
                Some(n) => en.push_str(&format!(", for the {} Five-Year Plan period ({y})", ordinal(n))),
                None => en.push_str(&format!(", covering {y}")),
            }
        }
        for &s in &self.statuses {
            en.push_str(&format!("; {}", self.tables.statuses[s].label_en));
        }
        en.push('.');
        en
    }
}

/// A title's subject without the five-year plan it names (数字经济发展“十四五” → 数字经济发展).
fn without_plan(subject: &str) -> String {
    let chars: Vec<char> = subject.chars().collect();
    let folded = fold(subject);
    for at in 0..folded.len() {
        if let Some((_, len)) = title::five_year_plan_at(&folded, at) {
            let start = if at > 0 && "“‘「".contains(chars[at - 1]) {
                at - 1
            } else {
                at
            };
            let mut end = at + len;
            if chars.get(end).is_some_and(|c| "”’」".contains(*c)) {
                end += 1;
            }
            return chars[..start].iter().chain(&chars[end..]).collect();
        }
    }
    subject.to_string()
}

/// A forwarded document's title split at its 关于 into who wrote it and the title proper
/// (省经信委省统计局关于…办法 → 省经信委省统计局, 关于…办法); `None` when 关于 opens it.
fn split_author(title: &str) -> Option<(String, String)> {
    let at = ["关于", "關於"].iter().filter_map(|w| title.find(w)).min()?;
    (title[..at].chars().count() >= 2).then(|| (title[..at].to_string(), title[at..].to_string()))
}

/// Whether a type is an agreement, signed by parties rather than issued.
fn is_agreement(label: &str) -> bool {
    ["agreement", "memorandum", "letter of intent"]
        .iter()
        .any(|w| label.contains(w))
}

/// Whether a type's English name is plural (regulations, several measures): no article.
fn is_plural(label: &str) -> bool {
    let head = label.split('(').next().unwrap_or(label).trim();
    head.ends_with('s') && !head.ends_with("ss")
}

/// 2 → two … 10 → ten, for a plan's length in years.
fn number_word(n: u32) -> Option<&'static str> {
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
    .get(n.checked_sub(1)? as usize)
    .copied()
}

/// Whether the issuer the reading found is only the place the title starts with (no 关于
/// after it): 湖州市…行动计划.
fn reading_is_place_only(chars: &[char], issuer: &std::ops::Range<usize>) -> bool {
    let after: String = chars[issuer.end..].iter().collect();
    !fold(after.trim_start()).starts_with(&['关', '于'])
}

/// A subject in quotation marks, unless it holds marks of its own (牢记“续写创新史”殷殷嘱托…).
fn quoted(subject: &str) -> String {
    if subject.contains(['“', '”', '「', '」']) {
        subject.to_string()
    } else {
        format!("“{subject}”")
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knowledge() -> Knowledge {
        Knowledge::load(None).unwrap()
    }

    #[test]
    fn five_year_plans_by_number() {
        let k = knowledge();
        let e = five_year_plan("十六五", &k.glossary, &k.explain.words).unwrap();
        assert_eq!(e.origin, Origin::Rule);
        assert_eq!(e.label_en.as_deref(), Some("16th Five-Year Plan (2031–2035)"));
        assert!(
            e.zh.starts_with("“十六五”是国民经济和社会发展第十六个五年规划的简称,覆盖2031—2035年。"),
            "{}",
            e.zh
        );
        let e = five_year_plan("“二十一五”规划", &k.glossary, &k.explain.words);
        assert!(e.is_none(), "二十一五 is not a form plans take");
        let e = five_year_plan("“十五五”規劃", &k.glossary, &k.explain.words).unwrap();
        assert!(e.zh.contains("2026—2030年"), "{}", e.zh);
        assert!(five_year_plan("十五五产业", &k.glossary, &k.explain.words).is_none());
        assert!(five_year_plan("五年", &k.glossary, &k.explain.words).is_none());
        assert_eq!(
            (ordinal(21), ordinal(12), ordinal(3)),
            ("21st".into(), "12th".into(), "3rd".into())
        );
        assert_eq!(
            (chinese_number(10), chinese_number(14), chinese_number(21)),
            ("十".into(), "十四".into(), "二十一".into())
        );
    }

    #[test]
    fn ai_plus_from_the_sector_table_in_both_scripts() {
        let k = knowledge();
        let e = ai_plus("人工智能+醫療", &k).unwrap();
        assert_eq!(e.origin, Origin::Rule);
        assert!(e.zh.starts_with("“人工智能+醫療”指把人工智能用于醫療:"), "{}", e.zh);
        assert!(e.label_en.as_deref().unwrap().starts_with("AI + "));
        assert!(e.reference.is_some());
        let e = ai_plus("AI+水利", &k).unwrap();
        assert_eq!(e.label_en.as_deref(), Some("AI + water resources"));
        // A sector the table does not know is still AI applied to it, as the glossary's “AI+”
        // says, with the sector in English from the phrase table or the dictionary.
        let e = ai_plus("人工智能+海上風電", &k).unwrap();
        assert_eq!(e.label_en.as_deref(), Some("AI + offshore wind power"));
        assert_eq!(
            e.en.as_deref(),
            Some(
                "“人工智能+海上風電”: AI applied to offshore wind power (海上風電), as in the “AI+” drive to fuse AI into every sector."
            )
        );
        let e = ai_plus("ＡＩ＋眼镜", &k).unwrap();
        assert_eq!(e.label_en.as_deref(), Some("AI + spectacles / eyeglasses"));
        // No English for a sector nothing knows: none rather than Chinese inside English.
        let e = ai_plus("AI+甲乙丙", &k).unwrap();
        assert_eq!((e.en, e.label_en), (None, None));
        assert!(ai_plus("人工智能+", &k).is_none());
        assert!(ai_plus("人工智能产业", &k).is_none());
        assert!(ai_plus("MAI+制造", &k).is_none());
    }

    /// X+AI is AI applied to X too, never two things side by side, in both scripts; X's English
    /// from the phrase table or the dictionary, else none.
    #[test]
    fn x_plus_ai_is_ai_applied_to_x() {
        let k = knowledge();
        for text in ["“商贸物流+AI”", "“商貿物流+AI”", "商贸物流＋人工智能"] {
            let e = ai_plus(text, &k).unwrap();
            assert_eq!(e.origin, Origin::Rule);
            assert!(e.zh.contains("指把人工智能用于"), "{}", e.zh);
            assert!(!e.zh.contains("并列"), "{}", e.zh);
            let en = e.en.unwrap();
            assert!(en.contains("AI applied to ") && en.contains("logistics"), "{en}");
            assert!(!en.contains("together"), "{en}");
        }
        let e = ai_plus("醫療+AI", &k).unwrap();
        assert!(e.zh.starts_with("“醫療+AI”指把人工智能用于醫療:"), "{}", e.zh);
        let e = ai_plus("甲乙丙+AI", &k).unwrap();
        assert_eq!((e.en, e.label_en), (None, None));
        assert!(ai_plus("+AI", &k).is_none());
        assert!(ai_plus("制造+MAI", &k).is_none());
        assert!(ai_plus("制造+AI+物流", &k).is_none());
    }

    /// A+B names its parts and says no relation nothing states: no direction (A drives B), no
    /// family (“A+” combinations) — readings that must not come back — in both scripts.
    #[test]
    fn slogans_of_parts_name_their_parts_and_no_relation() {
        let k = knowledge();
        for text in ["模型+数据集", "服装+文化", "服裝+文化", "美丽+智慧", "美麗+智慧"] {
            let e = parts(text, &[], &k).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(e.origin, Origin::Rule);
            let en = e.en.as_deref().unwrap();
            for wrong in [
                "drive",
                "driving",
                "applying the one",
                "combinations",
                "一类提法",
                "带动",
            ] {
                assert!(!en.contains(wrong) && !e.zh.contains(wrong), "{text}: {} / {en}", e.zh);
            }
            assert!(en.contains("with a “+”"), "{en}");
            assert!(!e.restates(text), "{}", e.zh);
        }
        let e = parts("服装+文化", &[], &k).unwrap();
        assert_eq!(
            e.en.as_deref(),
            Some("“服装+文化” joins apparel (服装) and culture (文化) with a “+”.")
        );
        // “X+” follows “Internet+”, which the glossary explains.
        let e = parts("機器人+", &[], &k).unwrap();
        assert!(
            e.en.as_deref().unwrap().contains("applied across other sectors"),
            "{:?}",
            e.en
        );
        assert!(e.reference.as_deref().unwrap().contains("互联网+"), "{:?}", e.reference);
        // A list of parallel words, each from the phrase table or the dictionary, is what the
        // articles call it right after it…
        let head = |text: &str| {
            let folded: Vec<char> = crate::text::script::fold_chars(text);
            list_head(&folded, 0, &k.explain.words.counting_marks).unwrap()
        };
        let e = parts("旅游、文化、眼镜", &[head("三大产业,")], &k).unwrap();
        assert!(
            e.zh.starts_with("“旅游、文化、眼镜”是文中所说的三大产业:“旅游”"),
            "{}",
            e.zh
        );
        assert!(
            e.en.as_deref()
                .unwrap()
                .starts_with("“旅游、文化、眼镜” are the three "),
            "{:?}",
            e.en
        );
        assert!(!e.en.as_deref().unwrap().contains("list of"), "{:?}", e.en);
        // …and nothing without such a name, or with a count that is not the list's.
        assert!(parts("旅游、文化、眼镜", &[], &k).is_none());
        assert!(parts("旅游、文化、眼镜", &[head("五大產業")], &k).is_none());
        assert_eq!(head("三个方面的").noun, "方面");
        assert_eq!(head("5項原則").count, 5);
        // …but not a word of many senses, which may be the wrong one (生态: ecology, ecological
        // state, ecosystem).
        assert!(parts("生态、生产、生活", &[head("三大领域")], &k).is_none());
        // Policy phrases of a parallel slogan, in either script, from the phrase table; one
        // part nothing explains leaves the whole unexplained.
        for slogan in ["创新引领、重点突破、开放合作", "創新引領、重點突破、開放合作"] {
            let e = parts(slogan, &[head("三大原则")], &k).unwrap();
            let en = e.en.as_deref().unwrap();
            assert!(
                en.contains("innovation-led") && en.contains("breakthroughs in key areas"),
                "{en}"
            );
        }
        assert!(parts("创新引领、重点突破、甲乙丙丁", &[], &k).is_none());
        // Numbers, and a part nothing explains, are not this.
        assert!(parts("1+4+N", &[], &k).is_none());
        assert!(parts("8+4", &[], &k).is_none());
        assert!(parts("甲乙丙+物流", &[], &k).is_none());
        assert!(parts("物流", &[], &k).is_none());
    }

    #[test]
    fn versions_of_glossary_terms() {
        let k = knowledge();
        let e = version("城市大脑2.0", &k.glossary).unwrap();
        assert!(
            e.zh.starts_with("“城市大脑2.0”是“城市大脑”的2.0版(升级版)。"),
            "{}",
            e.zh
        );
        assert!(e.en.as_deref().unwrap().contains("(城市大脑)"), "{:?}", e.en);
        assert!(version("城市大脑", &k.glossary).is_none());
        assert!(version("未知系统3.0", &k.glossary).is_none());
    }

    #[test]
    fn a_forwarding_notice_says_it_forwards() {
        let k = knowledge();
        let e = from_title("浙江省人民政府办公厅转发省发展改革委关于完善县域经济评价办法的通知", &k).unwrap();
        assert!(!e.zh.contains("印发"), "{}", e.zh);
        assert!(
            e.zh.contains("转发省发展改革委《关于完善县域经济评价办法》"),
            "{}",
            e.zh
        );
        if let Some(en) = &e.en {
            assert!(!en.contains("issuing"), "{en}");
        }
    }

    #[test]
    fn documents_from_their_titles_in_english() {
        let k = knowledge();
        let e = from_title("湖州市人工智能高质量发展三年行动计划(2025—2027年)(征求意见稿)", &k).unwrap();
        assert_eq!(e.origin, Origin::Title);
        assert_eq!(
            e.zh,
            "湖州市关于“人工智能高质量发展”的三年行动计划,时间范围2025—2027年;标题注明“征求意见稿”。"
        );
        assert_eq!(
            e.en.as_deref(),
            Some(
                "Huzhou's three-year action plan on AI high-quality development, covering 2025–2027; draft for comment."
            )
        );
        assert_eq!(
            e.label_en.as_deref(),
            Some("Huzhou AI High-Quality Development Three-Year Action Plan (2025–2027) (Draft for Comment)")
        );
        let roles: Vec<&str> = e.parts.iter().map(|p| p.role).collect();
        assert_eq!(roles, ["place", "subject", "type", "period", "status"]);
        assert_eq!(e.notes.len(), 2);
        let e = from_title("浙江省人民政府辦公廳關於加快人工智能產業發展的指導意見", &k).unwrap();
        assert_eq!(e.zh, "浙江省人民政府辦公廳发布的关于“加快人工智能產業發展”的指導意見。");
        let en = e.en.as_deref().unwrap();
        assert!(
            en.starts_with("Guiding opinions issued by General Office of the People's Government of Zhejiang"),
            "{en}"
        );
        let e = from_title("关于印发《杭州市人工智能产业发展实施方案》的通知", &k).unwrap();
        assert!(
            e.zh.contains("印发《杭州市人工智能产业发展实施方案》的通知"),
            "{}",
            e.zh
        );
        assert_eq!(
            e.label_en.as_deref(),
            Some("Notice on Issuing Hangzhou AI Industrial Development Implementation Plan")
        );
        let e = from_title("浙江省数字经济发展“十四五”规划", &k).unwrap();
        assert!(e.zh.contains("对应第十四个五年规划时期(2021—2025年)"), "{}", e.zh);
        // A subject nothing puts into English: the title in 《》, never Chinese loose in English.
        let e = from_title("甲乙市丙丁戊己庚实施方案", &k).unwrap();
        assert!(
            e.en.as_deref().unwrap().contains("《甲乙市丙丁戊己庚实施方案》"),
            "{:?}",
            e.en
        );
        assert_eq!(e.label_en, None);
        // Agreements are documents of their own type.
        let e = from_title("杭州市人民政府与浙江大学战略合作框架协议", &k).unwrap();
        assert!(
            e.parts
                .iter()
                .any(|p| p.role == "type" && p.en.as_deref() == Some("framework agreement")),
            "{:?}",
            e.parts
        );
        // Nothing to read: no explanation rather than an empty one.
        assert!(from_title("红楼梦", &k).is_none());
        // A subject opening with a verb follows the type in English.
        for title in ["关于支持人工智能创新发展若干措施", "關於支持人工智能創新發展若干措施"]
        {
            let e = from_title(title, &k).unwrap();
            let label = e.label_en.unwrap_or_default();
            assert!(label.starts_with("Several Measures on Supporting"), "{label}");
        }
    }

    #[test]
    fn a_city_named_in_brackets_owns_a_provincial_programmes_part() {
        let k = knowledge();
        for (title, city) in [
            ("浙江省大花园核心区(丽水市)建设规划任务分解及实施方案", "丽水市"),
            ("浙江省大花園核心區（衢州市）建設實施方案", "衢州市"),
        ] {
            let e = from_title(title, &k).unwrap();
            let place = e.parts.iter().find(|p| p.role == "place").unwrap();
            assert_eq!(crate::text::script::fold(&place.zh), city, "{:?}", e.parts);
            assert!(!e.zh.starts_with("浙江省"), "{}", e.zh);
            assert!(!e.en.as_deref().unwrap().contains("Zhejiang's"), "{:?}", e.en);
        }
        // Without a bracketed city the province's place stands.
        let e = from_title("浙江省大花园建设实施方案", &k).unwrap();
        assert!(e.zh.starts_with("浙江省"), "{}", e.zh);
    }

    #[test]
    fn a_place_a_title_starts_with_is_not_its_issuer_when_the_articles_name_one() {
        let k = knowledge();
        for title in [
            "浙江省大花园核心区(丽水市)建设规划任务分解及实施方案",
            "浙江省大花園核心區(麗水市)建設規劃任務分解及實施方案",
        ] {
            // Read alone, the title's place is whose it is; the articles may say otherwise.
            let alone = from_title(title, &k).unwrap();
            assert!(alone.parts.iter().any(|p| p.role == "place"), "{:?}", alone.parts);
            let e = from_title_reported(title, &k, true).unwrap();
            assert!(
                e.parts.iter().all(|p| p.role != "place" && p.role != "issuer"),
                "{:?}",
                e.parts
            );
            assert!(!e.zh.starts_with("浙江省关于"), "{}", e.zh);
            let en = e.en.as_deref().unwrap();
            assert!(!en.contains("Zhejiang's"), "{en}");
            // The subject does not end in the conjunction that joins the two genre words.
            let subject = e.parts.iter().find(|p| p.role == "subject").unwrap();
            assert!(
                !subject.zh.ends_with('及') && subject.zh.starts_with("浙江省"),
                "{:?}",
                subject
            );
        }
    }
}
