//! Writing a site to disk without ever leaving it half-written: files go to a temporary folder
//! beside the output folder, which replaces the old one only when the build succeeded.

use super::Output;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Files in an existing output folder that the generator does not own and keeps.
const KEPT_FILES: [&str; 1] = ["CNAME"];

/// A temporary folder beside the output folder that a build writes into; `commit` swaps it
/// in, dropping it without a commit removes it and leaves the output folder as it was.
pub struct Staging {
    out: PathBuf,
    temp: tempfile::TempDir,
    /// Folders already created, so each is made once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    pub fn new(out: &Path, seeds: &Path) -> Result<Staging> {
        check_output_folder(out, seeds)?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let temp = tempfile::Builder::new()
            .prefix(".explainer-build-")
            .tempdir_in(parent)
            .map_err(|e| Error::io(parent, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            temp,
            made: Default::default(),
        })
    }

    /// Keeps the files the generator does not own, then swaps the new site in.
    pub fn commit(self) -> Result<()> {
        let out = &self.out;
        for kept in KEPT_FILES {
            let old = out.join(kept);
            if old.is_file() {
                std::fs::copy(&old, self.temp.path().join(kept)).map_err(|e| Error::io(&old, e))?;
            }
        }
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let staged = self.temp.keep();
        if out.exists() {
            let old = tempfile::Builder::new()
                .prefix(".explainer-old-")
                .tempdir_in(parent)
                .map_err(|e| Error::io(parent, e))?;
            let old_path = old.path().join("site");
            std::fs::rename(out, &old_path).map_err(|e| {
                let _ = std::fs::remove_dir_all(&staged);
                Error::io(out, e)
            })?;
            if let Err(e) = std::fs::rename(&staged, out) {
                let _ = std::fs::rename(&old_path, out);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(Error::io(out, e));
            }
            drop(old);
        } else {
            std::fs::rename(&staged, out).map_err(|e| {
                let _ = std::fs::remove_dir_all(&staged);
                Error::io(out, e)
            })?;
        }
        Ok(())
    }
}

impl Output for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let file = self.create_parent(path)?;
        std::fs::write(&file, bytes).map_err(|e| Error::io(&file, e))
    }

    fn put_written(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        use std::io::Write;
        let file = self.create_parent(path)?;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).map_err(|e| Error::io(&file, e))?);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(&file, e))
    }
}

impl Staging {
    /// The file's place in the staging folder, its folder created.
    fn create_parent(&self, path: &str) -> Result<PathBuf> {
        let file = self.temp.path().join(path);
        if let Some(dir) = file.parent()
            && !self.made.lock().is_ok_and(|made| made.contains(dir))
        {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            if let Ok(mut made) = self.made.lock() {
                made.insert(dir.to_path_buf());
            }
        }
        Ok(file)
    }
}

/// Refuses output folders that would destroy something: a file, the seeds, or a folder that
/// explainer did not make.
fn check_output_folder(out: &Path, seeds: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        return Err(Error::file(out, "the output path is a file, not a folder"));
    }
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (out_abs, seeds_abs) = (abs(out), abs(seeds));
    if out_abs.starts_with(&seeds_abs) || seeds_abs.starts_with(&out_abs) {
        return Err(Error::file(
            out,
            format!(
                "the output folder must not contain or sit inside the seeds folder {}",
                seeds.display()
            ),
        ));
    }
    if out.is_dir() {
        let empty = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?.next().is_none();
        if !empty && !out.join(crate::urls::EXPORT).is_file() {
            return Err(Error::file(
                out,
                "refusing to replace a folder that explainer did not build (no data/annotations.json in it)",
            ));
        }
    }
    Ok(())
}
