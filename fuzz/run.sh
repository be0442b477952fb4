#!/usr/bin/env bash
# Builds every fuzz target with cargo-afl (stable toolchain) and runs each under AFL++ for
# SECONDS seconds (default 60). Exits non-zero when any target found a crash or a hang; the
# inputs are then in fuzz/work/out/TARGET/default/{crashes,hangs}/.
#
#   fuzz/run.sh 60                       # every target, a minute each
#   nice -n 19 fuzz/run.sh 900 data      # one target, longer, leaving the CPU to others
#
# The starting corpus is made at run time in fuzz/work/ (not committed): the sample seed from
# seeds/, the development articles when /work/shared/eval/dev/seeds exists (or the folder named
# by EXPLAINER_DEV_SEEDS), the data files from data/, and the small inputs in fuzz/samples/.
# Works on a fresh clone: installs cargo-afl when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ingest pages annotate markdown data)
dev="${EXPLAINER_DEV_SEEDS:-/work/shared/eval/dev/seeds}"

if ! cargo afl --version >/dev/null 2>&1; then
  echo "installing cargo-afl…"
  cargo install cargo-afl --locked --version '^0.18'
fi
# AFL++ itself (afl-fuzz) is built once per machine by cargo-afl.
# (`afl-fuzz -h` exits non-zero; its usage line says it is there.)
usage="$(cargo afl fuzz -h 2>&1 || true)"
if ! grep -q "afl-fuzz" <<<"$usage"; then
  cargo afl config --build
fi
cargo afl build --release --locked --bins

# AFL++ checks the machine's set-up for the best speed; a shared machine or a container cannot
# change it, so its documented overrides are used instead.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_NO_UI=1 AFL_FAST_CAL=1 AFL_SKIP_CRASHES=0

work="work"
rm -rf "$work/corpus" && mkdir -p "$work/corpus" "$work/out"

# with_flag BYTE SRC DEST: DEST is SRC with one byte (given in octal) in front.
with_flag() { { printf "\\$1"; cat "$2"; } > "$3"; }

seed_files() {
  ls ../seeds/*.txt 2>/dev/null || true
  if [ -d "$dev" ]; then ls "$dev"/*.txt 2>/dev/null || true; fi
}

# One paragraph a file: small inputs fuzz faster, and every line of a seed is one.
paragraphs() {
  local out="$1" n=0
  while IFS= read -r file; do
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      n=$((n + 1))
      printf '%s\n' "$line" > "$out/p$n.txt"
    done < "$file"
  done < <(seed_files)
}

make_corpus() {
  local target="$1" dir="$work/corpus/$1" n=0
  mkdir -p "$dir"
  case "$target" in
    ingest|pages)
      while IFS= read -r file; do
        n=$((n + 1))
        with_flag 000 "$file" "$dir/seed$n.txt"
      done < <(seed_files)
      cp samples/ingest/* "$dir/"
      ;;
    annotate)
      paragraphs "$dir"
      ;;
    markdown)
      paragraphs "$dir"
      for f in "$dir"/p*.txt; do with_flag 000 "$f" "$f.in" && mv "$f.in" "$f"; done
      cp samples/markdown/* "$dir/"
      ;;
    data)
      # In the order of DATA_FILES in src/lib.rs: the first byte picks the file.
      local names=(gazetteer.toml lexicon.toml glossary.toml map.json site.toml strings.toml
        explain/document-types.toml explain/sectors.toml explain/categories.toml explain/words.toml
        glossary/technology.toml statements.toml)
      for i in "${!names[@]}"; do
        with_flag "$(printf '%03o' "$i")" "../data/${names[$i]}" "$dir/$i-$(basename "${names[$i]}")"
      done
      cp samples/data/* "$dir/"
      ;;
  esac
}

status=0
summary="$work/summary.tsv"
printf 'target\tseconds\texecs\texecs_per_sec\tcorpus\tedges_found\tcrashes\thangs\n' > "$summary"
for target in "${targets[@]}"; do
  make_corpus "$target"
  out="$work/out/$target"
  rm -rf "$out"
  echo "fuzzing $target for ${seconds}s…"
  # -t: a hang is an input that takes over 5 s (the largest inputs take milliseconds).
  cargo afl fuzz -i "$work/corpus/$target" -o "$out" -V "$seconds" -t 5000 -m none \
    -- "target/release/$target" > "$work/$target.log" 2>&1 || {
      echo "afl-fuzz failed for $target; the end of its log:"; tail -30 "$work/$target.log"; exit 2; }
  stats="$out/default/fuzzer_stats"
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$(stat run_time)" "$(stat execs_done)" \
    "$(stat execs_per_sec)" "$(stat corpus_count)" "$(stat edges_found)" "$crashes" "$hangs" >> "$summary"
  if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
    echo "$target: $crashes crashes, $hangs hangs: see $out/default/crashes and $out/default/hangs"
    status=1
  fi
done
column -t -s $'\t' "$summary" 2>/dev/null || cat "$summary"
exit $status
