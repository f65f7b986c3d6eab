#!/usr/bin/env bash
# Crash-safety drill: kill -9 the all-in-one process while bulk submissions and a link-check cycle
# are in flight, restart it on the same data directory, and check that
#   - every acknowledged submission reaches review exactly once,
#   - the catalogue holds exactly the published set (nothing lost, nothing doubled),
#   - link checks resume: every published link is checked again after the restart, within a deadline.
#
#   bench/crash-drill.sh [RUNS]          (default 5 runs)
#
# Each run: a fresh data directory; a bulk import with publish=true of PUBLISHED pages spread over
# LINK_HOSTS loopback addresses (127.0.0.1..N: the link checker is polite per host, one request a
# second, so one host alone could not be re-checked every interval), waited for until the catalogue
# holds all of them and link checks have begun; then COUNT submissions in PARALLEL curl processes
# (every 202's ids recorded), a kill -9 at a random moment 1..KILL_MAX seconds in, a restart on the
# same directory, and a wait until the review queue holds every acknowledged resource and every
# published link has a check newer than the restart. Submissions whose 202 was lost to the kill
# may also reach review: they are counted as "unacked extra", never as a failure. The catalogue is
# read twice after the restart: the export (every id, so a duplicate shows) and the search's total.
#
# Settings (environment): COUNT=1000 PARALLEL=16 KILL_MAX=25 PUBLISHED=300 LINK_HOSTS=30
# LINKCHECK_INTERVAL=PT20S SETTLE=600 (seconds to wait for the review queue after the restart)
# RECHECK_DEADLINE=300 (seconds after the restart's readiness for every link to be re-checked)
# READY_DEADLINE=300 JAVA=path/to/java (21+) JVM_FLAGS=-Xmx1g KEEP=1 (keep data dirs and logs of
# failed runs; KEEP= to delete them).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${COUNT:-1000}
parallel=${PARALLEL:-16}
kill_max=${KILL_MAX:-25}
published_count=${PUBLISHED:-300}
link_hosts=${LINK_HOSTS:-30}
linkcheck_interval=${LINKCHECK_INTERVAL:-PT20S}
settle=${SETTLE:-600}
recheck_deadline=${RECHECK_DEADLINE:-300}
ready_deadline=${READY_DEADLINE:-300}
publish_deadline=${PUBLISH_DEADLINE:-600}
keep=${KEEP-1}
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
now_ms() { date +%s%3N; }
user=drill; pass=drill-$RANDOM$RANDOM

# ---- the loopback page web ----------------------------------------------------------------------

write_pages() { # dir: p1..COUNT for submissions, l1..PUBLISHED for the published links
  local i
  for i in $(seq 1 "$count"); do
    printf '<!doctype html><html lang="en"><head><title>Drill lesson %d: topic %x</title></head><body><main><h1>Drill lesson %d</h1><p>Lesson %d explains step %d of working with spreadsheets, version %x, with worked examples and exercises for librarians.</p><p>Unique marker %x-%d.</p></main></body></html>\n' \
      "$i" "$((i * 7919))" "$i" "$i" "$((i % 17))" "$((i * 104729))" "$((i * 31337))" "$i" >"$1/p$i.html"
  done
  for i in $(seq 1 "$published_count"); do
    printf '<!doctype html><html lang="en"><head><title>Linked guide %d: chapter %x</title></head><body><main><h1>Linked guide %d</h1><p>Guide %d walks through part %d of writing clear documentation, revision %x, with checklists for teachers.</p><p>Catalogue marker %x-%d.</p></main></body></html>\n' \
      "$i" "$((i * 6271))" "$i" "$i" "$((i % 13))" "$((i * 99991))" "$((i * 27449))" "$i" >"$1/l$i.html"
  done
}

# One threaded static server per loopback address 127.0.0.1..LINK_HOSTS, all on one port and one
# directory: each address is a host of its own to the link checker's politeness gate.
serve_pages() { # dir port
  python3 - "$1" "$2" "$link_hosts" <<'PY' >/dev/null 2>&1 &
import functools, http.server, sys, threading
directory, port, hosts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
handler.func.log_message = lambda *args: None
servers = [http.server.ThreadingHTTPServer((f"127.0.0.{h}", port), handler) for h in range(1, hosts + 1)]
for s in servers[1:]:
    threading.Thread(target=s.serve_forever, daemon=True).start()
servers[0].serve_forever()
PY
  page_server=$!
}

published_url() { # i → the i-th published link, spread round-robin over the loopback hosts
  echo "http://127.0.0.$(( ($1 - 1) % link_hosts + 1 )):$page_port/l$1.html"
}

# ---- the app --------------------------------------------------------------------------------------

start_app() { # data_dir http_port log
  SKILLSHELF_DATA_DIR=$1 SKILLSHELF_HTTP_PORT=$2 SKILLSHELF_CURATORS=$user:$pass SKILLSHELF_SUBMIT_RATE=0 \
    SKILLSHELF_FETCH_ALLOW_CIDRS=127.0.0.0/8 SKILLSHELF_INSTANCE_ID=crash-drill \
    SKILLSHELF_LINKCHECK_INTERVAL=$linkcheck_interval \
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
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
queue_ids() { # api → every resourceId in the review queue, one a line (paged)
  local offset=0 page n
  while :; do
    page=$(curl -sf -u "$user:$pass" "$api/api/review/queue?limit=500&offset=$offset") || return 1
    python3 -c 'import json,sys; [print(i["resourceId"]) for i in json.load(sys.stdin)["items"]]' <<<"$page"
    n=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' <<<"$page")
    (( n < 500 )) && break
    offset=$((offset + 500))
  done
}
catalogue_ids() { # → every resourceId in the catalogue export, one a line (duplicates kept)
  curl -sf "$api/api/catalogue/export.json" | python3 -c 'import json,sys; [print(i["resourceId"]) for i in json.load(sys.stdin)["items"]]'
}
checks_done() { # → link checks the worker has finished since the process started (from /metrics)
  curl -sf "$api/metrics" | awk '/^skillshelf_linkcheck_checks_total[{ ]/ { n += $NF } END { printf "%d\n", n }'
}
search_total() { # → how many records the public catalogue search counts
  curl -sf "$api/api/catalogue?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
checked_since() { # epoch_ms ids_file → how many of those links have a check finished after epoch_ms
  curl -sf -u "$user:$pass" "$api/api/link-health" | python3 -c '
import datetime, json, sys
since, ids = int(sys.argv[1]), set(open(sys.argv[2]).read().split())
def ms(t):
    if t is None: return -1
    if isinstance(t, (int, float)): return int(t * 1000)
    return int(datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000)
print(sum(1 for i in json.load(sys.stdin)["items"] if i["resourceId"] in ids and ms(i.get("lastCheckedAt")) > since))' "$1" "$2"
}

# ---- the steps of a run ---------------------------------------------------------------------------

publish_links() { # → the imported resourceIds in $data/published.txt
  local body response
  body=$(for i in $(seq 1 "$published_count"); do published_url "$i"; done)
  response=$(curl -sf -u "$user:$pass" -X POST -H "Content-Type: text/plain" --data-binary "$body" \
    "$api/api/submissions/bulk?publish=true")
  python3 -c 'import json,sys; [print(i["resourceId"]) for i in json.load(sys.stdin)["items"]]' <<<"$response" | sort -u >"$data/published.txt"
}
await_catalogue_and_first_checks() { # waits until the catalogue holds every published id and link checks have begun
  local t0=$SECONDS
  until [ "$(catalogue_ids 2>/dev/null | sort -u | comm -12 - "$data/published.txt" | wc -l)" -eq "$(wc -l <"$data/published.txt")" ]; do
    (( SECONDS - t0 > publish_deadline )) && { echo "catalogue incomplete after $publish_deadline s" >&2; return 1; }
    sleep 3
  done
  until [ "$(checked_since 0 "$data/published.txt" 2>/dev/null || echo 0)" -gt 0 ]; do
    (( SECONDS - t0 > publish_deadline )) && { echo "no link checked after $publish_deadline s" >&2; return 1; }
    sleep 2
  done
}
submit_in_background() { # → submitter pid in $submitter; each 202's resourceId appended to $acks
  export api acks
  seq 1 "$count" | sed "s#^#http://127.0.0.1:$page_port/p#; s#\$#.html#" | xargs -P "$parallel" -I{} bash -c '
    out=$(curl -s -m 30 -X POST -H "Content-Type: application/json" -d "{\"url\":\"{}\"}" -w " %{http_code}" "$api/api/submissions" 2>/dev/null) || exit 0
    [ "${out##* }" = 202 ] || exit 0
    id=$(sed -n "s/.*\"resourceId\":\"\([^\"]*\)\".*/\1/p" <<<"${out% *}")
    [ -n "$id" ] && echo "$id" >>"$acks"
    exit 0' &
  submitter=$!
}
await_recovery() { # polls the review queue and link health until both are whole or their deadlines pass
  local t0=$SECONDS missing_now rechecked_now
  queue_s=""; recheck_s=""; rechecked=0
  still_waiting() {
    { [ -z "$queue_s" ] && (( SECONDS - t0 < settle )); } || { [ -z "$recheck_s" ] && (( SECONDS - t0 < recheck_deadline )); }
  }
  while still_waiting; do
    if [ -z "$queue_s" ] && queue_ids >"$data/queue.txt" 2>/dev/null; then
      missing_now=$(comm -23 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
      if (( missing_now == 0 )); then queue_s=$((SECONDS - t0)); fi
    fi
    if [ -z "$recheck_s" ] && rechecked_now=$(checked_since "$restart_ms" "$data/published.txt" 2>/dev/null); then
      rechecked=$rechecked_now
      if (( rechecked == published )); then recheck_s=$((SECONDS - t0)); fi
    fi
    sleep 3
  done
}

run_once() { # run number → publishes, submits, kills, restarts, then judges; non-zero when the run failed
  local run=$1
  data=$(mktemp -d); log=$data/app.log; acks=$data/acks.txt; : >"$acks"
  local http_port; http_port=$(free_port); api=http://127.0.0.1:$http_port
  start_app "$data" "$http_port" "$log"
  first_ready=$(await_ready "$api" "$ready_deadline") || { echo "run $run: first start not ready; /healthz: $(curl -s "$api/healthz") → FAIL"; return 1; }
  publish_links
  published=$(wc -l <"$data/published.txt")
  await_catalogue_and_first_checks || { echo "run $run: published set never complete → FAIL"; return 1; }
  checks_at_submit=$(checks_done)
  submit_in_background
  kill_after=$((1 + RANDOM % kill_max)).$((RANDOM % 10))
  sleep "$kill_after"
  catalogue_before=$(catalogue_ids | wc -l)
  checks_during_load=$(( $(checks_done) - checks_at_submit ))
  acked_at_kill=$(wc -l <"$acks")
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  wait "$submitter" || true   # the rest fail fast against the dead port: not acknowledged, not expected
  acked=$(sort -u "$acks" | wc -l); acked_lines=$(wc -l <"$acks")
  restart_ms=$(now_ms)
  start_app "$data" "$http_port" "$log"
  restart_ready=$(await_ready "$api" "$ready_deadline") || { echo "run $run: restart not ready after ${acked_lines} acknowledged; /healthz: $(curl -s "$api/healthz") → FAIL"; return 1; }
  await_recovery
  judge_run "$run"
}

judge_run() { # run number → counts what the restart kept, prints the run's row; non-zero when it failed
  local run=$1 reason="" catalogue_after searchable dups missing extra cat_missing cat_dups cat_extra recheck_time
  catalogue_ids >"$data/catalogue.txt" || : >"$data/catalogue.txt"
  catalogue_after=$(wc -l <"$data/catalogue.txt")
  searchable=$(search_total || echo -1)
  queue_ids >"$data/queue.txt" || true
  dups=$(sort "$data/queue.txt" | uniq -d | wc -l)
  missing=$(comm -23 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
  extra=$(comm -13 <(sort -u "$acks") <(sort -u "$data/queue.txt") | wc -l)
  cat_missing=$(comm -23 "$data/published.txt" <(sort -u "$data/catalogue.txt") | wc -l)
  cat_extra=$(comm -13 "$data/published.txt" <(sort -u "$data/catalogue.txt") | wc -l)
  cat_dups=$(sort "$data/catalogue.txt" | uniq -d | wc -l)
  (( missing > 0 )) && reason+=" review-missing"
  (( dups > 0 || acked_lines != acked )) && reason+=" review-duplicated"
  (( cat_missing > 0 || cat_extra > 0 )) && reason+=" catalogue-differs"
  (( cat_dups > 0 )) && reason+=" catalogue-duplicated"
  (( searchable != published )) && reason+=" search-total-differs"
  recheck_time=${recheck_s}s
  [ -z "$recheck_s" ] && { reason+=" link-checks-not-resumed"; recheck_time="not within ${recheck_deadline}s"; }
  printf '| %d | %ss | %ss (%d acked, %d link checks done since the submissions began) | %d | %ss | %d | %d | %d | %d | %d → %d (search %d) | %d | %d | %d | %d/%d | %s | %s |\n' \
    "$run" "$first_ready" "$kill_after" "$acked_at_kill" "$checks_during_load" "$acked_lines" "$restart_ready" "$(wc -l <"$data/queue.txt")" "$extra" \
    "$missing" "$dups" "$catalogue_before" "$catalogue_after" "$searchable" "$cat_missing" "$cat_dups" "$cat_extra" \
    "$rechecked" "$published" "$recheck_time" "${reason:-PASS}"
  [ -z "$reason" ]
}

# ---- main -----------------------------------------------------------------------------------------

pages=$(mktemp -d)
write_pages "$pages"
page_port=$(free_port)
page_server=""
serve_pages "$pages" "$page_port"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  [ -n "$page_server" ] && kill "$page_server" 2>/dev/null || true
  rm -rf "$pages"
}
trap cleanup EXIT
export user pass

echo "crash drill: $runs runs, $count submissions, $published_count published links on $link_hosts loopback hosts, link-check interval $linkcheck_interval"
echo '| run | first ready | kill -9 after | acknowledged | restart ready | in review | unacked extra | review missing | review duplicated | catalogue export before → after | catalogue missing | catalogue duplicated | catalogue extra | links re-checked after restart | all re-checked after ready + | verdict |'
echo '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
passed=0
for run in $(seq 1 "$runs"); do
  if run_once "$run"; then
    passed=$((passed + 1)); stop_app; rm -rf "$data"
  else
    stop_app
    if [ -n "$keep" ]; then echo "  kept $data"; else rm -rf "$data"; fi
  fi
done
echo "verdict: $passed of $runs runs kept every acknowledged submission exactly once, the catalogue whole and link checks resumed"
(( passed == runs ))
