#!/usr/bin/env bash
# Start-up cost of Warden next to the OpenTelemetry Java agent's (issue 9, DESIGN.md's budget:
# <= 300 ms added and <= 0.25 x what the OTel agent adds). Two applications, each started plain,
# with Warden and with the OTel Java agent, ROUNDS times interleaved (so drifts in machine load hit
# all three alike); prints the median wall time of each and the ratio of the added times.
#
#   benchmarks/startup/startup.sh [ROUNDS]      (from the project root, after ./mvnw -B install -DskipTests)
#
# - hello: a class that prints one line and exits;
# - boot: it-tests/boot-app, a Spring Boot 3.5 fat jar that builds an openai-java client (so OkHttp
#   loads and Warden weaves it) and exits when its stdin ends.
# The OTel agent exports nothing (exporters none), Warden runs demo/policy.yaml with no OTLP endpoint.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
OTEL_VERSION=2.21.0
WORK=benchmarks/target/startup
AGENT=agent/target/warden-agent.jar
BOOT_APP=$(ls it-tests/boot-app/target/warden-it-boot-app-*-exec.jar)
mkdir -p "$WORK"
[ -f "$AGENT" ] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
OTEL_JAR="$WORK/opentelemetry-javaagent-$OTEL_VERSION.jar"
if [ ! -f "$OTEL_JAR" ]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION \
    -DoutputDirectory="$WORK" >/dev/null
fi
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$WORK/Hello.java"
javac -d "$WORK" "$WORK/Hello.java"

WARDEN=(-javaagent:"$AGENT" -Dwarden.policy=demo/policy.yaml -XX:-PrintWarnings)
OTEL=(-javaagent:"$OTEL_JAR" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none)

# milliseconds one start takes: $1 = app, $2.. = JVM options
run() {
  local app=$1; shift
  local start end
  start=$(date +%s%N)
  if [ "$app" = hello ]; then
    java "$@" -cp "$WORK" Hello >/dev/null 2>&1
  else
    java "$@" -jar "$BOOT_APP" http://127.0.0.1:9/v1 sk-startup-benchmark </dev/null >/dev/null 2>&1
  fi
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

for app in hello boot; do
  : > "$WORK/$app-plain" ; : > "$WORK/$app-warden" ; : > "$WORK/$app-otel"
  run "$app" >/dev/null; run "$app" "${WARDEN[@]}" >/dev/null; run "$app" "${OTEL[@]}" >/dev/null  # warm the file cache
  for _ in $(seq "$ROUNDS"); do
    run "$app" >> "$WORK/$app-plain"
    run "$app" "${WARDEN[@]}" >> "$WORK/$app-warden"
    run "$app" "${OTEL[@]}" >> "$WORK/$app-otel"
  done
  plain=$(median < "$WORK/$app-plain"); warden=$(median < "$WORK/$app-warden"); otel=$(median < "$WORK/$app-otel")
  awk -v app="$app" -v p="$plain" -v w="$warden" -v o="$otel" -v n="$ROUNDS" 'BEGIN {
    printf "%-5s median of %d: plain %d ms, Warden %d ms (+%d), OTel agent %d ms (+%d); Warden added / OTel added = %.2f\n",
      app, n, p, w, w - p, o, o - p, (o > p) ? (w - p) / (o - p) : 0 }'
done
