#!/usr/bin/env bash
# Till outbox benchmark: "Pay" -> local commit latency, and how fast a queued backlog drains to a separate
# Brigade server. Builds the server jar and the desktop (offline, into the module targets: nothing is installed),
# bootstraps a demo org on a fresh H2 file (or $DB_URL), starts the server in its own JVM, then compiles
# bench/TillOutbox.java against the desktop's class path and runs it with the org the bootstrap printed (the
# till signs in with its manager's one-time PIN). See bench/README.md.
#
# Environment (all optional):
#   WARMUP      unmeasured sales before the pay->commit measurement (default 500)
#   SALES       measured sales for pay->commit (default 2000)
#   DRAIN       sales queued with sync stopped, then drained (default 10000)
#   PORT        the server's port (default 18183)
#   DB_URL, DB_USER, DB_PASSWORD   the server's database (default: a fresh H2 file in the temp dir)
#   JAVA_OPTS   extra JVM options for the benchmark (the till)
#   SERVER_JAVA_OPTS   extra JVM options for the server
#   KEEP_TMP    1 keeps the temp dir (H2 files of the tills and the server, logs)
set -euo pipefail

cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-500}
SALES=${SALES:-2000}
DRAIN=${DRAIN:-10000}
PORT=${PORT:-18183}
JAVA_OPTS=${JAVA_OPTS:-}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}

for tool in java javac curl; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/"; then
    echo "error: something already answers on port $PORT" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-till-bench.XXXXXX")
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
# One reactor run, so that the desktop's dependencies on the server and protocol resolve to their targets, not to
# ~/.m2 (nothing is installed there); every module writes the file, the desktop last.
./mvnw -B -o -q -pl desktop -am package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile="$TMP/cp.txt"
# Our own copies, so a rebuild during the run cannot change what is measured.
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
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" bootstrap "${DB_ARGS[@]}" --name "Till Bench Bistro" --json \
    >"$TMP/bootstrap.out" 2>"$TMP/bootstrap.log" || {
    echo "error: bootstrap failed:" >&2; cat "$TMP/bootstrap.log" "$TMP/bootstrap.out" >&2; exit 1; }
grep '^{' "$TMP/bootstrap.out" | tail -n 1 >"$TMP/bootstrap.json"

echo "== starting the Brigade server on port $PORT"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" serve --port "$PORT" --master-key-file "$TMP/master.key" \
    "${DB_ARGS[@]}" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "error: the server exited; log:" >&2; tail -n 40 "$TMP/server.log" >&2; exit 1; }
    curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/" && break
    sleep 0.1
done

echo "== compiling bench/TillOutbox.java"
javac -d "$TMP/classes" -cp "$CP" bench/TillOutbox.java

echo "== running (warm-up $WARMUP, pay->commit $SALES, drain $DRAIN)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$TMP/classes:$CP" TillOutbox --server "http://localhost:$PORT" --boot "$TMP/bootstrap.json" \
    --warmup "$WARMUP" --sales "$SALES" --drain "$DRAIN" --dir "$TMP/data" 2>&1 | tee "$TMP/run.log"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; exit 1; }
