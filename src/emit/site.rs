//! The pages about the site itself: about (how to read the site, how it is made and where it
//! fails, with samples of what the generator writes), search, and the page shown for a missing
//! address.

use super::Page;
use super::data::{AboutData, CodeSample, PageData};
use super::mark::Mark;
use super::markdown::front_matter;
use crate::error::{Error, Result};
use crate::knowledge::Knowledge;
use crate::knowledge::{Strings, fill};
use crate::model::View;
use crate::text::offsets::first_chars;
use crate::urls;

pub fn about_page(ex: &View, knowledge: &Knowledge) -> Result<Page> {
    let s = &knowledge.strings;
    let mut md = front_matter(&s.about_front_title, "about", &[]);
    md.push_str(&format!("# {}\n\n{}\n", s.about_title, s.about_text));
    let mut page = Page::new(
        urls::ABOUT.to_string(),
        "about",
        s.about_title.clone(),
        s.about_description.clone(),
        md,
    );
    // What the page promises must hold for these articles: how many name their publisher and
    // link to their original, how many dates have an inferred year.
    let articles = ex.seed_count();
    let (mut publishers, mut links, mut inferred) = (0, 0, 0);
    for i in 0..articles {
        let meta = &ex.seed_info(i).meta;
        publishers += usize::from(meta.publisher.as_deref().is_some_and(|p| !p.trim().is_empty()));
        links += usize::from(meta.source.as_deref().is_some_and(|u| !u.trim().is_empty()));
        inferred += ex
            .seed(i)
            .paragraphs
            .iter()
            .flat_map(|p| p.annotations.iter())
            .filter(|a| a.inferred)
            .count();
    }
    let n = articles.to_string();
    let fact = |count: usize, zh: &str, en: &str| {
        (count > 0).then(|| {
            let with = count.to_string();
            let values = [("n", n.as_str()), ("with", with.as_str())];
            super::human::Bilingual {
                zh: fill(zh, &values),
                en: Some(fill(en, &values)),
            }
        })
    };
    // The list of articles itself is paginated: the about page stays small.
    page.data = PageData::About(AboutData {
        articles,
        publishers: fact(publishers, &s.about_publishers, &s.about_publishers_en),
        links: fact(links, &s.about_links, &s.about_links_en),
        inferred: fact(inferred, &s.about_inferred, &s.about_inferred_en),
        no_metadata: (publishers == 0 && links == 0).then(|| super::human::Bilingual {
            zh: s.about_no_metadata.clone(),
            en: Some(s.about_no_metadata_en.clone()),
        }),
        sources_url: urls::html(urls::SOURCES),
        terms_url: urls::html(urls::TERMS),
        documents_url: urls::html(urls::DOCUMENTS),
        samples: code_samples(ex, s)?,
    });
    Ok(page)
}

pub fn search_page(s: &Strings) -> Page {
    Page::new(
        urls::SEARCH.to_string(),
        "search",
        s.search_title.clone(),
        s.search_description.clone(),
        front_matter(&s.search_front_title, "search", &[]) + &format!("# {}\n", s.search_title),
    )
}

/// The page GitHub Pages shows for a missing path. It may be served at any depth, so its links
/// use the base URL when there is one.
pub fn not_found_page(s: &Strings) -> Page {
    let mut md = front_matter(&s.not_found_front_title, "404", &[]);
    let link = |label: &str, path: &str| Mark::Page { path }.link(label);
    md.push_str(&format!(
        "# {}\n\n{}\n\n{}\n",
        s.not_found_title,
        fill(
            &s.not_found_text,
            &[
                ("home", &link(&s.not_found_home, urls::HOME)),
                ("timeline", &link(&s.not_found_timeline, urls::TIMELINE)),
                ("compare", &link(&s.not_found_compare, urls::COMPARE)),
            ],
        ),
        s.not_found_text_en
    ));
    Page::new(
        String::new(),
        "404",
        s.not_found_title.clone(),
        s.not_found_description.clone(),
        md,
    )
}

/// What the about page shows of the pipeline: the start of one article's annotated Markdown (as
/// published beside its page) and the export record of a paragraph of the first city.
fn code_samples(ex: &View, s: &Strings) -> Result<Vec<CodeSample>> {
    let Some(first_city) = ex.cities().first() else {
        return Ok(Vec::new());
    };
    // Samples stay short whatever the seeds hold: highlighting is not linear in line length.
    const MAX_SAMPLE_LINE: usize = 600;
    let page = super::source::source_page(ex, s, first_city.paragraphs[0].at.seed);
    // The seed's file name in the front matter is a path of the build, no reader's business.
    let markdown: String = page
        .markdown
        .lines()
        .filter(|l| !l.starts_with("file = "))
        .take(12)
        .map(|l| first_chars(l, MAX_SAMPLE_LINE))
        .collect::<Vec<_>>()
        .join("\n");
    let mut samples = vec![CodeSample {
        title: urls::markdown(&page.path),
        lang: "md",
        code: markdown + "\n",
        html: String::new(),
    }];
    let shortest = first_city
        .paragraphs
        .iter()
        .map(|cp| ex.paragraph(cp.at))
        .min_by_key(|p| p.text.len());
    if let Some(p) = shortest.filter(|p| p.text.chars().count() <= MAX_SAMPLE_LINE) {
        let code =
            crate::export::paragraph_record(p).map_err(|e| Error::serialize("the about page's export sample", e))?;
        samples.push(CodeSample {
            title: format!("{} (one paragraph)", urls::EXPORT),
            lang: "json",
            code: code + "\n",
            html: String::new(),
        });
    }
    Ok(samples)
}
