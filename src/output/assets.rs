//! The stylesheets, scripts and icon every page loads, copied to `static/`: the embedded
//! copies, overridden by files in the site's `static/` folder.

use super::Output;
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

const EMBEDDED_STATIC: [(&str, &str); 5] = [
    ("style.css", include_str!("../../static/style.css")),
    ("favicon.svg", include_str!("../../static/favicon.svg")),
    ("highlight.css", include_str!("../../static/highlight.css")),
    ("app.js", include_str!("../../static/app.js")),
    ("search.js", include_str!("../../static/search.js")),
];

/// Sends every static file to `output` under `static/`: the embedded ones, with the files of
/// `dir` (when given) added or taking their place.
pub fn write(output: &dyn Output, dir: Option<&Path>) -> Result<()> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (name, text) in EMBEDDED_STATIC {
        files.insert(name.to_string(), text.as_bytes().to_vec());
    }
    if let Some(dir) = dir {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::file(dir, e.to_string()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                files.insert(rel.to_string_lossy().replace('\\', "/"), bytes);
            }
        }
    }
    for (name, bytes) in files {
        output.put(&crate::urls::asset(&name), &bytes)?;
    }
    Ok(())
}
