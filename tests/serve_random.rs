//! `serve` answers from a cache that remakes only what an edit touched. This test makes random
//! series of edits a maintainer could make — add, remove and rename articles; change titles,
//! document names and short names, dates, figures and city names; write, change and delete
//! metadata sidecars; break an article; edit templates, data files and static files — to a
//! corpus of the real sample, the development articles (read from `shared/eval/dev/seeds/`
//! beside the repository, never copied into it) and made-up articles in both scripts. After each edit,
//! `serve`'s rebuild (the code the server runs: [`Server::rebuild`], pages first, then the
//! corpus files, with a [`BuildCache`]) must hold exactly the files a fresh build writes, byte
//! for byte, or fail with the same error and keep the last good site; and pages fetched over
//! HTTP from the running server must be those files plus what `serve` injects for live reload.
//!
//! A failing series is shrunk by proptest to a minimal one and saved in
//! `tests/serve_random.proptest-regressions`, which later runs replay first.
//! CI runs a few series; `EXPLAINER_RANDOM_CASES=500 cargo test --release --test serve_random`
//! runs many (`PROPTEST_RNG_SEED=N` repeats a run).

use explainer::build::{self, BuildOptions, Reuse};
use explainer::output::Files;
use explainer::serve::{BuildCache, Limits, Server, inject};
use explainer::text::script::to_hans;
use proptest::prelude::*;
use proptest::sample::Index;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;

use common::repo;

/// The development articles' seeds, part of every corpus here (looked for once: a missing
/// folder fails on CI and is reported once elsewhere).
fn dev_seeds() -> Option<&'static Path> {
    static DEV: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    DEV.get_or_init(|| common::dev_dir_for("serve_random").map(|d| d.join("seeds")))
        .as_deref()
}

// ---------------------------------------------------------------------------------------------
// Made-up articles: sentences built from slots, in Traditional or Simplified script.

/// City names as articles write them (Traditional; Simplified is derived), with traps: a bay,
/// a rooftop, a district, a county-level city, and a city outside the province.
const CITIES: &[&str] = &[
    "杭州",
    "寧波",
    "溫州",
    "嘉興",
    "湖州",
    "紹興",
    "金華",
    "衢州",
    "舟山",
    "台州",
    "麗水",
    "杭州灣",
    "天台",
    "鎮海區",
    "瑞安市",
    "義烏",
    "上海",
];
const DATES: &[&str] = &[
    "2025年3月",
    "5月20日",
    "今年8月",
    "2024年10月12日",
    "2023年",
    "去年12月",
    "2026年1月1日",
];
const FIGURES: &[&str] = &[
    "300家",
    "5億元",
    "12.5%",
    "500PFLOPS",
    "1.2萬人",
    "超七成",
    "40個",
    "2000億元",
];
const DOCUMENTS: &[&str] = &[
    "人工智能產業發展實施方案",
    "關於加快推進人工智能產業發展的若干意見",
    "數字經濟促進條例",
    "“人工智能+”行動計劃(2025—2027年)",
    "算力基礎設施建設三年行動方案",
];
const SHORT_NAMES: &[&str] = &["實施方案", "若干意見", "條例", "行動計劃", "三年方案"];
const TERMS: &[&str] = &[
    "人工智能+製造",
    "AI+化工",
    "人工智能+",
    "數據要素×",
    "具身智能",
    "低空經濟",
];
const TITLES: &[&str] = &[
    "人工智能產業再提速",
    "算力中心落地",
    "第四屆數字經濟大會召開",
    "1號文件聚焦人工智能",
    "天台上的機器人",
    "杭州灣新區布局具身智能",
];
const PUBLISHERS: &[&str] = &["寧波日報", "溫州發布", "浙江日報", "新華社"];
const META_DATES: &[&str] = &["2025-05-20", "2024-11-02", "2025-01", "2023"];

/// One made-up sentence: a template and the values of its slots.
#[derive(Debug, Clone)]
struct Sentence {
    template: usize,
    city: usize,
    other_city: usize,
    date: usize,
    figure: usize,
    document: usize,
    short: usize,
    term: usize,
}

impl Sentence {
    fn text(&self) -> String {
        let city = CITIES[self.city % CITIES.len()];
        let other = CITIES[self.other_city % CITIES.len()];
        let date = DATES[self.date % DATES.len()];
        let figure = FIGURES[self.figure % FIGURES.len()];
        let document = DOCUMENTS[self.document % DOCUMENTS.len()];
        let short = SHORT_NAMES[self.short % SHORT_NAMES.len()];
        let term = TERMS[self.term % TERMS.len()];
        match self.template % 8 {
            0 => format!("{date},{city}發布《{city}市{document}》(以下簡稱《{short}》),提出培育企業{figure}。"),
            1 => format!("《{short}》明確,到2027年{city}“{term}”示範項目達到{figure}。"),
            2 => format!("{city}推動“{term}”發展,{other}企業{figure}參與。"),
            3 => format!("{date},{other}召開第四屆人工智能大會,簽約項目{figure}。"),
            4 => format!("記者從{city}市經信局獲悉,今年以來全市新增{term}企業{figure}。"),
            5 => format!("{city}與{other}共建算力中心,總投資{figure}。"),
            6 => "延伸阅读".to_string(),
            _ => format!("“這是{city}的機會,”負責人說,“{term}要落地。”"),
        }
    }
}

fn sentence() -> impl Strategy<Value = Sentence> {
    (
        0..8usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
    )
        .prop_map(
            |(template, city, other_city, date, figure, document, short, term)| Sentence {
                template,
                city,
                other_city,
                date,
                figure,
                document,
                short,
                term,
            },
        )
}

/// A made-up article's file: `.txt` (title line, one paragraph a line) or `.md` (front
/// matter, paragraphs between blank lines).
fn article(title: usize, sentences: &[Sentence], simplified: bool, markdown: bool) -> String {
    let title = TITLES[title % TITLES.len()];
    let body: Vec<String> = sentences.iter().map(Sentence::text).collect();
    let text = if markdown {
        format!("+++\ntitle = \"{title}\"\n+++\n\n{}\n", body.join("\n\n"))
    } else {
        format!("{title}\n{}\n", body.join("\n"))
    };
    if simplified { to_hans(&text) } else { text }
}

// ---------------------------------------------------------------------------------------------
// Edits.

/// What in an article's text an edit replaces.
#[derive(Debug, Clone, Copy)]
enum Part {
    City,
    /// The number before 年, 月 or 日.
    Date,
    /// A number followed by a unit (家, 億元, %, …).
    Figure,
    /// The name inside 《》.
    Document,
    /// The short name after 簡稱/简称.
    ShortName,
}

#[derive(Debug, Clone)]
enum Edit {
    Add {
        name: u16,
        title: usize,
        sentences: Vec<Sentence>,
        simplified: bool,
        markdown: bool,
    },
    Remove(Index),
    /// To a new name; the sidecar moves along unless `leave_sidecar`.
    Rename {
        seed: Index,
        name: u16,
        leave_sidecar: bool,
    },
    Retitle(Index, usize),
    Replace {
        seed: Index,
        part: Part,
        at: Index,
        to: usize,
    },
    AddParagraph(Index, Index, Sentence),
    RemoveParagraph(Index, Index),
    /// Writes (or with `None`, deletes) the article's metadata sidecar.
    Sidecar(Index, Option<(usize, usize, bool)>),
    /// Rewrites an article with the same bytes: a new time, the same content.
    Touch(Index),
    /// Makes an article invalid UTF-8: the build fails until the article is edited or removed.
    Break(Index),
    Template(Index, u8),
    Data(DataEdit, u8),
    Static(u8),
}

#[derive(Debug, Clone, Copy)]
enum DataEdit {
    SiteTitle,
    CityEnglishName(usize),
    CityAlias(usize),
    GlossaryEnglish(usize),
    ChromeLine,
    PageString(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let part = prop_oneof![
        Just(Part::City),
        Just(Part::Date),
        Just(Part::Figure),
        Just(Part::Document),
        Just(Part::ShortName)
    ];
    let data = prop_oneof![
        Just(DataEdit::SiteTitle),
        (0..11usize).prop_map(DataEdit::CityEnglishName),
        (0..11usize).prop_map(DataEdit::CityAlias),
        (0..64usize).prop_map(DataEdit::GlossaryEnglish),
        Just(DataEdit::ChromeLine),
        (0..64usize).prop_map(DataEdit::PageString),
    ];
    prop_oneof![
        3 => (any::<u16>(), 0..16usize, prop::collection::vec(sentence(), 1..4), any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(name, title, sentences, simplified, markdown)| Edit::Add { name, title, sentences, simplified, markdown }),
        2 => any::<Index>().prop_map(Edit::Remove),
        2 => (any::<Index>(), any::<u16>(), prop::bool::weighted(0.3))
            .prop_map(|(seed, name, leave_sidecar)| Edit::Rename { seed, name, leave_sidecar }),
        2 => (any::<Index>(), 0..16usize).prop_map(|(s, t)| Edit::Retitle(s, t)),
        8 => (any::<Index>(), part, any::<Index>(), 0..64usize).prop_map(|(seed, part, at, to)| Edit::Replace { seed, part, at, to }),
        2 => (any::<Index>(), any::<Index>(), sentence()).prop_map(|(s, at, p)| Edit::AddParagraph(s, at, p)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(s, at)| Edit::RemoveParagraph(s, at)),
        3 => (any::<Index>(), prop::option::weighted(0.75, (0..16usize, 0..16usize, any::<bool>())))
            .prop_map(|(s, meta)| Edit::Sidecar(s, meta)),
        1 => any::<Index>().prop_map(Edit::Touch),
        1 => any::<Index>().prop_map(Edit::Break),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(t, n)| Edit::Template(t, n)),
        2 => (data, any::<u8>()).prop_map(|(d, n)| Edit::Data(d, n)),
        1 => any::<u8>().prop_map(Edit::Static),
    ]
}

/// The working copy a series of edits changes: seeds, templates, data and static files.
struct Workspace {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for folder in ["templates", "data", "static"] {
            copy_dir(&repo().join(folder), &root.join(folder));
        }
        let seeds = root.join("seeds");
        fs::create_dir(&seeds).unwrap();
        fs::copy(
            repo().join("seeds/000_cc229362e59457d6.txt"),
            seeds.join("000_cc229362e59457d6.txt"),
        )
        .unwrap();
        if let Some(dev) = dev_seeds() {
            for entry in fs::read_dir(dev).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
                }
            }
        }
        let made_up = [
            (
                "100_ningbo.txt",
                article(0, &[s(0, 1, 2, 0), s(1, 1, 2, 1), s(4, 1, 9, 2)], false, false),
            ),
            (
                "101_wenzhou.txt",
                article(2, &[s(2, 2, 0, 3), s(3, 4, 2, 4), s(7, 2, 0, 5)], true, false),
            ),
            (
                "102_taizhou.md",
                article(4, &[s(5, 9, 11, 6), s(0, 10, 12, 7)], false, true),
            ),
        ];
        for (name, text) in made_up {
            fs::write(seeds.join(name), text).unwrap();
        }
        fs::write(
            seeds.join("100_ningbo.toml"),
            "date = \"2025-05-20\"\npublisher = \"寧波日報\"\n",
        )
        .unwrap();
        // Files an hour old, as in a real seeds folder: the cache trusts their stamps from the
        // first rebuild on (a file changed just before it was read is read again anyway).
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for entry in fs::read_dir(&seeds).unwrap() {
            let file = fs::File::options().write(true).open(entry.unwrap().path()).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
        Workspace { _dir: dir, root }
    }

    fn seeds_dir(&self) -> PathBuf {
        self.root.join("seeds")
    }

    /// The articles, in name order.
    fn seeds(&self) -> Vec<PathBuf> {
        let mut seeds: Vec<PathBuf> = fs::read_dir(self.seeds_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        seeds.sort();
        seeds
    }

    fn options(&self, cache: Option<Arc<BuildCache>>) -> BuildOptions {
        let mut options = BuildOptions::new(self.seeds_dir(), self.root.join("site"));
        options.data = Some(self.root.join("data"));
        options.templates = Some(self.root.join("templates"));
        options.static_dir = Some(self.root.join("static"));
        options.cache = cache.map(|c| c as Arc<dyn Reuse>);
        options
    }

    /// Applies one edit; says what it did (for the failure message), `None` when it found
    /// nothing to change.
    fn apply(&self, edit: &Edit) -> Option<String> {
        let seeds = self.seeds();
        let pick = |i: &Index| (!seeds.is_empty()).then(|| seeds[i.index(seeds.len())].clone());
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        match edit {
            Edit::Add {
                name: n,
                title,
                sentences,
                simplified,
                markdown,
            } => {
                let file = format!("2{n:05}_new.{}", if *markdown { "md" } else { "txt" });
                let path = self.seeds_dir().join(&file);
                if path.exists() {
                    return None;
                }
                fs::write(&path, article(*title, sentences, *simplified, *markdown)).unwrap();
                Some(format!("added {file}"))
            }
            Edit::Remove(i) => {
                let path = pick(i)?;
                fs::remove_file(&path).unwrap();
                let _ = fs::remove_file(path.with_extension("toml"));
                Some(format!("removed {}", name(&path)))
            }
            Edit::Rename {
                seed,
                name: n,
                leave_sidecar,
            } => {
                let path = pick(seed)?;
                let ext = path.extension().unwrap().to_string_lossy().into_owned();
                let to = self.seeds_dir().join(format!("3{n:05}_renamed.{ext}"));
                if to.exists() || to.with_extension("toml").exists() {
                    return None;
                }
                fs::rename(&path, &to).unwrap();
                let sidecar = path.with_extension("toml");
                if !leave_sidecar && sidecar.exists() {
                    fs::rename(&sidecar, to.with_extension("toml")).unwrap();
                }
                Some(format!("renamed {} to {}", name(&path), name(&to)))
            }
            Edit::Retitle(i, title) => {
                let path = pick(i)?;
                let text = read_lossy(&path);
                let new_title = TITLES[title % TITLES.len()];
                let text = if path.extension().is_some_and(|e| e == "md") {
                    replace_line(
                        &text,
                        |l| l.starts_with("title = "),
                        &format!("title = \"{new_title}\""),
                    )?
                } else {
                    replace_line(&text, |_| true, new_title)?
                };
                fs::write(&path, text).unwrap();
                Some(format!("retitled {} {new_title}", name(&path)))
            }
            Edit::Replace { seed, part, at, to } => {
                let path = pick(seed)?;
                let text = read_lossy(&path);
                let (text, what) = replace_part(&text, *part, |n| at.index(n), *to)?;
                fs::write(&path, text).unwrap();
                Some(format!("in {}: {what}", name(&path)))
            }
            Edit::AddParagraph(i, at, sentence) => {
                let path = pick(i)?;
                let mut lines: Vec<String> = read_lossy(&path).lines().map(str::to_string).collect();
                let at = 1 + at.index(lines.len());
                let line = sentence.text();
                lines.insert(at.min(lines.len()), line.clone());
                fs::write(&path, lines.join("\n") + "\n").unwrap();
                Some(format!("{}: added line {at}: {line}", name(&path)))
            }
            Edit::RemoveParagraph(i, at) => {
                let path = pick(i)?;
                let mut lines: Vec<String> = read_lossy(&path).lines().map(str::to_string).collect();
                if lines.len() < 2 {
                    return None;
                }
                let at = 1 + at.index(lines.len() - 1);
                let gone = lines.remove(at);
                fs::write(&path, lines.join("\n") + "\n").unwrap();
                Some(format!("{}: removed line {at}: {gone}", name(&path)))
            }
            Edit::Sidecar(i, meta) => {
                let path = pick(i)?;
                let sidecar = path.with_extension("toml");
                match meta {
                    Some((date, publisher, title)) => {
                        let mut text = format!(
                            "date = \"{}\"\npublisher = \"{}\"\n",
                            META_DATES[date % META_DATES.len()],
                            PUBLISHERS[publisher % PUBLISHERS.len()]
                        );
                        if *title {
                            text.push_str(&format!("title = \"{}\"\n", TITLES[(date + publisher) % TITLES.len()]));
                        }
                        fs::write(&sidecar, &text).unwrap();
                        Some(format!("sidecar of {}: {text:?}", name(&path)))
                    }
                    None => {
                        fs::remove_file(&sidecar).ok()?;
                        Some(format!("removed the sidecar of {}", name(&path)))
                    }
                }
            }
            Edit::Touch(i) => {
                let path = pick(i)?;
                let bytes = fs::read(&path).unwrap();
                fs::write(&path, bytes).unwrap();
                Some(format!("rewrote {} unchanged", name(&path)))
            }
            Edit::Break(i) => {
                let path = pick(i)?;
                let mut bytes = fs::read(&path).unwrap();
                bytes.extend_from_slice(b"\n\xff\xfe broken\n");
                fs::write(&path, bytes).unwrap();
                Some(format!("broke {}", name(&path)))
            }
            Edit::Template(i, n) => {
                let mut templates: Vec<PathBuf> = fs::read_dir(self.root.join("templates"))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect();
                templates.sort();
                let path = &templates[i.index(templates.len())];
                let text = fs::read_to_string(path).unwrap();
                let mark = format!("<p class=\"edit\">edit {n}</p>");
                let text = if text.contains("{% endblock main %}") {
                    text.replacen("{% endblock main %}", &format!("{mark}{{% endblock main %}}"), 1)
                } else if text.contains("</footer>") {
                    text.replacen("</footer>", &format!("{mark}</footer>"), 1)
                } else {
                    return None;
                };
                fs::write(path, text).unwrap();
                Some(format!("template {}: {mark}", name(path)))
            }
            Edit::Data(data, n) => self.edit_data(*data, *n),
            Edit::Static(n) => {
                let path = self.root.join("static/style.css");
                let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
                writeln!(file, "/* edit {n} */").unwrap();
                Some(format!("static/style.css: edit {n}"))
            }
        }
    }

    /// Edits a curated data file through its TOML structure (so the edit survives changes to
    /// the file's wording).
    fn edit_data(&self, edit: DataEdit, n: u8) -> Option<String> {
        let data = self.root.join("data");
        let change = |file: &str, f: &mut dyn FnMut(&mut toml::Table) -> Option<String>| -> Option<String> {
            let path = data.join(file);
            let mut table: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
            let what = f(&mut table)?;
            fs::write(&path, toml::to_string(&table).unwrap()).unwrap();
            Some(format!("data/{file}: {what}"))
        };
        let nth_in = |table: &mut toml::Table, key: &str, i: usize| -> Option<toml::Table> {
            let list = table.get(key)?.as_array()?;
            list.get(i % list.len().max(1))?.as_table().cloned()
        };
        let set_nth = |table: &mut toml::Table, key: &str, i: usize, value: toml::Table| {
            if let Some(list) = table.get_mut(key).and_then(|l| l.as_array_mut()) {
                let len = list.len();
                list[i % len] = toml::Value::Table(value);
            }
        };
        match edit {
            DataEdit::SiteTitle => change("site.toml", &mut |t| {
                t.insert("title".into(), format!("浙江 AI+ 城市觀察 {n}").into());
                Some(format!("title {n}"))
            }),
            DataEdit::CityEnglishName(i) => change("gazetteer.toml", &mut |t| {
                let mut city = nth_in(t, "city", i)?;
                let name = format!("{} {n}", city.get("name_en")?.as_str()?.split(' ').next()?);
                city.insert("name_en".into(), name.clone().into());
                set_nth(t, "city", i, city);
                Some(format!("city {i} name_en {name}"))
            }),
            DataEdit::CityAlias(i) => change("gazetteer.toml", &mut |t| {
                let mut city = nth_in(t, "city", i)?;
                let names = city.get_mut("names")?.as_array_mut()?;
                // A name the made-up articles use for another place: the alias moves mentions.
                let alias = ["杭城", "甬城", "鎮海區", "義烏"][n as usize % 4];
                if names.iter().any(|v| v.as_str() == Some(alias)) {
                    names.retain(|v| v.as_str() != Some(alias));
                } else {
                    names.push(alias.into());
                }
                set_nth(t, "city", i, city);
                Some(format!("city {i} alias {alias} toggled"))
            }),
            DataEdit::GlossaryEnglish(i) => change("glossary.toml", &mut |t| {
                let mut term = nth_in(t, "term", i)?;
                let en = format!("{} (revision {n})", term.get("en")?.as_str()?);
                term.insert("en".into(), en.into());
                set_nth(t, "term", i, term);
                Some(format!("term {i} en revised {n}"))
            }),
            DataEdit::ChromeLine => change("lexicon.toml", &mut |t| {
                let chrome = t.get_mut("ingest")?.as_table_mut()?.get_mut("chrome")?.as_array_mut()?;
                if chrome.iter().any(|v| v.as_str() == Some("延伸阅读")) {
                    chrome.retain(|v| v.as_str() != Some("延伸阅读"));
                } else {
                    chrome.push("延伸阅读".into());
                }
                Some("chrome line 延伸阅读 toggled".into())
            }),
            DataEdit::PageString(i) => change("strings.toml", &mut |t| {
                // A string without placeholders, so that the edit keeps the file valid.
                let keys: Vec<String> = t
                    .iter()
                    .filter(|(_, v)| v.as_str().is_some_and(|s| !s.contains('{')))
                    .map(|(k, _)| k.clone())
                    .collect();
                let key = keys.get(i % keys.len().max(1))?.clone();
                let value = format!("{} {n}", t[&key].as_str()?);
                t.insert(key.clone(), value.into());
                Some(format!("string {key} edited"))
            }),
        }
    }
}

fn s(template: usize, city: usize, other_city: usize, n: usize) -> Sentence {
    Sentence {
        template,
        city,
        other_city,
        date: n,
        figure: n,
        document: n,
        short: n,
        term: n,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn read_lossy(path: &Path) -> String {
    String::from_utf8_lossy(&fs::read(path).unwrap()).into_owned()
}

/// `text` with the first line that `matches` replaced by `with`.
fn replace_line(text: &str, matches: impl Fn(&str) -> bool, with: &str) -> Option<String> {
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| matches(l))?;
    lines[at] = with;
    Some(lines.join("\n") + "\n")
}

/// Replaces the `at`-th occurrence of `part` in `text`; returns the text and what changed.
fn replace_part(text: &str, part: Part, at: impl Fn(usize) -> usize, to: usize) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let byte = |i: usize| chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
    // Spans (in chars) of every occurrence, and what each becomes.
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let digits_before = |end: usize| {
        let mut start = end;
        while start > 0 && chars[start - 1].is_ascii_digit() {
            start -= 1;
        }
        start
    };
    match part {
        Part::City => {
            for (i, _) in chars.iter().enumerate() {
                for (k, city) in CITIES.iter().enumerate() {
                    let hans = to_hans(city);
                    for spelling in [city.to_string(), hans] {
                        let n = spelling.chars().count();
                        if chars[i..].iter().take(n).copied().eq(spelling.chars()) {
                            let mut new = CITIES[(to + k + 1) % CITIES.len()].to_string();
                            if spelling != *city {
                                new = to_hans(&new);
                            }
                            found.push((i, i + n, new));
                        }
                    }
                }
            }
        }
        Part::Date | Part::Figure => {
            for (i, c) in chars.iter().enumerate() {
                let start = digits_before(i);
                if start == i {
                    continue;
                }
                let value = match (part, c) {
                    (Part::Date, '年') => 2019 + to % 8,
                    (Part::Date, '月') => 1 + to % 12,
                    (Part::Date, '日') => 1 + to % 28,
                    (
                        Part::Figure,
                        '家' | '億' | '亿' | '萬' | '万' | '%' | '個' | '个' | '項' | '项' | '元' | 'P' | '人',
                    ) => to * 37 % 1000 + 1,
                    _ => continue,
                };
                found.push((start, i, value.to_string()));
            }
        }
        Part::Document => {
            let mut open = None;
            for (i, c) in chars.iter().enumerate() {
                match c {
                    '《' => open = Some(i + 1),
                    '》' => {
                        if let Some(start) = open.take() {
                            found.push((start, i, DOCUMENTS[to % DOCUMENTS.len()].to_string()));
                        }
                    }
                    _ => {}
                }
            }
        }
        Part::ShortName => {
            for (i, _) in chars.iter().enumerate() {
                let mark: String = chars[i..chars.len().min(i + 2)].iter().collect();
                if ["簡稱", "简称"].contains(&mark.as_str()) {
                    let open = i + 2;
                    let close = match chars.get(open) {
                        Some('《') => '》',
                        Some('“') => '”',
                        _ => continue,
                    };
                    if let Some(len) = chars[open + 1..].iter().position(|&c| c == close) {
                        found.push((
                            open + 1,
                            open + 1 + len,
                            SHORT_NAMES[to % SHORT_NAMES.len()].to_string(),
                        ));
                    }
                }
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let (start, end, new) = &found[at(found.len())];
    let old: String = chars[*start..*end].iter().collect();
    let mut out = text.to_string();
    out.replace_range(byte(*start)..byte(*end), new);
    Some((out, format!("{part:?} {old} → {new}")))
}

// ---------------------------------------------------------------------------------------------
// The check.

/// GET over a fresh connection: status, `X-Build-Version` and body.
fn get(addr: std::net::SocketAddr, path: &str) -> (u16, u64, Vec<u8>) {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let body = response[split + 4..].to_vec();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
        })
    };
    if let Some(length) = header("Content-Length") {
        assert_eq!(length.parse::<usize>().unwrap(), body.len(), "{path}: a complete body");
    }
    let version = header("X-Build-Version").and_then(|v| v.parse().ok()).unwrap_or(0);
    (status, version, body)
}

/// The paths whose bytes differ between two file sets, and those only in one.
fn differences(served: &Files, fresh: &Files) -> Vec<String> {
    let mut out = Vec::new();
    for (path, bytes) in fresh {
        match served.get(path) {
            None => out.push(format!("missing {path}")),
            Some(b) if b != bytes => out.push(format!("stale {path}{}", first_difference(b, bytes))),
            Some(_) => {}
        }
    }
    out.extend(
        served
            .keys()
            .filter(|p| !fresh.contains_key(*p))
            .map(|p| format!("extra {p}")),
    );
    out
}

fn first_difference(served: &[u8], fresh: &[u8]) -> String {
    let at = served
        .iter()
        .zip(fresh)
        .position(|(a, b)| a != b)
        .unwrap_or(served.len().min(fresh.len()));
    let around = |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(60)..(at + 60).min(b.len())]).into_owned();
    format!(" (served …{}… fresh …{}…)", around(served), around(fresh))
}

/// Runs one series: after each edit, serve's rebuild must equal a fresh build.
fn check_series(edits: &[Edit]) -> Result<(), TestCaseError> {
    let work = Workspace::new();
    let cache = Arc::new(BuildCache::default());
    let cached_options = work.options(Some(Arc::clone(&cache)));
    let server = Server::start("127.0.0.1", 0, Limits::default()).unwrap();
    let mut log: Vec<String> = vec!["start".into()];
    let steps = std::iter::once(None).chain(edits.iter().map(Some));
    for (step, edit) in steps.enumerate() {
        if let Some(edit) = edit {
            log.push(
                work.apply(edit)
                    .unwrap_or_else(|| format!("({edit:?} found nothing to change)")),
            );
        }
        let served = server.rebuild(&cached_options);
        let fresh = build::build_in_memory(&work.options(None));
        let snapshot = server.snapshot();
        let context = || format!("after {}", log.join("; "));
        match (&served, &fresh) {
            (Ok(_), Ok((_, fresh))) => {
                let differing = differences(&snapshot.files(), fresh);
                prop_assert!(
                    differing.is_empty(),
                    "{}: {} files differ, the first:\n{}",
                    context(),
                    differing.len(),
                    differing.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
                );
                prop_assert!(snapshot.error.is_none());
                // Over HTTP: a few pages and the corpus files, as a browser gets them.
                let html: Vec<&String> = fresh.keys().filter(|p| p.ends_with(".html")).collect();
                let mut paths: Vec<&String> = (0..4).map(|k| html[(step * 7 + k * 13) % html.len()]).collect();
                paths.extend(
                    fresh
                        .keys()
                        .filter(|p| p.ends_with(".json") || p.ends_with(".xml"))
                        .take(3),
                );
                for path in paths {
                    let (status, version, body) = get(server.addr(), &format!("/{path}"));
                    let expected = if path.ends_with(".html") {
                        inject(&fresh[path], snapshot.version, None)
                    } else {
                        fresh[path].to_vec()
                    };
                    prop_assert_eq!((status, version), (200, snapshot.version), "{}: {}", context(), path);
                    prop_assert!(body == expected, "{}: {} served over HTTP differs", context(), path);
                }
            }
            (Err(served), Err(fresh)) => {
                prop_assert_eq!(served.to_string(), fresh.to_string(), "{}: the same error", context());
                let message = served.to_string();
                prop_assert_eq!(snapshot.error.as_deref(), Some(message.as_str()));
                prop_assert!(snapshot.corpus.is_some(), "the last good site stays whole");
            }
            (served, fresh) => prop_assert!(
                false,
                "{}: serve {} but a fresh build {}",
                context(),
                served
                    .as_ref()
                    .map_or_else(|e| format!("failed: {e}"), |_| "built".into()),
                fresh
                    .as_ref()
                    .map_or_else(|e| format!("failed: {e}"), |_| "built".into())
            ),
        }
    }
    // Shown with `--nocapture`: what the series did.
    eprintln!("series of {} edits held: {}", edits.len(), log.join("; "));
    Ok(())
}

fn cases() -> u32 {
    std::env::var("EXPLAINER_RANDOM_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // Each case builds the site many times: shrink within a bound.
        max_shrink_iters: 400,
        ..ProptestConfig::default()
    })]

    #[test]
    fn serve_equals_a_fresh_build_after_random_edits(edits in prop::collection::vec(edit(), 1..10)) {
        check_series(&edits)?;
    }
}

/// The edits find what they change in real text: each kind of part occurs in the corpus.
#[test]
fn every_kind_of_edit_finds_its_part() {
    let work = Workspace::new();
    let text: String = work.seeds().iter().map(|p| read_lossy(p)).collect();
    for part in [Part::City, Part::Date, Part::Figure, Part::Document, Part::ShortName] {
        let (edited, what) = replace_part(&text, part, |n| n / 2, 3).unwrap_or_else(|| panic!("no {part:?}"));
        assert_ne!(edited, text, "{what}");
    }
    for data in [
        DataEdit::SiteTitle,
        DataEdit::CityEnglishName(3),
        DataEdit::CityAlias(1),
        DataEdit::GlossaryEnglish(5),
        DataEdit::ChromeLine,
        DataEdit::PageString(2),
    ] {
        assert!(work.edit_data(data, 1).is_some(), "{data:?} found its field");
    }
}
