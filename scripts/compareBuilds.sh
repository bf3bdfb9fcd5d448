#!/usr/bin/env bash
# Compares what two builds print: `statements compute --json` on every golden ledger, the sample
# ledger (folder and .xlsx) and the bench ledger when present (bench/data/ledger, made by
# `npm run bench`), each as given, with --summary, with --allocate fifo, and as an activity
# statement (--style activity --from the first of the month). Stdout and the exit code must be the
# same, byte for byte.
#
#   scripts/compareBuilds.sh <ref-A> [<ref-B>]     (no ref-B: the working tree, built in place)
#
# Each ref is built in a temporary `git worktree` (node_modules linked, not installed). Exit 0 when
# every output is identical, 1 when any differs (each difference is listed), 2 on a usage or build
# error. KEEP=1 keeps the temporary folder (builds and outputs).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 <git-ref-A> [<git-ref-B>]   (without ref-B: the working tree)" >&2
  exit 2
fi
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
MODULES=$(readlink -f node_modules)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-builds.XXXXXX")
WORKTREES=()
cleanup() {
  for w in "${WORKTREES[@]}"; do git worktree remove --force "$w" >/dev/null 2>&1 || true; done
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Builds ref $1 (the working tree when $1 is empty) in folder $2; BIN is then its bin/statements.js.
BIN=
build() {
  local ref=$1 name=$2 tree
  if [[ -z "$ref" ]]; then
    tree=$ROOT
  else
    tree=$WORK/$name
    git rev-parse --verify --quiet "$ref^{commit}" >/dev/null || { echo "$ref: no such commit" >&2; exit 2; }
    git worktree add --detach --quiet "$tree" "$ref"
    WORKTREES+=("$tree")
    ln -s "$MODULES" "$tree/node_modules"
  fi
  (cd "$tree" && npm run build --silent >&2) || { echo "${ref:-working tree}: the build failed" >&2; exit 2; }
  BIN=$tree/bin/statements.js
}

# Ledgers and their base arguments, one per line: <name> <ledger path> <args...>
cases() {
  for dir in "$ROOT"/test/golden/scenarios/*/; do
    local name args
    name=$(basename "$dir")
    args=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).join(" "))' "$dir/args.json")
    echo "golden-$name $dir $args"
  done
  echo "sample-folder $ROOT/examples/sample-ledger --as-of 2026-10-31"
  echo "sample-xlsx $ROOT/examples/sample-ledger.xlsx --as-of 2026-10-31"
  if [[ -f "$ROOT/bench/data/ledger/entries.csv" ]]; then
    echo "bench $ROOT/bench/data/ledger --as-of $(node -e 'process.stdout.write(require(process.argv[1]).params.asOf)' "$ROOT/bench/data/ledger/params.json")"
  fi
}

# Runs every case and variant with build $1, outputs into folder $2.
run_all() {
  local bin=$1 out=$2
  mkdir -p "$out"
  while read -r name ledger args; do
    local asof from
    asof=$(sed -E 's/.*--as-of ([0-9-]+).*/\1/' <<<"$args")
    from="${asof:0:8}01"
    local -A variants=(
      [plain]=""
      [summary]="--summary"
      [fifo]="--allocate fifo"
      [activity]="--style activity --from $from"
    )
    for v in plain summary fifo activity; do
      # shellcheck disable=SC2086 # the arguments are words
      set +e
      node "$bin" compute --ledger "$ledger" $args ${variants[$v]} --json </dev/null >"$out/$name.$v.json" 2>/dev/null
      echo $? >"$out/$name.$v.code"
      set -e
    done
  done < <(cases)
}

build "$1" a
A=$BIN
build "${2:-}" b
B=$BIN
echo "A: $1 ($(git rev-parse --short "$1"))"
echo "B: ${2:-working tree} ($(if [[ -n "${2:-}" ]]; then git rev-parse --short "$2"; else echo "$(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain --untracked-files=no)" ]] && echo ' + uncommitted changes')"; fi))"
run_all "$A" "$WORK/out-a"
run_all "$B" "$WORK/out-b"

differ=0
total=0
for f in "$WORK"/out-a/*; do
  total=$((total + 1))
  g=$WORK/out-b/$(basename "$f")
  if ! cmp -s "$f" "$g"; then
    differ=$((differ + 1))
    echo "DIFFERENT $(basename "$f"): $(cmp "$f" "$g" 2>&1 | head -1) (sizes $(stat -c %s "$f") / $(stat -c %s "$g"))"
  fi
done
echo "$((total / 2)) outputs compared (stdout and exit code each): $(if [[ $differ -eq 0 ]]; then echo 'all byte-identical'; else echo "$differ file(s) differ"; fi)"
[[ $differ -eq 0 ]]
