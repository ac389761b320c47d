#!/usr/bin/env bash
# Kitchen display latency benchmark (bench/KitchenLoad.java): time from a sale's commit (MODE=sale) or a check's
# Send (MODE=fire: POST kitchen/rounds) to its ticket on a kitchen event-stream client, p50/p99, at a paced rate.
# Server, stream client and load run in one JVM on a fresh H2 file database (or DB_URL). See bench/README.md.
#
# Environment (all optional): SERVER_JAR (default server/target/brigade-server.jar), DB_URL, DB_USER,
# DB_PASSWORD, MODE (sale, fire, or check: a check operation Send after open and add), RATE (20/s), MEASURE (30 s), WARMUP (40 s), NODES (1; 2 reads the stream from
# a second server node on the same database), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_JAR=${SERVER_JAR:-server/target/brigade-server.jar}
[[ -f $SERVER_JAR ]] || { echo "error: $SERVER_JAR not found; build it with ./mvnw -pl server -am package" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-kitchen-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cp "$SERVER_JAR" "$TMP/server.jar"
javac -d "$TMP/classes" -cp "$TMP/server.jar" bench/KitchenLoad.java
ARGS=(--db "${DB_URL:-jdbc:h2:file:$TMP/bench}" --rate "${RATE:-20}" --seconds "${MEASURE:-30}"
      --warmup "${WARMUP:-40}" --nodes "${NODES:-1}" --mode "${MODE:-sale}")
[[ -n ${DB_USER:-} ]] && ARGS+=(--db-user "$DB_USER")
[[ -n ${DB_PASSWORD:-} ]] && ARGS+=(--db-password "$DB_PASSWORD")
echo "== cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); db: ${DB_URL:-H2 file in $TMP}"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TMP/server.jar:$TMP/classes" KitchenLoad "${ARGS[@]}"
