#!/usr/bin/env bash
# Sales push benchmark: bootstraps a demo org, starts the Brigade server, pushes sales over HTTP with
# bench/SalesLoad.java at 1 and 16 clients and paced at a fixed rate, then measures a bare Jetty JSON
# endpoint (bench/BareJetty.java) the same way and prints the ratio. See bench/README.md.
#
# Environment (all optional):
#   SERVER_JAR     shaded server jar (default server/target/brigade-server.jar); copied to the temp dir first
#   DB_URL         JDBC URL (default: a fresh H2 file database in the temp dir), e.g. jdbc:postgresql://...
#   DB_USER, DB_PASSWORD   passed as --db-user/--db-password when set
#   WARMUP         warmup seconds per run (default 20)
#   SECONDS        measured seconds per run (default 20; MEASURE_SECONDS is an alias)
#   CLIENTS        the high-concurrency client count (default 16)
#   RATE, RATE_CLIENTS     the paced run (default 200 sales/s over 4 clients)
#   CLIENT         load generator transport: raw (plain socket, default) or jdk (java.net.http.HttpClient)
#   PORT, BARE_PORT        ports for the Brigade server and the bare Jetty (default 18181, 18182)
#   SERVER_JAVA_OPTS       extra JVM options for both servers (e.g. -Xmx1g)
#   LOAD_JAVA_OPTS         extra JVM options for the load generator
#   KEEP_TMP=1     keep the temp dir (database, logs) instead of deleting it
#   EXTERNAL_ID=1  each sale carries its idempotency key as externalId, as the till and the guides' integrators
#                  do (the server then also claims the key for the sale and for its order_placed)
#   RUNS           which runs, of "1 many paced bare" (default all four), e.g. RUNS=many for an A/B of two jars
# SECONDS is special in bash (it counts up from shell start, or from the value imported from the
# environment), so take the caller's value first thing: 0 here means it was not set.
CALLER_SECONDS=$SECONDS
RATE=${RATE:-200}
RATE_CLIENTS=${RATE_CLIENTS:-4}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

ORG=$(jq -r .orgId <<<"$BOOT")
CHANNEL=$(jq -r .salesChannelId <<<"$BOOT")
MENU=$(jq -r .menuId <<<"$BOOT")
REVISION=$(jq -r .menuRevisionId <<<"$BOOT")
# The first demo item (a pizza) has only an optional modifier group, so a bare line with no modifiers is valid.
ITEM=$(jq -r '.menuItemIds[0]' <<<"$BOOT")
CLIENT_ID=$(jq -r .clientId <<<"$BOOT")
CLIENT_SECRET=$(jq -r .clientSecret <<<"$BOOT")
echo "   org $ORG, channel $CHANNEL, menu $MENU rev $REVISION, item $ITEM"

start_server

TOKEN_JSON=$(curl -s -X POST "localhost:$PORT/identity/connect/token" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" -d scope=api)
TOKEN=$(jq -r '.access_token // empty' <<<"$TOKEN_JSON")
[[ -n $TOKEN ]] || { echo "error: no access_token in: $TOKEN_JSON" >&2; exit 1; }

SALES_ARGS=(--base "http://localhost:$PORT" --org "$ORG" --channel "$CHANNEL" --menu "$MENU"
    --revision "$REVISION" --item "$ITEM" --token "$TOKEN" --server-pid "$SERVER_PID")
if [[ ${EXTERNAL_ID:-0} == 1 ]]; then SALES_ARGS+=(--external-id); fi

RUNS=${RUNS:-1 many paced bare}
want() { [[ " $RUNS " == *" $1 "* ]]; }
ROWS=()
if want 1; then load sales-1 "${SALES_ARGS[@]}" --clients 1; ROWS+=("sales-1=sales closed loop"); fi
if want many; then
    load "sales-$CLIENTS" "${SALES_ARGS[@]}" --clients "$CLIENTS"; ROWS+=("sales-$CLIENTS=sales closed loop")
fi
if want paced; then
    load "paced-$RATE" "${SALES_ARGS[@]}" --clients "$RATE_CLIENTS" --rate "$RATE"; ROWS+=("paced-$RATE=sales paced")
fi
if want bare; then bare_baseline; ROWS+=("bare-$CLIENTS=bare Jetty GET"); fi

summary "${ROWS[@]}"
if [[ -z ${DB_URL:-} && -f $TMP/bench.mv.db ]]; then
    SALES_TOTAL=$(jq -s 'map(select(.mode == "sales") | .ok + .warmupOk) | add' <<<"${RESULT[*]}")
    DB_BYTES=$(stat -c %s "$TMP/bench.mv.db")
    echo
    echo "H2 file: $(( DB_BYTES / 1024 / 1024 )) MiB after about $SALES_TOTAL sales ($(( DB_BYTES / (SALES_TOTAL > 0 ? SALES_TOTAL : 1) )) bytes/sale, before compaction)"
fi
if want many && want bare; then ratio "sales-$CLIENTS" "sales/s"; fi
