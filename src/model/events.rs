//! Dated statements: what the timeline lists and a city's latest events are made of.
//!
//! A date's statement is the part of its sentence it heads: from the start of the sentence (for
//! its first date) or of the date's clause, to the clause where the next date of the sentence
//! starts (到2027年底,全市…超200億元,力爭到2030年底…超500億元 is two statements, 2027's and
//! 2030's, each under its own year). Dates of one clause are one statement, dated by the most
//! precise of them (2025年前三季度 is not also an undated 三季度). A statement that says nothing
//! but its date (到2027年底; 2025年5月13日, a date line), is a heading or a line cut short
//! (一、2024年工作回顧; 從2012年至今已在), or is a report's dateline
//! (2021-10-11 07:33 来源:…) is no event. A statement is a target, not something that happened,
//! when its date is a deadline (到2030年), a plan's period (2025—2027年), later than the article,
//! or follows a word of aim (力争, 计划); the timeline marks it so and a city's latest events
//! leave it out. The same statement in several articles is one event, crediting the others.

use super::statement::Status;
use super::{Event, ParaRef};
use crate::annotate::{About, AnnotatedParagraph, Annotation, Kind};
use crate::knowledge::Knowledge;
use crate::text::isodate::{self, IsoDate};
use crate::text::script;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A paragraph's dated statement, before it is merged across the corpus.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// The date annotation's index.
    pub date: usize,
    /// The part of the sentence it heads (chars).
    pub from: usize,
    pub to: usize,
    pub status: Status,
    /// It names something national or foreign (国家, 工信部, 全球, 北京) and no place of Zhejiang
    /// nor "this city": whatever it is credited to, it is no city's own event.
    pub national: bool,
    /// A procedure's time line (开始时间…结束时间, 意见反馈截止), not something that happened.
    pub procedural: bool,
}

/// A paragraph's dated statements, before they are merged across the corpus.
pub fn read(p: &AnnotatedParagraph, year: Option<i32>, k: &Knowledge) -> Vec<Found> {
    let dates: Vec<(usize, &Annotation)> = p
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == Kind::Date)
        .collect();
    if dates.is_empty() {
        return Vec::new();
    }
    let stops = &k.lexicon.stops;
    let words = &k.statements;
    let chars: Vec<char> = p.text.chars().collect();
    let folded = script::fold_chars(&p.text);
    let split = stops.split(&chars);
    let clause_of = |at: usize| {
        split
            .clause_ends
            .iter()
            .position(|&e| e > at)
            .unwrap_or(split.clause_ends.len())
    };
    let clause_start = |at: usize| split.clause_ends.iter().rev().find(|&&e| e <= at).copied().unwrap_or(0);
    // The dates kept: in each clause, the most precise one with a year (else the first).
    let mut kept: Vec<(usize, &Annotation)> = Vec::new();
    for &(i, a) in &dates {
        let clause = clause_of(a.start());
        match kept.last_mut() {
            Some((_, b)) if clause_of(b.start()) == clause => {
                if precision(a) > precision(b) {
                    *b = a;
                    kept.last_mut().expect("just matched").0 = i;
                }
            }
            _ => kept.push((i, a)),
        }
    }
    let mut out = Vec::new();
    for (n, &(i, a)) in kept.iter().enumerate() {
        let (s_from, s_to) = stops.sentence_around(&chars, a.start(), a.end());
        let first_in_sentence = n == 0 || kept[n - 1].1.start() < s_from;
        let from = if first_in_sentence {
            s_from
        } else {
            clause_start(a.start()).max(s_from)
        };
        let to = match kept.get(n + 1) {
            Some((_, next)) if next.start() < s_to => clause_start(next.start()).max(from),
            _ => s_to,
        };
        // The date is said once, at the head of the entry: a statement that opens with it and a
        // clause mark (5月14日,寧波舉行…) starts after them.
        let mut after = a.end();
        while after < to && chars[after].is_whitespace() {
            after += 1;
        }
        let from = match stops.clause_stop_at(&chars, after) {
            Some(n) if (from..a.start()).all(|c| chars[c].is_whitespace()) => after + n,
            _ => from,
        };
        // Without the dates, marks and numbers, what is left must say something (the date itself
        // counts: it may have been cut from the start).
        let in_segment: Vec<&Annotation> = p
            .annotations
            .iter()
            .filter(|b| b.kind == Kind::Date && b.start() >= from && b.end() <= to)
            .collect();
        let said = (from..to)
            .filter(|&c| !in_segment.iter().any(|b| (b.start()..b.end()).contains(&c)))
            .filter(|&c| chars[c].is_alphabetic() && !chars[c].is_ascii_digit())
            .count();
        if said < words.event_min_chars {
            continue;
        }
        // A heading (一、2024年工作回顧) or a line cut short (從2012年至今已在): short, and ending
        // in no mark.
        let ends = (from..to).any(|c| stops.breaks_at(&chars, c));
        if !ends && said < 3 * words.event_min_chars {
            continue;
        }
        // A dateline: the date opens the segment and a dateline word follows it.
        let opens = (from.min(a.start())..a.start()).all(|c| !chars[c].is_alphanumeric());
        if opens && (a.end()..to).any(|c| words.dateline_words.word_at(&folded, c).is_some()) {
            continue;
        }
        // A procedure's time line (征集开始时间…结束时间:, 意见反馈截止时间) is listed (its date
        // links to it) but is no city's latest event.
        let procedural = (from..to).any(|c| words.procedural_words.word_at(&folded, c).is_some());
        let status = status(&chars, &folded, a, from, year, k);
        let attribution = &k.lexicon.attribution;
        let names_zhejiang = p.annotations.iter().any(|b| {
            b.start() >= from
                && b.end() <= to
                && (b.kind == Kind::City || (b.kind == Kind::Place && !b.cities().is_empty()))
        }) || (from..to).any(|c| attribution.this_city_words.word_at(&chars, c).is_some());
        let national = !names_zhejiang && (from..to).any(|c| attribution.national.word_at(&chars, c).is_some());
        out.push(Found {
            date: i,
            from,
            to,
            status,
            national,
            procedural,
        });
    }
    out
}

/// How precise a date is: a day over a month over a year; without a year last.
/// Whose the statement a date heads is: its figures' subject when they share one (到2027年,
/// 全市…达到20亿元 in a Zhoushan plan is Zhoushan's, whatever the date alone was credited to;
/// 9月5日讯,丽水松阳县总投资12亿元的项目 is Lishui's), else the date's.
fn statement_subject(p: &AnnotatedParagraph, date: &Annotation, from: usize, to: usize) -> Option<About> {
    let mut subjects = p
        .annotations
        .iter()
        .filter(|b| b.kind == Kind::Figure && b.start() >= from && b.end() <= to)
        .filter_map(|b| b.about);
    match subjects.next() {
        Some(first) if subjects.all(|s| s == first) => Some(first),
        _ => date.about,
    }
}

fn precision(a: &Annotation) -> u8 {
    if !isodate::has_year(&a.value) {
        return 0;
    }
    match IsoDate::parse(&a.value) {
        Some(d) if d.end.is_none() => 1 + u8::from(d.start.month.is_some()) + u8::from(d.start.day.is_some()),
        _ => 1,
    }
}

/// Whether a dated statement is a target (what a plan commits to), expected (a forecast, or a
/// date after the article that no word of aim makes a target: a rule taking effect, a deadline
/// for comments), or something that happened.
fn status(chars: &[char], folded: &[char], a: &Annotation, from: usize, year: Option<i32>, k: &Knowledge) -> Status {
    let words = &k.statements;
    // 截至2024年底 is "as of": an outcome's date, though it ends in 至; 预计到 is a forecast's.
    let as_of = words.as_of_before.longest_before(folded, a.start()).is_some();
    let deadline_word = words
        .deadline_before
        .longest_before(folded, a.start())
        .or_else(|| k.lexicon.date.target_before.longest_before(chars, a.start()));
    let forecast_deadline = deadline_word
        .is_some_and(|n| words.forecast.longest_before(folded, a.start() - n).is_some())
        || words.forecast.longest_before(folded, a.start()).is_some();
    let deadline = !as_of
        && !forecast_deadline
        && (deadline_word.is_some() || (a.start() >= 3 && folded[..a.start()].ends_with(&['b', 'y', ' '])));
    let parsed = IsoDate::parse(&a.value);
    let period = parsed.is_some_and(|d| d.end.is_some());
    let later = match (parsed.and_then(|d| d.start.year), year) {
        (Some(y), Some(pub_year)) => y > pub_year,
        _ => false,
    };
    // A word of aim in the date's own clause, before the date or right after it (计划今年底前投产);
    // when the clause is the date alone (2024年,金华GDP预计增长6.3%), in the clause after it.
    let stops = &k.lexicon.stops;
    let mut clause_end = (a.end()..chars.len())
        .find(|&c| stops.breaks_at(chars, c))
        .unwrap_or(chars.len());
    if (a.end()..clause_end).all(|c| !chars[c].is_alphabetic()) && clause_end < chars.len() {
        let next = clause_end + stops.clause_stop_at(chars, clause_end).unwrap_or(1);
        clause_end = (next..chars.len())
            .find(|&c| stops.breaks_at(chars, c))
            .unwrap_or(chars.len());
    }
    let clause_from = (from..a.start())
        .rev()
        .find(|&c| k.lexicon.stops.breaks_at(chars, c))
        .map_or(from, |c| c + 1);
    let aim = (clause_from..clause_end).any(|c| words.target.word_at(folded, c).is_some());
    let forecast = forecast_deadline || (clause_from..clause_end).any(|c| words.forecast.word_at(folded, c).is_some());
    let scheduled = (clause_from..clause_end).any(|c| words.scheduled_words.word_at(folded, c).is_some());
    if !scheduled && (deadline || period || aim) {
        Status::Target
    } else if forecast || later || (scheduled && (deadline || aim)) {
        Status::Forecast
    } else {
        Status::Outcome
    }
}

/// Every dated statement of the shown paragraphs, by date (source order among equal dates). A
/// statement is shown once: a paragraph re-published whole is credited to its copies, and so is
/// the same dated statement in another article.
pub fn events(
    seeds: &[std::sync::Arc<crate::annotate::AnnotatedSeed>],
    shown: &[ParaRef],
    copies_of: impl Fn(ParaRef) -> Vec<ParaRef>,
    k: &Knowledge,
    kept: Option<&(dyn Fn(ParaRef) -> Vec<Found> + Sync)>,
) -> Vec<Event> {
    let para = |r: ParaRef| &seeds[r.seed].paragraphs[r.para];
    // Each shown paragraph's dated statements: as `serve` kept them, else read now.
    let read: Vec<Vec<Found>> = shown
        .par_iter()
        .map(|&r| match kept {
            Some(kept) => kept(r),
            None => read(para(r), seeds[r.seed].year, k),
        })
        .collect();
    let mut events: Vec<Event> = Vec::new();
    // (date, statement folded) → the event that first stated it.
    let mut first: FxHashMap<(arcstr::ArcStr, u64), usize> = FxHashMap::default();
    for (&r, found) in shown.iter().zip(read) {
        let p = para(r);
        for Found {
            date: i,
            from,
            to,
            status,
            national,
            procedural,
        } in found
        {
            let a = &p.annotations[i];
            // What is said from the date on: the same in a copy that words its lead-in otherwise
            // (據報道,5月14日,…).
            let said_from = a.end().max(from).min(to);
            let said: String = p.text.chars().skip(said_from).take(to - said_from).collect();
            let key = (
                a.value.clone(),
                script::copy_key(said.trim_start_matches([',', '，', ' '])),
            );
            match first.get(&key) {
                Some(&e) if events[e].at.seed != r.seed => events[e].also_in.push(r),
                Some(_) => {}
                None => {
                    first.insert(key, events.len());
                    events.push(Event {
                        date: a.value.clone(),
                        text: a.text.clone(),
                        inferred: a.inferred,
                        about: statement_subject(p, a, from, to),
                        at: r,
                        start: u32::try_from(a.start()).unwrap_or(u32::MAX),
                        segment: (
                            u32::try_from(from).unwrap_or(u32::MAX),
                            u32::try_from(to).unwrap_or(u32::MAX),
                        ),
                        target: status == Status::Target,
                        expected: status == Status::Forecast,
                        national,
                        procedural,
                        cities: p.page_cities().cloned().collect(),
                        also_in: copies_of(r),
                    });
                }
            }
        }
    }
    // Dates without a known year (`--09-16`) come after every year: the timeline lists them
    // apart, at its end.
    let unknown = |e: &Event| !isodate::has_year(&e.date);
    events.par_sort_by(|a, b| {
        (unknown(a).cmp(&unknown(b)))
            .then_with(|| a.date.cmp(&b.date))
            .then(a.at.cmp(&b.at))
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotator;
    use std::path::Path;

    /// The dated statements of an article: (date, statement, target).
    fn statements(text: &str) -> Vec<(String, String, bool, Status)> {
        let k = Knowledge::load(None).unwrap();
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &k.lexicon).unwrap();
        let s = Annotator::new(&k).annotate(seed);
        s.paragraphs
            .iter()
            .flat_map(|p| {
                read(p, s.year, &k).into_iter().map(move |f| {
                    (
                        p.annotations[f.date].value.to_string(),
                        p.text.chars().skip(f.from).take(f.to - f.from).collect(),
                        f.status == Status::Target,
                        f.status,
                    )
                })
            })
            .collect()
    }

    #[test]
    fn each_date_heads_its_own_part_of_the_sentence() {
        let found = statements("題\n到2027年底,全市累計引育龍頭企業10家以上,力爭到2030年底產值超500億元。");
        assert_eq!(
            found,
            [
                (
                    "2027".to_string(),
                    "到2027年底,全市累計引育龍頭企業10家以上,".to_string(),
                    true,
                    Status::Target
                ),
                (
                    "2030".to_string(),
                    "力爭到2030年底產值超500億元。".to_string(),
                    true,
                    Status::Target
                ),
            ]
        );
        let found =
            statements("题\n2025-06-01\n2015年6月,一期项目开工建设,2019年12月底全面投产,形成2000万吨/年的炼化能力。");
        let dates: Vec<(&str, bool)> = found.iter().map(|f| (f.0.as_str(), f.2)).collect();
        assert_eq!(dates, [("2015-06", false), ("2019-12", false)]);
        // A statement that opens with its date starts after it: the date is said once.
        assert_eq!(found[0].1, "一期项目开工建设,");
        assert!(found[1].1.starts_with("2019年12月底全面投产"), "{found:?}");
    }

    #[test]
    fn empty_statements_and_datelines_are_no_events() {
        assert!(statements("題\n到2027年底:").is_empty());
        // A document's signing date after its body stays a paragraph, and is no event.
        let signed = statements("題\n全市推進人工智能產業發展。\n2025年5月13日");
        assert!(signed.is_empty(), "{signed:?}");
        // A dateline with its source is no body at all (ingest sets it apart with the bylines).
        assert!(statements("題\n2021-10-11 07:33:27 來源:浙江在線 記者某某\n全市推進人工智能產業發展。").is_empty());
        assert!(statements("Title\n2015-05-20 Source: China News").is_empty());
        assert!(statements("題\n一、2024年工作回顧\n從2012年至今已在").is_empty());
    }

    #[test]
    fn a_national_decision_is_no_city_event() {
        let k = Knowledge::load(None).unwrap();
        let text = "題\n2025-06-01\n2021年,工信部公布了國家級名單。\n5月14日,全市召開人工智能大會。\n";
        let seed = crate::ingest::parse(Path::new("seeds/t.txt"), text.as_bytes(), &k.lexicon).unwrap();
        let s = Annotator::new(&k).annotate(seed);
        let national: Vec<bool> = s
            .paragraphs
            .iter()
            .flat_map(|p| read(p, s.year, &k))
            .map(|f| f.national)
            .collect();
        assert_eq!(national, [true, false]);
    }

    #[test]
    fn one_clause_is_one_statement_dated_by_its_most_precise_date() {
        let found = statements("题\n2025-11-01\n2025年前三季度义乌外贸进出口总值首次突破6000亿元大关。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2025");
    }

    #[test]
    fn targets_are_not_things_that_happened() {
        let found = statements(
            "題\n2025-05-01\n5月14日,寧波舉行現場會;項目計劃今年底前建成投產;2030年,全市產值翻番;2024年,金華GDP預計增長6.3%。",
        );
        let status: Vec<(&str, Status)> = found.iter().map(|f| (f.0.as_str(), f.3)).collect();
        // A date after the article with no word of aim, and a forecast (預計), are expected:
        // neither targets nor things that happened.
        assert_eq!(
            status,
            [
                ("2025-05-14", Status::Outcome),
                ("2025", Status::Target),
                ("2030", Status::Forecast),
                ("2024", Status::Forecast)
            ]
        );
        // An agreement taking effect and a deadline for comments are no targets; a procedure's
        // time line is marked so (no latest event); 截至 is "as of".
        let found = statements(
            "題\n2025-05-01\nRCEP將於2026年1月1日對本國生效。本次徵集開始時間為2025年5月1日,結束時間為2025年6月1日。截至2024年底,全市企業達300家。到2027年,全市產值超500億元。",
        );
        let status: Vec<(&str, Status)> = found.iter().map(|f| (f.0.as_str(), f.3)).collect();
        assert_eq!(
            status,
            [
                ("2026-01-01", Status::Forecast),
                ("2025-05-01", Status::Outcome),
                ("2025-06-01", Status::Outcome),
                ("2024", Status::Outcome),
                ("2027", Status::Target)
            ]
        );
        let found = statements(
            "Title\n2025-02-10\nOn Feb. 10 the city announced new measures. The city plans to open the park in March 2027.",
        );
        let status: Vec<bool> = found.iter().map(|f| f.2).collect();
        assert_eq!(status, [false, true]);
    }
}
