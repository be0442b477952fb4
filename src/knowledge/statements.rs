//! The words that make a figure a statement and a dated sentence an event
//! (`data/statements.toml`): qualifiers and what they mean, the words of targets and outcomes,
//! of conditions and comparisons, the words cut around what a figure measures, the kinds of
//! measure the compare page may put side by side, and the words of a dateline. Every word is
//! kept folded ([`script::fold`]: Simplified, lowercase, half-width), and looked up in text
//! folded the same way, so one list serves both scripts and any case.

use crate::error::{Error, Result, toml_error};
use crate::text::script;
use crate::text::words::WordSet;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const EMBEDDED: &str = include_str!("../../data/statements.toml");

/// What a qualifier says about a figure's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QualifierKind {
    /// 超, 以上, 多, 余, more than, over.
    MoreThan,
    /// 近, 将近, nearly.
    Nearly,
    /// 约, 左右, about.
    About,
    /// 不超过, 最高, 以内, up to: a cap.
    AtMost,
    /// 不到, 不足, less than.
    LessThan,
    /// 至少, 不少于, at least.
    AtLeast,
}

impl QualifierKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QualifierKind::MoreThan => "more_than",
            QualifierKind::Nearly => "nearly",
            QualifierKind::About => "about",
            QualifierKind::AtMost => "at_most",
            QualifierKind::LessThan => "less_than",
            QualifierKind::AtLeast => "at_least",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    qualifier: Vec<QualifierList>,
    status: StatusLists,
    condition: ConditionLists,
    comparison: ComparisonLists,
    measure: MeasureLists,
    measure_kind: Vec<MeasureKindEntry>,
    event: EventLists,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierList {
    kind: QualifierKind,
    before: Vec<String>,
    after: Vec<String>,
    /// Written only as the figure's own first word (数百项): before anything else it ends a
    /// word (人数5.6万人) and qualifies nothing.
    #[serde(default)]
    leading: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusLists {
    target: Vec<String>,
    not_target: Vec<String>,
    stock: Vec<String>,
    forecast: Vec<String>,
    outcome: Vec<String>,
    deadline_before: Vec<String>,
    as_of_before: Vec<String>,
    baseline_before: Vec<String>,
    baseline_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionLists {
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonLists {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureLists {
    lead_words: Vec<String>,
    tail_words: Vec<String>,
    verbs: Vec<String>,
    fragment_end: Vec<String>,
    not_alone: Vec<String>,
    dropped: Vec<String>,
    place_levels: Vec<String>,
    change: std::collections::BTreeMap<String, String>,
    list_joins: Vec<String>,
    max_chars: usize,
    max_chars_en: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureKindEntry {
    id: String,
    zh: String,
    en: String,
    all: Vec<String>,
    any: Vec<String>,
    /// Words of which the measure must hold one too (规上: a narrower scope), if any.
    #[serde(default)]
    scope: Vec<String>,
    /// Words the measure must not hold (规上 for the whole industry's kind).
    #[serde(default)]
    none: Vec<String>,
    units: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventLists {
    dateline_words: Vec<String>,
    dateline_ends: Vec<String>,
    procedural_words: Vec<String>,
    scheduled_words: Vec<String>,
    byline_words: Vec<String>,
    statement_ends: String,
    min_chars: usize,
}

/// A kind of measure figures may be compared in (GDP, trade, AI industry revenue).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureKind {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// Folded words a measure must all hold, and folded words it must hold one of.
    all: Vec<String>,
    any: Vec<String>,
    /// One of these too, when given: a scope narrower than the whole (规上, above designated size).
    scope: Vec<String>,
    /// None of these: a kind of the whole industry is not one of its above-scale part.
    none: Vec<String>,
    /// The units its figures may be in (`CNY`, `%`).
    pub units: Vec<String>,
}

impl MeasureKind {
    /// Whether a measure (folded) in `unit` is of this kind.
    pub fn fits(&self, folded_measure: &str, unit: &str) -> bool {
        self.units.iter().any(|u| u == unit)
            && self.all.iter().all(|w| folded_measure.contains(w.as_str()))
            && self.any.iter().any(|w| folded_measure.contains(w.as_str()))
            && (self.scope.is_empty() || self.scope.iter().any(|w| folded_measure.contains(w.as_str())))
            && !self.none.iter().any(|w| folded_measure.contains(w.as_str()))
    }
}

/// The loaded word lists, every word folded.
#[derive(Debug, Clone)]
pub struct StatementWords {
    /// Qualifiers written before a figure's number, and after it, longest first.
    pub qualifiers_before: Vec<(Vec<char>, QualifierKind)>,
    pub qualifiers_after: Vec<(Vec<char>, QualifierKind)>,
    /// Qualifiers that count only as the figure's first word (数百项), never before it.
    pub qualifiers_leading: Vec<(Vec<char>, QualifierKind)>,
    pub target: WordSet,
    /// Words holding a word of aim that aim at nothing (虚拟, 模拟, 拟上市公司).
    pub not_target: WordSet,
    /// Words of an existing stock (累计, 现有): an outcome when nothing says aim or forecast.
    pub stock: WordSet,
    /// Words of a forecast or an expectation (预计, 有望, expected): not a plan's commitment.
    pub forecast: WordSet,
    pub outcome: WordSet,
    pub deadline_before: WordSet,
    /// Words right before a date that say "as of" (截至), not "by".
    pub as_of_before: WordSet,
    /// Words before and after a date that make it a baseline (比2020年, 自2022年…以来).
    pub baseline_before: WordSet,
    pub baseline_after: WordSet,
    pub condition_before: WordSet,
    pub condition_after: WordSet,
    pub comparison: WordSet,
    pub lead_words: WordSet,
    pub tail_words: WordSet,
    /// Verbs that open a clause before what it counts, cut from a measure's start.
    pub verbs: WordSet,
    /// What no measure ends with (a function word, an unfinished verb).
    pub fragment_end: WordSet,
    /// What is no measure on its own (增长, growth).
    pub not_alone: WordSet,
    /// Words cut from anywhere in a measure (分别, respectively), folded.
    pub dropped: Vec<String>,
    /// The level words a place's name may be written without (区, 县, 市).
    pub place_levels: WordSet,
    /// A change said alone (增长, 同比增长, up), folded, and the noun it adds to the measure of
    /// the figure before it (增长, growth): 产值X亿元,增长6.5% measures 产值增长.
    pub change: Vec<(Vec<char>, String)>,
    /// Words that join the last item of an English list (and, or, as well as).
    pub list_joins: WordSet,
    pub max_chars: usize,
    pub max_chars_en: usize,
    pub measure_kinds: Vec<MeasureKind>,
    pub dateline_words: WordSet,
    pub dateline_ends: WordSet,
    /// Words of a procedure's time line (开始时间, 意见反馈): no event.
    pub procedural_words: WordSet,
    /// Words of a scheduled date (生效, 将于, signed): expected, not a target.
    pub scheduled_words: WordSet,
    /// Words of a byline or a photo credit (记者, 通讯员, 摄): a bracket opening a line that
    /// holds one is no part of its statement.
    pub byline_words: WordSet,
    /// The marks a whole statement ends with (。, !, .), before any closing quote.
    pub statement_ends: Vec<char>,
    pub event_min_chars: usize,
}

fn folded(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = words
        .iter()
        .map(|w| script::fold_chars(w).into_iter().collect())
        .collect();
    out.retain(|w: &String| !w.is_empty());
    out.sort();
    out.dedup();
    out
}

fn word_set(words: Vec<String>) -> WordSet {
    WordSet::new(folded(words))
}

impl StatementWords {
    pub fn embedded() -> Result<StatementWords> {
        StatementWords::parse(Path::new("data/statements.toml"), EMBEDDED)
    }

    /// Parses the file; `path` is only used in error messages.
    pub fn parse(path: &Path, source: &str) -> Result<StatementWords> {
        let file: File = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
        let qualifiers = |pick: fn(&QualifierList) -> &Vec<String>| {
            let mut out: Vec<(Vec<char>, QualifierKind)> = file
                .qualifier
                .iter()
                .flat_map(|q| {
                    folded(pick(q).clone())
                        .into_iter()
                        .map(move |w| (w.chars().collect(), q.kind))
                })
                .collect();
            out.sort_by(|a: &(Vec<char>, QualifierKind), b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            out
        };
        let (qualifiers_before, qualifiers_after) = (qualifiers(|q| &q.before), qualifiers(|q| &q.after));
        let qualifiers_leading = qualifiers(|q| &q.leading);
        let mut ids: Vec<&str> = Vec::new();
        for kind in &file.measure_kind {
            if ids.contains(&kind.id.as_str()) {
                return Err(Error::file(path, format!("measure kind `{}` is given twice", kind.id)));
            }
            if kind.any.is_empty() || kind.units.is_empty() {
                return Err(Error::file(
                    path,
                    format!("measure kind `{}` needs words in `any` and at least one unit", kind.id),
                ));
            }
            ids.push(&kind.id);
        }
        let measure_kinds = file
            .measure_kind
            .into_iter()
            .map(|k| MeasureKind {
                id: k.id,
                zh: k.zh,
                en: k.en,
                all: folded(k.all),
                any: folded(k.any),
                scope: folded(k.scope),
                none: folded(k.none),
                units: k.units,
            })
            .collect();
        Ok(StatementWords {
            qualifiers_before,
            qualifiers_after,
            qualifiers_leading,
            target: word_set(file.status.target),
            not_target: word_set(file.status.not_target),
            stock: word_set(file.status.stock),
            forecast: word_set(file.status.forecast),
            outcome: word_set(file.status.outcome),
            deadline_before: word_set(file.status.deadline_before),
            as_of_before: word_set(file.status.as_of_before),
            baseline_before: word_set(file.status.baseline_before),
            baseline_after: word_set(file.status.baseline_after),
            condition_before: word_set(file.condition.before),
            condition_after: word_set(file.condition.after),
            comparison: word_set(file.comparison.words),
            lead_words: word_set(file.measure.lead_words),
            tail_words: word_set(file.measure.tail_words),
            verbs: word_set(file.measure.verbs),
            fragment_end: word_set(file.measure.fragment_end),
            not_alone: word_set(file.measure.not_alone),
            dropped: folded(file.measure.dropped),
            place_levels: word_set(file.measure.place_levels),
            list_joins: word_set(file.measure.list_joins),
            change: file
                .measure
                .change
                .into_iter()
                .map(|(said, noun)| (script::fold_chars(&said), noun))
                .collect(),
            max_chars: file.measure.max_chars,
            max_chars_en: file.measure.max_chars_en,
            measure_kinds,
            dateline_words: word_set(file.event.dateline_words),
            dateline_ends: word_set(file.event.dateline_ends),
            procedural_words: word_set(file.event.procedural_words),
            scheduled_words: word_set(file.event.scheduled_words),
            byline_words: word_set(file.event.byline_words),
            statement_ends: file.event.statement_ends.chars().collect(),
            event_min_chars: file.event.min_chars,
        })
    }

    /// Where the dateline a text opens with ends (after its mark and a bracket right after it:
    /// 新華社杭州1月12日電(記者顧小立)), or 0 when it opens with none, within its first chars.
    pub fn dateline_end(&self, text: &[char]) -> usize {
        const WITHIN: usize = 40;
        let folded: Vec<char> = text.iter().map(|&c| script::fold_char_cached(c)).collect();
        let Some((at, n)) =
            (0..folded.len().min(WITHIN)).find_map(|i| self.dateline_ends.word_at(&folded, i).map(|n| (i, n)))
        else {
            return 0;
        };
        let mut end = at + n;
        if matches!(text.get(end), Some('(' | '（'))
            && let Some(close) = text[end..].iter().position(|&c| c == ')' || c == '）')
        {
            end += close + 1;
        }
        while end < text.len() && (text[end].is_whitespace() || text[end] == ',' || text[end] == '，') {
            end += 1;
        }
        end
    }

    /// Where a byline in brackets that opens a text ends ((記者 王某 通訊員 李某) 4月24日…), or 0.
    pub fn byline_end(&self, text: &[char]) -> usize {
        let mut at = 0;
        while at < text.len() && text[at].is_whitespace() {
            at += 1;
        }
        let Some(close) = (match text.get(at) {
            Some('(') => Some(')'),
            Some('（') => Some('）'),
            Some('【') => Some('】'),
            Some('[') => Some(']'),
            _ => None,
        }) else {
            return 0;
        };
        let Some(n) = text[at..].iter().position(|&c| c == close) else {
            return 0;
        };
        let folded: Vec<char> = text[at..at + n].iter().map(|&c| script::fold_char_cached(c)).collect();
        if !(0..folded.len()).any(|i| self.byline_words.word_at(&folded, i).is_some()) {
            return 0;
        }
        let mut end = at + n + 1;
        while end < text.len() && (text[end].is_whitespace() || text[end] == ',' || text[end] == '，') {
            end += 1;
        }
        end
    }

    /// Whether a text is a whole statement a reader can take at a glance: it ends a sentence (not
    /// cut at a clause mark: …公布了一份成績單, or 結束時間:), its quotes and brackets are
    /// closed (not started mid-quotation), and it is no heading, byline or credit line (園,
    /// 記者 王某, Ti Gong: none ends a sentence).
    pub fn is_whole_statement(&self, text: &str) -> bool {
        let chars: Vec<char> = text.trim().chars().collect();
        let closing = |c: char| matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | ')' | '）' | '】' | ']');
        let Some(&last) = chars.iter().rev().find(|&&c| !closing(c)) else {
            return false;
        };
        let pairs = [
            ('“', '”'),
            ('「', '」'),
            ('『', '』'),
            ('《', '》'),
            ('(', ')'),
            ('（', '）'),
        ];
        let balanced = pairs.iter().all(|&(open, close)| {
            let mut depth = 0i32;
            for &c in &chars {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
            }
            depth == 0
        });
        self.statement_ends.contains(&last) && balanced
    }

    /// The noun a change said alone adds to the measure before it (folded `said`: 同比增长 →
    /// 增长, up → growth), if it is one.
    pub fn change_noun(&self, folded_said: &[char]) -> Option<&str> {
        self.change
            .iter()
            .find(|(said, _)| said.as_slice() == folded_said)
            .map(|(_, noun)| noun.as_str())
    }

    /// `text` without the words of `dropped` (matched folded, cut as written).
    pub fn drop_words(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let folded = script::fold_chars(text);
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            match self
                .dropped
                .iter()
                .find(|w| folded[i..].starts_with(&w.chars().collect::<Vec<_>>()))
            {
                Some(w) => i += w.chars().count(),
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        if chars.iter().any(char::is_ascii_alphabetic) {
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            out
        }
    }

    /// Whether the word of aim at `at` (folded) is inside a word of `not_target` (虚拟).
    pub fn not_target_covers(&self, folded: &[char], at: usize) -> bool {
        (at.saturating_sub(4)..=at).any(|from| self.not_target.word_at(folded, from).is_some_and(|n| from + n > at))
    }

    /// The kind of a measure (folded) in `unit`, if it is of one.
    pub fn measure_kind(&self, folded_measure: &str, unit: &str) -> Option<&MeasureKind> {
        self.measure_kinds.iter().find(|k| k.fits(folded_measure, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_statements_are_shown_at_a_glance() {
        let words = StatementWords::embedded().unwrap();
        for whole in [
            "全市召開人工智能大會。",
            "全市召开人工智能大会，发布“十条”。",
            "The city opened its first AI park.",
            "他說:「項目已經投產。」",
        ] {
            assert!(words.is_whole_statement(whole), "{whole}");
        }
        for cut in [
            "市長作的政府工作報告中,公布了一份成績單,",
            "本次征集结束时间:",
            "一期項目開工建設，",
            "園",
            "記者 王某某",
            "Ti Gong",
            "一、2024年工作回顧",
            "聚焦美好活力”系列活動舉行。",
            "「他們發展得都很好，其中4間正在衝刺上市。",
        ] {
            assert!(!words.is_whole_statement(cut), "{cut}");
        }
        // A byline in brackets opening a line is cut; brackets saying something else stay.
        let text: Vec<char> = "(記者 王某 通讯员 李某) 4月24日下午,項目簽約。".chars().collect();
        assert_eq!(
            text[words.byline_end(&text)..].iter().collect::<String>(),
            "4月24日下午,項目簽約。"
        );
        let text: Vec<char> = "(Photo by Ti Gong) The park opened.".chars().collect();
        assert_eq!(
            text[words.byline_end(&text)..].iter().collect::<String>(),
            "The park opened."
        );
        let text: Vec<char> = "(一)全市召開大會。".chars().collect();
        assert_eq!(words.byline_end(&text), 0);
    }

    #[test]
    fn the_embedded_words_load_folded_and_longest_first() {
        let words = StatementWords::embedded().unwrap();
        // Traditional spellings fold to the Simplified ones the file writes.
        let chars = script::fold_chars("不超過");
        assert!(
            words
                .qualifiers_before
                .iter()
                .any(|(w, k)| *w == chars && *k == QualifierKind::AtMost)
        );
        let lengths: Vec<usize> = words.qualifiers_before.iter().map(|(w, _)| w.len()).collect();
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]));
        assert_eq!(
            words.measure_kind("人工智能核心产业营收", "CNY").map(|k| k.id.as_str()),
            Some("ai-industry")
        );
        assert_eq!(
            words.measure_kind("地区生产总值", "CNY").map(|k| k.id.as_str()),
            Some("gdp")
        );
        assert_eq!(words.measure_kind("地区生产总值", "%"), None);
        assert_eq!(
            words.measure_kind("进出口总值", "CNY").map(|k| k.id.as_str()),
            Some("trade")
        );
    }

    #[test]
    fn datelines_end_after_their_mark_and_bracket() {
        let words = StatementWords::embedded().unwrap();
        let end = |t: &str| {
            let chars: Vec<char> = t.chars().collect();
            chars[words.dateline_end(&chars)..].iter().collect::<String>()
        };
        assert_eq!(end("新華社杭州1月12日電(記者顧小立)實施行動"), "實施行動");
        assert_eq!(
            end("HANGZHOU, Feb. 10 (Xinhua) -- The city announced"),
            "The city announced"
        );
        assert_eq!(end("5月14日,寧波舉行現場會"), "5月14日,寧波舉行現場會");
        assert_eq!(end("5月14日,電動工具企業到場"), "5月14日,電動工具企業到場");
    }

    #[test]
    fn a_measure_kind_given_twice_or_without_words_is_an_error() {
        let twice = EMBEDDED.replace("id = \"gdp\"", "id = \"trade\"");
        let err = StatementWords::parse(Path::new("data/statements.toml"), &twice).unwrap_err();
        assert!(err.to_string().contains("`trade` is given twice"), "{err}");
        let unknown = format!("{EMBEDDED}\n[extra]\nx = 1\n");
        assert!(StatementWords::parse(Path::new("data/statements.toml"), &unknown).is_err());
    }
}
