#!/bin/sh
# Install aedesk for the current user: the app under ~/.local/lib/aedesk, the `aedesk`
# command in ~/.local/bin, and the menu entry and icons under ~/.local/share.
# Run it from the unpacked archive: ./install.sh    (./install.sh --uninstall removes it all)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/lib/aedesk
bin=$HOME/.local/bin/aedesk
id=io.github.aedesk

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir" "$bin" "$prefix/applications/$id.desktop" "$prefix/metainfo/$id.metainfo.xml"
    find "$prefix/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
    echo "aedesk removed"
    exit 0
fi

rm -rf "$app_dir"
mkdir -p "$app_dir" "$(dirname "$bin")" "$prefix"
cp -R "$here/aedesk" "$here/_internal" "$app_dir/"
ln -sf "$app_dir/aedesk" "$bin"
cp -R "$here/share/." "$prefix/"
# the menu entry runs the installed binary by its full path: ~/.local/bin may not be on PATH
sed -i "s|^Exec=aedesk|Exec=$app_dir/aedesk|" "$prefix/applications/$id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
echo "aedesk installed: run 'aedesk' or find it in the applications menu"
