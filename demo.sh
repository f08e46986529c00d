#!/usr/bin/env bash
# Builds Warden, then runs the demo application (real openai-java calls to an embedded fake
# provider on 127.0.0.1:18089) with the agent attached and demo/policy.yaml as its policy.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B install -DskipTests
exec java -javaagent:agent/target/warden-agent.jar -Dwarden.policy=demo/policy.yaml -Ddemo.port=18089 \
  -jar demo/target/warden-demo-0.1.0-SNAPSHOT-exec.jar
