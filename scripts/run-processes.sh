#!/usr/bin/env bash
# The platform as docker-compose.yml describes it, one OS process per compose service, short of Docker: PostgreSQL,
# a Kafka broker in its own JVM, and each service and the gateway started with `java -jar` on its Spring Boot jar,
# configured only through the environment variables docker-compose.yml gives it. Prints the gateway's URL and the
# ops password; Ctrl-C stops every process in order (gateway, services, then Kafka and PostgreSQL).
#
#   scripts/run-processes.sh [--rebuild] [--fresh] [--data-dir=DIR] [--gateway-port=PORT]
#
# --rebuild builds the jars again (they are built once if missing); --fresh deletes the data first (default data
# directory .platform-processes-data, each process's log in its logs/); --gateway-port=0 takes any free port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-jdk21.sh

modules=(conference-management-service registration-service payments-service read-model-service gateway)
rebuild=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--rebuild" ]; then rebuild=true; else args+=("$arg"); fi
done
for module in "${modules[@]}"; do
  compgen -G "$module/target/$module-*-exec.jar" > /dev/null || rebuild=true
done
[ -f launcher/target/classpath.txt ] && [ -d launcher/target/classes ] || rebuild=true

if [ "$rebuild" = true ]; then
  echo "Building the services' jars and the launcher (./mvnw -q -DskipTests package -pl launcher -am)…"
  ./mvnw -q -DskipTests package -pl launcher -am
fi

exec java -cp "$PWD/launcher/target/classes:$(cat launcher/target/classpath.txt)" \
  dev.seatbooking.launcher.processes.ProcessPlatformLauncher ${args[@]+"${args[@]}"}
