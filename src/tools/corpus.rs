//! Synthetic seed sets for benchmarks and scale tests: made from real seed paragraphs with the
//! cities, counties, dates and numbers varied, half of them in Simplified script, so that every
//! stage does real work. Deterministic: the same inputs and count give the same files.

use crate::error::{Error, Result};
use crate::ingest::Seed;
use crate::knowledge::Gazetteer;
use crate::text::script;
use std::path::Path;

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes `count` synthetic seeds into `out`, built from the paragraphs of `seeds`.
pub fn generate(seeds: &[Seed], gazetteer: &Gazetteer, count: usize, out: &Path) -> Result<()> {
    let pool: Vec<&str> = seeds
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    if pool.is_empty() {
        return Err(Error::msg("no paragraphs to build a corpus from"));
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..count {
        // Each article swaps the cities around and favours one of them.
        let mut order: Vec<usize> = (0..gazetteer.cities.len()).collect();
        for k in (1..order.len()).rev() {
            order.swap(k, rng.below(k + 1));
        }
        let year = 2019 + rng.below(8);
        let lead = &gazetteer.cities[order[0]];
        let county = gazetteer
            .counties
            .iter()
            .filter(|c| c.city == lead.id)
            .nth(rng.below(3))
            .map(|c| c.name.clone());
        let mut text = format!("{}加快發展人工智能產業({i})\n\n", lead.name);
        let paragraphs = 8 + rng.below(18);
        for _ in 0..paragraphs {
            let mut p = pool[rng.below(pool.len())].to_string();
            for (from, to) in gazetteer.cities.iter().zip(order.iter().map(|&k| &gazetteer.cities[k])) {
                p = p.replace(&from.name, &format!("\u{0}{}", to.id));
            }
            for city in &gazetteer.cities {
                p = p.replace(&format!("\u{0}{}", city.id), &city.name);
            }
            p = vary_numbers(&p, &mut rng, year);
            if rng.below(4) == 0
                && let Some(county) = &county
            {
                p.push_str(&format!("{county}也在積極跟進,新增項目{}個。", 3 + rng.below(40)));
            }
            text.push_str(&p);
            text.push('\n');
        }
        if i % 2 == 1 {
            text = script::to_hans(&text);
        }
        let hash = crate::text::hash::content_hash(&text);
        let path = out.join(format!("{i:05}_{hash}.txt"));
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Replaces years with years around `year` and scales other numbers, keeping their digits count.
fn vary_numbers(text: &str, rng: &mut Rng, year: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        let n: u64 = digits.parse().unwrap_or(0);
        let varied = if (1990..=2035).contains(&n) {
            (year as u64 + n % 3).to_string()
        } else if n <= 12 {
            (1 + rng.below(12)).to_string()
        } else {
            let scale = 1 + rng.below(9) as u64;
            ((n * scale) / 5 + 1).to_string()
        };
        out.push_str(&varied);
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}
