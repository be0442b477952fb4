//! Whole-program tests: run the real `explainer` binary on the real seeds and on articles made
//! up for these tests, in both scripts, and look at what it wrote.

mod common;

use common::{build, explainer_in as explainer, export, key_figures, repo, tree, write_seeds};
use std::fs;
use std::path::Path;
use std::process::Command;

fn city_dirs(site: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(site.join("city"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn sample_seed_builds_the_seven_city_pages_and_nothing_else() {
    let (_d, site, out) = build(&repo().join("seeds"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("1 seed") && summary.contains("7 cities"), "{summary}");
    assert!(site.join("index.html").is_file());
    assert_eq!(
        city_dirs(&site),
        [
            "hangzhou", "jiaxing", "ningbo", "quzhou", "shaoxing", "taizhou", "wenzhou"
        ]
    );
    let json = export(&site);
    assert_eq!(json["schema"], 3);
    let paragraphs = json["seeds"][0]["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 26, "every body paragraph, no chrome");
    assert!(paragraphs.iter().all(|p| !p["text"].as_str().unwrap().contains("分享")));
    let texts: Vec<&str> = paragraphs.iter().map(|p| p["text"].as_str().unwrap()).collect();
    for p in paragraphs {
        let chars: Vec<char> = p["text"].as_str().unwrap().chars().collect();
        for a in p["annotations"].as_array().unwrap() {
            let (s, e) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(chars[s..e].iter().collect::<String>(), a["text"].as_str().unwrap());
        }
    }
    assert!(texts[0].starts_with("人工智能浪潮中"));
    // Each city page paragraph links to a source paragraph anchor that exists.
    let source = fs::read_to_string(site.join("source/000_cc229362e59457d6/index.html")).unwrap();
    let ningbo = fs::read_to_string(site.join("city/ningbo/index.html")).unwrap();
    let links: Vec<&str> = ningbo
        .split("source/000_cc229362e59457d6/index.html#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert!(links.len() >= 9, "{links:?}");
    for anchor in links {
        assert!(source.contains(&format!("id=\"{anchor}\"")), "missing anchor {anchor}");
    }
    // The annotated Markdown is published once per article, beside its page, in the script it
    // was written in; list pages (which repeat articles' text) have none.
    let markdown = fs::read_to_string(site.join("source/000_cc229362e59457d6/index.md")).unwrap();
    assert!(markdown.contains("(<city:ningbo>)"), "{markdown}");
    assert!(source.contains("href=\"../../source/000_cc229362e59457d6/index.md\""));
    let hans = fs::read_to_string(site.join("zh-Hans/source/000_cc229362e59457d6/index.html")).unwrap();
    assert!(hans.contains("href=\"../../../source/000_cc229362e59457d6/index.md\""));
    for list in [
        "city/ningbo/index.md",
        "zh-Hans/source/000_cc229362e59457d6/index.md",
        "index.md",
    ] {
        assert!(!site.join(list).exists(), "{list}");
    }
    assert!(!ningbo.contains("index.md"), "no Markdown link on a list page");
}

#[test]
fn check_finds_no_broken_links_in_the_sample() {
    let out = explainer(&["check"], &repo());
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no broken links"));
}

#[test]
fn made_up_articles_in_both_scripts() {
    let simplified = "台州加快机器人产业\r\n\r\n5月15日,台州召开座谈会,黄岩区和天台县参加。\r\n环杭州湾地区与北京、上海合作。\r\n大家在天台上看风景。\r\n";
    let traditional = "\n麗水市發布《麗水市數字經濟發展規劃》,新增企業超300家。\n嘉興、湖州兩地跟進。\n";
    let seeds = write_seeds(&[
        ("001_a.txt", simplified.as_bytes()),
        ("002_b.txt", traditional.as_bytes()),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(city_dirs(&site), ["huzhou", "jiaxing", "lishui", "taizhou"]);
    let json = export(&site);
    let a = &json["seeds"][0]["paragraphs"];
    assert_eq!(a[0]["cities"], serde_json::json!(["taizhou"]));
    assert_eq!(
        a[1]["cities"],
        serde_json::json!([]),
        "Hangzhou Bay, Beijing and Shanghai are not cities"
    );
    assert_eq!(a[2]["cities"], serde_json::json!([]), "a rooftop is not Tiantai");
    let b = &json["seeds"][1];
    assert_eq!(
        b["title"], "麗水市發布《麗水市數字經濟發展規劃》,新增企業超300家",
        "an article without a title line is titled by its first sentence, not its file name"
    );
    assert_eq!(b["paragraphs"][0]["line"], 2);
    let kinds: Vec<&str> = b["paragraphs"][0]["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"document") && kinds.contains(&"figure"), "{kinds:?}");
}

#[test]
fn reader_facing_parts_name_no_build_paths_and_the_404_page_works_at_any_depth() {
    let titled = "台州加快机器人产业\n5月15日,台州召开座谈会,黄岩区参加。\n";
    let untitled = "\n麗水市發布《麗水市數字經濟發展規劃》,新增企業超300家。\n";
    let seeds = write_seeds(&[("001_a.txt", titled.as_bytes()), ("002_b.txt", untitled.as_bytes())]);
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let args = [
        "build",
        "--seeds",
        seeds.path().to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ];
    let out = explainer(
        &[&args[..], &["--base-url", "https://user.github.io/repo/"]].concat(),
        &repo(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // The 404 page is served at any depth: its links and assets start from the base URL's path.
    let not_found = fs::read_to_string(site.join("404.html")).unwrap();
    assert!(not_found.contains("href=\"/repo/static/style.css\""), "{not_found}");
    let after = |attr: &str| not_found.split(attr).skip(1).collect::<Vec<_>>();
    for link in [after(" href=\""), after(" src=\"")].concat() {
        let target = link.split('"').next().unwrap();
        assert!(
            target.starts_with("/repo/")
                || target.starts_with('#')
                || target.starts_with("https://user.github.io/repo/"),
            "{target}"
        );
    }

    // An article with a title is known by it; one without, by its first sentence (issue 16.7),
    // never its file's name or path.
    let source = |id: &str| fs::read_to_string(site.join(format!("source/{id}/index.html"))).unwrap();
    assert!(!source("001_a").contains("001_a.txt"));
    assert!(!source("002_b").contains("002_b.txt"));
    assert!(source("002_b").contains("<h1>麗水市發布《麗水市數字經濟發展規劃》,新增企業超300家"));
    let sources = fs::read_to_string(site.join("sources/index.html")).unwrap();
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    for page in [&source("001_a"), &source("002_b"), &sources, &home] {
        assert!(
            !page.contains("seeds/") && !page.contains("make_map"),
            "a build path on a page"
        );
    }

    // The legend names every colour the map uses, cities without articles included.
    let map = home
        .split("class=\"map map-large\"")
        .nth(1)
        .unwrap()
        .split("</figure>")
        .next()
        .unwrap();
    let regions: std::collections::BTreeSet<&str> = map
        .split("class=\"region ")
        .skip(1)
        .filter_map(|r| r.split(['"', ' ']).next())
        .collect();
    assert!(!regions.is_empty());
    for colour in regions {
        assert!(
            map.contains(&format!("swatch {colour}\"")),
            "no legend entry for {colour}"
        );
    }
    assert!(
        map.contains("swatch focus-quiet") && map.contains("no articles yet"),
        "{map}"
    );

    // Without a base URL, the 404 page's links start from the server's root.
    let out = explainer(&args, &repo());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let not_found = fs::read_to_string(site.join("404.html")).unwrap();
    assert!(not_found.contains("href=\"/static/style.css\""), "{not_found}");
}

#[test]
fn seed_text_is_never_markup() {
    let evil = "标题\n杭州<script>alert(1)</script>发布[x](javascript:alert(1))和{{ config }}{% raw %}<img src=x onerror=alert(2)>。\n# 不是标题 [寧波](city:ningbo)\n";
    let seeds = write_seeds(&[("evil.txt", evil.as_bytes())]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (path, bytes) in tree(&site) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") {
            assert!(
                !text.contains("<script>alert") && !text.contains("<img src=x") && !text.contains("href=\"javascript"),
                "{path}"
            );
        }
    }
    let page = fs::read_to_string(site.join("source/evil/index.html")).unwrap();
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(page.contains("{{ config }}"));
    let json = export(&site);
    assert_eq!(
        json["seeds"][0]["paragraphs"][1]["text"],
        "# 不是标题 [寧波](city:ningbo)"
    );
}

#[test]
fn bad_seed_fails_with_file_and_line_and_leaves_site_untouched() {
    let good = write_seeds(&[("good.txt", "题\n宁波发布新政。\n".as_bytes())]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("site");
    let ok = explainer(
        &[
            "build",
            "--seeds",
            good.path().to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(ok.status.success());
    fs::write(out_dir.join("CNAME"), "example.org\n").unwrap();
    let before = tree(&out_dir);
    let bad = write_seeds(&[
        ("good.txt", "题\n宁波发布新政。\n".as_bytes()),
        ("bad.txt", b"title\nok\n\xff\xfe broken"),
    ]);
    let failed = explainer(
        &[
            "build",
            "--seeds",
            bad.path().to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(!failed.status.success());
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(err.contains("bad.txt:3:") && err.contains("UTF-8"), "{err}");
    assert_eq!(tree(&out_dir), before, "previous site untouched");
    // A later good build keeps the CNAME it does not own.
    let again = explainer(
        &[
            "build",
            "--seeds",
            good.path().to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(again.status.success());
    assert_eq!(fs::read_to_string(out_dir.join("CNAME")).unwrap(), "example.org\n");
}

#[test]
fn builds_are_byte_identical() {
    let (_a, site_a, out_a) = build(&repo().join("seeds"));
    let (_b, site_b, out_b) = build(&repo().join("seeds"));
    assert!(out_a.status.success() && out_b.status.success());
    assert_eq!(tree(&site_a), tree(&site_b));
}

#[test]
fn committed_site_is_up_to_date() {
    let (_d, fresh, out) = build(&repo().join("seeds"));
    assert!(out.status.success());
    let committed = tree(&repo().join("site"));
    let fresh = tree(&fresh);
    let stale: Vec<&String> = fresh
        .keys()
        .filter(|k| committed.get(*k) != fresh.get(*k))
        .chain(committed.keys().filter(|k| !fresh.contains_key(*k)))
        .collect();
    assert!(
        stale.is_empty(),
        "site/ is stale: run `cargo run --release -- build` and commit site/ (differs: {stale:?})"
    );
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_build() {
    let seeds = write_seeds(&[("a.txt", "题\n宁波发布新政。\n".as_bytes())]);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("precious.txt"), "keep me").unwrap();
    let out = explainer(
        &[
            "build",
            "--seeds",
            seeds.path().to_str().unwrap(),
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(!out.status.success());
    assert!(dir.path().join("precious.txt").is_file());
}

#[test]
fn republished_paragraphs_appear_once_crediting_every_source() {
    let text = "题\n5月14日,宁波举行全市“人工智能+制造”现场会。\n宁波拥有单项冠军企业104家。\n";
    let short = "转载\n5月14日,宁波举行全市“人工智能+制造”现场会。\n";
    let seeds = write_seeds(&[("001_a.txt", text.as_bytes()), ("002_b.txt", short.as_bytes())]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = fs::read_to_string(site.join("city/ningbo/index.html")).unwrap();
    // The paragraphs; the events beside them (5月14日 now dated `--05-14`) still list a
    // re-published event once per source until events are folded like paragraphs (issue 16.6).
    // The paragraphs only: not the list of the city's events (its own line per event).
    let paragraphs = page.split("<aside").next().unwrap();
    let paragraphs = match paragraphs.split_once("<details class=\"all-events\">") {
        Some((before, after)) => format!("{before}{}", after.split_once("</details>").map_or("", |(_, a)| a)),
        None => paragraphs.to_string(),
    };
    assert_eq!(
        paragraphs.matches("現場會。").count(),
        1,
        "the shared paragraph is shown once (in Traditional, as the page is)"
    );
    assert!(
        page.contains("source/001_a/index.html#p1") && page.contains("source/002_b/index.html#p1"),
        "both sources credited"
    );
    let json = export(&site);
    let paragraphs = json["cities"][0]["paragraphs"].as_array().unwrap();
    assert!(paragraphs.contains(&serde_json::json!("002_b#p1")));
}

#[test]
fn add_names_normalises_refuses_duplicates_and_keeps_metadata() {
    let seeds = write_seeds(&[(
        "000_cc229362e59457d6.txt",
        fs::read(repo().join("seeds/000_cc229362e59457d6.txt"))
            .unwrap()
            .as_slice(),
    )]);
    let article = tempfile::NamedTempFile::new().unwrap();
    fs::write(
        article.path(),
        "\u{FEFF}丽水发力生态数字经济\r\n\r\n5月20日,丽水市莲都区新增数字企业30家。\r\n",
    )
    .unwrap();
    let seeds_arg = seeds.path().to_str().unwrap();
    let out = explainer(
        &[
            "add",
            "--seeds",
            seeds_arg,
            "--publisher",
            "丽水日报",
            "--date",
            "2025-05-21",
            article.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cities: lishui"));
    let added: Vec<String> = fs::read_dir(seeds.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("001_"))
        .collect();
    assert_eq!(added.len(), 2, "{added:?}");
    let txt = added.iter().find(|n| n.ends_with(".txt")).unwrap();
    assert_eq!(txt.len(), "001_".len() + 16 + ".txt".len());
    let text = fs::read_to_string(seeds.path().join(txt)).unwrap();
    assert!(!text.contains('\r') && !text.starts_with('\u{FEFF}'));
    let again = explainer(
        &["add", "--seeds", seeds_arg, article.path().to_str().unwrap()],
        &repo(),
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already in the seeds"));
    let (_d, site, built) = build(seeds.path());
    assert!(built.status.success());
    assert!(
        site.join(format!("source/{}/index.html", txt.trim_end_matches(".txt")))
            .is_file()
    );
    assert!(site.join("city/lishui/index.html").is_file());
    let json = export(&site);
    let date = &json["seeds"][1]["paragraphs"][0]["annotations"][0];
    assert_eq!(
        (date["value"].as_str(), date.get("inferred")),
        (Some("2025-05-20"), None),
        "metadata year, not inferred"
    );
}

#[test]
fn add_records_the_date_a_source_address_holds_and_check_lists_undated_seeds() {
    let seeds = tempfile::tempdir().unwrap();
    let seeds_arg = seeds.path().to_str().unwrap();
    let article = |text: &str| {
        let file = tempfile::NamedTempFile::new().unwrap();
        fs::write(file.path(), text).unwrap();
        file
    };
    let dated = article("宁波出台新政\n5月20日,宁波新增数字企业30家。今年以来增长较快。\n");
    let source = "https://www.example.gov.cn/art/2024/5/21/art_1229_5.html";
    let out = explainer(
        &[
            "add",
            "--seeds",
            seeds_arg,
            "--source",
            source,
            dated.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("date 2024-05-21 (from the address)"), "{stdout}");
    let sidecar = fs::read_to_string(
        seeds.path().join(
            fs::read_dir(seeds.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|n| n.ends_with(".toml"))
                .unwrap(),
        ),
    )
    .unwrap();
    assert!(
        sidecar.contains("date = \"2024-05-21\"") && sidecar.contains("date_source = \"url\""),
        "{sidecar}"
    );
    // An address without a date records none; check then names the seed.
    let undated = article("温州出台新政\n9月16日,温州召开大会。\n");
    let out = explainer(
        &[
            "add",
            "--seeds",
            seeds_arg,
            "--source",
            "http://www.example.com/english/c_819876.htm",
            undated.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no publication date"));
    let (_d, site, built) = build(seeds.path());
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let json = export(&site);
    let by_year: Vec<(Option<&str>, Option<i64>)> = json["seeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["year_source"].as_str(), s["year"].as_i64()))
        .collect();
    assert_eq!(by_year, [(Some("url"), Some(2024)), (Some("unknown"), None)]);
    let date = &json["seeds"][0]["paragraphs"][0]["annotations"][0];
    assert_eq!(date["value"].as_str(), Some("2024-05-20"));
    let check = explainer(&["check", "--seeds", seeds_arg], &repo());
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("undated: 1 seed without a publication date"),
        "{report}"
    );
    assert!(report.contains("001_"), "{report}");
    assert!(!report.contains("000_"), "{report}");
}

#[test]
fn serve_reloads_after_a_change_and_survives_a_broken_seed() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("seeds")).unwrap();
    fs::write(dir.path().join("seeds/a.txt"), "题\n宁波发布新政。\n").unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    let good_template = fs::read_to_string(repo().join("templates/timeline.html")).unwrap();
    fs::write(dir.path().join("templates/timeline.html"), &good_template).unwrap();
    let port = 18000 + (std::process::id() % 1000) as u16;
    let mut child = Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let get = |path: &str| -> Option<String> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        stream.set_read_timeout(Some(std::time::Duration::from_secs(30))).ok()?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut body = String::new();
        stream.read_to_string(&mut body).ok()?;
        Some(body)
    };
    let wait_for = |path: &str, needle: &str| {
        for _ in 0..150 {
            if get(path).is_some_and(|b| b.contains(needle)) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert!(
            wait_for("/city/ningbo/", "__livereload.js"),
            "server answers with the reload script"
        );
        fs::write(dir.path().join("seeds/a.txt"), "题\n宁波发布新政。\n温州跟进。\n").unwrap();
        assert!(
            wait_for("/", "city/wenzhou/index.html"),
            "a new city appears after the edit"
        );
        fs::write(dir.path().join("seeds/b.txt"), b"t\n\xff\n").unwrap();
        assert!(wait_for("/", "build-error"), "the error shows in the page");
        assert!(
            wait_for("/city/wenzhou/", "跟進。"),
            "the last good site is still served"
        );
        fs::remove_file(dir.path().join("seeds/b.txt")).unwrap();
        let recovered = || {
            (0..150).any(|_| {
                std::thread::sleep(std::time::Duration::from_millis(100));
                get("/").is_some_and(|b| !b.contains("build-error") && b.contains("<html"))
            })
        };
        assert!(recovered(), "recovered after the seed was fixed");
        fs::write(
            dir.path().join("templates/timeline.html"),
            "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock main %}",
        )
        .unwrap();
        assert!(
            wait_for("/", "timeline.html"),
            "a broken template shows its error in the page"
        );
        fs::write(dir.path().join("templates/timeline.html"), &good_template).unwrap();
        assert!(recovered(), "recovered after the template was fixed");
    }));
    child.kill().ok();
    child.wait().ok();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn a_city_s_own_material_is_on_its_page() {
    let notice = "舟山市人民政府关于印发支持人工智能创新发展若干措施的通知
各县(区)人民政府,市政府直属各单位:
现将《关于支持人工智能创新发展的若干措施》印发给你们,请认真贯彻执行。
一、加大要素保障
对新引进的人工智能企业,给予最高500万元落户奖励。
对承担国家、省重点科研任务的企业,按国家、省实际到账补助资金的25%给予补助。
本《关于支持人工智能创新发展的若干措施》自印发之日起施行。
联系人:王明
联系电话:0580-2280000
舟山市人民政府
2025年3月5日
";
    let province =
        "浙江出台人工智能新政\n近日,浙江省人民政府办公厅印发《关于支持人工智能创新发展的若干措施》,推出27条举措。\n";
    let story = "Deqing reviews its decade
Huzhou's Deqing county has detailed its achievements over the past 10 years.
The county is leading in provincial key laboratories.
Six cases from the county have been selected as exemplary examples.
\"Global competition is between clusters,\" said a local entrepreneur.
In the first half of 2022, its output grew 7.3 percent.
";
    let seeds = write_seeds(&[
        ("a_notice.txt", notice.as_bytes()),
        ("b_province.txt", province.as_bytes()),
        ("c_story.txt", story.as_bytes()),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json = export(&site);
    let seed = |id: &str| {
        json["seeds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let city_paragraphs = |city: &str| -> Vec<String> {
        json["cities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == city)
            .map(|c| {
                c["paragraphs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    // The notice: every body paragraph is on Zhoushan's page, credited through the article
    // (`article_city`) where it names no city itself; the contact lines are not body.
    let notice = seed("a_notice");
    let texts: Vec<&str> = notice["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(!texts.iter().any(|t| t.starts_with("联系")), "{texts:?}");
    let zhoushan = city_paragraphs("zhoushan");
    for p in notice["paragraphs"].as_array().unwrap() {
        assert!(
            zhoushan.contains(&format!("a_notice#{}", p["id"].as_str().unwrap())),
            "{p}"
        );
    }
    let clause = &notice["paragraphs"][3];
    assert_eq!(
        (
            clause["cities"].as_array().unwrap().len(),
            clause["article_city"].as_str()
        ),
        (0, Some("zhoushan"))
    );
    // Its subsidies are Zhoushan's, though the clause names the nation and the province.
    let figures: Vec<&str> = notice["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["annotations"].as_array().unwrap())
        .filter(|a| a["kind"] == "figure")
        .map(|a| a["about"].as_str().unwrap())
        .collect();
    assert_eq!(figures, ["zhoushan", "zhoushan"]);
    // The measures it issues are its own document, with their own page, not the province's.
    let issued = notice["paragraphs"][1]["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "document")
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(issued, "zhejiang-ai-innovation-measures");
    assert!(site.join(format!("documents/{issued}/index.html")).is_file());
    assert!(
        site.join("documents/zhejiang-ai-innovation-measures/index.html")
            .is_file()
    );
    let own_page = fs::read_to_string(site.join(format!("documents/{issued}/index.html"))).unwrap();
    let province_doc = fs::read_to_string(site.join("documents/zhejiang-ai-innovation-measures/index.html")).unwrap();
    assert!(province_doc.contains("省級層面"));
    assert!(
        !own_page.contains("省級層面"),
        "the province's explanation is not the city's"
    );
    // Nor does its explanation send the reader to the province's document of that title.
    assert!(!own_page.contains("浙江省人民政府《關於支持人工智能創新發展的若干措施》"));
    // 本《…》 in the notice is the notice's measures, not the province's of that title.
    let this_one: Vec<&str> = notice["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["text"].as_str().unwrap().starts_with('本'))
        .flat_map(|p| p["annotations"].as_array().unwrap())
        .filter(|a| a["kind"] == "document")
        .map(|a| a["value"].as_str().unwrap())
        .collect();
    assert_eq!(this_one, [issued.as_str()]);
    // Nothing of the notice sits under the province's paragraphs.
    let province_page = fs::read_to_string(site.join("province/index.html")).unwrap_or_default();
    assert!(!province_page.contains("落戶獎勵") && !province_page.contains("落户奖励"));
    // The English county story: at least 80% of its paragraphs on Huzhou's page.
    let story = seed("c_story");
    let huzhou = city_paragraphs("huzhou");
    let ps = story["paragraphs"].as_array().unwrap();
    let on = ps
        .iter()
        .filter(|p| huzhou.contains(&format!("c_story#{}", p["id"].as_str().unwrap())))
        .count();
    assert!(on * 5 >= ps.len() * 4, "{on} of {}", ps.len());
}

#[test]
fn every_page_has_a_simplified_twin_and_the_switch_returns() {
    let (_d, site, out) = build(&repo().join("seeds"));
    assert!(out.status.success());
    let files = tree(&site);
    let pages: Vec<&String> = files
        .keys()
        .filter(|k| k.ends_with("index.html") && !k.starts_with("zh-Hans/"))
        .collect();
    assert!(pages.len() > 20);
    for page in pages {
        let twin = format!("zh-Hans/{page}");
        let hans = String::from_utf8_lossy(files.get(&twin).unwrap_or_else(|| panic!("no twin for {page}")));
        let hant = String::from_utf8_lossy(&files[page]);
        assert!(
            hant.contains("<html lang=\"zh-Hant\"") && hans.contains("<html lang=\"zh-Hans\""),
            "{page}"
        );
        let depth = page.matches('/').count();
        let up = "../".repeat(depth);
        assert!(
            hant.contains(&format!("<a href=\"{up}zh-Hans/{page}\" hreflang=\"zh-Hans\"")),
            "{page} switches to its twin"
        );
        assert!(
            hans.contains(&format!("<a href=\"../{up}{page}\" hreflang=\"zh-Hant\"")),
            "{twin} switches back"
        );
        assert!(hans.contains("hreflang=\"zh-Hant\"") && hant.contains("hreflang=\"zh-Hans\""));
    }
    let hans = String::from_utf8_lossy(&files["zh-Hans/city/ningbo/index.html"]);
    assert!(
        hans.contains("宁波") && !hans.contains("寧波"),
        "the mirror is in Simplified script"
    );
    // From zh-Hans/city/ningbo/, ../../terms/ is zh-Hans/terms/: links stay inside the mirror,
    // and only the script switch, the hreflang alternate and the feed climb out of it.
    assert!(hans.contains("href=\"../../terms/"), "links stay inside the mirror");
    assert!(
        !hans.contains("href=\"../../../terms/"),
        "no term link leaves the mirror"
    );
    assert_eq!(
        hans.matches("href=\"../../../city/").count(),
        3,
        "switch, alternate and feed only"
    );
}

#[test]
fn city_pages_show_the_claims_about_their_city() {
    let (_d, site, out) = build(&repo().join("seeds"));
    assert!(out.status.success());
    let figures = |city: &str| key_figures(&fs::read_to_string(site.join(format!("city/{city}/index.html"))).unwrap());
    // 5700億元 is the province's output and 超七成 Hangzhou's share: neither is Ningbo's.
    assert_eq!(figures("ningbo"), ["104家"]);
    assert_eq!(figures("hangzhou"), ["超七成"]);
    assert!(
        figures("jiaxing").is_empty(),
        "named beside Ningbo, but no figure is Jiaxing's"
    );
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        key_figures(&home).contains(&"5700億元".to_string()),
        "the province's figure is on the overview"
    );
    let compare = fs::read_to_string(site.join("compare/index.html")).unwrap();
    let ningbo_card = compare
        .split("<li class=\"card compare-card\">")
        .find(|card| card.contains("<h3><a href=\"../city/ningbo/index.html\">"))
        .unwrap();
    assert!(
        ningbo_card.contains("104家") && !ningbo_card.contains("5700億元"),
        "{ningbo_card}"
    );
}

#[test]
fn a_statement_in_two_articles_is_shown_once() {
    let first = "宁波动态\n5月14日,宁波举行全市“人工智能+制造”现场会。宁波拥有单项冠军企业104家。\n";
    let second = "转载\n据报道,5月14日,宁波举行全市“人工智能+制造”现场会。\n";
    let seeds = write_seeds(&[
        ("001_a.txt", first.as_bytes()),
        ("001_a.toml", b"date = \"2025-05-20\"\n"),
        ("002_b.txt", second.as_bytes()),
        ("002_b.toml", b"date = \"2025-05-21\"\n"),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The timeline's group of May 2025.
    let timeline = fs::read_to_string(site.join("timeline/2025/05/index.html")).unwrap();
    assert_eq!(timeline.matches("現場會。").count(), 1, "the event once");
    assert!(
        timeline.contains("source/001_a/index.html#p1") && timeline.contains("source/002_b/index.html#p1"),
        "both articles credited"
    );
}

#[test]
fn each_page_is_in_one_script() {
    let simplified = "题\n温州市数据局挂牌,这是全省发展人工智能的新举措。\n";
    let traditional = "題\n寧波發布新政,這是全市發展的重點。\n";
    let seeds = write_seeds(&[
        ("001_s.txt", simplified.as_bytes()),
        ("002_t.txt", traditional.as_bytes()),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Visible text, without the parts marked as the other script (the 繁/简 switch, a city's
    // other spelling).
    let visible = |html: &str, other: &str| -> String {
        let mut text = String::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
            let tag = &rest[open..tag_end];
            rest = &rest[tag_end..];
            if tag.contains(&format!("lang=\"{other}\"")) {
                let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                let close = format!("</{name}>");
                rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
            }
        }
        text + rest
    };
    // Characters only one script writes.
    let (only_hans, only_hant) = ("们这发国会为说时对现与东举数据挂", "們這發國會為說時對現與東舉數據掛");
    for page in [
        "source/001_s/index.html",
        "city/wenzhou/index.html",
        "source/002_t/index.html",
        "city/ningbo/index.html",
    ] {
        let hant = visible(&fs::read_to_string(site.join(page)).unwrap(), "zh-Hans");
        let hans = visible(&fs::read_to_string(site.join("zh-Hans").join(page)).unwrap(), "zh-Hant");
        assert!(
            !hant.chars().any(|c| only_hans.contains(c)),
            "{page}: Simplified on a Traditional page: {hant}"
        );
        assert!(
            !hans.chars().any(|c| only_hant.contains(c)),
            "zh-Hans/{page}: Traditional on a Simplified page"
        );
    }
    let page = fs::read_to_string(site.join("source/001_s/index.html")).unwrap();
    assert!(
        page.contains("溫州市數據局掛牌"),
        "the Simplified article is shown in Traditional"
    );
    let page = fs::read_to_string(site.join("zh-Hans/source/002_t/index.html")).unwrap();
    assert!(
        page.contains("宁波发布新政"),
        "the Traditional article is shown in Simplified"
    );
    let city = fs::read_to_string(site.join("city/ningbo/index.html")).unwrap();
    assert!(
        city.contains("lang=\"zh-Hans\">宁波</span>"),
        "the other spelling, marked, is kept"
    );
    let json = export(&site);
    assert_eq!(
        json["seeds"][0]["paragraphs"][0]["text"], "温州市数据局挂牌,这是全省发展人工智能的新举措。",
        "the export keeps the text as written"
    );
}

#[test]
fn a_large_synthetic_corpus_stays_paginated_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let made = explainer(
        &["corpus", "--count", "160", "--out", corpus.to_str().unwrap()],
        &repo(),
    );
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let (_d, site, out) = build(&corpus);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files = tree(&site);
    let heavy: Vec<(&String, usize)> = files
        .iter()
        .filter(|(k, v)| k.ends_with(".html") && v.len() > 100_000)
        .map(|(k, v)| (k, v.len()))
        .collect();
    assert!(heavy.is_empty(), "pages over 100 KB: {heavy:?}");
    assert!(
        files.keys().any(|k| k.starts_with("city/") && k.contains("/page/2/")),
        "long city pages are paginated"
    );
    // A city's overview (map, figures, events, terms …) is on its first page; the pages after
    // it carry on with the paragraphs under one heading and lead back to the overview.
    for (k, v) in files
        .iter()
        .filter(|(k, _)| k.starts_with("city/") && k.ends_with("index.html"))
    {
        let html = String::from_utf8_lossy(v);
        let first = !k.contains("/page/");
        assert_eq!(html.contains("class=\"map map-small\""), first, "{k}");
        assert!(
            first || !html.contains("id=\"figures-h\"") && !html.contains("id=\"events-h\""),
            "{k}"
        );
        assert_eq!(html.contains("class=\"overview-link\""), !first, "{k}");
        assert_eq!(html.matches("<h1").count(), 1, "{k}");
    }
    assert!(files.contains_key("province/index.html"));
    let simplified = files
        .keys()
        .filter(|k| k.starts_with("source/") && k.ends_with("index.html"))
        .count();
    assert_eq!(simplified, 160);
    // Pagers show the first, the last and the neighbours of the current page, never every page.
    let text = |k: &str| String::from_utf8_lossy(&files[k]).into_owned();
    let pagers: Vec<(String, usize)> = files
        .keys()
        .filter(|k| k.ends_with("index.html"))
        .filter_map(|k| {
            let html = text(k);
            let start = html.find("<nav class=\"pager\"")?;
            let end = start + html[start..].find("</nav>")?;
            Some((k.clone(), html[start..end].matches("<li><a ").count()))
        })
        .collect();
    assert!(!pagers.is_empty());
    assert!(pagers.iter().all(|(_, links)| *links <= 9), "{pagers:?}");
    assert!(
        files
            .iter()
            .any(|(k, v)| k.ends_with(".html") && String::from_utf8_lossy(v).contains("class=\"gap\"")),
        "a long pager leaves pages out"
    );
    // Re-published copies: a few links beside the paragraph, then a count.
    for (k, v) in files
        .iter()
        .filter(|(k, _)| k.starts_with("city/") && k.ends_with(".html"))
    {
        let html = String::from_utf8_lossy(v);
        assert!(html.split("<p>").all(|p| p.matches("亦見").count() <= 3), "{k}");
    }
    // The about page points to the paginated list of sources instead of listing them all.
    assert!(!text("about/index.html").contains("href=\"../source/"));
    assert!(text("about/index.html").contains("sources/index.html"));
    let listed = text("sources/index.html").matches("href=\"../source/").count();
    assert_eq!(listed, 160, "every source is listed");
    let check = explainer(&["check", "--seeds", corpus.to_str().unwrap()], &repo());
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}

#[test]
fn a_sentence_with_a_year_and_a_month_is_one_event() {
    let seeds = write_seeds(&[
        (
            "001_a.txt",
            "题\n2025年,宁波在1月发布新政。温州在2024年跟进。\n".as_bytes(),
        ),
        ("001_a.toml", b"date = \"2025-06-01\"\n"),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // January 2025 (the month's date, not also the year's), and 2024 in the next sentence.
    let group = |key: &str| fs::read_to_string(site.join(format!("timeline/{key}/index.html"))).unwrap_or_default();
    let january = group("2025/01");
    assert_eq!(january.matches("新政。").count(), 1, "the sentence once");
    assert!(january.contains("datetime=\"2025-01\""));
    assert_eq!(group("2025").matches("新政。").count(), 0, "not also under the year");
    assert_eq!(group("2024").matches("跟進。").count(), 1);
    let index = fs::read_to_string(site.join("timeline/index.html")).unwrap();
    assert!(
        index.contains("href=\"../timeline/2025/01/index.html\"")
            && index.contains("href=\"../timeline/2024/index.html\"")
    );
}

#[test]
fn a_city_card_says_what_the_city_is_doing_not_its_first_sentence() {
    let seeds = write_seeds(&[
        (
            "001_a.txt",
            "宁波推进人工智能\n以习近平新时代中国特色社会主义思想为指导,宁波坚持创新驱动。\n此外,台州、宁波等城市也在推进。\n5月14日,宁波举行全市人工智能现场会。\n宁波拥有国家级单项冠军企业104家。\n".as_bytes(),
        ),
        ("001_a.toml", b"date = \"2025-05-20\"\n"),
    ]);
    let (_d, site, out) = build(seeds.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    let card = home
        .split("<li class=\"card city-card\">")
        .skip(1)
        .find(|card| card.contains("city/ningbo/index.html"))
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    // Its figure with what it measures, and its latest event; no boilerplate, no other city's line.
    assert!(card.contains("104家") && card.contains("國家級單項冠軍企業"), "{card}");
    assert!(
        card.contains("datetime=\"2025-05-14\"") && card.contains("舉行全市人工智能現場會"),
        "{card}"
    );
    assert!(!card.contains("習近平") && !card.contains("此外"), "{card}");
}

#[test]
fn a_build_killed_midway_leaves_nothing_once_the_next_one_ends() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let made = explainer(&["corpus", "--count", "40", "--out", corpus.to_str().unwrap()], &repo());
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let out = dir.path().join("site");
    let args = [
        "build",
        "--seeds",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let siblings = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    // Killed once its staging folder holds pages: the folder stays behind.
    let mut child = Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(args)
        .current_dir(repo())
        .spawn()
        .unwrap();
    let staged = || {
        siblings().iter().any(|n| {
            n.starts_with(".explainer-build-") && !n.ends_with(".lock") && dir.path().join(n).join("source").is_dir()
        })
    };
    let started = std::time::Instant::now();
    while !staged() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        siblings().iter().any(|n| n.starts_with(".explainer-build-")),
        "{:?}",
        siblings()
    );
    assert!(!out.exists(), "no site from a killed build");
    // The next build ends with nothing beside the site but what was there before.
    let next = explainer(&args, &repo());
    assert!(next.status.success(), "{}", String::from_utf8_lossy(&next.stderr));
    assert_eq!(siblings(), ["corpus", "site"]);
}
