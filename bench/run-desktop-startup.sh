#!/usr/bin/env bash
# Times the packaged desktop app from launch to its first frame and to the PIN pad, as logged by the app
# ("window shown N ms after launch", "sign-in ready N ms after launch"). RUNS starts over one fresh data
# directory: the first is the first start of a new install (it creates the demo restaurant), the rest are
# the starts a store sees every morning. Needs the app image (see README, "Installers") and an X display:
# DISPLAY is used if set, else a private Xvfb is started.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${APP:-installer/target/jpackage/Brigade/bin/Brigade}
runs=${RUNS:-8}
[ -x "$app" ] || { echo "no app image at $app; build it with the installers command in README.md" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
    Xvfb :93 -screen 0 1280x800x24 >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb' EXIT
    export DISPLAY=:93
    sleep 1
fi
home=$(mktemp -d)
# Start-up times on a shared machine depend on what else runs: print the load with the figures.
echo "$app, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
    log=$(mktemp)
    # No JAVA_HOME, no PATH to a JDK: the app runs on its own jlinked runtime, as on a store PC.
    env -i HOME="$home" DISPLAY="$DISPLAY" PATH=/usr/bin:/bin "$app" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do grep -q "sign-in ready" "$log" && break; sleep 0.1; done
    window=$(grep -o "window shown [0-9]*" "$log" | grep -o "[0-9]*$" || echo "?")
    ready=$(grep -o "sign-in ready [0-9]*" "$log" | grep -o "[0-9]*$" || echo "?")
    echo "run $i$([ "$i" = 1 ] && echo ' (first start)'): window ${window} ms, PIN pad ${ready} ms"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$log"
done
rm -rf "$home"
