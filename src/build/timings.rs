//! How long each stage took, and the most memory the process had held by its end.

use std::time::Instant;

/// Wall-clock time of each build stage, for `build --timings` and the benchmarks.
#[derive(Debug, Default)]
pub struct Timings {
    /// (stage, seconds, peak resident memory in MB by its end, where the OS tells).
    pub stages: Vec<(&'static str, f64, Option<u64>)>,
    last: Option<Instant>,
}

/// The most resident memory the process has held so far, in MB (Linux `VmHWM` in
/// `/proc/self/status`; `None` elsewhere): the peak, which is what a stage that builds and drops
/// a large structure costs, where the memory held after it would not show it.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024 / 1_000_000)
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
                Some(mb) => format!("{s} {:.0} ms (peak {mb} MB)", t * 1000.0),
                None => format!("{s} {:.0} ms", t * 1000.0),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
