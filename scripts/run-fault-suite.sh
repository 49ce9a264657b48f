#!/usr/bin/env bash
# The whole fault suite on the multi-process platform (what scripts/run-processes.sh runs): during a burst of orders
# with payments on a hot conference, each service and the gateway killed with SIGKILL and started again, the Kafka
# broker stopped for a while, PostgreSQL stopped in immediate mode, the whole platform killed and started again on
# its data; after each fault no accepted order lost, none stuck, no seat sold twice, no order confirmed twice, every
# paid order confirmed, the read model equal to a rebuild, the consumers caught up, the probes DOWN then UP.
# Prints the table (markdown; also in launcher/target/fault-suite.md). The build runs a reduced core of it.
#
#   scripts/run-fault-suite.sh [--broker-outage=SECONDS]   (default 30)
#
# Builds the services' jars and runs FaultSuiteTest with -Dfaults.full=true; each process's log is in
# launcher/target/fault-suite-data/logs/. About 15 minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-jdk21.sh

outage=30
for arg in "$@"; do
  case "$arg" in
    --broker-outage=*) outage="${arg#--broker-outage=}" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

status=0
./mvnw -q -pl launcher -am verify -Dtest=FaultSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfaults.full=true -Dfaults.broker-outage-seconds="$outage" > launcher/target/fault-suite.log 2>&1 || status=$?
if [ -f launcher/target/fault-suite.md ]; then
  echo "Fault suite, $(date -u '+%Y-%m-%d %H:%M UTC'), broker away ${outage} s:"
  cat launcher/target/fault-suite.md
fi
[ "$status" -eq 0 ] || echo "The fault suite failed (exit $status): see launcher/target/fault-suite.log" >&2
exit "$status"
