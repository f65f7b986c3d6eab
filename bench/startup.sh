#!/usr/bin/env bash
# Measures the all-in-one jar: seconds from launch to the ready line, and resident memory once idle.
# Uses a fresh data directory (the first start formats the broker), then a second start on it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f app/target/skillshelf.jar ] || ./mvnw -B -q -DskipTests package
idle=${IDLE_SECONDS:-20}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
measure() {
  local label=$1 log; log=$(mktemp)
  local start; start=$(date +%s.%N)
  SKILLSHELF_DATA_DIR=$data SKILLSHELF_HTTP_PORT=0 SKILLSHELF_CURATORS=bench:bench \
    "$JAVA_HOME/bin/java" $JVM_FLAGS -jar app/target/skillshelf.jar >"$log" 2>&1 &
  local pid=$!
  until grep -q "Skillshelf ready on" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1
  done
  local ready; ready=$(date +%s.%N)
  sleep "$idle"
  local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill -TERM "$pid"; local t0; t0=$(date +%s.%N); wait "$pid" || true; local t1; t1=$(date +%s.%N)
  printf '%-14s ready in %5.1f s   idle RSS %4d MB after %ss   SIGTERM stop in %4.1f s\n' \
    "$label" "$(echo "$ready - $start" | bc)" "$((rss / 1024))" "$idle" "$(echo "$t1 - $t0" | bc)"
  rm -f "$log"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
measure "first start"
measure "restart"
