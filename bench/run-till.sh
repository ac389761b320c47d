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
WARMUP=${WARMUP:-500}
SALES=${SALES:-2000}
DRAIN=${DRAIN:-10000}
PORT=${PORT:-18183}
BENCH_NAME=till
# shellcheck source=bench/desktop-lib.sh
source "$(dirname "$0")/desktop-lib.sh"

echo "== compiling bench/TillOutbox.java"
javac -d "$TMP/classes" -cp "$CP" bench/TillOutbox.java

echo "== running (warm-up $WARMUP, pay->commit $SALES, drain $DRAIN)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$TMP/classes:$CP" TillOutbox --server "http://localhost:$PORT" --boot "$TMP/bootstrap.json" \
    --warmup "$WARMUP" --sales "$SALES" --drain "$DRAIN" --dir "$TMP/data" 2>&1 | tee "$TMP/run.log"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; exit 1; }
