//! Long pages (a city's paragraphs, a term's uses, the timeline) split into pages of a fixed
//! size, so that no page passes about 100 KB however large the corpus.

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
/// the path and the intro, the others live at `page/N/`. `items` makes only the items of the
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
        page.title = fill(
            &s.page_of,
            &[
                ("title", &page.title),
                ("n", &n.to_string()),
                ("total", &total.to_string()),
            ],
        );
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
        // The first, the last and the pages near this one, with a gap where pages are left out:
        // a pager listing all pages would outgrow the page itself on a large corpus.
        let mut pages: Vec<PagerItem> = Vec::new();
        let mut last = 0;
        for k in (1..=total).filter(|&k| k == 1 || k == total || k.abs_diff(n) <= PAGER_NEIGHBOURS) {
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
                url: urls::html(&urls::page(&base, k)),
            });
            last = k;
        }
        page.pager = Some(Pager {
            current: n,
            total,
            pages,
            prev: (n > 1).then(|| urls::html(&urls::page(&base, n - 1))),
            next: (n < total).then(|| urls::html(&urls::page(&base, n + 1))),
        });
    }
    page
}
