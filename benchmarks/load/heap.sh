#!/usr/bin/env bash
# Heap retained by the agent (issue 9, DESIGN.md's budget: <= 30 MB with an empty cache): LoadRun
# makes CALLS openai-java calls to its fake provider, then idles; the live heap (a class histogram,
# which runs a full GC first) is taken plain, under Warden (benchmarks/load/policy.yaml: key scope,
# PII pseudonymize, injection block; no response cache) and under Warden with its OpenTelemetry SDK
# built (an OTLP endpoint set; nothing listens there, so the spans of the last calls wait in the
# exporter's queue), ROUNDS times; prints the medians and what Warden adds.
#
#   benchmarks/load/heap.sh [ROUNDS [CALLS]]      (default 3 rounds of 200 calls)
#
# Builds nothing: run from the project root after ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
CALLS=${2:-200}
WORK=benchmarks/target/heap
AGENT=agent/target/warden-agent.jar
for jar in "$AGENT" benchmarks/target/load.jar; do
  [ -f "$jar" ] || { echo "missing $jar: build first (see the header of $0)" >&2; exit 1; }
done
mkdir -p "$WORK"
WARDEN=(-javaagent:"$AGENT" -Dwarden.policy=benchmarks/load/policy.yaml -XX:-PrintWarnings)

# live bytes of one run: $1 = label, $2.. = JVM options
live() {
  local label=$1; shift
  local fifo="$WORK/$label.in" out="$WORK/$label.out"
  rm -f "$fifo"; mkfifo "$fifo"
  java "$@" -Dload.hold=true -Dsun.net.httpserver.nodelay=true -jar benchmarks/target/load.jar 1 "$CALLS" 0 4 \
    < "$fifo" > "$out" 2> "$WORK/$label.err" &
  local pid=$!
  exec 3> "$fifo"                      # hold the app's stdin open until the histogram is taken
  until grep -q HOLDING "$out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$label run failed: $(tail -3 "$WORK/$label.err")" >&2; exit 1; }
    sleep 0.2
  done
  jcmd "$pid" GC.class_histogram > "$WORK/$label.histo"
  exec 3>&-
  wait "$pid"
  awk '$1 == "Total" { print $3 }' "$WORK/$label.histo"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

: > "$WORK/plain"; : > "$WORK/warden"; : > "$WORK/warden-otel"
for _ in $(seq "$ROUNDS"); do
  live plain >> "$WORK/plain"
  live warden "${WARDEN[@]}" >> "$WORK/warden"
  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:9 live warden-otel "${WARDEN[@]}" >> "$WORK/warden-otel"
done
plain=$(median < "$WORK/plain"); warden=$(median < "$WORK/warden"); otel=$(median < "$WORK/warden-otel")
awk -v p="$plain" -v w="$warden" -v o="$otel" -v n="$ROUNDS" -v c="$CALLS" 'BEGIN {
  mb = 1024 * 1024
  printf "live heap after %d calls, median of %d: plain %.1f MB, Warden %.1f MB (+%.1f), Warden with OTLP %.1f MB (+%.1f)\n",
    c, n, p / mb, w / mb, (w - p) / mb, o / mb, (o - p) / mb }'
echo "largest classes Warden adds (last round, from $WORK/*.histo):"
awk 'FNR == 1 { f++ } f == 1 && $1 ~ /:$/ { plain[$4] = $3 } f == 2 && $1 ~ /:$/ { d = $3 - plain[$4]; if (d > 0) print d, $4 }' \
  "$WORK/plain.histo" "$WORK/warden.histo" | sort -rn | head -8 | awk '{ printf "  %8.1f KB  %s\n", $1 / 1024, $2 }'
