//! Stage 1 — ingest: read `seeds/` into [`Seed`]s.
//!
//! A seed is a plain-text article (`.txt`: title line, optional subtitle line, one paragraph per
//! line) or a hand-prepared one (`.md` with TOML front matter between `+++` lines, paragraphs
//! separated by blank lines). A `.txt` may have a sidecar `<stem>.toml` with the same metadata
//! fields as the front matter. Page chrome (share/comment buttons) is dropped, and bylines and
//! contact lines (联系人:…, 联系电话:…) are kept as metadata, so that `paragraphs` holds exactly
//! the article's body. Seed text is kept verbatim: nothing here interprets it as Markdown or
//! HTML.
//!
//! A first line that reads as a paragraph (a sentence ending in 。, or longer than any headline)
//! is body, not title. An article without a title is given one from its first sentence,
//! shortened, and marked `title_derived`; pages never fall back to the file name. A line holding
//! only a date gives the publication date; at the end of the text (a government document's
//! signing date) it is also a body paragraph.

mod decode;
mod markdown;
mod text;

pub use decode::decode;

use crate::error::{Error, Result, toml_error};
use crate::knowledge::Lexicon;
use crate::text::han::is_wide;
use markdown::parse_markdown;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use text::{derived_title, parse_text};
use walkdir::WalkDir;

/// One article, as read from `seeds/`.
#[derive(Debug, Clone, Hash)]
pub struct Seed {
    /// The file stem: `000_cc229362e59457d6`. Used in URLs (`source/<id>/`).
    pub id: String,
    /// The file, relative to the seeds folder and written as `seeds/…`.
    pub file: PathBuf,
    /// The title line, or, when the article has none, the start of its first sentence (see
    /// `title_derived`).
    pub title: String,
    /// The title was made from the first sentence: the article has no title of its own.
    pub title_derived: bool,
    /// A short second line under the title, when there is one.
    pub subtitle: Option<String>,
    /// Byline lines (记者 …, 通讯员 …) and contact lines (联系人:…, 联系电话:…), kept out of the
    /// body.
    pub bylines: Vec<String>,
    /// Metadata from front matter, a sidecar `.toml`, or a date line in the text.
    pub meta: Meta,
    /// `zh` or `en`: the language the body is written in.
    pub language: String,
    /// The body, in order; every body line of the file is here exactly once.
    pub paragraphs: Vec<Paragraph>,
}

/// Metadata a seed may carry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    /// Where `date` was read from when it is not given: `url` (the `source` address holds it,
    /// …/2025/0604/…). `explainer add --source` writes it; a sidecar or front matter may too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    /// Where the article was published (URL).
    pub source: Option<String>,
    /// Who published it (a newspaper, a government site).
    pub publisher: Option<String>,
    /// `zh` or `en`; detected from the text when absent.
    pub language: Option<String>,
}

/// One body paragraph.
#[derive(Debug, Clone, Hash)]
pub struct Paragraph {
    /// `p1`, `p2`, … in body order: the anchor on the source page.
    pub id: String,
    /// 1-based line in the seed file where the paragraph starts.
    pub line: usize,
    /// The paragraph exactly as the seed has it, trimmed of surrounding whitespace.
    pub text: String,
}

impl Seed {
    /// What pages call the article: its title, else its id.
    pub fn display_title(&self) -> &str {
        if self.title.is_empty() { &self.id } else { &self.title }
    }
}

/// `date_source` of a date read from the `source` address.
pub const DATE_FROM_URL: &str = "url";

impl Meta {
    /// Without a publication date (metadata, or a date line in the text), the one the source
    /// address holds (…/2025/0604/…), marked as read from it. A year is never guessed from the
    /// text.
    pub fn date_from_address(&mut self) {
        if self.date.is_none()
            && let Some(date) = self.source.as_deref().and_then(crate::text::isodate::date_in_address)
        {
            self.date = Some(date);
            self.date_source = Some(DATE_FROM_URL.to_string());
        }
    }

    /// Whether the publication date was read from the source address.
    pub fn date_is_from_address(&self) -> bool {
        self.date.is_some() && self.date_source.as_deref() == Some(DATE_FROM_URL)
    }

    /// The year of the publication date, when one is known.
    pub fn year(&self) -> Option<i32> {
        self.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    }
}

/// Largest seed file read: a news article or plan is a few hundred kilobytes; anything this big is
/// an archive or a mistake, and would make pages no reader can open.
pub const MAX_SEED_BYTES: u64 = 16_000_000;

/// The file extensions that are seeds.
const SEED_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Reads every seed under `dir`, sorted by path. Files that are not seeds are skipped, with a
/// note in `skipped`.
pub fn load_dir(dir: &Path, lexicon: &Lexicon) -> Result<(Vec<Seed>, Vec<String>)> {
    let (files, skipped) = list_dir(dir)?;
    // Reading and parsing are independent per file; the walk fixed the order, and an error is
    // the first one in that order, whichever thread met it.
    let seeds: Vec<Seed> = files
        .par_iter()
        .map(|file| Source::read(&file.path)?.parse(dir, lexicon))
        .collect::<Vec<Result<Seed>>>()
        .into_iter()
        .collect::<Result<_>>()?;
    check_unique_ids(&seeds.iter().collect::<Vec<_>>())?;
    Ok((seeds, skipped))
}

/// Size and modification time of a file.
pub type Stamp = (u64, SystemTime);

/// The stamps of a seed file and of its sidecar, if it has one.
pub type SeedStamp = (Stamp, Option<Stamp>);

/// A seed file found in the seeds folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedFile {
    pub path: PathBuf,
    /// Size and modification time of the file and of its sidecar (if it has one), taken while
    /// listing: `serve` does not read a file whose stamp is unchanged. `None` where the file
    /// system has no modification times.
    pub stamp: Option<SeedStamp>,
}

/// The seed files in `dir` (and below), in name order, with a note for each file skipped.
pub fn list_dir(dir: &Path) -> Result<(Vec<SeedFile>, Vec<String>)> {
    if !dir.is_dir() {
        return Err(Error::file(dir, "the seeds folder does not exist or is not a folder"));
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut sidecars: HashMap<PathBuf, Stamp> = HashMap::new();
    let stamp = |meta: &std::fs::Metadata| meta.modified().ok().map(|m| (meta.len(), m));
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
            let what = if e.loop_ancestor().is_some() {
                "symbolic link loop".to_string()
            } else {
                e.to_string()
            };
            Error::file(path, what)
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if name.starts_with('.') || !SEED_EXTENSIONS.contains(&ext) {
            if ext == "toml" {
                if let Some(sidecar) = entry.metadata().ok().as_ref().and_then(stamp) {
                    sidecars.insert(entry.into_path(), sidecar);
                }
            } else {
                skipped.push(format!(
                    "{}: not a seed (only .txt and .md are read), skipped",
                    path.display()
                ));
            }
            continue;
        }
        let meta = entry.metadata().map_err(|e| Error::file(path, e.to_string()))?;
        let size = meta.len();
        if size > MAX_SEED_BYTES {
            return Err(Error::at(
                path,
                1,
                format!(
                    "{} MB is too large for one article (the limit is {} MB): split it into articles",
                    size / 1_000_000,
                    MAX_SEED_BYTES / 1_000_000
                ),
            ));
        }
        files.push((entry.into_path(), stamp(&meta)));
    }
    // Sidecars sort after `.md` seeds and before `.txt` ones: matched once the walk is done.
    let files = files
        .into_iter()
        .map(|(path, stamp)| {
            let sidecar = has_sidecar(&path)
                .then(|| sidecars.get(&path.with_extension("toml")).copied())
                .flatten();
            SeedFile {
                stamp: stamp.map(|s| (s, sidecar)),
                path,
            }
        })
        .collect();
    Ok((files, skipped))
}

/// Whether a seed file can have a metadata sidecar (Markdown seeds carry front matter instead).
fn has_sidecar(path: &Path) -> bool {
    path.extension().is_none_or(|e| e != "md")
}

/// A seed file's bytes and its metadata sidecar's text (`article.toml` beside `article.txt`):
/// everything its parse depends on.
#[derive(Debug)]
pub struct Source {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub sidecar: Option<String>,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Ok(Source {
            path: path.to_path_buf(),
            bytes,
            sidecar: read_sidecar(path)?,
        })
    }

    /// A hash of everything the parse depends on.
    pub fn fingerprint(&self) -> u64 {
        crate::text::hash::of((&self.path, &self.bytes, &self.sidecar))
    }

    /// The seed; `dir` is the seeds folder, which file names in pages are relative to.
    pub fn parse(&self, dir: &Path, lexicon: &Lexicon) -> Result<Seed> {
        let path = &self.path;
        let mut seed = parse_with_sidecar(path, &self.bytes, self.sidecar.as_deref(), lexicon)?;
        // Pages and the export name the file as it sits in the seeds folder, wherever that is.
        seed.file = Path::new("seeds").join(path.strip_prefix(dir).unwrap_or(path));
        Ok(seed)
    }
}

/// Two files whose names give one id would share a page: an error naming both.
pub fn check_unique_ids(seeds: &[&Seed]) -> Result<()> {
    let mut ids: Vec<(&str, &Path)> = seeds.iter().map(|s| (s.id.as_str(), s.file.as_path())).collect();
    ids.sort();
    for pair in ids.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(Error::file(
                pair[1].1,
                format!(
                    "seed id `{}` is also the id of {}; rename one of them",
                    pair[0].0,
                    pair[0].1.display()
                ),
            ));
        }
    }
    Ok(())
}

/// Parses one seed file's bytes. `path` decides the format (`.md` or plain text) and the id.
pub fn parse(path: &Path, bytes: &[u8], lexicon: &Lexicon) -> Result<Seed> {
    parse_with_sidecar(path, bytes, read_sidecar(path)?.as_deref(), lexicon)
}

/// The text of a plain-text seed's metadata sidecar (`article.toml` beside `article.txt`).
fn read_sidecar(path: &Path) -> Result<Option<String>> {
    let sidecar = path.with_extension("toml");
    if !has_sidecar(path) || !sidecar.is_file() {
        return Ok(None);
    }
    std::fs::read_to_string(&sidecar)
        .map(Some)
        .map_err(|e| Error::io(&sidecar, e))
}

/// [`parse`] with the text of the seed's metadata sidecar, if it has one.
fn parse_with_sidecar(path: &Path, bytes: &[u8], sidecar: Option<&str>, lexicon: &Lexicon) -> Result<Seed> {
    let id = seed_id(path)?;
    let text = decode(path, bytes)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut seed = if path.extension().is_some_and(|e| e == "md") {
        parse_markdown(path, &id, &text, lexicon)?
    } else {
        let meta = match sidecar {
            Some(source) => {
                let sidecar_path = path.with_extension("toml");
                toml::from_str(source).map_err(|e| toml_error(&sidecar_path, source, &e))?
            }
            None => Meta::default(),
        };
        parse_text(path, &id, &text, meta, lexicon)?
    };
    if seed.paragraphs.is_empty() {
        let what = if text.trim().is_empty() {
            "the seed is empty"
        } else {
            "the seed has no body paragraphs"
        };
        return Err(Error::at(path, 1, what));
    }
    seed.meta.date_from_address();
    seed.language = seed
        .meta
        .language
        .clone()
        .unwrap_or_else(|| detect_language(&seed.paragraphs));
    if seed.title.is_empty() {
        seed.title = derived_title(&seed.paragraphs[0].text, lexicon);
        seed.title_derived = !seed.title.is_empty();
    }
    Ok(seed)
}

/// The id of a seed: its file stem, which must be usable as a URL path segment.
fn seed_id(path: &Path) -> Result<String> {
    // The id becomes a URL path segment: characters a URL would need to escape (spaces,
    // brackets, …) become '-', so `article (1).txt` is `article-1-`. Two files that end up with
    // one id are reported by `check_unique_ids`.
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_start_matches('.').to_string();
    if id.is_empty() || id.chars().all(|c| c == '-') {
        return Err(Error::file(
            path,
            "a seed's file name becomes its URL: it needs letters or digits",
        ));
    }
    Ok(id)
}

fn detect_language(paragraphs: &[Paragraph]) -> String {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in paragraphs.iter().flat_map(|p| p.text.chars()) {
        if is_wide(c) {
            cjk += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if latin > cjk * 4 {
        "en".to_string()
    } else {
        "zh".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded().unwrap()
    }

    fn txt(text: &str) -> Result<Seed> {
        parse(Path::new("seeds/t.txt"), text.as_bytes(), &lex())
    }

    #[test]
    fn title_subtitle_body_chrome_and_byline() {
        let seed = txt("標題\r\n副標題\r\n\r\n■记者 王凯 通讯员 李晓\r\n第一段。\r\n\r\n第二段,有逗號。\r\n分享讓更多人看到\r\n- 評論\r\n- 關注\r\n").unwrap();
        assert_eq!(seed.title, "標題");
        assert_eq!(seed.subtitle.as_deref(), Some("副標題"));
        assert_eq!(seed.bylines, ["■记者 王凯 通讯员 李晓"]);
        let texts: Vec<_> = seed
            .paragraphs
            .iter()
            .map(|p| (p.id.as_str(), p.line, p.text.as_str()))
            .collect();
        assert_eq!(texts, [("p1", 5, "第一段。"), ("p2", 7, "第二段,有逗號。")]);
    }

    #[test]
    fn byline_right_under_the_title_is_not_a_subtitle() {
        let seed = txt("金华打造高地\n■记者 张三 通讯员 李四\n\n正文第一段。").unwrap();
        assert_eq!(seed.subtitle, None);
        assert_eq!(seed.bylines.len(), 1);
    }

    #[test]
    fn reporter_sentence_is_body_not_byline() {
        let seed = txt("题\n记者注意到,为强化算力支撑,台州持续推动建设。").unwrap();
        assert_eq!(seed.paragraphs.len(), 1);
        assert!(seed.bylines.is_empty());
    }

    #[test]
    fn empty_title_line_keeps_the_body_and_derives_a_title() {
        let seed = txt("\n杭州发布新政。\n宁波跟进。").unwrap();
        assert_eq!((seed.title.as_str(), seed.title_derived), ("杭州发布新政", true));
        assert_eq!(seed.paragraphs.len(), 2);
        assert_eq!(seed.paragraphs[0].line, 2);
    }

    #[test]
    fn a_first_line_that_is_a_paragraph_is_body() {
        for text in [
            "近年來,金東區持續捕捉產業跃動脈搏,以新質生產力破題起勢,持續布局人工智能與新能源產業賽道。今年初,項目立項。\n第二段。",
            "近年来,金东区持续捕捉产业跃动脉搏,以新质生产力破题起势,持续布局人工智能与新能源产业赛道。今年初,项目立项。\n第二段。",
        ] {
            let seed = txt(text).unwrap();
            assert_eq!(seed.paragraphs.len(), 2, "nothing lost");
            assert_eq!(seed.paragraphs[0].line, 1);
            assert!(seed.title_derived);
            assert_eq!(
                seed.title.chars().count(),
                "近年来,金东区持续捕捉产业跃动脉搏,以新质生产力破题起势".chars().count() + 1
            );
            assert!(
                seed.title.ends_with("起勢…") || seed.title.ends_with("起势…"),
                "{}",
                seed.title
            );
        }
        // A headline stays a title, and a title given in metadata is not derived.
        let seed = txt("浙江成立首個設區市人工智能局,負責統籌全市人工智能發展\n正文。").unwrap();
        assert!(!seed.title_derived);
        let md = "+++\ntitle = \"温州\"\n+++\n\n正文。\n";
        let seed = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap();
        assert_eq!((seed.title.as_str(), seed.title_derived), ("温州", false));
    }

    #[test]
    fn english_title_derived_without_the_dateline() {
        let seed = txt("HANGZHOU, Feb. 10 (Xinhua) -- The eastern Chinese tech city of Hangzhou has announced a series of measures to elevate its status as an innovation hub.\nThe measures were announced on Monday.").unwrap();
        assert_eq!(seed.language, "en");
        assert!(seed.title_derived);
        assert_eq!(seed.title, "The eastern Chinese tech city of Hangzhou has announced a…");
    }

    #[test]
    fn bom_fullwidth_space_and_cr_only() {
        let seed = txt("\u{FEFF}题\r\u{3000}\u{3000}杭州发布新政。\u{3000}\r").unwrap();
        assert_eq!(seed.paragraphs[0].text, "杭州发布新政。");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "题\n杭州。".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let seed = parse(Path::new("seeds/u.txt"), &bytes, &lex()).unwrap();
        assert_eq!(seed.paragraphs[0].text, "杭州。");
    }

    #[test]
    fn bad_input_is_reported_with_line() {
        let err = parse(Path::new("seeds/b.txt"), b"title\nok\n\xFF\xFE\xFD", &lex()).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("UTF-8"), "{err}");
        let err = txt("题\n正文\0二进制").unwrap_err();
        assert!(err.to_string().contains("NUL"));
        assert!(txt("").unwrap_err().to_string().contains("empty"));
        assert!(txt("只有标题\n").unwrap_err().to_string().contains("no body"));
    }

    #[test]
    fn date_line_becomes_metadata() {
        let seed = txt("题\n2025-05-20 08:30\n杭州发布新政。").unwrap();
        assert_eq!(seed.meta.date.as_deref(), Some("2025-05-20"));
        assert_eq!(seed.paragraphs.len(), 1);
    }

    #[test]
    fn an_address_dates_a_seed_without_a_date() {
        let lex = lex();
        let with = |text: &str, sidecar: &str| {
            parse_with_sidecar(Path::new("seeds/a.txt"), text.as_bytes(), Some(sidecar), &lex).unwrap()
        };
        let seed = with(
            "题\n杭州发布新政。",
            "source = \"https://www.zj.gov.cn/art/2024/5/21/art_1.html\"\n",
        );
        assert_eq!(seed.meta.date.as_deref(), Some("2024-05-21"));
        assert!(seed.meta.date_is_from_address());
        // A date given, in the sidecar or on a line of the text, wins over the address.
        let seed = with(
            "题\n2025-05-20\n杭州发布新政。",
            "source = \"https://www.zj.gov.cn/art/2024/5/21/art_1.html\"\n",
        );
        assert_eq!(seed.meta.date.as_deref(), Some("2025-05-20"));
        assert!(!seed.meta.date_is_from_address());
        let seed = with(
            "题\n杭州发布新政。",
            "source = \"http://www.example.com/c_819876.htm\"\n",
        );
        assert_eq!((seed.meta.date, seed.meta.date_source), (None, None));
    }

    #[test]
    fn a_signing_date_stays_in_the_body_and_dates_the_document() {
        for text in [
            "关于支持人工智能创新发展的若干措施\n各县(区)人民政府:\n现印发给你们。\n舟山市人民政府\n2025年3月5日\n",
            "關於支持人工智能創新發展的若干措施\n各縣(區)人民政府:\n現印發給你們。\n舟山市人民政府\n2025年3月5日\n",
        ] {
            let seed = txt(text).unwrap();
            assert_eq!(seed.meta.date.as_deref(), Some("2025-03-05"));
            let lines: Vec<usize> = seed.paragraphs.iter().map(|p| p.line).collect();
            assert_eq!(
                lines,
                [2, 3, 4, 5],
                "the addressee, the signature and the date are body"
            );
            assert_eq!(seed.subtitle, None);
        }
    }

    #[test]
    fn markdown_front_matter_and_blocks() {
        let md = "+++\ntitle = \"温州数安港\"\ndate = \"2025-05-17\"\npublisher = \"温州日报\"\n+++\n\n第一段\n接着写。\n\nSecond\nparagraph.\n";
        let seed = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap();
        assert_eq!(seed.title, "温州数安港");
        assert_eq!(seed.meta.year(), Some(2025));
        assert_eq!(seed.paragraphs[0].text, "第一段接着写。");
        assert_eq!(seed.paragraphs[0].line, 7);
        assert_eq!(seed.paragraphs[1].text, "Second paragraph.");
        assert_eq!(seed.paragraphs[1].line, 10);
    }

    #[test]
    fn front_matter_closes_only_on_a_line_of_its_own() {
        // Found by fuzzing: `+++*` closed the front matter, the body began on its line and every
        // paragraph's line number was one too many.
        let md = "+++\ntitle = \"台州\"\n+++*\n天台\n\n三门\n";
        let err = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap_err();
        assert!(err.to_string().contains("never closed"), "{err}");
        let md = "+++\ntitle = \"台州\"\n+++*\n+++ \r\n天台\n\n三门\n";
        let err = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap_err();
        assert_eq!(err.line(), Some(3), "the stray line is front matter: {err}");
        let md = "+++\ntitle = \"台州\"\n+++ \r\n天台\n\n三门\n";
        let seed = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap();
        assert_eq!((seed.paragraphs[0].line, seed.paragraphs[1].line), (4, 6));
    }

    #[test]
    fn unknown_front_matter_key_is_an_error_with_line() {
        let md = "+++\ntitle = \"x\"\npublsher = \"y\"\n+++\n正文。\n";
        let err = parse(Path::new("seeds/m.md"), md.as_bytes(), &lex()).unwrap_err();
        assert!(err.to_string().contains("publsher"), "{err}");
        assert_eq!(err.line(), Some(3));
    }

    #[test]
    fn file_names_become_url_safe_ids() {
        let id = |name: &str| parse(Path::new(name), "t\nx".as_bytes(), &lex()).map(|s| s.id);
        assert_eq!(id("seeds/a b (1).txt").unwrap(), "a-b--1-");
        assert_eq!(id("seeds/寧波-1.txt").unwrap(), "寧波-1");
        assert!(id("seeds/ .txt").is_err());
    }

    #[test]
    fn english_is_detected() {
        let seed = txt("Title\nHangzhou and Wenzhou lead Zhejiang's AI push, officials said.").unwrap();
        assert_eq!(seed.language, "en");
        // A real English wire story, when the development articles are at hand.
        let Some(dev) = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/eval/dev/seeds"))
            .find(|d| d.is_dir())
        else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(&dev) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.contains("_en_") {
                let seed = parse(&entry.path(), &std::fs::read(entry.path()).unwrap(), &lex()).unwrap();
                assert_eq!(seed.language, "en", "{name}");
            }
        }
    }
}
