//! Long pages (a city's paragraphs, a term's uses, a timeline group) split into pages of a fixed
//! size, so that no page passes about 100 KB however large the corpus.
//!
//! Addresses are stable: lists are in the order their items were added (articles in file
//! order, which `explainer add` numbers), pages are numbered from the oldest, and a page shows
//! nothing that grows after it — no total, no last page, no link to a page that does not exist
//! yet but its next one. So as articles are added a page keeps the items it showed and only a
//! list's newest page changes (it fills up, or gains the link to a new page after it); the
//! first page, the list's own address, also shows the whole pager (it carries the list's
//! overview, which changes anyway).

use super::Page;
use super::data::{Pager, PagerItem};
use super::markdown::front_matter;
use crate::knowledge::{Strings, fill};
use crate::text::escape;
use crate::urls;
use std::ops::Range;

/// One entry of a long list, under a group heading (an article, a year).
pub struct Item {
    pub group: Option<String>,
    pub md: String,
}

/// Pages linked on each side of the current one in a pager.
const PAGER_NEIGHBOURS: usize = 3;

/// How many pages `count` items take at `per_page` a page (at least one).
pub fn page_count(count: usize, per_page: usize) -> usize {
    count.div_ceil(per_page).max(1)
}

/// Page `n` (1-based) of a long page whose `count` items go `per_page` to a page: page 1 keeps
/// the path and the intro, the others live at `page/N/`; items are in the order they were added. `items` makes only the items of the
/// range this page shows, so no page is built before it is needed. A group heading is repeated
/// where a page starts inside its group.
pub fn paginated(
    s: &Strings,
    first: Page,
    count: usize,
    per_page: usize,
    n: usize,
    items: impl FnOnce(Range<usize>) -> Vec<Item>,
) -> Page {
    paginate(s, first, count, per_page, n, items, true)
}

/// [`paginated`] for a page whose template writes the heading (from the page's title) on
/// every page: later pages get no heading in their Markdown either.
pub fn paginated_under_heading(
    s: &Strings,
    first: Page,
    count: usize,
    per_page: usize,
    n: usize,
    items: impl FnOnce(Range<usize>) -> Vec<Item>,
) -> Page {
    paginate(s, first, count, per_page, n, items, false)
}

fn paginate(
    s: &Strings,
    first: Page,
    count: usize,
    per_page: usize,
    n: usize,
    items: impl FnOnce(Range<usize>) -> Vec<Item>,
    heading: bool,
) -> Page {
    let total = page_count(count, per_page);
    let range = ((n - 1) * per_page).min(count)..(n * per_page).min(count);
    let base = first.path.clone();
    let mut page = first;
    page.path = urls::page(&base, n);
    if n > 1 {
        page.title = fill(&s.page_of, &[("title", &page.title), ("n", &n.to_string())]);
        // The first page's description counts the list, which grows; a later page says only
        // what it is.
        page.description = page.title.clone();
        page.markdown = front_matter(&page.title, page.template, &[("page", &n.to_string())]);
        if heading {
            page.markdown
                .push_str(&format!("# {}\n\n", escape::markdown(&page.title)));
        }
    }
    let mut group: Option<String> = None;
    for item in items(range) {
        if item.group != group {
            group = item.group;
            if let Some(g) = &group {
                page.markdown.push_str(g);
                page.markdown.push_str("\n\n");
            }
        }
        page.markdown.push_str(&item.md);
    }
    page.markdown.push('\n');
    if total > 1 {
        page.pager = Some(pager(&base, n, total));
    }
    page
}

/// The pager of page `n` of `total`. The first page links the first, the last and the pages
/// near it; a later page links the first, the three before it and the next one (if there is
/// one), never what comes after that, so that adding pages changes none but the newest.
fn pager(base: &str, n: usize, total: usize) -> Pager {
    let shown = |k: usize| {
        if n == 1 {
            k == 1 || k == total || k.abs_diff(n) <= PAGER_NEIGHBOURS
        } else {
            k == 1 || (k <= n + 1 && n - k.min(n) <= PAGER_NEIGHBOURS)
        }
    };
    let mut pages: Vec<PagerItem> = Vec::new();
    let mut last = 0;
    for k in (1..=total).filter(|&k| shown(k)) {
        if k > last + 1 {
            pages.push(PagerItem {
                gap: true,
                n: 0,
                url: String::new(),
            });
        }
        pages.push(PagerItem {
            gap: false,
            n: k,
            url: urls::html(&urls::page(base, k)),
        });
        last = k;
    }
    Pager {
        current: n,
        pages,
        prev: (n > 1).then(|| urls::html(&urls::page(base, n - 1))),
        next: (n < total).then(|| urls::html(&urls::page(base, n + 1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(p: &Pager) -> Vec<usize> {
        p.pages.iter().map(|k| k.n).collect()
    }

    #[test]
    fn later_pages_show_nothing_that_grows_after_them() {
        assert_eq!(shown(&pager("t/", 1, 9)), [1, 2, 3, 4, 0, 9]);
        assert_eq!(shown(&pager("t/", 6, 9)), [1, 0, 3, 4, 5, 6, 7]);
        assert_eq!(shown(&pager("t/", 2, 9)), [1, 2, 3]);
        // Page 6 of a list that grew from 9 pages to 12 is the same page.
        for n in 2..9 {
            let before = pager("t/", n, 9);
            let after = pager("t/", n, 12);
            assert_eq!(shown(&before), shown(&after), "page {n}");
            assert_eq!(before.next, after.next);
        }
        // The newest page gains the link to the one after it.
        assert_eq!(pager("t/", 9, 9).next, None);
        assert_eq!(pager("t/", 9, 10).next.as_deref(), Some("t/page/10/index.html"));
    }
}
