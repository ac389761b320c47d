#!/usr/bin/env bash
# The till's floor redraw (bench/FloorRedraw.java): a floor of 60 tables with 40 open checks, one check changing
# state at a time (open -> sent -> bill), shown through the floor's view model as the till's floor does; the time
# from the view model's update to the end of the next layout pulse (CSS and layout of the tiles done, ready to be
# painted), on the FX thread. Builds the desktop offline into the module targets (nothing is installed) and needs
# an X display: a private Xvfb is started when DISPLAY is unset.
#
# Environment (all optional): WARMUP (40 s), MEASURE (20 s), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-floor-bench.XXXXXX")
XVFB=
cleanup() {
    [[ -n $XVFB ]] && kill "$XVFB" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

echo "== building the desktop and its runtime class path (./mvnw -B -o -q -pl desktop -am package ...)"
./mvnw -B -o -q -pl desktop -am package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile="$TMP/cp.txt"
DESKTOP_JAR=$(ls desktop/target/brigade-desktop-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
cp "$DESKTOP_JAR" "$TMP/desktop.jar"
CP="$TMP/desktop.jar:$(cat "$TMP/cp.txt")"

if [[ -z ${DISPLAY:-} ]]; then
    for n in $(seq 90 99); do
        [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] && continue
        Xvfb ":$n" -screen 0 1280x800x24 >/dev/null 2>&1 &
        XVFB=$!
        export DISPLAY=":$n"
        break
    done
    for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${DISPLAY#:} ]] && break; sleep 0.1; done
fi

javac -d "$TMP/classes" -cp "$CP" bench/FloorRedraw.java
echo "== uptime: $(uptime)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dwarmup="${WARMUP:-40}" -Dseconds="${MEASURE:-20}" -cp "$TMP/classes:$CP" FloorRedraw
echo "== uptime: $(uptime)"
