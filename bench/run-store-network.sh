#!/usr/bin/env bash
# Store network benchmark (bench/StoreNetworkLoad.java): a store server started with `serve` (HTTPS by default)
# in its own JVM, and a till and a kitchen screen paired with it by codes in another: pairing machine time from
# "Join a store" to a till ready to sell, then sale on the till -> ticket on the kitchen screen p50/p99 over TLS.
# See bench/README.md.
#
# Environment (all optional): SERVER_JAR (default server/target/brigade-server.jar), RATE (20 sales/s),
# MEASURE (30 s), WARMUP (40 s), PORT (18443), JAVA_OPTS (both JVMs), SERVER_OPTS (the store server only).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_JAR=${SERVER_JAR:-server/target/brigade-server.jar}
[[ -f $SERVER_JAR ]] || { echo "error: $SERVER_JAR not found; build it with ./mvnw -pl server -am package" >&2; exit 1; }
PORT=${PORT:-18443}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-network-bench.XXXXXX")
SERVER_PID=
# The server answers kill with 143: under set -e that status would end the trap before the temp dir is removed.
cleanup() { if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$TMP"; }
trap cleanup EXIT
cp "$SERVER_JAR" "$TMP/server.jar"
javac -d "$TMP/classes" -cp "$TMP/server.jar" bench/StoreNetworkLoad.java
DB="jdbc:h2:file:$TMP/bench"
java -jar "$TMP/server.jar" bootstrap --db "$DB" --json > "$TMP/bootstrap.json" 2>/dev/null
(cd "$TMP" && exec java ${JAVA_OPTS:-} ${SERVER_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar server.jar serve \
    --port "$PORT" --db "$DB" --master-key-file "$TMP/master.key" --no-mdns > "$TMP/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/store/v1/hello" >/dev/null && break; sleep 1; done
j() { jq -r "$1" "$TMP/bootstrap.json"; }
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/identity/connect/token" -d grant_type=client_credentials \
    -d "client_id=$(j .clientId)" -d "client_secret=$(j .clientSecret)" | jq -r .access_token)
code() {
  curl -s -X POST "http://127.0.0.1:$PORT/backoffice/v1/orgs/$(j .orgId)/devices/pairing-codes" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"propertyId\":\"$(j .propertyId)\",\"role\":\"$1\"}"
}
FIRST=$(code TILL); TILL=$(code TILL); KITCHEN=$(code KITCHEN_SCREEN)
FP=$(echo "$TILL" | jq -r .fingerprint)
ADDR=$(hostname -I 2>/dev/null | awk '{print $1}'); ADDR=${ADDR:-127.0.0.1}
echo "== cores: $(nproc); uptime: $(uptime); server https://$ADDR:$PORT"
cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
CPU0=$(cpu)
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$TMP/server.jar:$TMP/classes" StoreNetworkLoad "https://$ADDR:$PORT" \
    "$(echo "$FIRST" | jq -r .code)" "$(echo "$TILL" | jq -r .code)" "$(echo "$KITCHEN" | jq -r .code)" "$FP" "${RATE:-20}" "${MEASURE:-30}" \
    "${WARMUP:-40}"
echo "== store server CPU during pairing and load: $(( ($(cpu) - CPU0) * 1000 / $(getconf CLK_TCK) )) ms; uptime: $(uptime)"
