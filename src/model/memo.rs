//! What `serve` keeps of the model between builds, so that one edited seed costs the reading of
//! that seed and not of the whole corpus: each seed's figures read as statements and its dated
//! statements (by the seed's annotation, which the cache hands out as the same `Arc` while the
//! file is unchanged), and what reading the paragraphs for explanations found ([`Finds`]).
//! A plain build keeps nothing.

use super::Explanation;
use super::events;
use super::explain::Finds;
use super::statement::{Reader, Reading};
use crate::annotate::AnnotatedSeed;
use crate::knowledge::Knowledge;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex, PoisonError};

/// Each seed's reading, by the address of its annotation, with the annotation.
type KeptSeeds = FxHashMap<usize, (Arc<AnnotatedSeed>, Arc<SeedReading>)>;

/// The model's parts kept between builds (see the module's comment). They depend on the
/// knowledge: [`Memo::clear`] forgets them when it changes.
#[derive(Default)]
pub struct Memo {
    pub(super) finds: Finds,
    /// Each seed's reading, by the address of its annotation; the annotation is held with it, so
    /// the address cannot be reused by another seed while the entry lives.
    seeds: Mutex<KeptSeeds>,
    /// The serial the next seed read gets.
    serials: AtomicU64,
    /// Each term's and document's explanation, by a hash of all it was made from
    /// ([`super::explain`]): its words, the serials of the seeds it read, the definition found.
    pub(super) explanations: Mutex<FxHashMap<u64, Option<Explanation>>>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").finish_non_exhaustive()
    }
}

/// One seed's paragraphs as the model reads them, paragraph by paragraph: their figures as
/// statements and their dated statements, before they are merged across the corpus.
#[derive(Default)]
pub(super) struct SeedReading {
    /// Numbers this reading, never reused: what is made from a seed is known by it (an address
    /// or an index could come back for another text).
    pub serial: u64,
    pub figures: Vec<Vec<Reading>>,
    pub dated: Vec<Vec<events::Found>>,
}

impl SeedReading {
    fn of(seed: &AnnotatedSeed, serial: u64, reader: &Reader, k: &Knowledge) -> SeedReading {
        SeedReading {
            serial,
            figures: seed.paragraphs.iter().map(|p| reader.read(p, seed.year)).collect(),
            dated: seed.paragraphs.iter().map(|p| events::read(p, seed.year, k)).collect(),
        }
    }
}

impl Memo {
    /// Forgets everything kept (the knowledge changed).
    pub fn clear(&self) {
        self.finds.clear();
        self.lock().clear();
        self.explanations.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// How many seeds' readings are kept.
    #[cfg(test)]
    pub(super) fn kept_seeds(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, KeptSeeds> {
        self.seeds.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Every seed's reading, in the seeds' order: kept ones for the seeds seen before, read now
    /// for the others. Keeps this build's seeds only.
    pub(super) fn readings(&self, seeds: &[Arc<AnnotatedSeed>], k: &Knowledge) -> Vec<Arc<SeedReading>> {
        let mut kept = std::mem::take(&mut *self.lock());
        let reader = Reader::new(k);
        let address = |s: &Arc<AnnotatedSeed>| Arc::as_ptr(s) as usize;
        let readings: Vec<Arc<SeedReading>> = seeds
            .par_iter()
            .map(|s| match kept.get(&address(s)) {
                Some((held, reading)) if Arc::ptr_eq(held, s) => Arc::clone(reading),
                _ => Arc::new(SeedReading::of(s, self.serials.fetch_add(1, Relaxed), &reader, k)),
            })
            .collect();
        kept.clear();
        kept.extend(
            seeds
                .iter()
                .zip(&readings)
                .map(|(s, r)| (address(s), (Arc::clone(s), Arc::clone(r)))),
        );
        *self.lock() = kept;
        readings
    }
}
