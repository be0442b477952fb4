//! AFL++ target: see [`explainer_fuzz::pages`].

fn main() {
    afl::fuzz!(|data: &[u8]| {
        explainer_fuzz::pages(data);
    });
}
