//! Stage 5 — render: annotated Markdown → HTML through pulldown-cmark, with an iterator adapter
//! that turns annotation links into semantic elements, then the page's Tera template.

pub mod highlight;

use crate::emit::Page;
use crate::error::{Error, Result};
use crate::text::escape;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

/// Turns annotation links (`city:`, `term:`, `date:` …) into semantic HTML; other links pass
/// through. `root` is the relative path from the page to the site root (`../../`).
pub struct AnnotationLinks<'a, I> {
    inner: I,
    root: &'a str,
    /// Where each year starts on the paginated timeline (`2025` → `timeline/page/2/`).
    years: &'a BTreeMap<String, String>,
    /// The closing HTML of each open link; `None` for a link passed through unchanged.
    open: Vec<Option<&'static str>>,
}

impl<'a, 'e, I: Iterator<Item = Event<'e>>> AnnotationLinks<'a, I> {
    pub fn new(inner: I, root: &'a str, years: &'a BTreeMap<String, String>) -> Self {
        AnnotationLinks {
            inner,
            root,
            years,
            open: Vec::new(),
        }
    }

    /// Opening and closing HTML for a link with a known scheme. Written piece by piece into
    /// one string: a page has thousands of these.
    fn element(&self, dest: &str, title: &str) -> Option<(String, &'static str)> {
        let (scheme, value) = dest.split_once(':')?;
        let mut open = String::with_capacity(160 + 2 * value.len());
        // `<a class="ann ann-KIND" href="ROOT/FOLDER/VALUE/index.html" data-kind=… data-value=…>`
        let link = |open: &mut String, kind: &str, folder: &str, id: &str| {
            open.push_str("<a class=\"ann ann-");
            open.push_str(kind);
            open.push_str("\" href=\"");
            escape::push_html(open, self.root);
            open.push_str(folder);
            escape::push_html(open, id);
            open.push_str("/index.html\"");
        };
        let data = |open: &mut String, kind: &str| {
            open.push_str(" data-kind=\"");
            open.push_str(kind);
            open.push_str("\" data-value=\"");
            escape::push_html(open, value);
            open.push('"');
        };
        let close = match scheme {
            "city" | "term" | "document" => {
                let folder = match scheme {
                    "city" => "city/",
                    "term" => "terms/",
                    _ => "documents/",
                };
                link(&mut open, scheme, folder, value);
                data(&mut open, scheme);
                open.push('>');
                "</a>"
            }
            "date" => {
                let inferred = title == "inferred";
                let year = value.get(..4).unwrap_or("");
                open.push_str(if inferred {
                    "<a class=\"ann ann-date inferred\" href=\""
                } else {
                    "<a class=\"ann ann-date\" href=\""
                });
                escape::push_html(&mut open, self.root);
                escape::push_html(&mut open, self.years.get(year).map_or("timeline/", String::as_str));
                open.push_str("index.html#y");
                escape::push_html(&mut open, year);
                open.push('"');
                data(&mut open, "date");
                if inferred {
                    open.push_str(" title=\"年份由文章推斷 year inferred from the article\"");
                }
                open.push_str("><time datetime=\"");
                escape::push_html(&mut open, value.split('/').next().unwrap_or(value));
                open.push_str("\">");
                "</time></a>"
            }
            "figure" => {
                open.push_str("<data class=\"ann ann-figure\" value=\"");
                escape::push_html(&mut open, value.split(' ').next().unwrap_or(""));
                open.push('"');
                data(&mut open, "figure");
                open.push_str(" tabindex=\"0\" title=\"");
                escape::push_html(&mut open, value);
                open.push_str("\">");
                "</data>"
            }
            "place" | "org" => match value.split_once('/') {
                Some((city, _)) if scheme == "place" => {
                    link(&mut open, "place", "city/", city);
                    data(&mut open, "place");
                    open.push('>');
                    "</a>"
                }
                _ => {
                    open.push_str("<span class=\"ann ann-");
                    open.push_str(scheme);
                    open.push('"');
                    data(&mut open, scheme);
                    open.push_str(" tabindex=\"0\">");
                    "</span>"
                }
            },
            "source" => {
                let (seed, para) = value.split_once('#').unwrap_or((value, ""));
                open.push_str("<a class=\"source-link\" href=\"");
                escape::push_html(&mut open, self.root);
                open.push_str("source/");
                escape::push_html(&mut open, seed);
                open.push_str("/index.html#");
                escape::push_html(&mut open, para);
                open.push_str("\">");
                "</a>"
            }
            "para" => {
                let mut v = String::new();
                escape::push_html(&mut v, value);
                open.push_str(&format!(
                    "<a class=\"para-anchor\" id=\"{v}\" href=\"#{v}\" aria-label=\"段落 {v}\">"
                ));
                "</a>"
            }
            "page" => {
                open.push_str("<a href=\"");
                escape::push_html(&mut open, self.root);
                escape::push_html(&mut open, value);
                open.push_str("index.html\">");
                "</a>"
            }
            _ => return None,
        };
        Some((open, close))
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for AnnotationLinks<'_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let event = self.inner.next()?;
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                ref dest_url,
                ref title,
                ..
            }) => match self.element(dest_url, title) {
                Some((open, close)) => {
                    self.open.push(Some(close));
                    Some(Event::InlineHtml(CowStr::from(open)))
                }
                None => {
                    self.open.push(None);
                    Some(event)
                }
            },
            Event::End(TagEnd::Link) => match self.open.pop().flatten() {
                Some(close) => Some(Event::InlineHtml(CowStr::from(close))),
                None => Some(event),
            },
            // The generator never emits raw HTML; anything that parses as HTML is shown as text.
            Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
            other => Some(other),
        }
    }
}

/// The body of an annotated Markdown document (front matter removed).
pub fn strip_front_matter(markdown: &str) -> &str {
    markdown
        .strip_prefix("+++\n")
        .and_then(|rest| rest.find("\n+++\n").map(|end| &rest[end + 5..]))
        .unwrap_or(markdown)
}

/// Annotated Markdown → HTML.
pub fn markdown_to_html(markdown: &str, root: &str, years: &BTreeMap<String, String>) -> String {
    let parser = Parser::new_ext(
        strip_front_matter(markdown),
        Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES,
    );
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, AnnotationLinks::new(parser, root, years));
    html
}

/// Relative path from a page folder to the site root: `city/ningbo/` → `../../`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The templates, compiled for rendering a page in two steps. A page template extends
/// `base.html` and fills its `main` block. That block is the page's content and reads nothing
/// that differs between the scripts (links are relative, and the Simplified twin sits at the
/// same depth below `zh-Hans/`), so it is rendered once; the base around it, which holds the
/// language, the asset paths and the script switch, is rendered once per script.
pub struct Templates {
    /// The page templates over a stand-in `base.html` that is only the `main` block.
    main: Tera,
    /// The real templates, plus [`SHELL`]: `base.html` with [`MAIN_MARKER`] for its main block.
    shell: Tera,
}

/// The template that is `base.html` with a marker where the main block goes: the rendered main
/// is put there afterwards, so Tera neither copies nor re-checks it for each script.
const SHELL: &str = "__shell.html";
/// Only a template can write a comment: text from seeds and data is escaped.
const MAIN_MARKER: &str = "<!--explainer:main-->";

/// The templates: from `dir` when it exists (editors change them without rebuilding), else the
/// copies embedded in the binary.
pub fn load_templates(dir: Option<&Path>) -> Result<Templates> {
    compile_templates(dir, &template_sources(dir)?)
}

/// The text of every template, by name: from `dir` where a file exists there, else embedded.
pub fn template_sources(dir: Option<&Path>) -> Result<Vec<(String, String)>> {
    EMBEDDED_TEMPLATES
        .iter()
        .map(|&(name, embedded)| {
            let source = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?,
                None => embedded.to_string(),
            };
            Ok((name.to_string(), source))
        })
        .collect()
}

/// Parses the templates and checks that every page template extends `base.html` and fills
/// only its `main` block (the two-step rendering relies on it); `dir` is only used in error
/// messages.
pub fn compile_templates(dir: Option<&Path>, sources: &[(String, String)]) -> Result<Templates> {
    let tera = |sources: &mut dyn Iterator<Item = (&str, &str)>| -> Result<Tera> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        // Escape what HTML needs and no more, so URLs stay readable (Tera's default also
        // escapes `/`).
        tera.set_escape_fn(escape::html);
        tera.add_raw_templates(sources).map_err(|e| template_error(dir, &e))?;
        Ok(tera)
    };
    let shell_page = format!("{{% extends \"base.html\" %}}{{% block main %}}{MAIN_MARKER}{{% endblock main %}}");
    let shell = tera(
        &mut sources
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_str()))
            .chain([(SHELL, shell_page.as_str())]),
    )?;
    for (name, source) in sources {
        if matches!(name.as_str(), "base.html" | "macros.html") {
            continue;
        }
        let template = tera::Template::new(name, None, source).map_err(|e| template_error(dir, &e))?;
        if template.parent.as_deref() != Some("base.html") {
            return Err(Error::file(
                template_path(dir, name),
                "a page template starts with {% extends \"base.html\" %} and fills its main block",
            ));
        }
        if let Some(other) = template.blocks.keys().find(|b| *b != "main") {
            return Err(Error::file(
                template_path(dir, name),
                format!(
                    "block `{other}`: a page template fills only the main block of base.html, which is rendered once for both scripts"
                ),
            ));
        }
    }
    let main = tera(&mut sources.iter().map(|(n, s)| {
        let source = if n == "base.html" {
            "{% block main %}{% endblock main %}"
        } else {
            s.as_str()
        };
        (n.as_str(), source)
    }))?;
    Ok(Templates { main, shell })
}

/// Where template `name` is read from (for messages: embedded templates are named as in the
/// repository's `templates/`).
fn template_path(dir: Option<&Path>, name: &str) -> std::path::PathBuf {
    dir.unwrap_or(Path::new("templates")).join(name)
}

/// `base.html` rendered around [`MAIN_MARKER`]: the frame before and after the main block.
fn split_frame<'a>(shell: &'a str, dir: Option<&Path>) -> Result<(&'a str, &'a str)> {
    match shell.split_once(MAIN_MARKER) {
        Some((before, after)) if !after.contains(MAIN_MARKER) => Ok((before, after)),
        _ => Err(Error::file(
            template_path(dir, "base.html"),
            "the main block must be rendered once on every page (it is missing or inside a condition)",
        )),
    }
}

/// A Tera error with the template file and, where Tera gives it, the line and column.
pub fn template_error(dir: Option<&Path>, err: &tera::Error) -> Error {
    let mut chain = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    let name = chain.split('\'').nth(1).unwrap_or("");
    let path = template_path(dir, name);
    // Tera's parse errors carry " --> line:column" in their message.
    let at = chain.split("--> ").nth(1).and_then(|rest| {
        let mut parts = rest.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
        Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
    });
    let message = chain
        .replace('\n', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match at {
        Some((line, column)) if !name.is_empty() => Error::at_column(path, line, column, message),
        _ if !name.is_empty() => Error::file(path, message),
        _ => Error::msg(message),
    }
}

const EMBEDDED_TEMPLATES: [(&str, &str); 14] = [
    ("province.html", include_str!("../../templates/province.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("city.html", include_str!("../../templates/city.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("term.html", include_str!("../../templates/term.html")),
    ("document.html", include_str!("../../templates/document.html")),
    ("timeline.html", include_str!("../../templates/timeline.html")),
    ("compare.html", include_str!("../../templates/compare.html")),
    ("about.html", include_str!("../../templates/about.html")),
    ("sources.html", include_str!("../../templates/sources.html")),
];

/// Site-wide values every template sees.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteInfo {
    /// Absolute base URL with a trailing slash (for canonical links and feeds), or empty.
    pub base_url: String,
    pub title: String,
    pub cities: Vec<serde_json::Value>,
    /// Where each year starts on the timeline, for date links.
    #[serde(skip)]
    pub timeline_years: BTreeMap<String, String>,
}

/// The script a page is rendered in. Traditional pages live at the site root, their
/// Simplified twins under `zh-Hans/` with the same paths below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Hant,
    Hans,
}

impl Script {
    pub const HANS_PREFIX: &'static str = "zh-Hans/";

    pub fn lang(self) -> &'static str {
        match self {
            Script::Hant => "zh-Hant",
            Script::Hans => "zh-Hans",
        }
    }

    /// Where a page with `path` lives in this script.
    pub fn output_path(self, path: &str) -> String {
        match self {
            Script::Hant => path.to_string(),
            Script::Hans => format!("{}{path}", Script::HANS_PREFIX),
        }
    }
}

/// The fields of a page its template shows (not its Markdown or data, given separately).
#[derive(serde::Serialize)]
struct PageHeader<'a> {
    path: &'a str,
    template: &'a str,
    title: &'a str,
    description: &'a str,
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
    let mut root = root_of(&page.path);
    // The 404 page is served at whatever depth the missing address had: absolute links then.
    let absolute_links = page.template == "404" && !site.base_url.is_empty();
    if absolute_links {
        root = site.base_url.clone();
    }
    let rendered_md = |md: &str| markdown_to_html(md, &root, &site.timeline_years);
    // Sentences in cards are Markdown too: render them here so templates only display.
    let mut data = page.data.clone();
    render_nested_markdown(
        &mut data,
        &rendered_md,
        &crate::render::highlight::Highlighter::default(),
    );
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
        },
    );
    context.insert("body", &rendered_md(&page.markdown));
    context.insert("data", &data);
    let template = format!("{}.html", page.template);
    let main = templates
        .main
        .render(&template, &context)
        .map_err(|e| template_error(dir, &e))?;
    let mut render = |script: Script| -> Result<String> {
        let output = script.output_path(&page.path);
        // Assets are shared at the site root.
        let assets = if absolute_links {
            site.base_url.clone()
        } else {
            root_of(&output)
        };
        let absolute = |p: &str| {
            if site.base_url.is_empty() {
                format!("{assets}{p}index.html")
            } else {
                format!("{}{p}", site.base_url)
            }
        };
        context.insert("assets", &assets);
        context.insert("lang", script.lang());
        context.insert("hant_url", &absolute(&page.path));
        context.insert("hans_url", &absolute(&Script::Hans.output_path(&page.path)));
        context.insert("hant_rel", &format!("{assets}{}index.html", page.path));
        context.insert(
            "hans_rel",
            &format!("{assets}{}{}index.html", Script::HANS_PREFIX, page.path),
        );
        context.insert("canonical", &format!("{}{output}", site.base_url));
        templates
            .shell
            .render(SHELL, &context)
            .map_err(|e| template_error(dir, &e))
    };
    let shell = render(Script::Hant)?;
    let (before, after) = split_frame(&shell, dir)?;
    let hant = [before, &main, after].concat();
    let shell = render(Script::Hans)?;
    let (before, after) = split_frame(&shell, dir)?;
    let to_hans = crate::text::script::to_hans_markup;
    let hans = [to_hans(before), to_hans(&main), to_hans(after)].concat();
    Ok(RenderedPage { hant, hans })
}

/// Adds the rendered HTML of every `*_md` string field (as `*_html`) and of every
/// `{code, lang}` object (as `code_html`).
fn render_nested_markdown(
    value: &mut serde_json::Value,
    render: &dyn Fn(&str) -> String,
    highlighter: &crate::render::highlight::Highlighter,
) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(code)), Some(serde_json::Value::String(lang))) =
                (map.get("code"), map.get("lang"))
            {
                let html = highlighter.highlight(code, lang);
                map.insert("code_html".to_string(), serde_json::Value::String(html));
            }
            let keys: Vec<String> = map.keys().filter(|k| k.ends_with("_md")).cloned().collect();
            for key in keys {
                if let Some(serde_json::Value::String(md)) = map.get(&key) {
                    let html = render(md);
                    let html = html
                        .trim()
                        .trim_start_matches("<p>")
                        .trim_end_matches("</p>")
                        .to_string();
                    map.insert(key.replace("_md", "_html"), serde_json::Value::String(html));
                }
            }
            for v in map.values_mut() {
                render_nested_markdown(v, render, highlighter);
            }
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|v| render_nested_markdown(v, render, highlighter)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::escape::markdown as escape;

    #[test]
    fn annotation_links_become_semantic_html() {
        let html = markdown_to_html(
            "[5月14日](<date:2025-05-14> \"inferred\"),[寧波](<city:ningbo>)的[5700億元](<figure:570000000000 CNY>)",
            "../../",
            &BTreeMap::from([("2025".to_string(), "timeline/page/2/".to_string())]),
        );
        assert!(html.contains("<time datetime=\"2025-05-14\">5月14日</time>"), "{html}");
        assert!(html.contains("class=\"ann ann-date inferred\""));
        assert!(
            html.contains("href=\"../../timeline/page/2/index.html#y2025\""),
            "{html}"
        );
        assert!(html.contains("href=\"../../city/ningbo/index.html\""));
        assert!(html.contains("<data class=\"ann ann-figure\" value=\"570000000000\""));
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
            let html = markdown_to_html(&escape(text), "", &BTreeMap::new());
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
        let site = SiteInfo {
            base_url: String::new(),
            title: "浙江".to_string(),
            cities: Vec::new(),
            timeline_years: BTreeMap::new(),
        };
        let mut page = crate::emit::not_found_page();
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
            rendered.hans.contains("<h1>搜寻 Search</h1>"),
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
        let mut page = crate::emit::not_found_page();
        page.template = "search";
        let site = SiteInfo {
            base_url: String::new(),
            title: String::new(),
            cities: Vec::new(),
            timeline_years: BTreeMap::new(),
        };
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

    #[test]
    fn root_depth() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("city/ningbo/"), "../../");
    }
}
