#!/usr/bin/env bash
# Event-store benchmark: builds the benchmarks module and runs the load generator.
#   benchmarks/run-eventstore-benchmark.sh            full run (a few minutes)
#   benchmarks/run-eventstore-benchmark.sh --quick    smoke run (well under a minute)
# Other options: --iterations N, --seconds S, --writers N, --help. See benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/use-jdk21.sh

echo "Building benchmarks (JDK at $JAVA_HOME)..." >&2
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests

jar=$(ls benchmarks/target/benchmarks-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n1)
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC \
  -cp "$jar:benchmarks/target/lib/*" dev.seatbooking.benchmarks.EventStoreBenchmark "$@"
