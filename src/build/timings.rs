//! How long each stage took, and how much memory the process held after it.

use std::time::Instant;

/// Wall-clock time of each build stage, for `build --timings` and the benchmarks.
#[derive(Debug, Default)]
pub struct Timings {
    /// (stage, seconds, resident memory in MB after it where the OS tells).
    pub stages: Vec<(&'static str, f64, Option<u64>)>,
    last: Option<Instant>,
}

/// Resident set size in MB (Linux `/proc/self/statm`; `None` elsewhere).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / 1_000_000)
}

impl Timings {
    pub(crate) fn start() -> Timings {
        Timings {
            stages: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.unwrap_or(now);
        self.stages.push((stage, (now - since).as_secs_f64(), resident_mb()));
        self.last = Some(now);
    }

    pub fn report(&self) -> String {
        self.stages
            .iter()
            .map(|(s, t, rss)| match rss {
                Some(mb) => format!("{s} {:.0} ms ({mb} MB)", t * 1000.0),
                None => format!("{s} {:.0} ms", t * 1000.0),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
