#!/usr/bin/env bash
# Public API read benchmark (issue 3): bootstraps a demo org, starts the Brigade server, measures
# GET /api/v1/meals with the org's X-API-Key (served from the v1 cache after the first request) with
# bench/SalesLoad.java --bare at 16 clients, then a bare Jetty JSON endpoint (bench/BareJetty.java)
# the same way, and prints the ratio. The general per-key quota is raised with
# serve --api-requests-per-hour (1,000/h would answer 429 within a second). See bench/README.md.
#
# Environment (all optional):
#   SERVER_JAR     shaded server jar (default server/target/brigade-server.jar); copied to the temp dir first
#   DB_URL         JDBC URL (default: a fresh H2 file database in the temp dir), e.g. jdbc:postgresql://...
#   DB_USER, DB_PASSWORD   passed as --db-user/--db-password when set
#   WARMUP         warmup seconds per run (default 20)
#   SECONDS        measured seconds per run (default 20; MEASURE_SECONDS is an alias)
#   CLIENTS        the high-concurrency client count (default 16)
#   CLIENT         load generator transport: raw (plain socket, default) or jdk (java.net.http.HttpClient)
#   PORT, BARE_PORT        ports for the Brigade server and the bare Jetty (default 18181, 18182)
#   SERVER_JAVA_OPTS       extra JVM options for both servers (e.g. -Xmx1g)
#   LOAD_JAVA_OPTS         extra JVM options for the load generator
#   KEEP_TMP=1     keep the temp dir (database, logs) instead of deleting it
# SECONDS is special in bash (it counts up from shell start, or from the value imported from the
# environment), so take the caller's value first thing: 0 here means it was not set.
CALLER_SECONDS=$SECONDS
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

API_KEY=$(jq -r .apiKey <<<"$BOOT")
start_server --api-requests-per-hour 1000000000000
CHECK=$(curl -s -D - -o "$TMP/meals.json" -H "X-API-Key: $API_KEY" "localhost:$PORT/api/v1/meals")
grep -q '^HTTP/1.1 200' <<<"$CHECK" || { echo "error: GET /api/v1/meals answered: $CHECK" >&2; exit 1; }
echo "   GET /api/v1/meals: $(jq '.data | length' "$TMP/meals.json") meals, $(stat -c %s "$TMP/meals.json") bytes"
CHECK=$(curl -s -D - -o /dev/null -H "X-API-Key: $API_KEY" "localhost:$PORT/api/v1/meals")
grep -qi '^Cache-Status: brigade; hit' <<<"$CHECK" || { echo "error: second GET was not a cache hit: $CHECK" >&2; exit 1; }

load "meals-$CLIENTS" --bare "http://localhost:$PORT/api/v1/meals" --header "X-API-Key: $API_KEY" \
    --clients "$CLIENTS" --server-pid "$SERVER_PID"
bare_baseline

summary "meals-$CLIENTS=GET /api/v1/meals (cached)" "bare-$CLIENTS=bare Jetty GET"
ratio "meals-$CLIENTS" "GET /api/v1/meals req/s"
