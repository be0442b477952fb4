//! Writing a site to disk without ever leaving it half-written: files go to a temporary folder
//! beside the output folder, which replaces the old one only when the build succeeded.
//!
//! A build killed midway (a signal, a power cut) cannot remove its own folder. So each build
//! holds a lock on a file beside its folder (`.explainer-build-XXXX.lock`, the folder is
//! `.explainer-build-XXXX`, and the old site while it is swapped out `.explainer-old-XXXX`),
//! taken before the folder exists and released when the process ends, however it ends; and
//! each build removes the folders of the earlier builds whose lock is free (or missing, from
//! before locks) — never anything else, and never a folder a running build holds.

use super::Output;
use crate::error::{Error, Result};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Files in an existing output folder that the generator does not own and keeps.
const KEPT_FILES: [&str; 1] = ["CNAME"];

/// What the staging folder's name starts with; the old site's while it is swapped out; what
/// the lock file's name ends with.
const BUILD_PREFIX: &str = ".explainer-build-";
const OLD_PREFIX: &str = ".explainer-old-";
const LOCK_SUFFIX: &str = ".lock";

/// A temporary folder beside the output folder that a build writes into; `commit` swaps it
/// in, dropping it without a commit removes it and leaves the output folder as it was.
pub struct Staging {
    out: PathBuf,
    /// The staging folder (removed on drop unless committed).
    temp: PathBuf,
    /// The lock file beside it, locked while this build runs.
    lock: (PathBuf, File),
    committed: bool,
    /// Folders already created, so each is made once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    pub fn new(out: &Path, seeds: &Path) -> Result<Staging> {
        check_output_folder(out, seeds)?;
        let parent = parent_of(out);
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        // The lock first, then the folder: a build that finds a folder finds its lock held.
        let (lock_file, lock_path) = tempfile::Builder::new()
            .prefix(BUILD_PREFIX)
            .suffix(LOCK_SUFFIX)
            .tempfile_in(parent)
            .map_err(|e| Error::io(parent, e))?
            .keep()
            .map_err(|e| Error::io(parent, e.error))?;
        lock_file.lock().map_err(|e| Error::io(&lock_path, e))?;
        let temp = staged_folder(&lock_path, BUILD_PREFIX);
        let staging = Staging {
            out: out.to_path_buf(),
            temp: temp.clone(),
            lock: (lock_path, lock_file),
            committed: false,
            made: Default::default(),
        };
        std::fs::create_dir(&temp).map_err(|e| Error::io(&temp, e))?;
        remove_stale(parent, out);
        Ok(staging)
    }

    /// Keeps the files the generator does not own, then swaps the new site in.
    pub fn commit(mut self) -> Result<()> {
        let out = self.out.clone();
        for kept in KEPT_FILES {
            let old = out.join(kept);
            if old.is_file() {
                std::fs::copy(&old, self.temp.join(kept)).map_err(|e| Error::io(&old, e))?;
            }
        }
        if out.exists() {
            let old_path = staged_folder(&self.lock.0, OLD_PREFIX);
            std::fs::rename(&out, &old_path).map_err(|e| Error::io(&out, e))?;
            if let Err(e) = std::fs::rename(&self.temp, &out) {
                let _ = std::fs::rename(&old_path, &out);
                return Err(Error::io(&out, e));
            }
            self.committed = true;
            let _ = std::fs::remove_dir_all(&old_path);
        } else {
            std::fs::rename(&self.temp, &out).map_err(|e| Error::io(&out, e))?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
        // Unlocked when the file is closed; removed first so no other build sees it free.
        let _ = std::fs::remove_file(&self.lock.0);
    }
}

/// The folder where the output folder's siblings go.
fn parent_of(out: &Path) -> &Path {
    out.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The folder of a build whose lock file is `lock`, named with `prefix`.
fn staged_folder(lock: &Path, prefix: &str) -> PathBuf {
    let name = lock
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = name.trim_start_matches(BUILD_PREFIX).trim_end_matches(LOCK_SUFFIX);
    lock.with_file_name(format!("{prefix}{id}"))
}

/// Removes, in `parent`, the folders of earlier builds that ended without removing them (killed
/// midway): those whose lock file is missing or not locked by a running build. Nothing else is
/// touched; the previous site of a build killed between taking it away and putting the new one
/// in its place goes back to `out`. Failures are ignored: leftovers never stop a build.
fn remove_stale(parent: &Path, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let id = match (name.strip_prefix(BUILD_PREFIX), name.strip_prefix(OLD_PREFIX)) {
            (Some(id), _) | (None, Some(id)) if !id.ends_with(LOCK_SUFFIX) => id.to_string(),
            _ => continue,
        };
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let lock = parent.join(format!("{BUILD_PREFIX}{id}{LOCK_SUFFIX}"));
        let free = match File::options().write(true).open(&lock) {
            // Held by a running build (this one included): keep its folders.
            Ok(file) => match file.try_lock() {
                Ok(()) => true,
                Err(std::fs::TryLockError::WouldBlock) => false,
                Err(std::fs::TryLockError::Error(_)) => false,
            },
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
        if free {
            if name.starts_with(OLD_PREFIX) && !out.exists() {
                let _ = std::fs::rename(entry.path(), out);
            } else {
                let _ = std::fs::remove_dir_all(entry.path());
            }
            let _ = std::fs::remove_file(&lock);
        }
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
        let file = self.temp.join(path);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_builds_folders_are_removed_by_the_next_build_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let (seeds, out) = (dir.path().join("seeds"), dir.path().join("site"));
        std::fs::create_dir(&seeds).unwrap();
        // A build killed midway: its folder and its lock file, unlocked (its process is gone);
        // one from before locks; the old site of a swap that was cut off.
        for name in [".explainer-build-aaaa", ".explainer-build-bbbb", ".explainer-old-aaaa"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
            std::fs::write(dir.path().join(name).join("index.html"), "x").unwrap();
        }
        std::fs::write(dir.path().join(".explainer-build-aaaa.lock"), "").unwrap();
        // Another build, running: its lock is held.
        std::fs::create_dir(dir.path().join(".explainer-build-cccc")).unwrap();
        let running = File::create(dir.path().join(".explainer-build-cccc.lock")).unwrap();
        running.lock().unwrap();
        // What the generator does not own.
        std::fs::create_dir(dir.path().join(".explainer-notes")).unwrap();
        std::fs::write(dir.path().join(".explainer-build-x.txt"), "mine").unwrap();

        let staging = Staging::new(&out, &seeds).unwrap();
        staging.put("data/annotations.json", b"{}").unwrap();
        staging.commit().unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".explainer-build-cccc",
                ".explainer-build-cccc.lock",
                ".explainer-build-x.txt",
                ".explainer-notes",
                "seeds",
                "site"
            ]
        );
        assert!(out.join("data/annotations.json").is_file());
    }

    #[test]
    fn a_site_taken_away_by_a_killed_swap_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let (seeds, out) = (dir.path().join("seeds"), dir.path().join("site"));
        std::fs::create_dir(&seeds).unwrap();
        let old = dir.path().join(".explainer-old-dddd");
        std::fs::create_dir_all(old.join("data")).unwrap();
        std::fs::write(old.join("data/annotations.json"), "{}").unwrap();
        std::fs::write(old.join("CNAME"), "example.org").unwrap();
        let staging = Staging::new(&out, &seeds).unwrap();
        assert!(out.join("CNAME").is_file(), "the previous site is back");
        staging.put("data/annotations.json", b"{}").unwrap();
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("CNAME")).unwrap(), "example.org");
        assert!(!old.exists());
    }

    #[test]
    fn a_failed_build_leaves_nothing_beside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let (seeds, out) = (dir.path().join("seeds"), dir.path().join("site"));
        std::fs::create_dir(&seeds).unwrap();
        let staging = Staging::new(&out, &seeds).unwrap();
        staging.put("a/b.html", b"x").unwrap();
        drop(staging);
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["seeds"]);
    }
}
