#!/usr/bin/env bash
# Till outbox benchmark: "Pay" -> local commit latency, and how fast a queued backlog drains to a real server.
# Builds the modules (offline), asks Maven for the desktop module's runtime class path, compiles
# bench/TillOutbox.java against it and runs it. The server runs inside the benchmark's JVM (as the desktop's
# embedded default does), on an H2 file in the temp dir. See bench/README.md.
#
# Environment (all optional):
#   WARMUP      unmeasured sales before the pay->commit measurement (default 500)
#   SALES       measured sales for pay->commit (default 2000)
#   DRAIN       sales queued with sync stopped, then drained (default 10000)
#   SKIP_BUILD  1 skips ./mvnw install (use the jars and classes already built)
#   JAVA_OPTS   extra JVM options for the benchmark
#   KEEP_TMP    1 keeps the temp dir (H2 files of the till and the server, class path, log)
set -euo pipefail

cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-500}
SALES=${SALES:-2000}
DRAIN=${DRAIN:-10000}
JAVA_OPTS=${JAVA_OPTS:-}

for tool in java javac; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-till-bench.XXXXXX")
cleanup() {
    local rc=$?
    if [[ ${KEEP_TMP:-0} == 1 || $rc != 0 ]]; then
        echo "temp dir kept: $TMP" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== building (./mvnw -B -o -q install -DskipTests)"
    ./mvnw -B -o -q install -DskipTests
fi
echo "== desktop runtime class path"
./mvnw -B -o -q -pl desktop dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$TMP/cp.txt"
# Our own copy of the desktop classes, so a rebuild during the run cannot change what is measured.
DESKTOP_JAR=$(ls desktop/target/brigade-desktop-*.jar | grep -v -e sources -e javadoc | head -n 1)
cp "$DESKTOP_JAR" "$TMP/desktop.jar"
CP="$TMP/desktop.jar:$(cat "$TMP/cp.txt")"

echo "== compiling bench/TillOutbox.java"
javac -d "$TMP/classes" -cp "$CP" bench/TillOutbox.java

echo "== running (warm-up $WARMUP, pay->commit $SALES, drain $DRAIN)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$TMP/classes:$CP" TillOutbox --warmup "$WARMUP" --sales "$SALES" --drain "$DRAIN" \
    --dir "$TMP/data" 2>&1 | tee "$TMP/run.log"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; exit 1; }
