#!/usr/bin/env bash
# Rebuild speed of the read-model projections beside a plain Kafka consumer reading the same topics, in one run.
#   read-model-service/run-rebuild-benchmark.sh [orders]     (default 10000 orders, about 11 events each)
# Starts its own durable embedded PostgreSQL and an embedded Kafka broker; needs nothing but a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/use-jdk21.sh

# Compile (no tests) and write the module's test classpath; sibling modules resolve to their target/classes.
./mvnw -B -ntp -q -pl read-model-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test

module=read-model-service
exec java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)" \
  dev.seatbooking.readmodel.benchmark.RebuildBenchmark "$@"
