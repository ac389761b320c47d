# Shared by the benchmarks that run desktop code against a separate server (run-till.sh, run-menu.sh). Before
# sourcing it, set PORT, BENCH_NAME (the demo org's name and the temp dir's) and optionally SERVER_ARGS (extra
# arguments of `serve`). It checks tools and the port, builds the server jar and the desktop (offline, into the
# module targets: nothing is installed), copies them into a temp dir (TMP), puts the desktop's runtime class path
# in CP, bootstraps a demo org on a fresh H2 file (or $DB_URL) into $TMP/bootstrap.json and starts the server
# (SERVER_PID), stopped again on exit.
set -euo pipefail

cd "$(dirname "$0")/.."

SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
JAVA_OPTS=${JAVA_OPTS:-}
SERVER_ARGS=${SERVER_ARGS:-}

for tool in java javac curl; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/"; then
    echo "error: something already answers on port $PORT" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-$BENCH_NAME-bench.XXXXXX")
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
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" bootstrap "${DB_ARGS[@]}" --name "$BENCH_NAME bench bistro" \
    --json >"$TMP/bootstrap.out" 2>"$TMP/bootstrap.log" || {
    echo "error: bootstrap failed:" >&2; cat "$TMP/bootstrap.log" "$TMP/bootstrap.out" >&2; exit 1; }
grep '^{' "$TMP/bootstrap.out" | tail -n 1 >"$TMP/bootstrap.json"

echo "== starting the Brigade server on port $PORT ($SERVER_JAVA_OPTS)"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$TMP/brigade-server.jar" serve --port "$PORT" --master-key-file "$TMP/master.key" \
    $SERVER_ARGS "${DB_ARGS[@]}" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "error: the server exited; log:" >&2; tail -n 40 "$TMP/server.log" >&2; exit 1; }
    curl -s -o /dev/null --max-time 1 "http://localhost:$PORT/" && break
    sleep 0.1
done
