//! What the articles say of a document, beside what its title says: who issued it (舟山市人民政府
//! 印发《…》) or signed it (A与B签署《…合作框架协议》), and when (a date in the same sentence,
//! before the title); and what it does — the sentences where the document says something
//! (《方案》提出,到2027年…; 明确20条措施) or where who carries it out is named (由市经信局牵头),
//! each quoted verbatim and linked to its paragraph. Read from the paragraphs that mention it.

use super::compose::organisation_english;
use super::{DocumentModel, Explanation, Origin, ParaRef, Quote, TitlePart};
use crate::annotate::{AnnotatedSeed, Kind};
use crate::knowledge::Knowledge;
use crate::text::words::WordSet;
use std::sync::Arc;

/// How many mentions are read, and how many statements kept.
const MENTIONS_READ: usize = 16;
const STATEMENTS: usize = 3;
/// How far after a title a word that says what it does may start (《方案》明确 / 》,提出).
const SAYS_WITHIN: usize = 4;
/// Chars of a sentence before a title beyond which its quote starts at the title's clause.
const LONG_LEAD: usize = 60;

/// What the articles say of one document.
#[derive(Debug, Default)]
pub struct Facts {
    /// Who issued or signed it, as written, and in English when that can be said.
    by: Option<(String, Option<String>)>,
    /// It was signed (an agreement), not issued.
    signed: bool,
    /// When, as written, and its ISO value.
    date: Option<(String, String)>,
    /// The sentence that says who issued or signed it.
    issued_in: Option<Quote>,
    statements: Vec<Quote>,
    /// Its document number (发文字号: 浙政发〔2025〕10号), as written.
    number: Option<String>,
}

/// Longest issuer's abbreviation before a document number's year (浙政办发, 婺区政发), in chars.
const NUMBER_PREFIX: usize = 8;
/// A paragraph of a notice that may carry its own number on a line of its own (文号 丽政办发〔2018〕
/// 107号) is at most this long, in chars: longer ones are prose citing other documents' numbers.
const NUMBER_LINE: usize = 40;
/// How many paragraphs from a notice's end its signature and date line may be.
const SIGNATURE_REACH: usize = 6;

/// The document numbers (发文字号) in `chars`, as (start, end): an issuer's abbreviation of 2 to
/// [`NUMBER_PREFIX`] Han characters standing after a boundary (not inside a longer run of words:
/// 印发浙政发… is not read), the year in brackets (〔2025〕, [2025], 【2025】, (2025)) and the
/// serial with 号 (國發〔2017〕35號 in either script).
pub fn document_numbers(chars: &[char]) -> Vec<(usize, usize)> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if !"〔[【(（".contains(chars[i]) || i + 6 > chars.len() {
            continue;
        }
        if !chars[i + 1..i + 5].iter().all(|&c| digit(c)) || !"〕]】)）".contains(chars[i + 5]) {
            continue;
        }
        let serial_end = (i + 6..chars.len()).find(|&j| !digit(chars[j])).unwrap_or(chars.len());
        if serial_end == i + 6 || !matches!(chars.get(serial_end), Some('号' | '號')) {
            continue;
        }
        let mut start = i;
        while start > 0 && crate::text::han::is_han(chars[start - 1]) && i - start <= NUMBER_PREFIX {
            start -= 1;
        }
        if i - start < 2 || i - start > NUMBER_PREFIX {
            continue;
        }
        out.push((start, serial_end + 1));
    }
    out
}

/// The issuer a notice's title names before the document it issues (浙江省人民政府关于印发
/// 《…》的通知, 金华市人民政府办公室印发…的通知): its text, where the title issues `issued`.
fn notice_issuer<'t>(notice_title: &'t str, issued: &str, issue_verbs: &WordSet) -> Option<&'t str> {
    let chars: Vec<char> = notice_title.chars().collect();
    let folded: Vec<char> = chars
        .iter()
        .map(|&c| crate::text::script::fold_char_cached(c))
        .collect();
    let issued: Vec<char> = issued.chars().map(crate::text::script::fold_char_cached).collect();
    let at = (0..folded.len()).find(|&i| folded[i..].starts_with(&issued))?;
    // The verb right before the document (关于印发《…》, 印发…): only an opening mark between.
    let before = (0..at)
        .rev()
        .find(|&i| !"《“「".contains(chars[i]))
        .map_or(0, |i| i + 1);
    let verb = (0..before)
        .rev()
        .find(|&i| issue_verbs.longest_at(&chars, i) == Some(before - i))?;
    let mut end = verb;
    for lead in ["关于", "關於"] {
        let lead: Vec<char> = lead.chars().collect();
        if end >= lead.len() && chars[end - lead.len()..end] == lead[..] {
            end -= lead.len();
        }
    }
    (end >= 2).then(|| {
        let byte = notice_title
            .char_indices()
            .nth(end)
            .map_or(notice_title.len(), |(b, _)| b);
        &notice_title[..byte]
    })
}

/// Where the mark of a word of `words` ends in `folded[from..to]`, the last one found: (start,
/// end).
fn last_word(folded: &[char], from: usize, to: usize, words: &[Vec<char>]) -> Option<(usize, usize)> {
    (from..to).rev().find_map(|k| {
        words
            .iter()
            .find(|w| folded[k..].starts_with(w) && k + w.len() <= to)
            .map(|w| (k, k + w.len()))
    })
}

/// An ISO date, or one without its year (`--04-02`), as English writes it: 2 April 2025, 2 April,
/// October 2024, 2024.
fn date_en(value: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let first = value.split('/').next().unwrap_or(value);
    let (year, rest) = match first.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => match first.split_once('-') {
            Some((y, rest)) => (Some(y), rest),
            None => (Some(first), ""),
        },
    };
    let mut parts = rest.split('-');
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    let mut out = Vec::new();
    if let Some(d) = day.filter(|_| month.is_some()) {
        out.push(d.to_string());
    }
    if let Some(m) = month {
        out.push(m.to_string());
    }
    if let Some(y) = year.filter(|y| !y.is_empty()) {
        out.push(y.to_string());
    }
    if out.is_empty() {
        value.to_string()
    } else {
        out.join(" ")
    }
}

impl Facts {
    pub fn read(d: &DocumentModel, seeds: &[Arc<AnnotatedSeed>], k: &Knowledge) -> Facts {
        let mut facts = Facts::default();
        let stops = &k.lexicon.stops;
        let says = &k.lexicon.attribution.document_says;
        let issue = &k.lexicon.document.issue_verbs;
        let words = &k.explain.words;
        let mut seen: Vec<(ParaRef, usize)> = Vec::new();
        for &at in d.mentions.iter().take(MENTIONS_READ) {
            let p = &seeds[at.seed].paragraphs[at.para];
            let chars: Vec<char> = p.text.chars().collect();
            let folded: Vec<char> = chars
                .iter()
                .map(|&c| crate::text::script::fold_char_cached(c))
                .collect();
            for a in p
                .annotations
                .iter()
                .filter(|a| a.kind == Kind::Document && *a.value == *d.id)
            {
                let (open, close) = (a.start().saturating_sub(1), (a.end() + 1).min(chars.len()));
                let (s, e) = stops.sentence_around(&chars, a.start(), a.end());
                // Who issued or signed it, and when: the clause before the title.
                let clause = (s..open).rev().find(|&i| stops.clause_ends_at(&chars, i)).unwrap_or(s);
                let verb = (clause..open)
                    .rev()
                    .find_map(|i| issue.longest_at(&chars, i).map(|n| (i, i + n, false)))
                    .or_else(|| last_word(&folded, clause, open, &words.sign_verbs).map(|(i, j)| (i, j, true)));
                if let Some((v, _, signed)) = verb
                    && facts.by.is_none()
                {
                    // Who: the organisations of the clause before the verb, else its cities and
                    // places — not one that only says where (在杭州签署).
                    let candidates = |kinds: &[Kind]| -> Vec<&str> {
                        p.annotations
                            .iter()
                            .filter(|b| kinds.contains(&b.kind) && b.start() >= clause && b.end() <= v)
                            .filter(|b| b.start() == 0 || !"在于赴到".contains(chars[b.start() - 1]))
                            .map(|b| &*b.text)
                            .collect()
                    };
                    let mut by = candidates(&[Kind::Org]);
                    if by.is_empty() {
                        by = candidates(&[Kind::City, Kind::Place]);
                    }
                    if !by.is_empty() {
                        let zh = by.join("、");
                        let en = by
                            .iter()
                            .map(|b| organisation_english(b, k))
                            .collect::<Option<Vec<_>>>()
                            .map(|v| super::compose::english_list(&v));
                        facts.by = Some((zh, en));
                        facts.signed = signed;
                        facts.issued_in = Some(Quote {
                            at,
                            start: s,
                            end: e,
                            text: chars[s..e].iter().collect(),
                        });
                    }
                    if facts.date.is_none()
                        && let Some(date) = p
                            .annotations
                            .iter()
                            .find(|b| b.kind == Kind::Date && b.start() >= s && b.end() <= v)
                    {
                        facts.date = Some((date.text.to_string(), date.value.to_string()));
                    }
                }
                // Its number, in brackets right after the title: 《…》(国发〔2017〕35号).
                if facts.number.is_none()
                    && let Some(&(from, to)) = document_numbers(&chars)
                        .iter()
                        .find(|&&(from, _)| (close..=close + 1).contains(&from))
                {
                    facts.number = Some(chars[from..to].iter().collect());
                }
                // What it does: a word that says so right after the title, with a target (a
                // figure, a date) after it; or who carries it out.
                let says_after = (close..(close + SAYS_WITHIN).min(e)).any(|i| says.starts_at(&chars, i));
                let holds_target = p
                    .annotations
                    .iter()
                    .any(|b| matches!(b.kind, Kind::Figure | Kind::Date) && b.start() >= close && b.end() <= e);
                let carried =
                    last_word(&folded, s, e, &words.carried_out_by).is_some() && (s..e).any(|i| folded[i] == '由');
                if (says_after && holds_target) || carried {
                    let from = if a.start() - s > LONG_LEAD { clause } else { s };
                    let mut from = from;
                    while from < open && (chars[from].is_whitespace() || "”’」』".contains(chars[from])) {
                        from += 1;
                    }
                    if facts.statements.len() < STATEMENTS && !seen.contains(&(at, from)) {
                        seen.push((at, from));
                        facts.statements.push(Quote {
                            at,
                            start: from,
                            end: e,
                            text: chars[from..e].iter().collect(),
                        });
                    }
                }
            }
        }
        facts.read_notice(d, seeds, k);
        facts
    }

    /// When an article is the document itself, or the notice that issues it (its title is
    /// …关于印发…的通知 naming the document, or the annotator took the article to be it): its
    /// number from a line of its own, its issuer from the notice's title, its date from the
    /// date line among the last paragraphs.
    fn read_notice(&mut self, d: &DocumentModel, seeds: &[Arc<AnnotatedSeed>], k: &Knowledge) {
        let title_key = crate::text::script::fold(&d.title);
        let issue = &k.lexicon.document.issue_verbs;
        let mut read: Vec<usize> = d.mentions.iter().map(|r| r.seed).collect();
        read.dedup();
        for (i, seed) in seeds.iter().enumerate() {
            if seed.document.as_deref() == Some(d.id.as_str()) && !read.contains(&i) {
                read.push(i);
            }
        }
        for i in read {
            let seed = &seeds[i];
            let notice_title = &seed.seed.title;
            let own = seed.document.as_deref() == Some(d.id.as_str());
            let issuer = notice_issuer(notice_title, &d.title, issue);
            let is_notice = issuer.is_some() || crate::text::script::fold(notice_title) == title_key;
            if !own && !is_notice {
                continue;
            }
            if self.number.is_none() {
                self.number = seed.paragraphs.iter().find_map(|p| {
                    let chars: Vec<char> = p.text.chars().collect();
                    (chars.len() <= NUMBER_LINE)
                        .then(|| {
                            document_numbers(&chars)
                                .first()
                                .map(|&(a, b)| chars[a..b].iter().collect())
                        })
                        .flatten()
                });
            }
            if let Some(who) = issuer.filter(|_| self.by.is_none() || self.signed) {
                self.by = Some((who.to_string(), organisation_english(who, k)));
                self.signed = false;
            }
            if self.date.is_none() {
                self.date = seed.paragraphs.iter().rev().take(SIGNATURE_REACH).find_map(|p| {
                    let len = p.text.trim().chars().count();
                    p.annotations
                        .iter()
                        .find(|a| a.kind == Kind::Date && a.end() - a.start() + 1 >= len)
                        .map(|a| (a.text.to_string(), a.value.to_string()))
                });
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.by.is_none() && self.date.is_none() && self.statements.is_empty() && self.number.is_none()
    }

    /// Whether the articles say who issued it (not who signed it).
    pub fn reports_issuer(&self) -> bool {
        self.by.is_some() && !self.signed
    }

    /// The facts as parts, and a sentence in each language.
    fn parts(&self) -> (Vec<TitlePart>, String, Option<String>) {
        let mut parts = Vec::new();
        let (mut zh, mut en) = (String::new(), String::new());
        let verb = if self.signed {
            ("签署", "signed")
        } else {
            ("发布", "issued")
        };
        if let Some((who, who_en)) = &self.by {
            parts.push(TitlePart {
                role: if self.signed { "parties" } else { "issuer" },
                zh: who.clone(),
                en: who_en.clone(),
            });
        }
        if let Some((written, value)) = &self.date {
            parts.push(TitlePart {
                role: if self.signed { "signed" } else { "date" },
                zh: written.clone(),
                en: Some(value.clone()),
            });
        }
        if let Some(number) = &self.number {
            parts.push(TitlePart {
                role: "number",
                zh: number.clone(),
                en: None,
            });
        }
        match (&self.by, &self.date) {
            (Some((who, who_en)), Some((written, value))) => {
                zh = format!("据报道,由{who}于{written}{}。", verb.0);
                let when = date_en(value);
                en = match who_en {
                    Some(w) => format!("The article says {w} {} it on {when}.", verb.1),
                    None => format!("The article says it was {} on {when}.", verb.1),
                };
            }
            (Some((who, who_en)), None) => {
                zh = format!("据报道,由{who}{}。", verb.0);
                if let Some(w) = who_en {
                    en = format!("The article says {w} {} it.", verb.1);
                }
            }
            (None, Some((written, value))) => {
                zh = format!("据报道,于{written}{}。", verb.0);
                en = format!("The article says it was {} on {}.", verb.1, date_en(value));
            }
            (None, None) => {}
        }
        if let Some(number) = &self.number {
            zh.push_str(&format!("文号为{number}。"));
            // The number is written only in Chinese: given as the original, in brackets.
            let gap = if en.is_empty() { "" } else { " " };
            en.push_str(&format!("{gap}It bears a document number ({number})."));
        }
        (parts, zh, (!en.is_empty()).then_some(en))
    }

    /// Adds the facts to an explanation from the glossary or the title: the issuer (when the
    /// title or entry does not give one), the date, the statements.
    pub fn add_to(self, x: &mut Explanation) {
        if self.is_empty() {
            return;
        }
        let (parts, zh, en) = self.parts();
        let has_issuer = x.parts.iter().any(|p| p.role == "issuer");
        let has_date = x.parts.iter().any(|p| p.role == "date");
        for part in parts {
            let known = match part.role {
                "number" => x.parts.iter().any(|p| p.role == "number"),
                "issuer" => has_issuer,
                "date" => has_date,
                _ => false,
            };
            if !known {
                x.parts.push(part);
            }
        }
        if x.origin != Origin::Glossary {
            x.zh.push_str(&zh);
            if let (Some(text), Some(more)) = (x.en.as_mut(), en) {
                text.push(' ');
                text.push_str(&more);
            }
        }
        x.statements = self.statements;
    }

    /// An explanation from the facts alone, for a document whose title says neither its type nor
    /// its issuer: the article's words, quoted.
    pub fn explanation(self, title: &str) -> Option<Explanation> {
        if self.is_empty() {
            return None;
        }
        let (parts, zh, en) = self.parts();
        let quote = self.statements.first().cloned().or(self.issued_in.clone())?;
        Some(Explanation {
            parts,
            quote: Some(quote),
            with_quote: true,
            statements: self.statements,
            ..Explanation::new(Origin::Article, format!("《{title}》。{zh}"), en)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_english() {
        assert_eq!(date_en("2025-05-14"), "14 May 2025");
        assert_eq!(date_en("--04-02"), "2 April");
        assert_eq!(date_en("2024-10"), "October 2024");
        assert_eq!(date_en("2024"), "2024");
        assert_eq!(date_en("2025-05-14/2025-05-16"), "14 May 2025");
    }

    fn numbers(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        document_numbers(&chars)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn document_numbers_in_both_scripts_and_not_inside_prose() {
        assert_eq!(numbers("文号 丽政办发〔2018〕107号"), ["丽政办发〔2018〕107号"]);
        assert_eq!(numbers("文件字號:婺區政發〔2025〕15號"), ["婺區政發〔2025〕15號"]);
        assert_eq!(
            numbers("《规划》(国发〔2017〕35号)和《浙江省规划》(浙政发[2017]47号)"),
            ["国发〔2017〕35号", "浙政发[2017]47号"]
        );
        // A run of words before the year is no issuer's abbreviation; a year alone is no number.
        assert!(numbers("今年省政府正式印发实施浙江省有关部门文件〔2025〕1号").is_empty());
        assert!(numbers("(2025)年报告").is_empty());
        assert!(numbers("发〔2025〕号").is_empty());
    }

    #[test]
    fn a_notices_title_names_the_issuer_of_the_document_it_issues() {
        let k = Knowledge::load(None).unwrap();
        let verbs = &k.lexicon.document.issue_verbs;
        assert_eq!(
            notice_issuer(
                "丽水市人民政府办公室关于印发丽水市大花园建设行动计划的通知",
                "丽水市大花园建设行动计划",
                verbs
            ),
            Some("丽水市人民政府办公室")
        );
        assert_eq!(
            notice_issuer(
                "金華市人民政府關於印發《金華市推動人工智能創新發展行動方案》的通知",
                "金华市推动人工智能创新发展行动方案",
                verbs
            ),
            Some("金華市人民政府")
        );
        // A headline that only mentions the document issues nothing.
        assert_eq!(
            notice_issuer(
                "金华市推动人工智能创新发展行动方案解读",
                "金华市推动人工智能创新发展行动方案",
                verbs
            ),
            None
        );
    }
}
