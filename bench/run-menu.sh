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
ITEMS=${ITEMS:-100000}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-40}
PORT=${PORT:-18184}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx1g}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
BENCH_NAME=menu
SERVER_ARGS=--no-mdns
# shellcheck source=bench/desktop-lib.sh
source "$(dirname "$0")/desktop-lib.sh"

echo "== compiling bench/MenuBench.java"
javac -d "$TMP/classes" -cp "$CP" bench/MenuBench.java

echo "== running (warm-up ${WARMUP} s, $ROUNDS rounds of $ITEMS items); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$TMP/classes:$CP" MenuBench --server "http://localhost:$PORT" --boot "$TMP/bootstrap.json" \
    --items "$ITEMS" --rounds "$ROUNDS" --warmup "$WARMUP" --dir "$TMP/tills" 2>&1 | tee "$TMP/run.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q '^RESULT ' "$TMP/run.log" || { echo "error: no RESULT line" >&2; exit 1; }
