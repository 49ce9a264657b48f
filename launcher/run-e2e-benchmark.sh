#!/usr/bin/env bash
# The end-to-end benchmark (not a test): starts the one-command platform (PostgreSQL, Kafka, the four services and
# the gateway in one JVM, as `./mvnw -pl launcher -am spring-boot:run` does), has an owner publish one hot conference
# through the gateway, places one-seat orders through the gateway and follows each as the web page does (draft order
# until reserved, priced order, and for one order in four the payment at the simulated processor and the
# confirmation). Prints orders/s carried, p50/p99 from the place-order request to (a) reserved, (b) the priced order
# visible in the read model, (c) confirmed after payment, and the CPU per order by thread group. By default: 2000
# warm-up orders at 100/s, then 3000 orders offered at 500/s, then 3000 as fast as answered (the capacity), on the
# same platform. Options as -D flags, e.g.
#   launcher/run-e2e-benchmark.sh -Drate=40,500,0               # three phases
#   launcher/run-e2e-benchmark.sh -Drate=500 -Dorders=10000     # one phase: 500 orders/s offered
#   launcher/run-e2e-benchmark.sh -Drate=0 -Dclients=32          # capacity only, 32 placing clients
#   launcher/run-e2e-benchmark.sh -XX:TieredStopAtLevel=1        # C1 only (spring-boot:run's optimizedLaunch default)
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/use-jdk21.sh

# Compile the launcher and its tests (the benchmark lives beside them), and write their classpath.
./mvnw -B -ntp -q -pl launcher -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/e2e-benchmark-classpath.txt -Dmdep.includeScope=test -DskipTests

classpath="launcher/target/test-classes:launcher/target/classes:$(cat launcher/target/e2e-benchmark-classpath.txt)"
# The JIT as users get it: spring-boot:run forks the platform's JVM with the JVM's default JIT (C1 then C2; the
# launcher's pom turns the plugin's optimizedLaunch off). Give -XX:TieredStopAtLevel=1 to measure C1 only.
jit=()
exec java "${jit[@]}" "$@" -cp "$classpath" dev.seatbooking.launcher.benchmark.EndToEndBenchmark
