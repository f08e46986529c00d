#!/usr/bin/env bash
# End-to-end load run (issue 9): LoadRun's openai-java calls to the loopback fake provider, plain and
# under Warden (benchmarks/load/policy.yaml: key scope, PII pseudonymize, injection block), ROUNDS
# times interleaved so drifts in machine load hit both alike; prints the medians of each and what
# Warden adds: CPU per call and p50 / p99 latency.
#
#   benchmarks/load/load.sh [ROUNDS [THREADS CALLS WARMUP STREAM_EVERY]]   (default 3 rounds of 8 500 1000 4)
#
# Builds nothing: from the project root, after ./mvnw -B install -DskipTests (or
# ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests, which also builds the agent jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
LOAD_ARGS=("${@:2}")
[ ${#LOAD_ARGS[@]} -gt 0 ] || LOAD_ARGS=(8 500 1000 4)
WORK=benchmarks/target/load
AGENT=agent/target/warden-agent.jar
for jar in "$AGENT" benchmarks/target/load.jar; do
  [ -f "$jar" ] || { echo "missing $jar: build first (see the header of $0)" >&2; exit 1; }
done
mkdir -p "$WORK"
# the fake's HttpServer writes headers and body apart: without TCP_NODELAY every call waits out a delayed ACK
COMMON=(-Dsun.net.httpserver.nodelay=true -jar benchmarks/target/load.jar "${LOAD_ARGS[@]}")
WARDEN=(-javaagent:"$AGENT" -Dwarden.policy=benchmarks/load/policy.yaml -XX:-PrintWarnings)

: > "$WORK/plain"; : > "$WORK/warden"
for round in $(seq "$ROUNDS"); do
  for mode in plain warden; do
    if [ "$mode" = plain ]; then opts=(); else opts=("${WARDEN[@]}"); fi
    java "${opts[@]}" "${COMMON[@]}" 2>"$WORK/$mode.err" | tee "$WORK/$mode.out" | grep -v '^RESULT' | sed "s/^/round $round $mode: /"
    grep '^RESULT' "$WORK/$mode.out" >> "$WORK/$mode"
  done
done

# median of one RESULT field over the rounds of one mode
median() {
  sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$WORK/$1" | sort -n |
    awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
for field in p50_us p99_us calls_per_s cpu_us_per_call jit_ms gc_ms; do
  awk -v f="$field" -v p="$(median plain "$field")" -v w="$(median warden "$field")" -v n="$ROUNDS" \
    'BEGIN { printf "%-16s median of %d: plain %9.1f, Warden %9.1f, Warden adds %+9.1f\n", f, n, p, w, w - p }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
