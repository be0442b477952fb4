//! AFL++ target: see [`explainer_fuzz::data`].

fn main() {
    afl::fuzz!(|data: &[u8]| {
        explainer_fuzz::data(data);
    });
}
