//! Explanations composed from structure: a five-year plan from its number, 人工智能+X from the
//! sector table, and a document from its title's reading. The Chinese is written with the
//! title's or term's own words as they stand (either script); pages convert the whole.

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
        origin: Origin::Rule,
        label_en: Some(format!("{} Five-Year Plan ({start}–{end})", ordinal(n))),
        zh,
        en: Some(en),
        reference: general.and_then(|g| g.source.clone()),
        quote: None,
        parts: Vec::new(),
        notes: Vec::new(),
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

/// 人工智能+X, AI+X: AI applied to the sector X, from the sector table (or, for a sector it does
/// not know, AI applied to X as the slogan says).
pub fn ai_plus(text: &str, glossary: &Glossary, tables: &ExplainTables) -> Option<Explanation> {
    let folded = bare(text);
    let head = tables.words.ai_heads.iter().find(|h| folded.starts_with(h))?;
    let plus = head.len();
    if folded.get(plus) != Some(&'+') {
        return None;
    }
    // X as the term writes it (its script), without marks.
    let x: String = text
        .chars()
        .filter(|c| !QUOTES.contains(*c))
        .skip(plus + 1)
        .collect::<String>()
        .trim()
        .to_string();
    if x.is_empty() || x.contains(['+', '＋']) {
        return None;
    }
    let ai_plus = glossary.term("人工智能+");
    Some(match tables.sector(&x) {
        Some(sector) => Explanation {
            origin: Origin::Rule,
            label_en: Some(format!("AI + {}", sector.label_en)),
            zh: format!("“{text}”指把人工智能用于{x}:{}", sector.zh),
            en: Some(format!("“{text}”: AI applied to {}. {}", sector.label_en, sector.en)),
            reference: Some(sector.source.clone()),
            quote: None,
            parts: Vec::new(),
            notes: Vec::new(),
        },
        None => Explanation {
            origin: Origin::Rule,
            label_en: Some(format!("AI + “{x}”")),
            zh: format!("“{text}”指把人工智能用于“{x}”,是“人工智能+”行动(人工智能与各行各业融合)的一个方向。"),
            en: Some(format!(
                "“{text}”: AI applied to “{x}”, one of the tracks of the “AI+” drive to fuse AI into every sector."
            )),
            reference: ai_plus.and_then(|g| g.source.clone()),
            quote: None,
            parts: Vec::new(),
            notes: Vec::new(),
        },
    })
}

/// A+B slogans besides AI+X (低空+物流, 互联网+政务, 数据安全+): A combined with B, with A's
/// glossary label where A (or A经济) has an entry. Slogans of numbers (1+4+N) are not this.
pub fn plus(text: &str, glossary: &Glossary) -> Option<Explanation> {
    let clean: String = text.chars().filter(|c| !QUOTES.contains(*c)).collect();
    let clean = clean.replace('＋', "+");
    let (a, b) = clean.split_once('+')?;
    let (a, b) = (a.trim(), b.trim());
    let wordy = |s: &str| s.chars().any(|c| c.is_alphabetic() && c != 'N' && c != 'n');
    if !wordy(a) || (!b.is_empty() && !wordy(b)) || b.contains('+') || a.chars().count() > 8 {
        return None;
    }
    let known = glossary.term(a).or_else(|| glossary.term(&format!("{a}经济")));
    let a_en = known.map_or_else(|| format!("“{a}”"), |g| format!("{} ({a})", g.label_en));
    let (zh, en) = if b.is_empty() {
        (
            format!("“{text}”指以{a}为基础、与各行各业结合的提法(仿“互联网+”“人工智能+”的说法)。"),
            format!("“{text}”: {a_en} combined with other sectors, on the pattern of “Internet+” and “AI+”."),
        )
    } else {
        (
            format!("“{text}”指把{a}与{b}结合、用{a}带动{b}的发展方向,是“{a}+”一类提法中的一个。"),
            format!(
                "“{text}”: combining {a_en} with “{b}” (applying the one to the other), one of the “{a}+” combinations."
            ),
        )
    };
    Some(Explanation {
        origin: Origin::Rule,
        label_en: Some(if b.is_empty() {
            format!("{a_en}+")
        } else {
            format!("{a_en} + “{b}”")
        }),
        zh,
        en: Some(en),
        reference: known.and_then(|g| g.source.clone()),
        quote: None,
        parts: Vec::new(),
        notes: Vec::new(),
    })
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
        origin: Origin::Rule,
        label_en: Some(format!("{} {number}", g.label_en)),
        zh: format!("“{text}”是“{}”的{number}版(升级版)。{}", base.trim(), g.zh),
        en: Some(format!(
            "“{text}”: version {number}, an upgrade, of “{}”. {}",
            base.trim(),
            g.en
        )),
        reference: g.source.clone(),
        quote: None,
        parts: Vec::new(),
        notes: Vec::new(),
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
    let chars: Vec<char> = title.chars().collect();
    let reading = title::read(&chars, &knowledge.explain, &knowledge.gazetteer);
    if reading.kind.is_none() && reading.issuer.is_none() {
        return None;
    }
    let facts = TitleFacts::of(&chars, &reading, knowledge);
    let (parts, notes) = facts.parts_and_notes();
    Some(Explanation {
        origin: Origin::Title,
        label_en: None,
        zh: facts.sentence_zh(),
        en: Some(facts.sentence_en()),
        reference: facts.kind.map(|t| t.source.clone()),
        quote: None,
        parts,
        notes,
    })
}

/// What a title's reading says, in words: the parts a page lists and the sentences are made
/// from these.
struct TitleFacts<'k> {
    tables: &'k ExplainTables,
    /// The issuer as the title writes it, and in English (a place's name, the title's words
    /// after it when they say more).
    issuer_zh: Option<String>,
    issuer_en: Option<String>,
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
}

impl<'k> TitleFacts<'k> {
    fn of(chars: &[char], reading: &TitleReading, knowledge: &'k Knowledge) -> TitleFacts<'k> {
        let tables = &knowledge.explain;
        let text = |r: &std::ops::Range<usize>| chars[r.clone()].iter().collect::<String>();
        let issuer_zh = reading.issuer.as_ref().map(text);
        let issuer_en = reading
            .place
            .and_then(|p| place_en(&knowledge.gazetteer, p))
            .map(|name| match &issuer_zh {
                Some(zh) if fold(zh).len() > fold(&name).len() + 1 => format!("{name} ({zh})"),
                _ => name,
            });
        let kind_word = reading.kind.as_ref().map(|(_, span)| text(span));
        let years = reading.period.map(|p| match p.end {
            Some(end) if end != p.start => (format!("{}—{end}年", p.start), format!("{}–{end}", p.start)),
            _ => (format!("{}年", p.start), p.start.to_string()),
        });
        TitleFacts {
            tables,
            issued_by: reading
                .issuer
                .as_ref()
                .is_some_and(|r| !reading_is_place_only(chars, r)),
            issuer_zh,
            issuer_en,
            subject: reading.subject.as_ref().map(text),
            duration: reading
                .duration
                .filter(|_| !kind_word.as_deref().is_some_and(|w| w.contains('年'))),
            kind_word,
            kind: reading.kind.as_ref().map(|(k, _)| &tables.types[*k]),
            years,
            plan: reading.period.and_then(|p| p.plan),
            statuses: reading.statuses.clone(),
            issued: reading.issues.as_ref().map(text),
        }
    }

    /// The title's parts, for pages to list, and the notes that explain its type and status
    /// marks once each.
    fn parts_and_notes(&self) -> (Vec<TitlePart>, Vec<Note>) {
        let mut parts = Vec::new();
        let mut notes = Vec::new();
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
                en: None,
            });
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
        let mut zh = String::new();
        match (&self.issuer_zh, self.issued_by) {
            (Some(who), true) => zh.push_str(&format!("{who}发布的")),
            (Some(who), false) => zh.push_str(who),
            (None, _) => {}
        }
        if let Some(inner) = &self.issued {
            zh.push_str(&format!("印发《{inner}》的"));
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
            zh.push_str("通知本身很短,实际内容在所印发的文件里。");
        }
        zh
    }

    /// Huzhou's three-year action plan on “…”, covering 2025–2027; draft for comment.
    fn sentence_en(&self) -> String {
        let label = self.kind.map_or_else(|| "document".to_string(), |t| t.label_en.clone());
        let label = match self.duration {
            Some(n) if !label.contains("year") => format!("{n}-year {label}"),
            _ => label,
        };
        let who = self.issuer_en.as_ref().or(self.issuer_zh.as_ref());
        let mut en = match who {
            Some(who) if !self.issued_by => format!("{who}'s {label}"),
            _ => format!("{} {label}", capitalised(article(&label))),
        };
        if let Some(who) = who.filter(|_| self.issued_by) {
            en.push_str(&format!(" issued by {who}"));
        }
        if let Some(inner) = &self.issued {
            en.push_str(&format!(" that issues 《{inner}》 (the content is in that document)"));
        } else if let Some(s) = &self.subject {
            en.push_str(&format!(" on {}", quoted(s)));
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
        let e = ai_plus("人工智能+醫療", &k.glossary, &k.explain).unwrap();
        assert_eq!(e.origin, Origin::Rule);
        assert!(e.zh.starts_with("“人工智能+醫療”指把人工智能用于醫療:"), "{}", e.zh);
        assert!(e.label_en.as_deref().unwrap().starts_with("AI + "));
        assert!(e.reference.is_some());
        let e = ai_plus("AI+水利", &k.glossary, &k.explain).unwrap();
        assert_eq!(e.label_en.as_deref(), Some("AI + water resources"));
        // A sector the table does not know is still AI applied to it, as the slogan says.
        let e = ai_plus("ＡＩ＋陶瓷", &k.glossary, &k.explain).unwrap();
        assert_eq!(e.label_en.as_deref(), Some("AI + “陶瓷”"));
        assert!(ai_plus("人工智能+", &k.glossary, &k.explain).is_none());
        assert!(ai_plus("人工智能产业", &k.glossary, &k.explain).is_none());
        assert!(ai_plus("MAI+制造", &k.glossary, &k.explain).is_none());
    }

    #[test]
    fn other_plus_slogans_and_versions() {
        let k = knowledge();
        let e = plus("低空+物流", &k.glossary).unwrap();
        assert_eq!(
            e.zh,
            "“低空+物流”指把低空与物流结合、用低空带动物流的发展方向,是“低空+”一类提法中的一个。"
        );
        assert!(
            e.label_en
                .as_deref()
                .unwrap()
                .starts_with("low-altitude economy (低空)"),
            "{:?}",
            e.label_en
        );
        let e = plus("數據安全+", &k.glossary).unwrap();
        assert!(e.zh.contains("以數據安全为基础"), "{}", e.zh);
        assert!(plus("1+4+N", &k.glossary).is_none());
        assert!(plus("1+N", &k.glossary).is_none());
        assert!(plus("8+4", &k.glossary).is_none());
        let e = version("城市大脑2.0", &k.glossary).unwrap();
        assert!(
            e.zh.starts_with("“城市大脑2.0”是“城市大脑”的2.0版(升级版)。"),
            "{}",
            e.zh
        );
        assert!(version("城市大脑", &k.glossary).is_none());
        assert!(version("未知系统3.0", &k.glossary).is_none());
    }

    #[test]
    fn documents_from_their_titles() {
        let k = knowledge();
        let e = from_title("湖州市人工智能高质量发展三年行动计划(2025—2027年)(征求意见稿)", &k).unwrap();
        assert_eq!(e.origin, Origin::Title);
        assert_eq!(
            e.zh,
            "湖州市关于“人工智能高质量发展”的三年行动计划,时间范围2025—2027年;标题注明“征求意见稿”。"
        );
        assert_eq!(
            e.en.as_deref(),
            Some("Huzhou's three-year action plan on “人工智能高质量发展”, covering 2025–2027; draft for comment.")
        );
        let roles: Vec<&str> = e.parts.iter().map(|p| p.role).collect();
        assert_eq!(roles, ["place", "subject", "type", "period", "status"]);
        assert_eq!(e.notes.len(), 2);
        let e = from_title("浙江省人民政府辦公廳關於加快人工智能產業發展的指導意見", &k).unwrap();
        assert_eq!(e.zh, "浙江省人民政府辦公廳发布的关于“加快人工智能產業發展”的指導意見。");
        assert_eq!(
            e.en.as_deref(),
            Some("A guiding opinion issued by Zhejiang (浙江省人民政府辦公廳) on “加快人工智能產業發展”.")
        );
        let e = from_title("关于印发《杭州市人工智能产业发展实施方案》的通知", &k).unwrap();
        assert!(
            e.zh.contains("印发《杭州市人工智能产业发展实施方案》的通知"),
            "{}",
            e.zh
        );
        let e = from_title("浙江省数字经济发展“十四五”规划", &k).unwrap();
        assert!(e.zh.contains("对应第十四个五年规划时期(2021—2025年)"), "{}", e.zh);
        // Nothing to read: no explanation rather than an empty one.
        assert!(from_title("红楼梦", &k).is_none());
    }
}
