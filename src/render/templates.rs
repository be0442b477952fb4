//! The Tera templates: read from `templates/` when present (editors change them without
//! rebuilding), else the embedded copies; compiled for two-step rendering (see [`Templates`]).

use crate::error::{Error, Result};
use crate::text::escape;
use std::path::Path;
use tera::Tera;

/// The templates, compiled for rendering a page in two steps. A page template extends
/// `base.html` and fills its `main` block. That block is the page's content and reads nothing
/// that differs between the scripts (links are relative, and the Simplified twin sits at the
/// same depth below `zh-Hans/`), so it is rendered once; the base around it, which holds the
/// language, the asset paths and the script switch, is rendered once per script.
pub struct Templates {
    /// The page templates over a stand-in `base.html` that is only the `main` block.
    pub(crate) main: Tera,
    /// The real templates, plus [`SHELL`]: `base.html` with [`MAIN_MARKER`] for its main block.
    pub(crate) shell: Tera,
}

/// The template that is `base.html` with a marker where the main block goes: the rendered main
/// is put there afterwards, so Tera neither copies nor re-checks it for each script.
pub(crate) const SHELL: &str = "__shell.html";
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
        tera.add_raw_templates(sources).map_err(|e| template_error(dir, e))?;
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
        if name == "base.html" || MACRO_FILES.contains(&name.as_str()) {
            continue;
        }
        let template = tera::Template::new(name, None, source).map_err(|e| template_error(dir, e))?;
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
pub(crate) fn split_frame<'a>(shell: &'a str, dir: Option<&Path>) -> Result<(&'a str, &'a str)> {
    match shell.split_once(MAIN_MARKER) {
        Some((before, after)) if !after.contains(MAIN_MARKER) => Ok((before, after)),
        _ => Err(Error::file(
            template_path(dir, "base.html"),
            "the main block must be rendered once on every page (it is missing or inside a condition)",
        )),
    }
}

/// A Tera error with the template file and, where Tera gives it, the line and column.
pub fn template_error(dir: Option<&Path>, err: tera::Error) -> Error {
    let mut chain = err.to_string();
    let mut source = std::error::Error::source(&err);
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
    if name.is_empty() {
        return Error::msg(message);
    }
    Error::Template {
        path,
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        message,
        source: Box::new(err),
    }
}

/// Templates that only define macros for page templates to import.
const MACRO_FILES: [&str; 2] = ["macros.html", "explanation.html"];

const EMBEDDED_TEMPLATES: [(&str, &str); 16] = [
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
    ("explanation.html", include_str!("../../templates/explanation.html")),
    ("entries.html", include_str!("../../templates/entries.html")),
];
