#!/usr/bin/env bash
# Webhook delivery benchmark (bench/WebhookLoad.java): deliveries per second draining a backlog to a local
# receiver that answers 200 at once, and sale-201-to-delivery latency at a paced sale rate. Server,
# receiver and load run in one JVM on a fresh H2 file database (or DB_URL). See bench/README.md.
#
# Environment (all optional): SERVER_JAR (default server/target/brigade-server.jar), DB_URL, DB_USER,
# DB_PASSWORD, SALES (backlog, default 10000), CLIENTS (16), RATE (100 sales/s), MEASURE (20 s),
# WARMUP (10 s), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_JAR=${SERVER_JAR:-server/target/brigade-server.jar}
[[ -f $SERVER_JAR ]] || { echo "error: $SERVER_JAR not found; build it with ./mvnw -pl server -am package" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-webhook-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cp "$SERVER_JAR" "$TMP/server.jar"
javac -d "$TMP/classes" -cp "$TMP/server.jar" bench/WebhookLoad.java
ARGS=(--db "${DB_URL:-jdbc:h2:file:$TMP/bench}" --sales "${SALES:-10000}" --clients "${CLIENTS:-16}"
      --rate "${RATE:-100}" --seconds "${MEASURE:-20}" --warmup "${WARMUP:-10}")
[[ -n ${DB_USER:-} ]] && ARGS+=(--db-user "$DB_USER")
[[ -n ${DB_PASSWORD:-} ]] && ARGS+=(--db-password "$DB_PASSWORD")
echo "== cores: $(nproc); db: ${DB_URL:-H2 file in $TMP}"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TMP/server.jar:$TMP/classes" WebhookLoad "${ARGS[@]}"
