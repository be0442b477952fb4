//! AFL++ target: see [`explainer_fuzz::markdown`].

fn main() {
    afl::fuzz!(|data: &[u8]| {
        explainer_fuzz::markdown(data);
    });
}
