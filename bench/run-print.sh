#!/usr/bin/env bash
# Pay -> receipt bytes at the printer (bench/PrintBench.java): a desktop with its built-in demo store and one network
# receipt printer (a test receiver on a free port of this machine). Builds the desktop offline into the module
# targets (nothing is installed), then runs the benchmark. See bench/README.md.
#
# Environment (all optional):
#   WARMUP_SECONDS  unmeasured sales first, for the JIT (default 40)
#   SALES           measured sales, one at a time (default 1000)
#   JAVA_OPTS       extra JVM options
#   KEEP_TMP        1 keeps the temp dir
set -euo pipefail

cd "$(dirname "$0")/.."

WARMUP_SECONDS=${WARMUP_SECONDS:-40}
SALES=${SALES:-1000}
JAVA_OPTS=${JAVA_OPTS:-}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-print-bench.XXXXXX")
cleanup() {
    local rc=$?
    if [[ ${KEEP_TMP:-0} == 1 || $rc != 0 ]]; then
        echo "temp dir kept: $TMP" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT

echo "== uptime: $(uptime)"
echo "== building, and the desktop's runtime class path (./mvnw -B -o -q -pl desktop -am package ...)"
./mvnw -B -o -q -pl desktop -am package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile="$TMP/cp.txt"
DESKTOP_JAR=$(ls desktop/target/brigade-desktop-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
cp "$DESKTOP_JAR" "$TMP/desktop.jar"
cp server/target/brigade-server.jar "$TMP/brigade-server.jar"
CP="$TMP/desktop.jar:$(sed -e "s#[^:]*/server/target/[^:]*#$TMP/brigade-server.jar#" "$TMP/cp.txt")"

echo "== compiling bench/PrintBench.java"
javac -d "$TMP/classes" -cp "$CP" bench/PrintBench.java

echo "== running (warm-up ${WARMUP_SECONDS}s, $SALES measured sales)"
# shellcheck disable=SC2086
java $JAVA_OPTS -Djava.awt.headless=true -cp "$TMP/classes:$CP" PrintBench --warmup-seconds "$WARMUP_SECONDS" \
    --sales "$SALES" --dir "$TMP/data" 2>"$TMP/run.err" | tee "$TMP/run.log"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; tail -n 40 "$TMP/run.err" >&2; exit 1; }
echo "== uptime: $(uptime)"
