#!/usr/bin/env bash
# Large-menu benchmark: a menu of ITEMS items (default 100,000) created with a streamed body, published, served by
# `current` (plain and gzip), downloaded into a till's menu cache, opened from it, and searched by name. Builds the
# server jar and the desktop (offline, into the module targets: nothing is installed), bootstraps a demo org on a
# fresh H2 file (or $DB_URL), starts the server in its own JVM, then runs bench/MenuBench.java against it on the
# desktop's class path. See bench/README.md.
#
# Environment (all optional):
#   ITEMS        items of the measured menu (default 100000)
#   ROUNDS       measured rounds (default 3); the medians are reported
#   WARMUP       seconds of 10,000-item rounds before measuring (default 40)
#   PORT         the server's port (default 18184)
#   DB_URL, DB_USER, DB_PASSWORD   the server's database (default: a fresh H2 file in the temp dir)
#   SERVER_JAVA_OPTS   JVM options of the server (default -Xmx1g)
#   JAVA_OPTS    JVM options of the benchmark (the till; default -Xmx1g)
#   KEEP_TMP     1 keeps the temp dir
set -euo pipefail

cd "$(dirname "$0")/.."

ITEMS=${ITEMS:-100000}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-40}
PORT=${PORT:-18184}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx1g}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}

for tool in java javac curl; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/"; then
    echo "error: something already answers on port $PORT" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-menu-bench.XXXXXX")
SERVER_PID=
cleanup() {
    local rc=$?
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ ${KEEP_TMP:-0} == 1 || $rc != 0 ]]; then
        echo "temp dir kept: $TMP (server.log, run.log)" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building, and the desktop's runtime class path (./mvnw -B -o -q -pl desktop -am package ...)"
./mvnw -B -o -q -pl desktop -am package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile="$TMP/cp.txt"
DESKTOP_JAR=$(ls desktop/target/brigade-desktop-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
cp "$DESKTOP_JAR" "$TMP/desktop.jar"
cp server/target/brigade-server.jar "$TMP/brigade-server.jar"
CP="$TMP/desktop.jar:$(sed -e "s#[^:]*/server/target/[^:]*#$TMP/brigade-server.jar#" "$TMP/cp.txt")"

DB=${DB_URL:-jdbc:h2:file:$TMP/server}
DB_ARGS=(--db "$DB")
[[ -n ${DB_USER:-} ]] && DB_ARGS+=(--db-user "$DB_USER")
[[ -n ${DB_PASSWORD:-} ]] && DB_ARGS+=(--db-password "$DB_PASSWORD")

echo "== bootstrapping a demo org in $DB"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" bootstrap "${DB_ARGS[@]}" --name "Menu Bench Bistro" --json \
    >"$TMP/bootstrap.out" 2>"$TMP/bootstrap.log" || {
    echo "error: bootstrap failed:" >&2; cat "$TMP/bootstrap.log" "$TMP/bootstrap.out" >&2; exit 1; }
grep '^{' "$TMP/bootstrap.out" | tail -n 1 >"$TMP/bootstrap.json"

echo "== starting the Brigade server on port $PORT ($SERVER_JAVA_OPTS)"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" serve --port "$PORT" --master-key-file "$TMP/master.key" \
    --no-mdns "${DB_ARGS[@]}" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "error: the server exited; log:" >&2; tail -n 40 "$TMP/server.log" >&2; exit 1; }
    curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/" && break
    sleep 0.1
done

echo "== compiling bench/MenuBench.java"
javac -d "$TMP/classes" -cp "$CP" bench/MenuBench.java

echo "== running (warm-up ${WARMUP} s, $ROUNDS rounds of $ITEMS items); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$TMP/classes:$CP" MenuBench --server "http://localhost:$PORT" --boot "$TMP/bootstrap.json" \
    --items "$ITEMS" --rounds "$ROUNDS" --warmup "$WARMUP" --dir "$TMP/tills" 2>&1 | tee "$TMP/run.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; exit 1; }
