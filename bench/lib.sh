# Shared by the benchmark scripts (run-sales.sh, run-v1-meals.sh): reads the common environment
# (documented in each script), checks tools and ports, copies the server jar, compiles the load
# generator and the bare Jetty endpoint, bootstraps a demo org (its JSON in BOOT) and defines
# start_server, load, bare_baseline, summary and ratio. Source it first thing, after
# CALLER_SECONDS=$SECONDS.
set -euo pipefail

cd "$(dirname "$0")/.."

SERVER_JAR=${SERVER_JAR:-server/target/brigade-server.jar}
if [[ -n ${MEASURE_SECONDS:-} ]]; then
    MEASURE=$MEASURE_SECONDS
elif (( CALLER_SECONDS > 0 )); then
    MEASURE=$CALLER_SECONDS
else
    MEASURE=20
fi
WARMUP=${WARMUP:-20}
CLIENTS=${CLIENTS:-16}
CLIENT=${CLIENT:-raw}
PORT=${PORT:-18181}
BARE_PORT=${BARE_PORT:-18182}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:-}

for tool in java javac curl jq; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
[[ -f $SERVER_JAR ]] || { echo "error: $SERVER_JAR not found; build it with ./mvnw -pl server -am package" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brigade-bench.XXXXXX")
SERVER_PID=
BARE_PID=

stop() { # stop PID NAME: TERM, wait up to 10 s, then KILL
    local pid=$1 name=$2
    [[ -n $pid ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "$name did not stop in 10 s; killing it" >&2
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    stop "$BARE_PID" "bare Jetty"
    stop "$SERVER_PID" "Brigade server"
    if [[ ${KEEP_TMP:-0} == 1 || $rc != 0 ]]; then
        echo "temp dir kept: $TMP (server.log, bare.log, run-*.log)" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! curl -s -o /dev/null --max-time 1 "http://localhost:$1/"; }

wait_for_port() { # wait_for_port PORT PID NAME LOG
    local port=$1 pid=$2 name=$3 log=$4
    for _ in $(seq 1 600); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "error: $name exited during startup; log:" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        curl -s -o /dev/null --max-time 1 "http://localhost:$port/" && return 0
        sleep 0.1
    done
    echo "error: $name did not answer on port $port within 60 s; log:" >&2
    tail -n 40 "$log" >&2
    exit 1
}

cpu_idle() { # percent idle over the next second, from /proc/stat
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 1
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
    echo $(( total > 0 ? 100 * (b[4] - a[4]) / total : 100 ))
}
IDLE_BEFORE=$(cpu_idle)
if (( IDLE_BEFORE < 90 )); then
    echo "warning: the machine is only ${IDLE_BEFORE}% idle before the benchmark; other processes will skew it:" >&2
    ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -n 5 >&2
fi

for p in "$PORT" "$BARE_PORT"; do
    port_free "$p" || { echo "error: something already answers on port $p" >&2; exit 1; }
done

# Our own copy of the jar, so a rebuild during the run cannot change what is measured.
JAR=$TMP/brigade-server.jar
cp "$SERVER_JAR" "$JAR"

echo "== compiling the load generator and the bare Jetty endpoint"
javac -d "$TMP/classes" bench/SalesLoad.java
javac -d "$TMP/classes" -cp "$JAR" bench/BareJetty.java

DB=${DB_URL:-jdbc:h2:file:$TMP/bench}
DB_LABEL=${DB_URL:-"H2 file (temp dir)"}
DB_ARGS=(--db "$DB")
[[ -n ${DB_USER:-} ]] && DB_ARGS+=(--db-user "$DB_USER")
[[ -n ${DB_PASSWORD:-} ]] && DB_ARGS+=(--db-password "$DB_PASSWORD")

echo "== bootstrapping a demo org in $DB"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$JAR" bootstrap "${DB_ARGS[@]}" --json >"$TMP/bootstrap.out" 2>"$TMP/bootstrap.log" || {
    echo "error: bootstrap failed:" >&2; cat "$TMP/bootstrap.log" "$TMP/bootstrap.out" >&2; exit 1; }
BOOT=$(grep '^{' "$TMP/bootstrap.out" | tail -n 1)

start_server() { # start_server EXTRA_SERVE_ARGS...: the Brigade server on PORT, over DB
    echo "== starting the Brigade server on port $PORT"
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -jar "$JAR" serve --port "$PORT" "$@" "${DB_ARGS[@]}" >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_port "$PORT" "$SERVER_PID" "Brigade server" "$TMP/server.log"
}

declare -A RESULT
load() { # load NAME ARGS...: runs SalesLoad, keeps its RESULT json in RESULT[NAME]
    local name=$1; shift
    echo
    echo "== run: $name"
    # shellcheck disable=SC2086
    java $LOAD_JAVA_OPTS -cp "$TMP/classes" SalesLoad "$@" --client "$CLIENT" \
        --warmup "$WARMUP" --seconds "$MEASURE" | tee "$TMP/run-$name.log"
    RESULT[$name]=$(grep '^RESULT ' "$TMP/run-$name.log" | tail -n 1 | cut -d' ' -f2-)
    [[ -n ${RESULT[$name]} ]] || { echo "error: run $name printed no RESULT" >&2; exit 1; }
}

bare_baseline() { # stops the Brigade server, then measures the bare Jetty endpoint as RESULT[bare-CLIENTS]
    # Free the CPU for the baseline: the bare endpoint gets the machine to itself, as the server did.
    stop "$SERVER_PID" "Brigade server"
    SERVER_PID=
    echo
    echo "== starting bare Jetty on port $BARE_PORT"
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -cp "$JAR:$TMP/classes" BareJetty "$BARE_PORT" >"$TMP/bare.log" 2>&1 &
    BARE_PID=$!
    wait_for_port "$BARE_PORT" "$BARE_PID" "bare Jetty" "$TMP/bare.log"
    load "bare-$CLIENTS" --bare "http://localhost:$BARE_PORT/" --clients "$CLIENTS" --server-pid "$BARE_PID"
    stop "$BARE_PID" "bare Jetty"
    BARE_PID=
    if grep -qE ' (ERROR|WARN) ' "$TMP/server.log"; then
        echo
        echo "== server log warnings/errors (first 20)"
        grep -E ' (ERROR|WARN) ' "$TMP/server.log" | head -n 20
    fi
}

summary() { # summary NAME=LABEL...: one table row per run, then warnings about the runs
    local pair
    echo
    echo "== summary (cores: $(nproc), idle before: ${IDLE_BEFORE}%, db: ${DB_LABEL%%\?*}, client: $CLIENT, warmup ${WARMUP}s, measure ${MEASURE}s)"
    {
        printf 'run\tclients\ttarget/s\tper_s\tp50_ms\tp99_ms\tmax_ms\terrors\tcpu_server\tcpu_loadgen\tcpu_other\n'
        for pair in "$@"; do
            jq -r --arg name "${pair#*=}" '[$name, .clients, (.targetRate // "-"), .perSecond, .p50ms, .p99ms,
                .maxms, .errors, (.cpuServer // "?"), (.cpuLoadGen // "?"), (.cpuOther // "?")] | @tsv' \
                <<<"${RESULT[${pair%%=*}]}"
        done
    } | column -t -s $'\t'
    echo "(cpu_* = cores busy during the measurement: the server under test, the load generator, everything else)"
    if jq -se 'map(.cpuOther // 0) | max > 0.2' <<<"${RESULT[*]}" >/dev/null; then
        echo "WARNING: other processes used CPU during some runs (cpu_other); rerun on a quiet machine"
    fi
    if jq -se 'map(.errors + .warmupErrors) | add > 0' <<<"${RESULT[*]}" >/dev/null; then
        echo "WARNING: some requests failed; first response body per status:"
        cat "$TMP"/run-*.log | grep -E '^sample ' | sort -u | head -n 10
    fi
}

ratio() { # ratio NAME LABEL: RESULT[NAME] per second over the bare Jetty's
    local n b r
    n=$(jq .perSecond <<<"${RESULT[$1]}")
    b=$(jq .perSecond <<<"${RESULT[bare-$CLIENTS]}")
    r=$(jq -n --argjson s "$n" --argjson b "$b" 'if $b > 0 then ($s / $b * 1000 | round) / 1000 else null end')
    echo
    echo "ratio: $CLIENTS-client $2 ($n) / bare Jetty req/s ($b) = $r"
}
