#!/usr/bin/env bash
# Event-store benchmark: builds the benchmarks module and runs the load generator.
#   benchmarks/run-eventstore-benchmark.sh            full run (a few minutes)
#   benchmarks/run-eventstore-benchmark.sh --quick    smoke run (well under a minute)
# Other options: --iterations N, --seconds S, --writers N, --help. See benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

# A JDK >= 21, as .ci/run picks it (the default java on the build machines is 17).
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

echo "Building benchmarks (JDK at $JAVA_HOME)..." >&2
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests

jar=$(ls benchmarks/target/benchmarks-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n1)
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC \
  -cp "$jar:benchmarks/target/lib/*" dev.seatbooking.benchmarks.EventStoreBenchmark "$@"
