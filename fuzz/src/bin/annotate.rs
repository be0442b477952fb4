//! AFL++ target: see [`explainer_fuzz::annotate`].

fn main() {
    afl::fuzz!(|data: &[u8]| {
        explainer_fuzz::annotate(data);
    });
}
