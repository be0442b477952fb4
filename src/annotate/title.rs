//! Reading a document's title — the one place that does: whether a 《title》 is a policy
//! document at all ([`is_document`], which annotators ask), what its core is without the
//! brackets that trail it ([`core`]), and what it says ([`read`], from which the model composes
//! a document's explanation). Annotators credit a title to the place it starts with through
//! `attribution::leading_scope`, which reads any name's leading place (signature lines too). A Chinese policy title is
//! built from parts in a fixed order:
//!
//! ```text
//! [year] [issuer] [关于] [subject] [的] [duration] <type> [(period)] [(status)]
//! 2024年  浙江省人民政府办公厅 关于 加快人工智能产业发展 的  三年   指导意见 (2025—2027年) (征求意见稿)
//! ```
//!
//! The type is the longest suffix from the document-type table (指导意见 before 意见); trailing
//! brackets hold the period and the status marks (征求意见稿, 试行); the issuer is what stands
//! before 关于, or else the place the title starts with (湖州市…行动计划 is Huzhou's plan); a
//! notice that issues another document (关于印发《…》的通知) names it. Titles in either script:
//! the words are compared char by char on the folded title, which has the title's length, so
//! every span indexes the title as written.

use super::numerals::{arabic_digit, chinese_digit};
use crate::knowledge::ExplainTables;
use crate::knowledge::Lexicon;
use crate::knowledge::{Gazetteer, Target};
use crate::text::script::fold_chars as fold;
use std::ops::Range;

/// What a title says about its document. Spans index the title's chars.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleReading {
    /// Who issued it: the words before 关于, else the place the title starts with.
    pub issuer: Option<Range<usize>>,
    /// The place of the issuer (or of the jurisdiction the title starts with).
    pub place: Option<Target>,
    /// What it is about (加快人工智能产业发展).
    pub subject: Option<Range<usize>>,
    /// Its type: an index into [`ExplainTables::types`], and the suffix's span.
    pub kind: Option<(usize, Range<usize>)>,
    /// The years it covers (2025—2027年), or the year it is of (2024年…报告).
    pub period: Option<Period>,
    /// How many years a plan runs (三年行动计划), when the title says so.
    pub duration: Option<u32>,
    /// Status marks: indexes into [`ExplainTables::statuses`], in title order.
    pub statuses: Vec<usize>,
    /// The document a notice issues (关于印发《X》的通知 → X), without its marks.
    pub issues: Option<Range<usize>>,
    /// The notice forwards (转发, 批转) a document another body wrote rather than issuing its own.
    pub forwards: bool,
}

/// Years a document covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    /// `None` for a single year.
    pub end: Option<i32>,
    /// The years come from a five-year plan's number (“十四五”), not from digits.
    pub plan: Option<u32>,
}

/// Reads a title (without its 《》).
pub fn read(title: &[char], tables: &ExplainTables, gazetteer: &Gazetteer) -> TitleReading {
    let text: String = title.iter().collect();
    let folded = fold(&text);
    let mut reading = TitleReading::default();
    // Trailing brackets: (2024—2027年), (征求意见稿), (2023年修订), (第二版).
    let brackets = trailing_brackets(title);
    for inner in brackets.iter().rev() {
        let inside = &folded[inner.clone()];
        reading.statuses.extend(statuses_in(inside, tables));
        reading.period = reading.period.or(period_in(inside));
    }
    let mut end = brackets
        .last()
        .map_or(trim_end(&folded, folded.len()), |b| trim_end(&folded, b.start - 1));
    // A status written without brackets (…规划纲要草案).
    if let Some((mark, len)) = tables.status_ending(&folded[..end]) {
        reading.statuses.insert(0, mark);
        end = trim_end(&folded, end - len);
    }
    let core = &folded[..end];
    let mut kind_start = end;
    if let Some((kind, len)) = tables.type_ending(core) {
        kind_start = end - len;
        reading.kind = Some((kind, kind_start..end));
        // 暂行办法: the mark sits in front of the type unless the type's own name holds it.
        if let Some((mark, mark_len)) = tables.status_ending(&folded[..kind_start])
            && !reading.statuses.contains(&mark)
        {
            reading.statuses.push(mark);
            kind_start -= mark_len;
        }
    }
    // 关于印发《X》的通知: the notice issues X; 转发…的通知 forwards another body's X.
    let mut issuing_verb = None;
    if let Some((verb, issued)) = issued_document(&folded, title, kind_start) {
        reading.forwards = matches!(folded[verb..verb + 2], ['转', '发'] | ['批', '转']);
        reading.issues = Some(issued);
        issuing_verb = Some(verb);
    }
    // The duration (三年) just before the type, or at the start of the type's name.
    let (duration, before_duration) = duration_before(&folded, kind_start, reading.kind.as_ref().map(|k| &k.1));
    reading.duration = duration;
    let mut subject_end = before_duration;
    // An inline period (2025—2027年) or five-year plan (“十四五”) stays in the subject's text but
    // gives the period.
    if reading.period.is_none() {
        reading.period = period_in(&folded[..subject_end]).or_else(|| five_year_plan_in(&folded[..subject_end]));
    }
    // The year a report is of: 2024年浙江省…
    let mut start = skip_spaces(&folded, 0);
    if let Some((year, len)) = year_at(&folded, start)
        && folded.get(start + len) == Some(&'年')
    {
        reading.period = reading.period.or(Some(Period {
            start: year,
            end: None,
            plan: None,
        }));
        start = skip_spaces(&folded, start + len + 1);
    }
    let guan_yu = (start..subject_end.saturating_sub(1)).find(|&i| folded[i] == '关' && folded[i + 1] == '于');
    let mentions = gazetteer.find(&text);
    let place_at = |at: usize| mentions.iter().find(|m| m.start == at);
    match guan_yu {
        Some(k) => {
            if k > start {
                // 浙江省人民政府印发关于…的通知: the issuer is who issues, without the verb.
                // 浙江省人民政府印发关于…的通知, 省政府办公厅转发省经信委关于…的通知: who issues
                // (or forwards) is the issuer, without the verb; a body named between the verb and
                // 关于 wrote the document forwarded.
                let end = match issuing_verb {
                    Some(verb) if verb < k && verb >= start + 2 => trim_end(&folded, verb),
                    _ => trim_end(&folded, k),
                };
                reading.issuer = Some(start..end);
                reading.place = mentions
                    .iter()
                    .find(|m| m.start >= start && m.end <= k)
                    .map(|m| m.target);
            }
            start = k + 2;
        }
        None => {
            if let Some(m) = place_at(start) {
                reading.issuer = Some(m.start..m.end);
                reading.place = Some(m.target);
                start = m.end;
            }
        }
    }
    // The subject, without the 的 that joins it to the type.
    while subject_end > start && (folded[subject_end - 1] == '的' || folded[subject_end - 1].is_whitespace()) {
        subject_end -= 1;
    }
    if reading.issues.is_none() && subject_end > start {
        reading.subject = Some(start..subject_end);
    }
    reading
}

/// `end` moved back over whitespace.
fn trim_end(folded: &[char], mut end: usize) -> usize {
    while end > 0 && folded[end - 1].is_whitespace() {
        end -= 1;
    }
    end
}

fn skip_spaces(folded: &[char], mut at: usize) -> usize {
    while folded.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    at
}

/// The brackets that trail a title, last first: the span inside each (2024—2027年, 征求意见稿).
/// A bracket that opens the title is part of it.
fn trailing_brackets(title: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut end = title.len();
    loop {
        while end > 0 && title[end - 1].is_whitespace() {
            end -= 1;
        }
        let open = match title[..end].last() {
            Some(')') => '(',
            Some('）') => '（',
            Some('】') => '【',
            _ => return out,
        };
        match title[..end - 1].iter().rposition(|&c| c == open) {
            Some(at) if at > 0 => {
                out.push(at + 1..end - 1);
                end = at;
            }
            _ => return out,
        }
    }
}

/// A title without the brackets that trail it: (2024—2027年), (征求意见稿), （试行）.
pub fn core(title: &[char]) -> &[char] {
    let end = trailing_brackets(title).last().map_or(title.len(), |b| b.start - 1);
    let mut end = end;
    while end > 0 && title[end - 1].is_whitespace() {
        end -= 1;
    }
    &title[..end]
}

/// Whether a title in 《》 names a policy document: its core ends with a document type, and
/// not with a longer word for a newspaper, programme or event (公报 is a document, 日报 is not;
/// `[document]` in `data/lexicon.toml`). Newspapers, programmes, books and events in 《》
/// (《浙江日报》, 《新闻联播》, 《求是》) are not documents.
pub fn is_document(title: &[char], lexicon: &Lexicon) -> bool {
    let core = core(title);
    let words = &lexicon.document;
    let document = words.endings.longest_before(core, core.len()).unwrap_or(0);
    let other = words.not_endings.longest_before(core, core.len()).unwrap_or(0);
    document > other
}

/// Status marks anywhere in a bracket's text.
fn statuses_in(inside: &[char], tables: &ExplainTables) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < inside.len() {
        match tables.status_at(inside, i) {
            Some((mark, len)) => {
                if !out.contains(&mark) {
                    out.push(mark);
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A four-digit year (1900–2099) at `at`, not part of a longer number.
fn year_at(folded: &[char], at: usize) -> Option<(i32, usize)> {
    if at > 0 && arabic_digit(folded[at - 1]).is_some() {
        return None;
    }
    let digits: Vec<u32> = (0..4)
        .map_while(|k| folded.get(at + k).and_then(|&c| arabic_digit(c)))
        .collect();
    if digits.len() != 4 || folded.get(at + 4).is_some_and(|&c| arabic_digit(c).is_some()) {
        return None;
    }
    let year = digits.iter().fold(0, |y, d| y * 10 + *d as i32);
    (1900..2100).contains(&year).then_some((year, 4))
}

/// Years written in a text: 2024—2027年, 2024-2027, 2024年至2027年, or one year 2025年.
fn period_in(folded: &[char]) -> Option<Period> {
    for i in 0..folded.len() {
        let Some((start, len)) = year_at(folded, i) else {
            continue;
        };
        let mut j = i + len;
        if folded.get(j) == Some(&'年') {
            j += 1;
        }
        let to = folded.get(j).is_some_and(|&c| "—–-~至到―".contains(c));
        if to {
            let mut k = j + 1;
            while folded.get(k).is_some_and(|&c| c == '—' || c == '-') {
                k += 1;
            }
            if let Some((end, _)) = year_at(folded, k)
                && end >= start
            {
                return Some(Period {
                    start,
                    end: Some(end),
                    plan: None,
                });
            }
        }
        if folded.get(i + len) == Some(&'年') {
            return Some(Period {
                start,
                end: None,
                plan: None,
            });
        }
    }
    None
}

/// The duration in years just before `kind_start` (…三年行动计划), or at the start of the
/// type's own name (三年行动计划 as a type): the years, and where the subject ends.
fn duration_before(folded: &[char], kind_start: usize, kind: Option<&Range<usize>>) -> (Option<u32>, usize) {
    let years = |at: usize| -> Option<u32> {
        let n = chinese_digit(*folded.get(at)?)?;
        (folded.get(at + 1) == Some(&'年') && n > 0).then_some(n as u32)
    };
    if let Some(kind) = kind
        && let Some(n) = years(kind.start)
    {
        return (Some(n), kind_start);
    }
    if kind_start >= 2
        && let Some(n) = years(kind_start - 2)
    {
        return (Some(n), kind_start - 2);
    }
    (None, kind_start)
}

/// 关于印发《X》的通知 (or 〈X〉, or unmarked): the span of X.
fn issued_document(folded: &[char], title: &[char], kind_start: usize) -> Option<(usize, Range<usize>)> {
    let verbs = [['印', '发'], ['转', '发'], ['批', '转'], ['发', '布']];
    let at = (0..kind_start.saturating_sub(1)).find(|&i| verbs.iter().any(|v| folded[i..].starts_with(v)))?;
    let mut end = kind_start;
    while end > at + 2 && (folded[end - 1] == '的' || folded[end - 1].is_whitespace()) {
        end -= 1;
    }
    let mut start = at + 2;
    if matches!(title.get(start), Some('《' | '〈' | '<')) && matches!(title.get(end - 1), Some('》' | '〉' | '>'))
    {
        start += 1;
        end -= 1;
    }
    (end > start).then_some((at, start..end))
}

/// The first five-year plan named in a text: 十四五, “十五五”, 第十四个五年规划.
fn five_year_plan_in(folded: &[char]) -> Option<Period> {
    (0..folded.len()).find_map(|i| {
        // 第十四个五年: the plan's number in full.
        if folded[i] == '第'
            && let Some((n, len)) = ordinal_at(folded, i + 1)
            && folded[i + 1 + len..].starts_with(&['个', '五', '年'])
        {
            return plan_period(n);
        }
        let (n, len) = five_year_plan_at(folded, i)?;
        // In running text the short forms need marks or a plan word around them: 十五 alone is
        // also the number fifteen.
        let quoted = i > 0 && folded[i - 1] == '“' || folded.get(i + len) == Some(&'”');
        let plan_word = folded
            .get(i + len..i + len + 2)
            .is_some_and(|w| matches!(w, ['规', '划'] | ['计', '划'] | ['时', '期']));
        (len == 3 || quoted || plan_word).then(|| plan_period(n))?
    })
}

/// A number from 1 to 99 in Chinese numerals at `at` (十四, 二十一, 九): its value and length.
fn ordinal_at(folded: &[char], at: usize) -> Option<(u32, usize)> {
    let digit = |k: usize| {
        folded
            .get(at + k)
            .and_then(|&c| chinese_digit(c))
            .filter(|d| (1..=9).contains(d))
    };
    let ten = |k: usize| folded.get(at + k) == Some(&'十');
    Some(match (digit(0), ten(0), ten(1)) {
        (Some(t), _, true) => match digit(2) {
            Some(o) => (t as u32 * 10 + o as u32, 3),
            None => (t as u32 * 10, 2),
        },
        (Some(d), _, false) => (d as u32, 1),
        (None, true, _) => match digit(1) {
            Some(o) => (10 + o as u32, 2),
            None => (10, 1),
        },
        _ => return None,
    })
}

/// A five-year plan's short name at `at` (十四五 → 14, 十五 → 10, 九五 → 9): its number and length.
pub fn five_year_plan_at(folded: &[char], at: usize) -> Option<(u32, usize)> {
    let c = |k: usize| folded.get(at + k).copied();
    if c(0) == Some('十') {
        if let Some(d) = c(1).and_then(chinese_digit).filter(|d| (1..=9).contains(d))
            && c(2) == Some('五')
        {
            return Some((10 + d as u32, 3));
        }
        return (c(1) == Some('五')).then_some((10, 2));
    }
    let d = c(0).and_then(chinese_digit).filter(|d| (1..=9).contains(d))?;
    (c(1) == Some('五') && c(0) != Some('两')).then_some((d as u32, 2))
}

/// The years of the `n`th five-year plan: 1953–1957 and 1958–1962, then, after three years of
/// readjustment, five-year steps from 1966.
pub fn plan_period(n: u32) -> Option<Period> {
    let start = match n {
        0 => return None,
        1 => 1953,
        2 => 1958,
        n => 1966 + 5 * (n as i32 - 3),
    };
    Some(Period {
        start,
        end: Some(start + 4),
        plan: Some(n),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Gazetteer;

    struct Read {
        issuer: Option<String>,
        place: Option<Target>,
        subject: Option<String>,
        kind: Option<String>,
        period: Option<Period>,
        duration: Option<u32>,
        statuses: Vec<String>,
        issues: Option<String>,
    }

    fn read_title(title: &str) -> Read {
        let tables = ExplainTables::embedded().unwrap();
        let gazetteer = Gazetteer::embedded().unwrap();
        let chars: Vec<char> = title.chars().collect();
        let r = read(&chars, &tables, &gazetteer);
        let text = |s: &Range<usize>| chars[s.clone()].iter().collect::<String>();
        Read {
            issuer: r.issuer.as_ref().map(text),
            place: r.place,
            subject: r.subject.as_ref().map(text),
            kind: r.kind.as_ref().map(|(k, _)| tables.types[*k].label_en.clone()),
            period: r.period,
            duration: r.duration,
            statuses: r
                .statuses
                .iter()
                .map(|&s| tables.statuses[s].label_en.clone())
                .collect(),
            issues: r.issues.as_ref().map(text),
        }
    }

    fn years(start: i32, end: Option<i32>) -> Option<Period> {
        Some(Period { start, end, plan: None })
    }

    #[test]
    fn a_draft_three_year_plan_in_both_scripts() {
        for title in [
            "湖州市人工智能高质量发展三年行动计划(2025—2027年)(征求意见稿)",
            "湖州市人工智能高質量發展三年行動計劃（2025—2027年）（徵求意見稿）",
        ] {
            let r = read_title(title);
            assert_eq!(r.issuer.as_deref().map(|s| s.chars().count()), Some(3), "{title}");
            assert!(matches!(r.place, Some(Target::City(_))), "{title}");
            assert_eq!(r.subject.as_deref().map(|s| s.chars().count()), Some(9), "{title}");
            assert_eq!(r.kind.as_deref(), Some("three-year action plan"), "{title}");
            assert_eq!(r.duration, Some(3));
            assert_eq!(r.period, years(2025, Some(2027)));
            assert_eq!(r.statuses, ["draft for comment"]);
        }
    }

    #[test]
    fn issuer_before_guan_yu() {
        let r = read_title("浙江省人民政府办公厅关于加快人工智能产业发展的指导意见");
        assert_eq!(r.issuer.as_deref(), Some("浙江省人民政府办公厅"));
        assert_eq!(r.place, Some(Target::Province));
        assert_eq!(r.subject.as_deref(), Some("加快人工智能产业发展"));
        assert_eq!(r.kind.as_deref(), Some("guiding opinions"));
        let r = read_title("中共溫州市委關于牢記“續寫創新史”殷殷囑托 高水平建設創新溫州 因地制宜發展新質生產力的決定");
        assert_eq!(r.issuer.as_deref(), Some("中共溫州市委"));
        assert!(matches!(r.place, Some(Target::City(_))));
        assert!(r.subject.as_deref().unwrap().starts_with("牢記") && r.subject.as_deref().unwrap().ends_with("生產力"));
        assert_eq!(r.kind.as_deref(), Some("decision"));
        let r = read_title("关于支持人工智能创新发展的若干措施");
        assert_eq!((r.issuer, r.place), (None, None));
        assert_eq!(r.subject.as_deref(), Some("支持人工智能创新发展"));
        assert_eq!(r.kind.as_deref(), Some("several measures"));
    }

    #[test]
    fn years_statuses_and_quoted_subjects() {
        let r = read_title("2024年浙江省人工智能產業發展報告");
        assert_eq!(r.period, years(2024, None));
        assert_eq!(r.issuer.as_deref(), Some("浙江省"));
        assert_eq!(r.subject.as_deref(), Some("人工智能產業發展"));
        assert_eq!(r.kind.as_deref(), Some("report"));
        let r = read_title("浙江省“人工智能+”行動計劃(2024—2027年)(征求意見稿)");
        assert_eq!(r.subject.as_deref(), Some("“人工智能+”"));
        assert_eq!(r.kind.as_deref(), Some("action plan"));
        assert_eq!(r.period, years(2024, Some(2027)));
        let r = read_title("优质中小企业梯度培育管理暂行办法");
        assert_eq!(r.kind.as_deref(), Some("interim measures"));
        assert!(r.statuses.is_empty());
        let r = read_title("杭州市数据资源管理办法（试行）");
        assert_eq!(r.statuses, ["trial"]);
        assert_eq!(r.kind.as_deref(), Some("administrative measures"));
        assert_eq!(r.subject.as_deref(), Some("数据资源"));
        let r = read_title("浙江省数字经济发展“十四五”规划");
        assert_eq!(
            r.period,
            Some(Period {
                start: 2021,
                end: Some(2025),
                plan: Some(14)
            })
        );
        assert_eq!(r.kind.as_deref(), Some("plan"));
        let r = read_title("嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要");
        assert_eq!(
            r.period.map(|p| (p.start, p.end, p.plan)),
            Some((2021, Some(2025), Some(14)))
        );
        assert_eq!(r.kind.as_deref(), Some("outline"));
        let r = read_title("数据安全管理规定(第二版)");
        assert_eq!(r.kind.as_deref(), Some("provisions"));
        assert_eq!(r.subject.as_deref(), Some("数据安全管理"));
        let r = read_title("高新技术企业认定管理办法(2016年修订)");
        assert_eq!(r.statuses, ["revised"]);
        assert_eq!(r.period, years(2016, None));
    }

    #[test]
    fn an_issuer_written_before_its_verb_is_only_the_issuer() {
        for title in [
            "浙江省人民政府印发关于支持人工智能创新发展若干措施的通知",
            "浙江省人民政府印發關於支持人工智能創新發展若干措施的通知",
        ] {
            let r = read_title(title);
            assert_eq!(
                r.issuer.as_deref().map(crate::text::script::to_hans).as_deref(),
                Some("浙江省人民政府"),
                "{title}"
            );
            assert_eq!(
                r.issues.as_deref().map(crate::text::script::to_hans).as_deref(),
                Some("关于支持人工智能创新发展若干措施"),
                "{title}"
            );
        }
    }

    #[test]
    fn a_forwarding_notice_is_issued_by_who_forwards() {
        // The body named after 转发 wrote the forwarded document; the notice is the office's.
        for title in [
            "浙江省人民政府办公厅转发省发展改革委省统计局关于完善县域经济评价办法的通知",
            "浙江省人民政府辦公廳轉發省發展改革委省統計局關於完善縣域經濟評價辦法的通知",
        ] {
            let r = read_title(title);
            assert_eq!(
                r.issuer.as_deref().map(crate::text::script::to_hans).as_deref(),
                Some("浙江省人民政府办公厅"),
                "{title}"
            );
            assert!(r.issues.is_some(), "{title}");
            let chars: Vec<char> = title.chars().collect();
            let tables = ExplainTables::embedded().unwrap();
            let gazetteer = Gazetteer::embedded().unwrap();
            assert!(read(&chars, &tables, &gazetteer).forwards, "{title}");
        }
        // 印发 issues the office's own document: not a forwarding.
        let chars: Vec<char> = "杭州市人民政府办公厅关于印发《杭州市人工智能产业发展实施方案》的通知"
            .chars()
            .collect();
        let r = read(
            &chars,
            &ExplainTables::embedded().unwrap(),
            &Gazetteer::embedded().unwrap(),
        );
        assert!(!r.forwards);
    }

    #[test]
    fn a_notice_names_what_it_issues() {
        let r = read_title("杭州市人民政府办公厅关于印发《杭州市人工智能产业发展实施方案》的通知");
        assert_eq!(r.issuer.as_deref(), Some("杭州市人民政府办公厅"));
        assert_eq!(r.kind.as_deref(), Some("notice"));
        assert_eq!(r.issues.as_deref(), Some("杭州市人工智能产业发展实施方案"));
        assert_eq!(r.subject, None);
    }

    #[test]
    fn titles_without_a_known_type_keep_what_they_have() {
        let r = read_title("寧波市人工智能產業");
        assert_eq!(r.kind, None);
        assert_eq!(r.issuer.as_deref(), Some("寧波市"));
        assert_eq!(r.subject.as_deref(), Some("人工智能產業"));
        // Brackets that are neither a period nor a status stay in the subject.
        let r = read_title("中国(温州)数安港建设方案");
        assert_eq!(r.subject.as_deref(), Some("中国(温州)数安港"));
        assert_eq!(r.kind.as_deref(), Some("plan"));
        assert_eq!(read_title("").kind, None);
        assert_eq!(read_title("(").kind, None);
        assert_eq!(read_title(")(").subject.as_deref(), Some(")("));
    }

    #[test]
    fn five_year_plans() {
        let n = |s: &str| five_year_plan_at(&s.chars().collect::<Vec<_>>(), 0).map(|(n, _)| n);
        assert_eq!(
            (n("十四五"), n("十五五"), n("十五"), n("九五"), n("十六五")),
            (Some(14), Some(15), Some(10), Some(9), Some(16))
        );
        assert_eq!((n("十五年"), n("五五"), n("两五")), (Some(10), Some(5), None));
        let years = |n: u32| plan_period(n).map(|p| (p.start, p.end.unwrap()));
        assert_eq!(years(14), Some((2021, 2025)));
        assert_eq!(years(15), Some((2026, 2030)));
        assert_eq!(years(3), Some((1966, 1970)));
        assert_eq!(years(1), Some((1953, 1957)));
        assert_eq!(years(0), None);
    }

    #[test]
    fn documents_and_other_titles() {
        let lex = Lexicon::embedded().unwrap();
        let doc = |t: &str| is_document(&t.chars().collect::<Vec<_>>(), &lex);
        for title in [
            "浙江省“人工智能+”行動計劃(2024—2027年)(征求意見稿)",
            "关于支持人工智能创新发展的若干措施",
            "2024年浙江省人工智能產業發展報告",
            "中共温州市委关于高水平建设创新温州的决定",
            "杭州市数据条例（试行）",
            "2024年统计公报",
            "实施方案",
        ] {
            assert!(doc(title), "{title}");
        }
        for title in [
            "人民日报",
            "浙江日報",
            "新聞聯播",
            "求是",
            "2025世界人工智能大會",
            "红楼梦",
            "之江新语",
        ] {
            assert!(!doc(title), "{title}");
        }
    }
}
