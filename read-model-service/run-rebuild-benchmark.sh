#!/usr/bin/env bash
# Rebuild speed of the read-model projections beside a plain Kafka consumer reading the same topics, in one run.
#   read-model-service/run-rebuild-benchmark.sh [orders]     (default 10000 orders, about 11 events each)
# Starts its own durable embedded PostgreSQL and an embedded Kafka broker; needs nothing but a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  echo "No JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

# Compile (no tests) and write the module's test classpath; sibling modules resolve to their target/classes.
./mvnw -B -ntp -q -pl read-model-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test

module=read-model-service
exec java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)" \
  dev.seatbooking.readmodel.benchmark.RebuildBenchmark "$@"
