#!/usr/bin/env bash
# tst_package: checks the Debian package that `cmake --build BUILD --target package` made (scripts/test builds it
# before ctest runs).
#
#   tst_package.sh BUILD_DIR VERSION
#
# Always: the .deb exists; its file list has both binaries, the desktop entry, the AppStream metainfo and the
# hicolor icons; Depends names the fonts, the Qt platform and SVG plugins, the Qt libraries and PoDoFo; the desktop entry
# and the metainfo taken out of the package validate; the metainfo's newest release is VERSION.
# As root (CI): installs it with apt-get, runs both installed binaries with --version without a display, and
# removes the package again unless it was installed before the test. Not root: exits 77 (ctest: skipped) after
# the checks above passed.
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[ $# -eq 2 ] || fail "usage: tst_package.sh BUILD_DIR VERSION"
build_dir=$1
version=$2
name=iamsmart-console
app_id=hk.iamsmart.console
arch=$(dpkg --print-architecture)
deb="$build_dir/${name}_${version}_${arch}.deb"

[ -f "$deb" ] || fail "no package at $deb: build it first with 'cmake --build $build_dir --target package'
(scripts/test does this before ctest)"
for source in "$build_dir/bin/iamsmart-console" "$build_dir/bin/iamsmart"; do
    [ "$deb" -nt "$source" ] || fail "$deb is older than $source: rebuild it with 'cmake --build $build_dir --target package'"
done
echo "package: $deb ($(stat -c %s "$deb") bytes)"

# --- file list ---------------------------------------------------------------------------------------------
listing=$(dpkg-deb -c "$deb") || fail "dpkg-deb -c cannot read $deb"
expected=(
    /usr/bin/iamsmart-console
    /usr/bin/iamsmart
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    "/usr/share/doc/$name/copyright"
)
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    # dpkg-deb -c prints "perms owner/group size date time ./usr/bin/..." per entry.
    grep -qE " \.${path//./\\.}\$" <<<"$listing" || fail "$deb does not contain $path"
done
grep -qE '^-rwxr-xr-x root/root .* \./usr/bin/iamsmart-console$' <<<"$listing" \
    || fail "/usr/bin/iamsmart-console is not an executable owned by root"

# --- control fields ----------------------------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Package)" = "$name" ] || fail "Package field is not $name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version field is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in fonts-noto-cjk qt6-qpa-plugins libqt6svg6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libc6 libpodofo0.9.8; do
    grep -qE "(^|, )$dep( |,|\$)" <<<"$depends" || fail "Depends does not name $dep: $depends"
done
grep -q "gnome-keyring" <<<"$(dpkg-deb -f "$deb" Recommends)" || fail "Recommends does not name gnome-keyring"
for field in Maintainer Section Homepage Description; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "control field $field is empty"
done
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -gt 2 ] || fail "Description has no long description"

# --- desktop entry and metainfo, as shipped ------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x cannot unpack $deb"
desktop="$work/root/usr/share/applications/$app_id.desktop"
metainfo="$work/root/usr/share/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $app_id.desktop"
[ -z "$(desktop-file-validate "$desktop")" ] || fail "desktop-file-validate has remarks on $app_id.desktop"
grep -qx "Icon=$app_id" "$desktop" || fail "$app_id.desktop does not name the icon $app_id"
grep -qx "Exec=iamsmart-console" "$desktop" || fail "$app_id.desktop does not start iamsmart-console"
validation=$(appstreamcli validate --no-net --pedantic "$metainfo") || {
    echo "$validation" >&2
    fail "appstreamcli validate rejects $app_id.metainfo.xml"
}
echo "$validation"
# Infos and pedantic remarks do not change the exit code; the shipped file has none, so any is a regression.
! grep -qE '^[EWIP]: ' <<<"$validation" || fail "appstreamcli validate --pedantic has remarks on $app_id.metainfo.xml"
first_release=$(grep -oE '<release [^>]*version="[^"]+"' "$metainfo" | head -n1 | sed -E 's/.*version="([^"]+)".*/\1/')
[ "$first_release" = "$version" ] \
    || fail "the newest <release> in $app_id.metainfo.xml is '$first_release', the project version is $version"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "$app_id.metainfo.xml does not launch $app_id.desktop"
for size in 16 32 48 64 128 256; do
    png="$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    # PNG header: 8-byte signature, IHDR length and type, then width and height as 32-bit big-endian.
    dims=$(od -An -tx1 -j16 -N8 "$png" | tr -d ' \n')
    [ "$dims" = "$(printf '%08x%08x' "$size" "$size")" ] || fail "${size}x${size} icon is not $size by $size pixels"
done

# --- install and run ---------------------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: not root, so the package is not installed (the checks above passed)"
    exit 77
fi
installed_before=no
dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" && installed_before=yes
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q -o DPkg::Lock::Timeout=180 --no-install-recommends --reinstall "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install $deb failed"; }
if [ "$installed_before" = no ]; then
    trap 'dpkg --purge '"$name"' >/dev/null || echo "warning: could not remove '"$name"'" >&2; rm -rf "$work"' EXIT
fi
[ "$(dpkg-query -W -f='${Version}' "$name")" = "$version" ] || fail "installed $name is not version $version"
for binary in iamsmart-console iamsmart; do
    # No display: --version must not need one.
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "/usr/bin/$binary" --version) \
        || fail "/usr/bin/$binary --version exited with $?"
    [ "$out" = "$binary $version" ] || fail "/usr/bin/$binary --version printed '$out', expected '$binary $version'"
    echo "$out"
done
echo "PASS: $deb installs and runs (package $([ "$installed_before" = yes ] && echo "left installed, as it was before" || echo "removed again"))"
