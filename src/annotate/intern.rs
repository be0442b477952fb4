//! Interned strings: an annotation's text, value and label, and a paragraph's cities, are one
//! shared copy per distinct string.

use arcstr::ArcStr;

/// One shared copy of each distinct string, per thread (annotation runs on every core; a lock
/// would serialise it, and at most one copy per thread is kept).
pub fn intern(text: &str) -> ArcStr {
    thread_local! {
        static STRINGS: std::cell::RefCell<std::collections::HashSet<ArcStr>> = Default::default();
    }
    STRINGS.with(|strings| {
        let mut strings = strings.borrow_mut();
        if let Some(known) = strings.get(text) {
            return known.clone();
        }
        let new = ArcStr::from(text);
        strings.insert(new.clone());
        new
    })
}
