#!/usr/bin/env bash
# The registration service's load benchmark (not a test): starts PostgreSQL, Kafka and the service in one JVM, places
# orders for one hot conference through the REST API and prints orders/s and the p50/p99 time from the place-order
# request to the order being marked reserved. By default: 20000 warm-up orders at 450/s, then 10000 orders offered at
# 500/s. Options as -D flags, e.g.
#   registration-service/run-load-benchmark.sh -Drate=0              # capacity: 32 clients, as fast as answered
#   registration-service/run-load-benchmark.sh -Dorders=10000 -Dclients=64 -Ddurable=false
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/use-jdk21.sh

# Compile the service and its tests (the benchmark lives beside them), and write their classpath.
./mvnw -B -ntp -q -pl registration-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test -DskipTests

classpath="registration-service/target/test-classes:registration-service/target/classes:$(cat registration-service/target/benchmark-classpath.txt)"
# Tiered compilation off: this one JVM also runs the Kafka broker and the load generator, whose code keeps the C1 and
# C2 compilers busy on two cores long after the warm-up (0.6-1 ms of CPU per order); C2 alone settles. Pass
# -XX:+TieredCompilation to measure with the JVM's default (the README has both).
exec java -Xms1g -Xmx2g -XX:+UseParallelGC -XX:-TieredCompilation "$@" -cp "$classpath" \
  dev.seatbooking.registration.benchmark.LoadBenchmark
