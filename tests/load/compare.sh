#!/usr/bin/env bash
# Runs the load benchmark for two commits in one invocation and compares their ratios to the floors.
# See tests/load/README.md, "Comparing two commits".
#
#   tests/load/compare.sh [--rounds R] [--limit PCT] OLD_COMMIT [NEW_COMMIT] [run.sh options...]
set -euo pipefail

usage() {
  cat <<'EOF'
usage: tests/load/compare.sh [--rounds R] [--limit PCT] OLD_COMMIT [NEW_COMMIT] [run.sh options...]
  OLD_COMMIT, NEW_COMMIT  any commit git names (NEW_COMMIT defaults to HEAD); each is checked out into a
                          temporary git worktree and measured with its own tests/load/run.sh
  run.sh options          passed to both runs after --seed 1000 (e.g. --smoke, --seed 0, --duration 30)
  --rounds R              measure each commit R times, alternating which goes first; medians are compared (default 1)
  --limit PCT             create, submit and GET by id fail when the new ratio is more than PCT % below the old (default 10)
Prints both reports, then one table; exits 0 when all three hold, 1 when one does not or a run failed.
EOF
}

ROUNDS=1 LIMIT=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    --limit) LIMIT="${2:?--limit needs a percentage}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -ge 1 && "$1" != -* ]] || { usage >&2; exit 2; }
OLD_REF=$1
shift
NEW_REF=HEAD
if [[ $# -ge 1 && "$1" != -* ]]; then NEW_REF=$1; shift; fi
RUN_ARGS=(--seed 1000 "$@")
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds must be a whole number >= 1" >&2; exit 2; }
[[ "$LIMIT" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "--limit must be a number" >&2; exit 2; }

ROOT="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

commit_of() { git -C "$ROOT" rev-parse --verify --quiet "$1^{commit}" || die "not a commit: $1"; }
OLD=$(commit_of "$OLD_REF")
NEW=$(commit_of "$NEW_REF")
[[ "$OLD" != "$NEW" ]] || log "WARNING: both names are commit ${OLD:0:7}: the table shows run-to-run noise only"
if [[ "$NEW_REF" == HEAD && -n "$(git -C "$ROOT" status --porcelain -- src tests/load 2>/dev/null)" ]]; then
  log "WARNING: uncommitted changes in src/ or tests/load/ are not measured: the commit HEAD names is"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/assistance-compare.XXXXXX")"
WORKTREES=()
CHILD=""
REPORTED=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$CHILD" ]]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  local tree
  for tree in "${WORKTREES[@]}"; do git -C "$ROOT" worktree remove --force "$tree" >/dev/null 2>&1 || true; done
  git -C "$ROOT" worktree prune
  if [[ $rc != 0 && $REPORTED == 0 ]]; then
    log "the runs' output is kept in $TMP/logs"
    find "$TMP" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$TMP/logs"
declare -A TREE
checkout() { # which commit
  local tree="$TMP/$1-${2:0:7}"
  git -C "$ROOT" worktree add --detach --quiet "$tree" "$2" || die "could not check out $2"
  WORKTREES+=("$tree")
  [[ -x "$tree/tests/load/run.sh" ]] || die "commit ${2:0:7} has no tests/load/run.sh"
  TREE[$1]=$tree
}
checkout old "$OLD"
checkout new "$NEW"

# Each commit runs its own benchmark (its Seeder writes its own schema); results/latest.md is written inside its
# temporary worktree, so the one in this tree is left alone.
run_one() { # which round
  local which=$1 round=$2 commit
  [[ $which == old ]] && commit=$OLD || commit=$NEW
  local out="$TMP/logs/$which-$round.md" err="$TMP/logs/$which-$round.log"
  log "$which (${commit:0:7}), round $round of $ROUNDS: tests/load/run.sh ${RUN_ARGS[*]}"
  "${TREE[$which]}/tests/load/run.sh" "${RUN_ARGS[@]}" >"$out" 2>"$err" &
  CHILD=$!
  if ! wait "$CHILD"; then
    CHILD=""
    tail -n 30 "$err" >&2
    die "the run of $which (${commit:0:7}) failed (its log: $err)"
  fi
  CHILD=""
  grep 'WARNING' "$err" | sed "s/^/  $which: /" >&2 || true
}
for round in $(seq 1 "$ROUNDS"); do
  # Alternating the order keeps a slow drift of the machine from always favouring one commit.
  if ((round % 2 == 1)); then run_one old "$round"; run_one new "$round"; else run_one new "$round"; run_one old "$round"; fi
done

# ratio FILE LABEL: the "ratio to floor" figure of the row whose scenario starts with LABEL.
ratio() {
  awk -F'|' -v label="$2" '
    { name = $2; gsub(/^ +| +$/, "", name) }
    index(name, label) == 1 {
      for (i = 3; i <= NF; i++) if ($i ~ /^ *[0-9.]+ of /) { split($i, f, " "); print f[1]; exit }
    }' "$1"
}
# other FILE LABEL: the "other" column (CPU other processes took during the run) of that row, without the %.
other() {
  awk -F'|' -v label="$2" '
    { name = $2; gsub(/^ +| +$/, "", name) }
    index(name, label) == 1 { v = $(NF - 1); gsub(/[ %]/, "", v); print v; exit }' "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratios_of() { # which label
  local round
  for round in $(seq 1 "$ROUNDS"); do ratio "$TMP/logs/$1-$round.md" "$2"; done
}
max_other() { # which label: the most CPU other work took in that scenario over the rounds
  local round
  for round in $(seq 1 "$ROUNDS"); do other "$TMP/logs/$1-$round.md" "$2"; done | sort -g | tail -n 1
}

for which in old new; do
  for round in $(seq 1 "$ROUNDS"); do
    echo "## $which ($([[ $which == old ]] && echo "${OLD:0:7}" || echo "${NEW:0:7}")), round $round"
    echo
    cat "$TMP/logs/$which-$round.md"
    echo
  done
done

subject() { git -C "$ROOT" log -1 --format='%h %s' "$1" | cut -c1-100; }
echo "## Comparison"
echo
echo "old: $(subject "$OLD")"
echo "new: $(subject "$NEW")"
echo "tests/load/run.sh ${RUN_ARGS[*]}; $ROUNDS round(s) each$([[ $ROUNDS -gt 1 ]] && echo ', medians')."
echo
printf '| %-10s | %9s | %9s | %8s | %-22s | %9s |\n' scenario "ratio old" "ratio new" "new/old" "verdict" "other CPU"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------ ----------: ----------: ---------: ------------------------ ----------:
VERDICT=0
SCENARIOS=("create:create" "submit:submit" "GET by id:GET by id" "list:incoming list" "statistics:statistics")
[[ " ${RUN_ARGS[*]} " == *" --layers "* ]] && SCENARIOS+=("states:GET /states/FRA")
for scenario in "${SCENARIOS[@]}"; do
  name=${scenario%%:*} label=${scenario#*:}
  old=$(ratios_of old "$label" | median) new=$(ratios_of new "$label" | median)
  if [[ -z "$old" || -z "$new" ]]; then
    printf '| %-10s | %9s | %9s | %8s | %-22s | %9s |\n' "$name" "${old:-?}" "${new:-?}" "?" "no ratio in a report" ""
    VERDICT=1
    continue
  fi
  change=$(awk -v o="$old" -v n="$new" 'BEGIN { if (o > 0) printf "%+.1f%%", (n / o - 1) * 100; else print "n/a" }')
  case "$name" in
    create | submit | "GET by id")
      if awk -v o="$old" -v n="$new" -v l="$LIMIT" 'BEGIN { exit !(o > 0 && n >= o * (1 - l / 100)) }'; then
        verdict="PASS (within $LIMIT%)"
      else
        verdict="FAIL (over $LIMIT% slower)"
        VERDICT=1
      fi
      ;;
    *) verdict="(not a criterion)" ;;
  esac
  others="$(max_other old "$label")% / $(max_other new "$label")%"
  printf '| %-10s | %9s | %9s | %8s | %-22s | %9s |\n' "$name" "$old" "$new" "$change" "$verdict" "$others"
done
if ((ROUNDS > 1)); then
  echo
  for which in old new; do
    for label in create submit "GET by id"; do
      echo "$which $label, every round: $(ratios_of "$which" "$label" | tr '\n' ' ')"
    done
  done
fi
echo
echo "other CPU: the most CPU other processes took during that scenario, old / new; above a few percent the"
echo "ratios are skewed by other work on the machine (see tests/load/README.md, \"Reading the table\")."
echo
if ((VERDICT == 0)); then echo "PASS: create, submit and GET by id within $LIMIT% of the old commit"; else echo "FAIL"; fi
REPORTED=1
exit "$VERDICT"
