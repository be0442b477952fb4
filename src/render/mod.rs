//! Render: each emitted page to HTML in both scripts. Its annotated Markdown goes through
//! pulldown-cmark and the annotation adapter ([`markdown`]), then into the page's Tera
//! template ([`templates`]); code samples are highlighted ([`highlight`]).

mod highlight;
mod markdown;
mod templates;

pub use markdown::{Labels, Links, markdown_to_html};
pub use templates::{Templates, compile_templates, load_templates, template_sources};

use crate::emit::Page;
use crate::emit::data::CityLink;
use crate::error::Result;
use crate::urls::{self, Script};
use std::path::Path;
use templates::{SHELL, split_frame, template_error};
use tera::Context;

/// Site-wide values every template sees.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteInfo {
    /// Absolute base URL with a trailing slash (for canonical links and feeds), or empty.
    pub base_url: String,
    pub title: String,
    /// Every city with a page, for the navigation.
    pub cities: Vec<CityLink>,
    /// The site-wide pages and files, from the site root.
    pub links: urls::SiteLinks,
    /// The words annotation elements are labelled with.
    #[serde(skip)]
    pub labels: markdown::Labels,
}

/// The fields of a page its template shows (not its Markdown or data, given separately).
#[derive(serde::Serialize)]
struct PageHeader<'a> {
    path: &'a str,
    template: &'a str,
    title: &'a str,
    description: &'a str,
    city: Option<&'a str>,
    feed: Option<&'a str>,
    written_in: Option<&'a str>,
    /// The page's published annotated Markdown, from the site root (source pages only).
    markdown: Option<String>,
}

/// One page rendered in both scripts.
#[derive(Debug)]
pub struct RenderedPage {
    pub hant: String,
    pub hans: String,
}

/// Renders one page to HTML in both scripts. Links between pages are relative and the
/// Simplified twin sits at the same depth below `zh-Hans/`, so the body, the cards, every page
/// link and the whole main block are the same in both: they are rendered once, and only the
/// base around them (the addresses of the page itself, the shared assets and the language)
/// is rendered per script.
pub fn render_page(templates: &Templates, dir: Option<&Path>, site: &SiteInfo, page: &Page) -> Result<RenderedPage> {
    // The 404 page is served at whatever depth the missing address had, so its links cannot
    // be relative: they start from the site's root path.
    let fixed_root = (page.template == "404").then(|| urls::root_path(&site.base_url));
    let root = fixed_root.clone().unwrap_or_else(|| urls::root_of(&page.path));
    let links = markdown::Links {
        root: &root,
        labels: &site.labels,
    };
    // Sentences in cards are Markdown too: render them here so templates only display.
    let mut data = page.data.clone();
    for fragment in data.fragments_mut() {
        fragment.html = markdown::fragment_to_html(&fragment.markdown, &links);
    }
    let samples = data.code_samples_mut();
    if !samples.is_empty() {
        let highlighter = highlight::Highlighter::default();
        for sample in samples {
            sample.html = highlighter.highlight(&sample.code, sample.lang);
        }
    }
    let mut context = Context::new();
    context.insert("root", &root);
    context.insert("site", site);
    context.insert(
        "page",
        &PageHeader {
            path: &page.path,
            template: page.template,
            title: &page.title,
            description: &page.description,
            city: page.city.as_deref(),
            feed: page.feed.as_deref(),
            written_in: page.written_in,
            markdown: page.publish_markdown.then(|| urls::markdown(&page.path)),
        },
    );
    context.insert("body", &markdown_to_html(&page.markdown, &links));
    context.insert("data", &data);
    context.insert("pager", &page.pager);
    let template = format!("{}.html", page.template);
    let main = templates
        .main
        .render(&template, &context)
        .map_err(|e| template_error(dir, e))?;
    let mut render = |script: Script| -> Result<String> {
        let frame = urls::Frame::new(&site.base_url, &page.path, script, fixed_root.as_deref());
        context.insert("assets", &frame.assets);
        context.insert("lang", script.lang());
        context.insert("hant_url", &frame.hant_url);
        context.insert("hans_url", &frame.hans_url);
        context.insert("hant_rel", &frame.hant_rel);
        context.insert("hans_rel", &frame.hans_rel);
        context.insert("canonical", &frame.canonical);
        templates
            .shell
            .render(SHELL, &context)
            .map_err(|e| template_error(dir, e))
    };
    // Each page is written in one script: text written in the other is converted (elements
    // marked with the other script's `lang` keep theirs).
    let shell = render(Script::Hant)?;
    let (before, after) = split_frame(&shell, dir)?;
    let to_hant = crate::text::script::to_hant_markup;
    let hant = [to_hant(before), to_hant(&main), to_hant(after)].concat();
    let shell = render(Script::Hans)?;
    let (before, after) = split_frame(&shell, dir)?;
    let to_hans = crate::text::script::to_hans_markup;
    let hans = [to_hans(before), to_hans(&main), to_hans(after)].concat();
    Ok(RenderedPage { hant, hans })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Kind;
    use crate::emit::Mark;
    use crate::emit::mark::in_lang;
    use crate::knowledge::Strings;
    use crate::text::escape::markdown as escape;

    fn strings() -> Strings {
        Strings::embedded().unwrap()
    }

    fn site(title: &str) -> SiteInfo {
        SiteInfo {
            base_url: String::new(),
            title: title.to_string(),
            cities: Vec::new(),
            links: urls::SiteLinks::default(),
            labels: markdown::Labels::new(&strings()),
        }
    }

    fn html(md: &str, root: &str) -> String {
        let labels = markdown::Labels::new(&strings());
        markdown_to_html(md, &markdown::Links { root, labels: &labels })
    }

    #[test]
    fn annotation_links_become_semantic_html() {
        let inferred = Mark::Annotation {
            kind: Kind::Date,
            value: "2025-05-14",
            inferred: true,
            about: None,
            statement: None,
        };
        let md = format!(
            "{},{}的{}",
            inferred.link("5月14日"),
            Mark::annotation(Kind::City, "ningbo").link("寧波"),
            Mark::annotation(Kind::Figure, "570000000000 CNY").link("5700億元")
        );
        let html = html(&md, "../../");
        assert!(html.contains("<time datetime=\"2025-05-14\">5月14日</time>"), "{html}");
        assert!(html.contains("class=\"ann ann-date inferred\""));
        // A date leads to its month on the timeline, whose address never moves.
        assert!(
            html.contains("<a class=\"ann ann-date inferred\" href=\"../../timeline/2025/05/index.html\" title="),
            "{html}"
        );
        // The lightest markup that says it all: the kind in the class, the id in the link, the
        // value in the <time> or the title (static/app.js reads them back).
        assert!(
            html.contains("<a class=\"ann ann-city\" href=\"../../city/ningbo/index.html\">寧波</a>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<data class=\"ann ann-figure\" value=\"570000000000\" title=\"570000000000 CNY\">5700億元</data>"
            ),
            "{html}"
        );
        assert!(!html.contains("data-kind"), "{html}");
        // A figure's statement becomes the id its card is found by.
        let figure = Mark::Annotation {
            kind: Kind::Figure,
            value: "20000000000 CNY",
            inferred: false,
            about: Some("huzhou"),
            statement: Some("3fa2c1d0e4b5"),
        };
        let figure_html = self::tests::html(&figure.link("超200億元"), "");
        assert!(
            figure_html.contains("data-about=\"huzhou\" data-statement=\"3fa2c1d0e4b5\""),
            "{figure_html}"
        );
    }

    #[test]
    fn other_languages_and_dates_without_a_year() {
        let english = format!(
            "On {}, {}",
            Mark::annotation(Kind::Date, "--09-16").link("Sept. 16"),
            Mark::annotation(Kind::City, "ningbo").link("Ningbo")
        );
        let source = Mark::Source {
            seed: "s",
            paragraph: "p1",
        };
        let html = html(&format!("{} {}", in_lang(&english, "en"), source.link("原文")), "");
        assert!(
            html.contains(
                "<span lang=\"en\">On <a class=\"ann ann-date\" href=\"timeline/unknown/index.html\"><time datetime=\"09-16\">"
            ),
            "{html}"
        );
        assert!(
            html.contains("<time datetime=\"09-16\">Sept. 16</time></a>, <a class=\"ann ann-city\""),
            "{html}"
        );
        assert!(html.contains("Ningbo</a></span> <a class=\"source-link\""), "{html}");
        // A month without its year has no HTML datetime: no <time> then.
        let month = html_of(&Mark::annotation(Kind::Date, "--09").link("9月"));
        assert!(
            month.contains("data-value=\"--09\">9月</a>") && !month.contains("<time"),
            "{month}"
        );
        // An event's own date at the head of its line.
        let when = html_of(&format!(
            "{} {}",
            Mark::Time { value: "2025-05-14" }.link("2025年5月14日"),
            Mark::Time { value: "--09" }.link("9月")
        ));
        assert!(
            when.contains("<time class=\"when\" datetime=\"2025-05-14\" data-year=\"2025\">2025年5月14日</time>"),
            "{when}"
        );
        assert!(
            when.contains("<span class=\"when\" data-year=\"unknown\">9月</span>"),
            "{when}"
        );
    }

    fn html_of(md: &str) -> String {
        html(md, "")
    }

    #[test]
    fn escaped_seed_text_renders_literally() {
        let unescape = |s: &str| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        };
        for text in [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "# 標題",
            "---",
            "<!-- c -->",
            "{{ x }} {% if %}",
            "[寧波](city:ningbo)",
            "1. 一",
            "&amp; &lt;",
            "* item",
            "```fence",
            "<img src=x onerror=alert(1)>",
            "[a]: /b",
        ] {
            let html = html(&escape(text), "");
            let inner = html
                .strip_prefix("<p>")
                .and_then(|h| h.strip_suffix("</p>\n"))
                .unwrap_or_else(|| panic!("{text}: {html}"));
            assert!(!inner.contains('<'), "{text}: {html}");
            assert_eq!(unescape(inner), text);
        }
    }

    /// The embedded templates with `name` replaced by `source`.
    fn templates_with(name: &str, source: &str) -> Vec<(String, String)> {
        let mut sources = template_sources(None).unwrap();
        sources.iter_mut().find(|(n, _)| n == name).unwrap().1 = source.to_string();
        sources
    }

    #[test]
    fn main_block_is_rendered_once_and_wrapped_per_script() {
        let templates = compile_templates(None, &template_sources(None).unwrap()).unwrap();
        let site = site("浙江");
        let mut page = crate::emit::not_found_page(&strings());
        page.path = "about/".to_string();
        page.template = "search";
        let rendered = render_page(&templates, None, &site, &page).unwrap();
        for (html, lang, assets) in [
            (&rendered.hant, "zh-Hant", "../"),
            (&rendered.hans, "zh-Hans", "../../"),
        ] {
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{html}");
            assert!(html.contains(&format!("src=\"{assets}static/search.js\"")), "{html}");
            // The main block sits inside <main>, once.
            let main = html.split("<main id=\"main\">").nth(1).unwrap();
            assert_eq!(main.matches("id=\"search-form\"").count(), 1, "{html}");
            assert!(main.split("</main>").next().unwrap().contains("id=\"search-form\""));
        }
        assert!(
            rendered.hans.contains("<h1>搜寻 <span lang=\"en\">Search</span></h1>"),
            "the Simplified page is converted"
        );
    }

    #[test]
    fn page_templates_fill_only_the_main_block() {
        let other_block = templates_with(
            "city.html",
            "{% extends \"base.html\" %}{% block main %}x{% endblock main %}{% block head %}y{% endblock head %}",
        );
        let err = compile_templates(None, &other_block).err().unwrap();
        assert!(
            err.to_string().starts_with("templates/city.html: block `head`"),
            "{err}"
        );

        let standalone = templates_with("term.html", "<!DOCTYPE html><html></html>");
        let err = compile_templates(Some(Path::new("my")), &standalone).err().unwrap();
        assert!(
            err.to_string().starts_with("my/term.html: a page template starts with"),
            "{err}"
        );

        // The main block is shared by both scripts: what differs per script is not in it.
        let per_script = templates_with(
            "search.html",
            "{% extends \"base.html\" %}{% block main %}{{ assets }}{% endblock main %}",
        );
        let templates = compile_templates(None, &per_script).unwrap();
        let mut page = crate::emit::not_found_page(&strings());
        page.template = "search";
        let site = site("");
        let err = render_page(&templates, None, &site, &page).err().unwrap();
        assert!(err.to_string().contains("assets"), "{err}");

        // The main block goes once into the frame.
        for base in [
            "<html><body></body></html>",
            "{% if page.title == 'x' %}{% block main %}{% endblock main %}{% endif %}",
        ] {
            let templates = compile_templates(None, &templates_with("base.html", base)).unwrap();
            let err = render_page(&templates, None, &site, &page).err().unwrap();
            assert!(
                err.to_string().starts_with("templates/base.html: the main block"),
                "{err}"
            );
        }
    }
}
