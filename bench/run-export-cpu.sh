#!/bin/bash
# The canonical export's time and what it cost in CPU: the bench JVM's (user + system, /usr/bin/time; includes
# compiling the bench and starting the server: export a day without sales for that baseline) and PostgreSQL's
# backends' (the postmaster's reaped children, so only when nothing else uses the cluster meanwhile).
#   bench/run-export-cpu.sh /var/tmp/bench-server.jar "jdbc:postgresql://127.0.0.1:15432/bench10m?user=postgres" 2026-03-01 2026-03-31
# PGDATA: the cluster's data directory (default /var/tmp/brigade-bench/pg).
set -euo pipefail
jar=$1; shift
pm=$(head -1 "${PGDATA:-/var/tmp/brigade-bench/pg}/postmaster.pid")
tck=$(getconf CLK_TCK)
pgcpu() { awk -v t="$tck" '{print ($16 + $17) / t}' "/proc/$pm/stat"; }
before=$(pgcpu)
out=$( { /usr/bin/time -f "JVMCPU %U %S" java -Xmx2g -cp "$jar" "$(dirname "$0")/AnalyticsBench.java" export "$@" 2>&1; } 2>&1 )
sleep 1 # the backends exit when the JVM's pool closes
after=$(pgcpu)
echo "$out" | grep analytics-export | sed 's/ ({.*})//'
echo "$out" | awk '/^JVMCPU/ {printf "JVM CPU %.2f s", $2 + $3}'
echo " | PostgreSQL CPU $(echo "$after - $before" | bc) s | $(uptime | sed 's/.*load/load/')"
