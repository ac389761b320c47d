#!/usr/bin/env bash
# Proof that every acknowledged sale is on disk before its answer: runs the server (H2 file database) under
# `strace -f -y -e trace=fsync,fdatasync`, pushes sales one after another from one client, and counts the syncs
# of the H2 file made while they were pushed against the sales answered 201. One client, one sale at a time:
# each sale is its own batch, so there must be at least one sync of the database file per acknowledged sale.
# Exits 1 if there are fewer. See bench/README.md.
#
# Environment (all optional):
#   SERVER_JAR        shaded server jar (default server/target/brigade-server.jar); copied to the temp dir first
#   SALES             sales to push (default 200)
#   PORT              the server's port (default 18184)
#   SERVER_JAVA_OPTS  extra JVM options for the server (e.g. -Dbrigade.bench.skipSync=true, to see it fail)
#   KEEP_TMP          1 keeps the temp dir (strace.log, server.log)
set -euo pipefail

cd "$(dirname "$0")/.."

SERVER_JAR=${SERVER_JAR:-server/target/brigade-server.jar}
SALES=${SALES:-200}
PORT=${PORT:-18184}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}

if ! command -v strace >/dev/null; then
    echo "== installing strace"
    apt-get install -y strace >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y strace >/dev/null; }
fi
for tool in java curl jq strace; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
[[ -f $SERVER_JAR ]] || { echo "error: $SERVER_JAR not found; build it with ./mvnw -pl server -am package" >&2; exit 1; }
if curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/"; then
    echo "error: something already answers on port $PORT" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-sync-proof.XXXXXX")
STRACE_PID=
cleanup() {
    local rc=$?
    if [[ -n $STRACE_PID ]] && kill -0 "$STRACE_PID" 2>/dev/null; then
        # Stop the server (strace's child) by its id; strace ends with it.
        local java_pid
        java_pid=$(pgrep -P "$STRACE_PID" | head -n 1 || true)
        [[ -n $java_pid ]] && kill "$java_pid" 2>/dev/null || true
        wait "$STRACE_PID" 2>/dev/null || true
    fi
    if [[ ${KEEP_TMP:-0} == 1 || $rc != 0 ]]; then
        echo "temp dir kept: $TMP (strace.log, server.log)" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAR=$TMP/brigade-server.jar
cp "$SERVER_JAR" "$JAR"
DB=jdbc:h2:file:$TMP/proof
DB_FILE=$TMP/proof.mv.db

echo "== bootstrapping a demo org in $DB"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$JAR" bootstrap --db "$DB" --json >"$TMP/bootstrap.out" 2>"$TMP/bootstrap.log" || {
    echo "error: bootstrap failed:" >&2; cat "$TMP/bootstrap.log" "$TMP/bootstrap.out" >&2; exit 1; }
BOOT=$(grep '^{' "$TMP/bootstrap.out" | tail -n 1)

# --seccomp-bpf stops the process only on the traced calls, which keeps strace's cost off everything else.
SECCOMP=()
strace --seccomp-bpf -f -e trace=fsync -o /dev/null true 2>/dev/null && SECCOMP=(--seccomp-bpf)
echo "== starting the server under strace ${SECCOMP[*]} -f -y -e trace=fsync,fdatasync"
# shellcheck disable=SC2086
strace "${SECCOMP[@]}" -f -y -e trace=fsync,fdatasync -o "$TMP/strace.log" \
    java $SERVER_JAVA_OPTS -jar "$JAR" serve --port "$PORT" --db "$DB" --master-key-file "$TMP/master.key" \
    >"$TMP/server.log" 2>&1 &
STRACE_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$STRACE_PID" 2>/dev/null || { echo "error: the server exited; log:" >&2; tail -n 40 "$TMP/server.log" >&2; exit 1; }
    curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/" && break
    sleep 0.1
done

ORG=$(jq -r .orgId <<<"$BOOT")
TOKEN=$(curl -s -X POST "localhost:$PORT/identity/connect/token" -H 'Content-Type: application/x-www-form-urlencoded' \
    -d grant_type=client_credentials -d "client_id=$(jq -r .clientId <<<"$BOOT")" \
    -d "client_secret=$(jq -r .clientSecret <<<"$BOOT")" | jq -r '.access_token // empty')
[[ -n $TOKEN ]] || { echo "error: no access token" >&2; exit 1; }
# The first demo item has only an optional modifier group: a bare line of it at 2.50, paid in cash.
SALE=$(jq -c '{salesChannelId: .salesChannelId, source: "POS", dispatchType: "TakeAway", menuId: .menuId,
    menuRevisionId: (.menuRevisionId | tostring), items: [{menuItemId: .menuItemIds[0], quantity: 1, unitPrice: 2.50}],
    payments: [{type: "Sale", paymentMethod: "Cash", amount: 2.50}]}' <<<"$BOOT")

count_syncs() { grep -E "f(data)?sync\(" "$TMP/strace.log" | grep -cF "<$DB_FILE>" || true; }

echo "== pushing $SALES sales, one after another"
BEFORE=$(count_syncs)
OK=0
for i in $(seq 1 "$SALES"); do
    STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X POST "localhost:$PORT/salesManagement/orgs/$ORG/sales" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -H "x-idempotency-key: sync-proof-$i-$$" -d "$SALE")
    [[ $STATUS == 201 ]] && OK=$((OK + 1))
done
AFTER=$(count_syncs)
SYNCS=$((AFTER - BEFORE))

echo
echo "acknowledged sales (201):           $OK of $SALES"
echo "syncs of $(basename "$DB_FILE") meanwhile:  $SYNCS (fsync/fdatasync on the H2 file, from strace)"
echo "syncs per acknowledged sale:        $(awk -v s="$SYNCS" -v n="$OK" 'BEGIN { printf "%.2f", n ? s / n : 0 }')"
if (( OK == SALES && SYNCS >= OK )); then
    echo "RESULT every acknowledged sale was followed by a sync of the database file"
else
    echo "RESULT FAILED: $SYNCS syncs for $OK acknowledged sales" >&2
    exit 1
fi
