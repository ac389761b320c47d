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
    jpackage --type deb --app-image "$1" --name Brigade --dest "$3" --app-version "$2" \
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

# --- desktop ---------------------------------------------------------------------------------
desktop_input=$TARGET/input/desktop
desktop_jar=$(cd "$desktop_input" && ls brigade-desktop-*.jar)
desktop_modules=$(modules_of "$desktop_input" "$desktop_input/$desktop_jar")
echo "desktop runtime modules: $desktop_modules"
link_runtime "$work/desktop-runtime" "$desktop_modules"

desktop_args=(--name Brigade --input "$desktop_input" --main-jar "$desktop_jar" --main-class io.brigade.desktop.Main
    --runtime-image "$work/desktop-runtime" --app-version "$APP_VERSION"
    --description "Brigade till, kitchen display and back office" --vendor "Brigade" --java-options "-Xmx512m")
case $os in
    linux)
        jpackage --type app-image --dest "$out" "${desktop_args[@]}" --icon "$here/src/main/icons/brigade.png" ;;
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
    # Desktop .deb from the image above: installs under /opt/brigade, with a menu entry and icon.
    desktop_deb "$out/Brigade" "$APP_VERSION" "$out"
    "$here/server-deb.sh" "$out/brigade-server" "$APP_VERSION" "$out"
fi

du -sh "$out"/* | sed 's/^/size: /'
