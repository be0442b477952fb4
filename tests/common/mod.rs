//! Helpers shared by the integration tests.

use std::fs;
use std::path::Path;

/// A built site's data export in the shape of schema 2 (every seed with its paragraphs inline),
/// whichever schema it was written in: schema 3 keeps each seed's paragraphs in the file its
/// `paragraphs_url` names (as `../shared/eval/export.py` reads it).
pub fn export(site: &Path) -> serde_json::Value {
    let read = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut export = read(&site.join("data/annotations.json"));
    if let Some(seeds) = export["seeds"].as_array_mut() {
        for seed in seeds {
            if seed.get("paragraphs").is_none()
                && let Some(url) = seed["paragraphs_url"].as_str()
            {
                let own = read(&site.join(url));
                assert_eq!(own["id"], seed["id"], "{url} names its seed");
                seed["paragraphs"] = own["paragraphs"].clone();
            }
        }
    }
    export
}
