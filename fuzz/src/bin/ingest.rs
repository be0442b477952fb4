//! AFL++ target: see [`explainer_fuzz::ingest`].

fn main() {
    afl::fuzz!(|data: &[u8]| {
        explainer_fuzz::ingest(data);
    });
}
