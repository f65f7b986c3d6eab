#!/usr/bin/env bash
# Crash-safety drill: every acknowledged submission reaches review exactly once, even when the
# all-in-one process is killed with SIGKILL at a random moment and restarted on the same data dir.
#
#   bench/crash-drill.sh [RUNS]          (default 5 runs)
#
# Each run: a fresh data directory, a loopback page server (python3 http.server) with COUNT
# generated pages, COUNT submissions in PARALLEL curl processes (every 202's ids recorded), a
# kill -9 after a random 1..KILL_MAX seconds, a restart on the same directory, then a wait until
# the review queue holds every acknowledged resource. A run passes when the queue has no duplicate
# and contains every acknowledged resourceId (records written whose 202 was lost to the kill may
# also appear: they are counted as "unacked extra", never as a failure).
#
# Settings (environment): COUNT=1000 PARALLEL=16 KILL_MAX=25 SETTLE=600 (seconds to wait for the
# queue after the restart) JAVA=path/to/java (21+; default $JAVA_HOME/bin/java or a JDK 21+ under
# /usr/lib/jvm) JVM_FLAGS=-Xmx1g KEEP=1 (keep data dirs and logs of failed runs).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${COUNT:-1000}
parallel=${PARALLEL:-16}
kill_max=${KILL_MAX:-25}
settle=${SETTLE:-600}
jvm_flags=${JVM_FLAGS:--Xmx1g}
jar=app/target/skillshelf.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package

find_java() {
  if [ -n "${JAVA:-}" ]; then echo "$JAVA"; return; fi
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    echo "$JAVA_HOME/bin/java"; return
  fi
  for j in /usr/lib/jvm/*/bin/java; do
    if "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then echo "$j"; return; fi
  done
  echo "no Java 21+ found; set JAVA" >&2; exit 2
}
java=$(find_java)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
user=drill; pass=drill-$RANDOM$RANDOM

pages=$(mktemp -d)
for i in $(seq 1 "$count"); do
  printf '<!doctype html><html lang="en"><head><title>Drill lesson %d: topic %x</title></head><body><main><h1>Drill lesson %d</h1><p>Lesson %d explains step %d of working with spreadsheets, version %x, with worked examples and exercises for librarians.</p><p>Unique marker %x-%d.</p></main></body></html>\n' \
    "$i" "$((i * 7919))" "$i" "$i" "$((i % 17))" "$((i * 104729))" "$((i * 31337))" "$i" >"$pages/p$i.html"
done
page_port=$(free_port)
python3 -m http.server "$page_port" --bind 127.0.0.1 --directory "$pages" >/dev/null 2>&1 &
page_server=$!
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  kill "$page_server" 2>/dev/null || true
  rm -rf "$pages"
}
trap cleanup EXIT

start_app() { # data_dir http_port log
  SKILLSHELF_DATA_DIR=$1 SKILLSHELF_HTTP_PORT=$2 SKILLSHELF_CURATORS=$user:$pass SKILLSHELF_SUBMIT_RATE=0 \
    SKILLSHELF_FETCH_ALLOW_CIDRS=127.0.0.0/8 SKILLSHELF_INSTANCE_ID=crash-drill \
    "$java" $jvm_flags --enable-native-access=ALL-UNNAMED -jar "$jar" >>"$3" 2>&1 &
  app_pid=$!
}
await_ready() { # api deadline_seconds → prints seconds taken
  local t0=$SECONDS
  until curl -sf -o /dev/null "$1/healthz"; do
    kill -0 "$app_pid" 2>/dev/null || { echo "process died" >&2; return 1; }
    (( SECONDS - t0 > $2 )) && { echo "not ready in $2 s" >&2; return 1; }
    sleep 0.5
  done
  echo $((SECONDS - t0))
}
queue_ids() { # api → every resourceId in the review queue, one a line (paged)
  local offset=0 page
  while :; do
    page=$(curl -sf -u "$user:$pass" "$1/api/review/queue?limit=500&offset=$offset") || return 1
    python3 -c 'import json,sys; [print(i["resourceId"]) for i in json.load(sys.stdin)["items"]]' <<<"$page"
    local n; n=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' <<<"$page")
    (( n < 500 )) && break
    offset=$((offset + 500))
  done
}
export user pass

passed=0
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d); log=$data/app.log; acks=$data/acks.txt; : >"$acks"
  http_port=$(free_port); api=http://127.0.0.1:$http_port
  start_app "$data" "$http_port" "$log"
  first_ready=$(await_ready "$api" 240)
  kill_after=$((1 + RANDOM % kill_max))
  export api acks
  seq 1 "$count" | sed "s#^#http://127.0.0.1:$page_port/p#; s#\$#.html#" | xargs -P "$parallel" -I{} bash -c '
    out=$(curl -s -m 30 -X POST -H "Content-Type: application/json" -d "{\"url\":\"{}\"}" -w " %{http_code}" "$api/api/submissions" 2>/dev/null) || exit 0
    [ "${out##* }" = 202 ] || exit 0
    id=$(sed -n "s/.*\"resourceId\":\"\([^\"]*\)\".*/\1/p" <<<"${out% *}")
    [ -n "$id" ] && echo "$id" >>"$acks"
    exit 0' &
  submitter=$!
  sleep "$kill_after"
  acked_at_kill=$(wc -l <"$acks")
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  wait "$submitter" || true   # the rest fail fast against the dead port: not acknowledged, not expected
  acked=$(sort -u "$acks" | wc -l); acked_lines=$(wc -l <"$acks")
  start_app "$data" "$http_port" "$log"
  restart_ready=$(await_ready "$api" 240)
  t0=$SECONDS; verdict=FAIL; queued=0
  while (( SECONDS - t0 < settle )); do
    queue_ids "$api" >"$data/queue.txt" 2>/dev/null || { sleep 2; continue; }
    queued=$(wc -l <"$data/queue.txt")
    missing=$(comm -23 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
    if (( missing == 0 )); then verdict=PASS; break; fi
    sleep 3
  done
  settle_s=$((SECONDS - t0))
  dups=$(sort "$data/queue.txt" | uniq -d | wc -l)
  missing=$(comm -23 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
  extra=$(comm -13 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
  (( dups > 0 || acked_lines != acked )) && verdict=FAIL
  printf 'run %d: first ready %ss, kill -9 after %2ss (%4d acked then), %4d acknowledged (%d distinct), restart ready %ss, in review %4d after %3ss: missing %d, duplicates %d, unacked extra %d → %s\n' \
    "$run" "$first_ready" "$kill_after" "$acked_at_kill" "$acked_lines" "$acked" "$restart_ready" "$queued" "$settle_s" "$missing" "$dups" "$extra" "$verdict"
  kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  if [ "$verdict" = PASS ]; then passed=$((passed + 1)); rm -rf "$data"
  elif [ -n "${KEEP:-}" ]; then echo "  kept $data"; else rm -rf "$data"; fi
done
echo "verdict: $passed of $runs runs kept every acknowledged submission exactly once"
(( passed == runs ))
