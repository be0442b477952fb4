//! What a reader sees at a glance is true (issue 26): made-up articles in both scripts and in
//! English, built by the real binary, and the pages and cards read back. A figure is a statement
//! (what it measures, whose, for when, target or outcome, its qualifier as written, only its own
//! copies elsewhere); city pages and the overview open with what each city is doing; the compare
//! page charts only figures of one measure and kind; timeline entries name their subject, say
//! their date once and sit in their own month or year; re-published copies count once; the about page
//! and source pages say only what holds.

mod common;

use common::key_figures;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Builds `files` (name, text) as a seeds folder into a fresh site.
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
    let seeds = common::write_seeds(&files);
    let (dir, site) = common::build_ok(seeds.path());
    // The site is built in a folder of its own: the seeds' folder may go.
    (dir, site)
}

fn read(site: &Path, path: &str) -> String {
    fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The entries of a timeline page (a month, a year or the unknown year), as text.
fn timeline_entries(site: &Path, path: &str) -> Vec<String> {
    let page = read(site, path);
    let Some(body) = page.split("class=\"prose timeline\"").nth(1) else {
        return Vec::new();
    };
    body.split("<li")
        .skip(1)
        .map(|e| text(e.split("</li>").next().unwrap()))
        .collect()
}

/// Every entry of the timeline (Traditional): every page of every group under `timeline/`.
fn all_timeline_entries(site: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(site.join("timeline"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            e.path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "timeline/index.html")
        .collect();
    pages.sort();
    pages.iter().flat_map(|p| timeline_entries(site, p)).collect()
}

/// Every figure card of a site (Traditional), by statement id.
fn figure_cards(site: &Path) -> BTreeMap<String, Value> {
    let index: Value = serde_json::from_str(&read(site, "data/figures/index.json")).unwrap();
    let shards = index["shards"].as_u64().unwrap();
    let mut out = BTreeMap::new();
    for n in 0..shards {
        let shard: BTreeMap<String, Value> =
            serde_json::from_str(&read(site, &format!("data/figures/{n}.json"))).unwrap_or_default();
        out.extend(shard);
    }
    out
}

/// The cards whose figure is written `text`.
fn cards_of(site: &Path, text: &str) -> Vec<Value> {
    figure_cards(site).into_values().filter(|c| c["t"] == text).collect()
}

/// The statement ids of the figures marked in a page.
fn statements_in(page: &str) -> Vec<String> {
    page.split("data-statement=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").to_string())
        .collect()
}

/// Visible text of an HTML fragment (tags dropped).
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

const HUZHOU_PLAN: &str = "湖州市人工智能行動計劃\n\
    到2027年底,全市人工智能核心產業營收超200億元,集聚人工智能企業30多個,力爭到2030年底產值/營收超500億元。\n\
    對年薪50萬元以上的人才,給予最高100萬元獎勵。\n\
    湖州市人民政府\n";

#[test]
fn a_figure_card_says_what_whose_when_and_keeps_its_qualifier() {
    let (_d, site) = site(&[
        ("001_huzhou.txt", HUZHOU_PLAN),
        ("001_huzhou.toml", "date = \"2025-06-01\"\n"),
    ]);
    let card = &cards_of(&site, "超200億元")[0];
    assert_eq!(card["m"], "人工智能核心產業營收", "{card}");
    assert_eq!(card["s"], "湖州");
    assert_eq!(card["w"], "2027年");
    assert_eq!(card["k"], "目標 Target");
    assert_eq!(card["v"], "more than ¥20 billion", "超 is more than, never ≈");
    assert!(card["u"].as_str().unwrap().ends_with("index.html#p1"));
    // The qualifier as written: 30多個 is not 30個.
    let card = &cards_of(&site, "30多個")[0];
    assert_eq!(card["v"], "more than 30 units");
    // The 2030 figure measures what the 2027 one does (its clause says only 產值/營收).
    let card = &cards_of(&site, "超500億元")[0];
    assert_eq!(
        (card["w"].as_str(), card["k"].as_str()),
        (Some("2030年"), Some("目標 Target"))
    );
    // A threshold and an incentive are conditions of the policy, not Huzhou's figures.
    for figure in ["50萬元以上", "100萬元"] {
        let card = &cards_of(&site, figure)[0];
        assert_eq!(card["k"], "政策條件 Policy condition", "{figure}: {card}");
    }
    let city = read(&site, "city/huzhou/index.html");
    let key = key_figures(&city);
    assert_eq!(key.first().map(String::as_str), Some("超200億元"), "{key:?}");
    assert!(!key.iter().any(|k| k == "50萬元以上" || k == "100萬元"), "{key:?}");
    // Every figure in the text opens its own statement's card.
    let ids = statements_in(&city);
    let cards = figure_cards(&site);
    assert!(!ids.is_empty() && ids.iter().all(|id| cards.contains_key(id)));
}

#[test]
fn a_card_lists_only_the_same_statement_elsewhere_never_another_figure_of_the_same_value() {
    let hant = "寧波動態\n據統計,2024年寧波人工智能產業營收超200億元。\n";
    let hans = "宁波转载\n据统计,2024年宁波人工智能产业营收超200亿元。\n";
    let other = "台州动态\n2024年,台州机器人产业产值超200亿元。\n";
    let (_d, site) = site(&[
        ("001_ningbo.txt", hant),
        ("001_ningbo.toml", "date = \"2025-01-10\"\n"),
        ("002_copy.txt", hans),
        ("002_copy.toml", "date = \"2025-01-11\"\n"),
        ("003_taizhou.txt", other),
        ("003_taizhou.toml", "date = \"2025-01-12\"\n"),
    ]);
    let cards = cards_of(&site, "超200億元");
    // Two statements (Ningbo's, in two scripts, is one), not one card for the value.
    assert_eq!(cards.len(), 2, "{cards:?}");
    let ningbo = cards.iter().find(|c| c["s"] == "寧波").unwrap();
    let copies = ningbo["c"].as_array().unwrap();
    assert_eq!(copies.len(), 1, "the copy in the other script, credited");
    assert!(copies[0][1].as_str().unwrap().starts_with("source/002_copy/"));
    let taizhou = cards.iter().find(|c| c["s"] == "台州").unwrap();
    assert!(
        taizhou.get("c").is_none(),
        "another city's figure is no copy: {taizhou}"
    );
    // The copy shows once among the city's key figures and in its card's count.
    assert_eq!(key_figures(&read(&site, "city/ningbo/index.html")), ["超200億元"]);
    // The old card by value is gone: a figure's card is its statement's.
    let old: Value = serde_json::from_str(&read(&site, "data/cards.json")).unwrap();
    assert!(old.as_object().unwrap().keys().all(|k| !k.starts_with("figure:")));
}

#[test]
fn english_figures_are_statements_too() {
    let en = "Yiwu plan\nBy 2025, Yiwu hopes to see 40 billion yuan in imports from related countries, up from about 20 billion yuan in 2021.\n";
    let (_d, site) = site(&[
        ("001_en.txt", en),
        ("001_en.toml", "date = \"2022-01-05\"\nlanguage = \"en\"\n"),
    ]);
    let card = &cards_of(&site, "40 billion yuan")[0];
    assert_eq!(card["m"], "imports from related countries", "{card}");
    assert_eq!(card["k"], "目標 Target");
    assert_eq!(card["l"], "en");
    let card = &cards_of(&site, "about 20 billion yuan")[0];
    assert_eq!(card["v"], "about ¥20 billion");
}

#[test]
fn a_city_page_opens_with_what_the_city_is_doing_in_short_lines() {
    // A long paragraph of targets: the key figures must not each reprint it.
    let long = "寧波市人工智能創新發展行動方案\n\
        到2027年,全市人工智能核心產業規模達到1200億元,培育百億級重點企業3家,億元以上重點企業120家,\
        打造省級以上標誌性產品50個,建成行業數據流通平臺10個,培育具有行業影響力的垂直模型30個,\
        高質量數據集25個,人工智能基金規模100億元。\n\
        5月14日,寧波舉行全市人工智能現場會。\n\
        寧波市人民政府\n";
    let (_d, site) = site(&[("001_nb.txt", long), ("001_nb.toml", "date = \"2025-05-20\"\n")]);
    let page = read(&site, "city/ningbo/index.html");
    let summary_at = page.find("class=\"city-summary\"").expect("a summary");
    let paragraphs_at = page.find("class=\"prose city-paragraphs\"").unwrap();
    assert!(summary_at < paragraphs_at, "the summary comes first");
    let summary = &page[summary_at..paragraphs_at];
    assert!(summary.contains("行動方案"), "its own document");
    let figures: Vec<&str> = summary.split("<li class=\"key-figure").skip(1).collect();
    assert!(figures.len() >= 3, "{}", figures.len());
    for f in &figures {
        let line = text(f.split_once('>').unwrap().1.split("</li>").next().unwrap());
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(line.chars().count() < 90, "a key figure is a short line: {line}");
        assert!(
            !line.contains("培育百億級重點企業3家,億元以上"),
            "not the paragraph: {line}"
        );
    }
    assert_eq!(key_figures(summary)[0], "1200億元", "the city's headline figure first");
    // The latest event, once, with its date once.
    let events = summary.split("class=\"events").nth(1).unwrap();
    let event = text(events.split("</li>").next().unwrap());
    assert!(event.contains("舉行全市人工智能現場會"), "{event}");
    assert_eq!(event.matches("5月14日").count(), 1, "the date once: {event}");
    // On the overview, the city's card is made of its own material.
    let home = read(&site, "index.html");
    let card = home
        .split("<li class=\"card city-card\">")
        .nth(1)
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    assert!(
        card.contains("1200億元") && card.contains("舉行全市人工智能現場會"),
        "{card}"
    );
}

#[test]
fn compare_charts_only_one_measure_and_kind_and_no_other_place_figures() {
    let hz = "杭州經濟\n2025-01-20\n2024年,杭州地區生產總值2.19萬億元,進出口總額8000億元。\n\
        杭州與成都的距離為1752億元。\n按武漢預計增長6%左右,按南京預計增長5.2%左右。\n\
        對年薪50萬元以上的人才給予獎勵。\n";
    let nb = "寧波經濟\n2025-01-21\n2024年,寧波地區生產總值1.81萬億元,進出口總額1.37萬億元。\n";
    let (_d, site) = site(&[("001_hz.txt", hz), ("002_nb.txt", nb)]);
    let compare = read(&site, "compare/index.html");
    let charts: Vec<&str> = compare
        .split("<figure class=\"chart")
        .skip(1)
        .map(|c| c.split("</figure>").next().unwrap())
        .collect();
    let chart_of = |caption: &str| charts.iter().find(|c| c.contains(caption)).copied();
    let gdp = chart_of("地區生產總值(實績)").expect("a GDP chart");
    assert!(gdp.contains("2.19萬億元") && gdp.contains("1.81萬億元"), "{gdp}");
    assert!(
        !gdp.contains("8000億元") && !gdp.contains("1752億元"),
        "GDP is not trade, nor a gap"
    );
    let trade = chart_of("進出口、外貿(實績)").expect("a trade chart");
    assert!(trade.contains("8000億元") && !trade.contains("2.19萬億元"));
    for figure in ["1752億元", "6%左右", "5.2%左右", "50萬元以上"] {
        assert!(!compare.contains(figure), "{figure} is not Hangzhou's figure");
        assert!(
            !key_figures(&read(&site, "city/hangzhou/index.html"))
                .iter()
                .any(|k| k == figure)
        );
    }
}

#[test]
fn timeline_entries_name_their_subject_say_their_date_once_and_sit_in_their_own_group() {
    let text_hans = "湖州市人工智能三年行动计划\n\
        到2027年底,全市累计引育龙头企业10家以上,力争到2030年底产值超500亿元。\n\
        到2027年底:\n\
        5月14日,全市召开人工智能大会。\n\
        一、2024年工作回顾\n\
        湖州市人民政府\n";
    let (_d, site) = site(&[("001_hz.txt", text_hans), ("001_hz.toml", "date = \"2025-06-01\"\n")]);
    // The timeline's own page lists its groups (years, with their months), not entries.
    let index = read(&site, "timeline/index.html");
    for group in [
        "timeline/2027/index.html",
        "timeline/2030/index.html",
        "timeline/2025/05/index.html",
    ] {
        assert!(index.contains(group), "{group} listed: {index}");
    }
    let entries = all_timeline_entries(&site);
    // No empty entry (到2027年底: alone), no heading (一、2024年工作回顧).
    assert!(
        entries.iter().all(|e| !e.trim_end().ends_with("到2027年底: 原文 ›")),
        "{entries:#?}"
    );
    assert!(!entries.iter().any(|e| e.contains("工作回顧")), "{entries:#?}");
    // Each entry names whose it is, and a target says so.
    let e2027 = entries.iter().find(|e| e.contains("10家以上")).unwrap();
    assert!(e2027.contains("湖州") && e2027.contains("目標"), "{e2027}");
    // The 2030 page holds the 2030 statement, not the 2027 one.
    let y2030 = timeline_entries(&site, "timeline/2030/index.html");
    assert_eq!(y2030.len(), 1, "{y2030:#?}");
    assert!(
        y2030[0].contains("2030") && y2030[0].contains("500") && !y2030[0].contains("10家以上"),
        "{y2030:#?}"
    );
    // An event says its date once.
    let may = entries.iter().find(|e| e.contains("人工智能大會")).unwrap();
    assert_eq!(may.matches("5月14日").count(), 1, "{may}");
}

#[test]
fn a_republished_article_counts_once_in_key_figures_compare_and_the_timeline() {
    let sample =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_cc229362e59457d6.txt")).unwrap();
    // The same article re-published in the other script, under another title.
    let copy = format!("转载:{}", explainer::text::script::to_hans(&sample));
    let (_d, site) = site(&[
        ("000_cc229362e59457d6.txt", &sample),
        ("000_cc229362e59457d6.toml", "date = \"2025-05-20\"\n"),
        ("001_copy.txt", &copy),
        ("001_copy.toml", "date = \"2025-05-21\"\n"),
    ]);
    let home = key_figures(&read(&site, "index.html"));
    for figure in ["27條", "5700億元"] {
        assert_eq!(
            home.iter().filter(|k| *k == figure).count(),
            1,
            "{figure} once: {home:?}"
        );
    }
    let compare = read(&site, "compare/index.html");
    assert!(compare.matches("104家").count() <= 1, "Ningbo's figure once on compare");
    let timeline = all_timeline_entries(&site).join("\n");
    assert_eq!(timeline.matches("寧波舉行全市").count(), 1, "the event once");
    let card = &cards_of(&site, "5700億元")[0];
    assert!(
        card["c"].as_array().is_some_and(|c| c.len() == 1),
        "the copy credited: {card}"
    );
}

#[test]
fn the_about_and_source_pages_say_only_what_holds() {
    let bare = "寧波動態\n5月14日,寧波舉行全市人工智能現場會。\n";
    let (_d, site_bare) = site(&[("001_a.txt", bare)]);
    let about = read(&site_bare, "about/index.html");
    assert!(about.contains("沒有註明發布方"), "a build without metadata says so");
    assert!(
        !about.contains("ann-date inferred"),
        "no * is promised when no year is inferred"
    );
    let source = read(&site_bare, "source/001_a/index.html");
    assert!(
        source.contains("未註明發布方") && source.contains("未註明原文連結"),
        "what is missing is said"
    );
    let meta = "publisher = \"寧波日報\"\nsource = \"https://example.org/a\"\ndate = \"2025-05-20\"\n";
    let (_d, site_meta) = site(&[("001_a.txt", bare), ("001_a.toml", meta)]);
    let about = read(&site_meta, "about/index.html");
    assert!(
        about.contains("1 / 1 篇報道註明了發布方") && about.contains("1 / 1 篇報道附有原文連結"),
        "{about}"
    );
    let source = read(&site_meta, "source/001_a/index.html");
    assert!(!source.contains("未註明"), "nothing missing");
}

#[test]
fn a_city_named_only_by_its_counties_has_a_card_for_what_points_to_it() {
    // 金华 is never written, only 义乌: its page exists, and a date about it names it by its
    // card, not by its id.
    let zh = "义乌发展数字贸易\n2025年5月14日,义乌市发布数字贸易三年行动计划。\n";
    let (_d, site) = site(&[("001_yiwu.txt", zh)]);
    assert!(site.join("city/jinhua/index.html").is_file());
    let cards: Value = serde_json::from_str(&read(&site, "data/cards.json")).unwrap();
    assert_eq!(cards["city:jinhua"]["title"], "金華", "{}", cards["city:jinhua"]);
    let hans: Value = serde_json::from_str(&read(&site, "data/cards.zh-Hans.json")).unwrap();
    assert_eq!(hans["city:jinhua"]["title"], "金华");
}

/// A made-up county story in Simplified, its Traditional republication and an English one: the
/// classes a reader review found on real articles (issue 26's second round).
#[test]
fn figures_say_a_noun_their_own_date_and_a_forecast_is_no_target() {
    let hans = "县里的人工智能产业\n\
        2025年,全县人工智能产业营收达120亿元,比2020年增长45%。\n\
        高峰期最多时有3000人在园区工作。\n\
        预计到2027年,全县数字经济增加值有望突破500亿元;力争到2027年,培育人工智能企业50家。\n\
        台州市本次征集开始时间为2025年11月5日,结束时间为2025年11月25日。\n";
    let en = "A county plan\n\
        Exports stood at 40 billion yuan in 2024, up 8 percent from 2023.\n\
        The county's output is expected to reach 90 billion yuan by 2027.\n";
    let (_d, site) = site(&[
        ("001_county.txt", hans),
        ("001_county.toml", "date = \"2025-12-01\"\n"),
        ("002_county_en.txt", en),
        ("002_county_en.toml", "date = \"2025-12-01\"\n"),
    ]);
    // The date of its own clause, never the baseline it is compared with.
    let card = &cards_of(&site, "45%")[0];
    assert_eq!(card["w"], "2025年", "{card}");
    let card = &cards_of(&site, "8 percent")[0];
    assert_eq!(card["w"], "2024", "{card}");
    // A measure is a noun phrase or nothing: 最多時 says nothing of what is counted.
    let card = &cards_of(&site, "3000人")[0];
    assert!(!card["m"].as_str().unwrap_or("").ends_with('時'), "{card}");
    let card = &cards_of(&site, "40 billion yuan")[0];
    assert_eq!(card["m"], "Exports", "{card}");
    // 預計, 有望, expected: forecasts; 力爭到2027年: a target.
    let card = &cards_of(&site, "500億元")[0];
    assert_eq!(card["k"], "預計 Forecast", "{card}");
    let card = &cards_of(&site, "90 billion yuan")[0];
    assert_eq!(card["k"], "預計 Forecast", "{card}");
    let card = &cards_of(&site, "50家")[0];
    assert_eq!(card["k"], "目標 Target", "{card}");
    // A county story that never names the province is not the province's.
    for c in figure_cards(&site).values() {
        assert_ne!(c["s"], "浙江全省 Zhejiang", "{c}");
    }
    // A procedure's time line (征集開始時間…) is no city's latest event; a forecast is not a
    // target.
    let city = read(&site, "city/taizhou/index.html");
    let latest = city.split("最近事件").nth(1).unwrap_or("");
    // The latest events, not the list of all of them under them (which has every event).
    let latest = latest.split("<details").next().unwrap_or("");
    let latest = latest.split("</ol>").next().unwrap_or("");
    assert!(!latest.contains("開始時間"), "{latest}");
    // …which is on the page, without script: every event of the city, the procedure's too.
    let all = city.split("<details class=\"all-events\">").nth(1).unwrap_or("");
    assert!(all.contains("開始時間") && all.contains("目標"), "{all}");
    let entries = all_timeline_entries(&site);
    assert!(
        entries.iter().any(|e| e.contains("開始時間")),
        "listed on the timeline: {entries:#?}"
    );
    let forecast = entries.iter().find(|e| e.contains("有望")).unwrap();
    assert!(!forecast.contains("目標"), "{forecast}");
}

#[test]
fn a_county_s_own_report_credits_its_figures_to_the_county_on_cards_and_keeps_them_out_of_compare() {
    let (_dir, site) = site(&[
        (
            "001_wl.txt",
            "溫嶺市2025年政府工作報告\n\n2024年,全市實現地區生產總值1417.63億元,增長6.1%。\n",
        ),
        (
            "002_yw.txt",
            "Yiwu posts solid growth in the first half\n\nThe GDP reached 81.57 billion yuan in the first half, up 6.5 percent.\n",
        ),
        (
            "003_tz.txt",
            "台州發展觀察\n\n2024年,台州全市地區生產總值達到6000億元。\n",
        ),
    ]);
    // The county's report names no place in its body: its title makes the figures the county's.
    let whose = |text: &str| cards_of(&site, text)[0]["s"].as_str().unwrap_or_default().to_string();
    assert_eq!(whose("1417.63億元"), "溫嶺市（台州）");
    assert_eq!(whose("81.57 billion yuan"), "義烏市（金華）");
    // A figure the city's own sentence names stays the city's.
    assert_eq!(whose("6000億元"), "台州");
    // Compare never charts a county's total as its city's.
    let compare = read(&site, "compare/index.html");
    assert!(!compare.contains("1417.63"), "a county's GDP on compare");
    assert!(!compare.contains("81.57"), "a county's GDP on compare");
}

#[test]
fn a_year_page_without_months_lists_no_empty_group() {
    let (_dir, site) = site(&[
        (
            "001_a.txt",
            "湖州發展觀察\n\n到2027年,湖州人工智能核心產業營收達到500億元。\n",
        ),
        (
            "002_b.txt",
            "嘉兴观察\n\n2025年,嘉兴人工智能企业新增30家。\n\n2025年3月,嘉兴发布人工智能行动方案。\n",
        ),
    ]);
    for page in ["timeline/2027/index.html", "timeline/2025/index.html"] {
        let html = read(&site, page);
        assert!(!html.contains("<li></li>"), "{page}: an empty list item");
    }
    // A year with months still leads to them.
    assert!(read(&site, "timeline/2025/index.html").contains("timeline-groups"));
    assert!(!read(&site, "timeline/2027/index.html").contains("timeline-groups"));
}
