#!/bin/sh
# Make the macOS disk image from the built app:
#     packaging/macos/make_dmg.sh "build/pyinstaller/dist/Consult Desktop.app" dist/ConsultDesktop-0.1.0-macos-arm64.dmg
# The image holds the app and a link to /Applications (drag to install). When CONSULT_CODESIGN_IDENTITY names a
# Developer ID certificate in the keychain, the app is signed (hardened runtime) before imaging and the image
# after; notarisation (xcrun notarytool) is a separate, credentialed step. Needs macOS (hdiutil, ditto).
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 APP_PATH OUTPUT.dmg" >&2
    exit 2
fi
APP=$1
OUT=$2
VOLUME="Consult Desktop"

if [ ! -d "$APP/Contents/MacOS" ]; then
    echo "$APP is not an application bundle" >&2
    exit 1
fi

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/consult-dmg.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT INT TERM

# ditto keeps the symbolic links, permissions and extended attributes of the frameworks inside the app.
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"

if [ -n "${CONSULT_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CONSULT_CODESIGN_IDENTITY" \
        "$STAGE/$(basename "$APP")"
fi

mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
hdiutil create -volname "$VOLUME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 "$OUT"
hdiutil verify "$OUT"

if [ -n "${CONSULT_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CONSULT_CODESIGN_IDENTITY" "$OUT"
fi
echo "Disk image: $OUT ($(du -h "$OUT" | cut -f1))"
