#!/usr/bin/env bash
# Builds the store-PC packages with the JDK's jlink and jpackage:
#   target/jpackage/Brigade/                 desktop app image (own trimmed runtime, no JDK needed)
#   target/jpackage/brigade-desktop_*.deb    the same as a Debian package with a menu entry and icon
#   target/jpackage/brigade-server/          server app image (own runtime)
#   target/jpackage/brigade-server_*.deb     the server as a systemd service, data under /var/lib
# Run through Maven: ./mvnw -B -Pinstallers -pl installer -am package -DskipTests
# It reads APP_VERSION, TARGET and SERVER_JAR from the environment (the pom sets them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

desktop_deb() { # $1 app image, $2 version, $3 output directory
    # Maintainer scripts: jpackage's templates plus making/removing the start-up class data at the install
    # location (src/main/desktop-deb; jpackage fills in its own placeholders, we fill in the install dir).
    local resources=$work/desktop-deb
    mkdir -p "$resources"
    for script in postinst prerm; do
        sed "s|@INSTALL_DIR@|$desktop_install_dir|g" "$here/src/main/desktop-deb/$script" > "$resources/$script"
    done
    jpackage --type deb --app-image "$1" --name Brigade --dest "$3" --app-version "$2" \
        --resource-dir "$resources" \
        --linux-package-name brigade-desktop --linux-package-deps libgtk-3-0 \
        --linux-shortcut --linux-menu-group "Office" --linux-app-category misc \
        --description "Brigade till, kitchen display and back office" --vendor "Brigade" \
        --about-url "https://github.com/brigade" --linux-deb-maintainer "brigade@localhost"
}


: "${APP_VERSION:?}" "${TARGET:?}" "${SERVER_JAR:?}"
case "$APP_VERSION" in *SNAPSHOT*) echo "package.sh: APP_VERSION must be a release version, got $APP_VERSION" >&2; exit 2 ;; esac
out=$TARGET/jpackage
work=$TARGET/work
rm -rf "$out" "$work"
mkdir -p "$out" "$work"
# Which native packages: .deb on Linux (DEBS=0 skips them), .msi on Windows (WiX 3 on PATH), .dmg and
# .pkg on macOS. jpackage builds only for the system it runs on.
case "$(uname -s)" in
    Linux) os=linux; sep=: ;;
    Darwin) os=mac; sep=: ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; sep=';' ;;
    *) echo "package.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
debs=${DEBS:-1}

modules_of() { # the JDK modules a class path needs, from jdeps, plus what only shows at run time
    local cp
    cp=$(find "$1" -name '*.jar' | sort | tr '\n' "$sep")
    local found
    found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "$cp" $2)
    # TLS to a remote server or webhook receiver (EC ciphers), and number/currency formats for the
    # locales a store is likely to run in.
    echo "$found,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs"
}

link_runtime() { # $1 output, $2 modules
    # --generate-cds-archive: without the JDK's class-data sharing archive a jlinked runtime loads every JDK
    # class from scratch, which costs the packaged app about half a second of its start.
    jlink --add-modules "$2" --include-locales=en,de,fr,es,it,nl,pt,pl,sv,da,nb,fi,ga \
        --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$1"
}

# --- start-up class data (Linux) ---------------------------------------------------------------
# The packaged app starts with an application class-data sharing (AppCDS) archive, brigade.jsa: the JDK and
# app classes it needs until the PIN pad and the workspaces, parsed and laid out once, mapped at start
# instead of loaded one by one from 48 jars (about 1 s of a 3.6 s start on this machine). The list of those
# classes is recorded here by starting the image twice (a first start and a later one) under an X display;
# the archive itself is dumped from the list where the app lives: in the image below (cds_dump), and by the
# .deb's postinst under /opt, because JDK 17 only maps an archive whose class path matches the jars' paths.
desktop_install_dir=/opt/brigade-desktop

with_display() { # runs "$@" with DISPLAY set: the caller's, else a private Xvfb on a free display number
    if [ -n "${DISPLAY:-}" ]; then
        "$@"
        return
    fi
    command -v Xvfb >/dev/null || { echo "package.sh: recording start-up classes needs Xvfb or a DISPLAY" >&2; exit 2; }
    command -v xdotool >/dev/null || { echo "package.sh: recording start-up classes needs xdotool" >&2; exit 2; }
    local n=90
    while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true' EXIT
    for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
    DISPLAY=":$n" "$@"
    kill "$xvfb"
    wait "$xvfb" 2>/dev/null || true
    trap - EXIT
}

record_classes() { # $1 launcher, $2 HOME for the run, $3 class list to write; tries twice
    local log=$work/record-classes.log attempt
    for attempt in 1 2; do
        env -i HOME="$2" DISPLAY="$DISPLAY" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$3" \
            "$1" >"$log" 2>&1 &
        local pid=$!
        local answered=false
        for _ in $(seq 1 3000); do
            grep -q "sign-in ready" "$log" && break
            # A new install first asks whether this PC is the store: Enter takes the default, yes. Clicking an
            # empty corner first gives the window the keyboard (Xvfb has no window manager).
            if ! $answered && grep -q "store question shown" "$log"; then
                sleep 1
                xdotool mousemove 5 795 click 1 key Return
                answered=true
            fi
            sleep 0.1
        done
        if grep -q "sign-in ready" "$log"; then
            sleep 5 # the workspaces are built right after the PIN pad shows: their classes belong in the list too
            kill "$pid"
            wait "$pid" 2>/dev/null || true
            return 0
        fi
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        echo "package.sh: the app image did not reach sign-in in 5 minutes while recording its classes (try $attempt):" >&2
        cat "$log" >&2
    done
    exit 1
}

record_start_up_classes() { # $1 app image: writes lib/app/brigade.classlist
    local home=$work/record-home
    rm -rf "$home"
    mkdir -p "$home"
    # The first start of a new install (it creates the demo restaurant), then a later start, merged.
    record_classes "$1/bin/Brigade" "$home" "$work/first.classlist"
    record_classes "$1/bin/Brigade" "$home" "$work/later.classlist"
    awk '!seen[$0]++' "$work/first.classlist" "$work/later.classlist" > "$1/lib/app/brigade.classlist"
    echo "start-up classes: $(grep -vc '^[#@]' "$1/lib/app/brigade.classlist") recorded"
}

cds_dump() { # $1 app image: dumps lib/app/brigade.jsa from the class list (what the .deb's postinst does)
    rm -f "$1/lib/app/brigade.jsa"
    # The launcher does the dump, so the archive records exactly the class path it starts the app with.
    env -i HOME="$work" PATH=/usr/bin:/bin \
        JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$1/lib/app/brigade.classlist" \
        "$1/bin/Brigade" > "$work/cds-dump.log" 2>&1 || { cat "$work/cds-dump.log" >&2; exit 1; }
    [ -s "$1/lib/app/brigade.jsa" ] || { echo "package.sh: no archive was dumped" >&2; cat "$work/cds-dump.log" >&2; exit 1; }
}

# --- desktop ---------------------------------------------------------------------------------
desktop_input=$TARGET/input/desktop
desktop_jar=$(cd "$desktop_input" && ls brigade-desktop-*.jar)
desktop_modules=$(modules_of "$desktop_input" "$desktop_input/$desktop_jar")
# JavaFX's native libraries beside its jars: JavaFX loads them from there directly, instead of copying them
# out of its jar into ~/.openjfx/cache and checksumming them on every start.
for fxjar in "$desktop_input"/javafx-graphics-*-"$os".jar; do
    [ -e "$fxjar" ] || continue
    (cd "$desktop_input" && jar tf "$fxjar" | grep -E '\.(so|dll|dylib)$' | xargs jar xf "$fxjar")
done
echo "desktop runtime modules: $desktop_modules"
link_runtime "$work/desktop-runtime" "$desktop_modules"

desktop_args=(--name Brigade --input "$desktop_input" --main-jar "$desktop_jar" --main-class io.brigade.desktop.Main
    --runtime-image "$work/desktop-runtime" --app-version "$APP_VERSION"
    --description "Brigade till, kitchen display and back office" --vendor "Brigade" --java-options "-Xmx512m"
    # C1 only: no C2 compiler threads competing with the start-up for a store PC's few cores (measured on
    # 2 cores: PIN pad 0.4-0.8 s sooner, 15% less CPU to get there). A till's work is UI and small requests,
    # where C2's peak speed is not felt. Delete the line in lib/app/Brigade.cfg to get C2 back.
    --java-options "-XX:TieredStopAtLevel=1")
case $os in
    linux)
        # $APPDIR is the launcher's own lib/app folder, wherever the image is installed.
        jpackage --type app-image --dest "$out" "${desktop_args[@]}" --icon "$here/src/main/icons/brigade.png" \
            --java-options '-XX:SharedArchiveFile=$APPDIR/brigade.jsa'
        # Our launcher script in place of jpackage's native one: same cfg, no rpm/dpkg lookups (see README).
        install -m 0755 "$here/src/main/linux-launcher/Brigade" "$out/Brigade/bin/Brigade"
        with_display record_start_up_classes "$out/Brigade" ;;
    windows)
        # A fixed upgrade UUID makes a newer .msi replace the older one instead of installing beside it.
        jpackage --type msi --dest "$out" "${desktop_args[@]}" --win-menu --win-shortcut --win-dir-chooser \
            --win-per-user-install --win-upgrade-uuid 6f1c5a86-3c2e-4d5e-9d8b-5b1f0c6e2a41 ;;
    mac)
        for type in dmg pkg; do
            jpackage --type "$type" --dest "$out" "${desktop_args[@]}" --mac-package-identifier io.brigade.desktop
        done ;;
esac
if [ "$os" != linux ]; then
    du -sh "$out"/* | sed 's/^/size: /'
    exit 0
fi

# --- server ----------------------------------------------------------------------------------
mkdir -p "$work/server-input"
cp "$SERVER_JAR" "$work/server-input/brigade-server.jar"
server_modules=$(modules_of "$work/server-input" "$work/server-input/brigade-server.jar")
echo "server runtime modules: $server_modules"
link_runtime "$work/server-runtime" "$server_modules"
jpackage --type app-image --name brigade-server --dest "$out" \
    --input "$work/server-input" --main-jar brigade-server.jar --main-class io.brigade.server.Main \
    --runtime-image "$work/server-runtime" --app-version "$APP_VERSION" \
    --description "Brigade server" --vendor "Brigade"

if [ "$debs" = 1 ]; then
    # Desktop .deb from the image above: installs under /opt/brigade-desktop, with a menu entry and icon.
    # Built before the image's own archive is dumped: that one names this build's paths, useless under /opt.
    desktop_deb "$out/Brigade" "$APP_VERSION" "$out"
    "$here/server-deb.sh" "$out/brigade-server" "$APP_VERSION" "$out"
fi
cds_dump "$out/Brigade"

du -sh "$out"/* | sed 's/^/size: /'
