#!/usr/bin/env bash
# Wraps the server's app image into a .deb that runs it as a systemd service:
#   /opt/brigade-server/                    the app image (its own Java runtime)
#   /etc/brigade/server.conf                port, database URL and credentials (a conffile: upgrades keep it)
#   /lib/systemd/system/brigade-server.service
#   /var/lib/brigade-server/                the H2 database by default; kept on upgrade and on remove
# Usage: server-deb.sh APP_IMAGE VERSION OUT_DIR
set -euo pipefail
image=$1 version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
files=$here/src/main/server-deb
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/opt" "$stage/etc/brigade" "$stage/lib/systemd/system" "$stage/DEBIAN"
cp -a "$image" "$stage/opt/brigade-server"
install -m 0755 "$files/brigade-server-service" "$stage/opt/brigade-server/bin/brigade-server-service"
install -m 0640 "$files/server.conf" "$stage/etc/brigade/server.conf"
install -m 0644 "$files/brigade-server.service" "$stage/lib/systemd/system/brigade-server.service"
for script in postinst prerm postrm; do
    install -m 0755 "$files/$script" "$stage/DEBIAN/$script"
done
echo /etc/brigade/server.conf > "$stage/DEBIAN/conffiles"
size=$(du -sk "$stage/opt" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$files/control" > "$stage/DEBIAN/control"
fakeroot dpkg-deb --build -Zgzip "$stage" "$out/brigade-server_${version}_$(dpkg --print-architecture).deb" >/dev/null
echo "built $out/brigade-server_${version}_$(dpkg --print-architecture).deb"
