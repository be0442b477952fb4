#!/usr/bin/env bash
# Benchmarks: full builds of synthetic corpora (100, 1,000, 10,000 seeds) with the release
# binary, side by side with Hugo building the same annotated Markdown with minimal templates,
# Zola when a `zola` binary is on PATH, and the floor: copying the output tree. Then the
# latency of one edited seed in `serve` (`cargo bench --bench incremental`, 1,000 seeds).
#
# Nothing is deleted until the end: on ext4, creating files right after deleting many is much
# slower (the inode allocator skips recently freed inodes), which would penalise whichever tool
# runs after a deletion.
#
# usage: benches/run.sh [COUNTS...]      (default: 100 1000 10000)
# Prints a Markdown table; with --readme it also replaces the table in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
readme=0
counts=()
for arg in "$@"; do
  if [ "$arg" = --readme ]; then readme=1; else counts+=("$arg"); fi
done
[ ${#counts[@]} -gt 0 ] || counts=(100 1000 10000)

command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
cargo build --release --quiet
bin=target/release/explainer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command, prints "seconds peak_rss_mb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
  awk '{printf "%.2f %.0f\n", $1, $2 / 1024}' "$work/time"
}

# A Hugo site over the annotated Markdown that explainer emitted, with minimal templates.
hugo_site() {
  local site=$1 dir=$2
  mkdir -p "$dir/content" "$dir/layouts/_default"
  printf 'baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n[markup.goldmark.renderer]\nunsafe = false\n' > "$dir/hugo.toml"
  printf '<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/static/style.css"></head><body><main>{{ .Content }}</main></body></html>\n' > "$dir/layouts/_default/single.html"
  cp "$dir/layouts/_default/single.html" "$dir/layouts/_default/list.html"
  # The same pages: every page's Markdown, both scripts, as plain pages at the same URLs
  # (city/ningbo/index.md → content/city/ningbo.md). Not as `index.md`: that would make a leaf
  # bundle, and Hugo would not render the pages nested in it (city/ningbo/page/2/). Top-level
  # folders are Hugo sections, so their own page is the section's `_index.md`.
  (cd "$site" && find . -name index.md) | while read -r md; do
    local rel="${md#./}" target
    rel="${rel%index.md}"
    rel="${rel%/}"
    case "$rel" in
      "" | zh-Hans) target="$dir/content/$rel/_index.md" ;;
      zh-Hans/*/*) target="$dir/content/$rel.md" ;;
      zh-Hans/*) target="$dir/content/$rel/_index.md" ;;
      */*) target="$dir/content/$rel.md" ;;
      *) target="$dir/content/$rel/_index.md" ;;
    esac
    mkdir -p "$(dirname "$target")"
    cp "$site/$md" "$target"
  done
}

echo "| seeds | pages | explainer | seeds/s | pages/s | peak RSS | Hugo $(hugo version | awk '{print $2}' | cut -d- -f1) | Hugo ÷ explainer | cp -r floor | explainer ÷ floor |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
rows=()
for n in "${counts[@]}"; do
  "$bin" corpus --count "$n" --out "$work/seeds-$n" >/dev/null
  read -r secs rss < <(measure "$bin" build --seeds "$work/seeds-$n" --out "$work/site-$n")
  pages=$(find "$work/site-$n" -name index.html | wc -l)
  hugo_site "$work/site-$n" "$work/hugo-$n"
  read -r hsecs _ < <(measure hugo --quiet --source "$work/hugo-$n" --destination "$work/hugo-out-$n")
  read -r csecs _ < <(measure cp -r "$work/site-$n" "$work/copy-$n")
  zola=""
  if command -v zola >/dev/null; then zola=" (zola present: not yet wired)"; fi
  row=$(awk -v n="$n" -v p="$pages" -v s="$secs" -v r="$rss" -v h="$hsecs" -v c="$csecs" -v z="$zola" 'BEGIN {
    printf "| %d | %d | %.2f s | %.0f | %.0f | %d MB | %.2f s%s | %.2f× | %.2f s | %.1f× |", n, p, s, n / s, p / s, r, h, z, h / s, c, s / (c > 0 ? c : 0.01) }')
  echo "$row"
  rows+=("$row")
done
incremental=$(cargo bench --quiet --bench incremental 2>/dev/null | grep '^|')
echo
echo "| seeds | pages | first build in memory | one edited seed: pages ready (median of 15) | pages made | then export, search, feeds |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "$incremental"
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "Machine: $machine"
if [ "$readme" = 1 ]; then
  {
    echo "| seeds | pages | explainer | seeds/s | pages/s | peak RSS | Hugo | Hugo ÷ explainer | cp -r floor | explainer ÷ floor |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "\`serve\` after one edited seed (\`cargo bench --bench incremental\`):"
    echo
    echo "| seeds | pages | first build in memory | one edited seed: pages ready (median of 15) | pages made | then export, search, feeds |"
    echo "|---:|---:|---:|---:|---:|---:|"
    echo "$incremental"
    echo
    echo "Machine: $machine. Command: \`benches/run.sh --readme\`."
  } > "$work/table"
  python3 - "$work/table" <<'PY'
import re, sys, pathlib
table = pathlib.Path(sys.argv[1]).read_text()
readme = pathlib.Path("README.md")
text = readme.read_text()
text = re.sub(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
readme.write_text(text)
PY
fi
