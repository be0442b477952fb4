//! A source article's page (every body paragraph with its anchor, and where it came from) and
//! the paginated list of every article.

use super::data::{PageData, SourceData};
use super::human::{Bilingual, Lang};
use super::mark::Mark;
use super::markdown::{front_matter, paragraph};
use super::paginate::{Item, paginated};
use super::parts::city_link;
use super::{Page, SOURCES_PER_PAGE, seed_title};
use crate::knowledge::{Strings, fill};
use crate::model::{ParaRef, View};
use crate::text::escape;
use crate::text::offsets::first_chars;
use crate::text::script::{self, Script};
use crate::urls;
use std::ops::Range;

pub fn source_page(ex: &View, strings: &Strings, s: usize) -> Page {
    let a = ex.seed(s);
    let seed = &a.seed;
    let title = seed_title(ex, s);
    let mut md = front_matter(
        &title,
        "source",
        &[("seed", &seed.id), ("file", &seed.file.to_string_lossy())],
    );
    md.push_str(&format!("# {}\n\n", escape::markdown(&title)));
    if let Some(sub) = &seed.subtitle {
        md.push_str(&format!("*{}*\n\n", escape::markdown(sub)));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        md.push_str(&format!(
            "{} {}\n\n",
            Mark::Paragraph { id: &p.id }.link("¶"),
            paragraph(ex, ParaRef { seed: s, para: i })
        ));
    }
    let cities = ex
        .city_infos()
        .filter(|c| a.paragraphs.iter().any(|p| p.page_cities().any(|x| **x == c.id)))
        .map(city_link)
        .collect();
    // Chinese text is shown in each page's script; the page in the other script than the
    // article's says so.
    let text: String = std::iter::once(title.as_str())
        .chain(a.paragraphs.iter().map(|p| &*p.text))
        .collect::<Vec<_>>()
        .join("\n");
    let mut page = Page::new(
        urls::source(&seed.id),
        "source",
        title,
        first_chars(&a.paragraphs[0].text, 80),
        md,
    );
    page.data = PageData::Source(SourceData {
        // Readers know an article by its title; one without a title, by its file's name.
        file: seed.title.is_empty().then(|| {
            seed.file
                .file_name()
                .unwrap_or(seed.file.as_os_str())
                .to_string_lossy()
                .into_owned()
        }),
        bylines: seed.bylines.clone(),
        meta: seed.meta.clone(),
        undated: a.year_source == crate::annotate::YearSource::Unknown,
        date_from_address: a.year_source == crate::annotate::YearSource::Url,
        title_derived: seed.title_derived,
        cities,
        paragraphs: a.paragraphs.len(),
        lang: Lang::of(&seed.language).attribute(),
        missing: missing_metadata(
            strings,
            &seed.meta,
            a.year_source == crate::annotate::YearSource::Unknown,
        ),
    });
    page.written_in = script::written_in(&text).map(Script::lang);
    page.publish_markdown = true;
    page
}

/// What an article's metadata does not say, in the words the page says it with. A missing date
/// is said by the note on undated articles when the text gives no date either.
fn missing_metadata(s: &Strings, meta: &crate::ingest::Meta, undated: bool) -> Vec<Bilingual> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
    let mut out = Vec::new();
    if blank(&meta.publisher) {
        out.push(Bilingual::split(&s.source_missing_publisher));
    }
    if blank(&meta.date) && !undated {
        out.push(Bilingual::split(&s.source_missing_date));
    }
    if blank(&meta.source) {
        out.push(Bilingual::split(&s.source_missing_link));
    }
    out
}

/// Every source article (title and paragraph count), in the order of the seeds folder.
pub fn sources_page(ex: &View, s: &Strings, n: usize) -> Page {
    let mut md = front_matter(&s.sources_title, "sources", &[]);
    md.push_str(&format!("# {}\n\n", s.sources_title));
    let items = |range: Range<usize>| -> Vec<Item> {
        range
            .map(|i| {
                let seed = ex.seed_info(i);
                Item {
                    group: None,
                    md: format!(
                        "- {}{}\n",
                        Mark::Page {
                            path: &urls::source(&seed.id)
                        }
                        .link(&seed_title(ex, i)),
                        fill(&s.sources_item, &[("n", &ex.paragraph_count(i).to_string())])
                    ),
                }
            })
            .collect()
    };
    let page = Page::new(
        urls::SOURCES.to_string(),
        "sources",
        s.sources_title.clone(),
        fill(&s.sources_description, &[("n", &ex.seed_count().to_string())]),
        md,
    );
    paginated(s, page, ex.seed_count(), SOURCES_PER_PAGE, n, items)
}
