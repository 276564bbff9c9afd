#!/usr/bin/env bash
# Re-fetch the vendored browser libraries from the npm registry (exact versions).
# The files are committed under static/vendor/, so the app never needs the network;
# run this only to upgrade them, then check the pages and commit.
set -euo pipefail
cd "$(dirname "$0")"
V=static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent leaflet@1.9.4 d3@7.9.2 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null)
for t in "$tmp"/*.tgz; do mkdir -p "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done
mkdir -p "$V/leaflet/images"
cp "$tmp"/leaflet-1.9.4/package/dist/{leaflet.js,leaflet.css} "$V/leaflet/"
cp "$tmp"/leaflet-1.9.4/package/dist/images/*.png "$V/leaflet/images/"
cp "$tmp"/d3-7.9.2/package/dist/d3.min.js "$V/"
cp "$tmp"/topojson-client-3.1.0/package/dist/topojson-client.min.js "$V/"
cp "$tmp"/world-atlas-2.0.2/package/countries-110m.json "$V/"
{
  echo "Third-party files vendored from the npm registry by ../../vendor.sh (exact versions; never loaded from a CDN)."
  echo
  for p in leaflet@1.9.4:leaflet-1.9.4 d3@7.9.2:d3-7.9.2 topojson-client@3.1.0:topojson-client-3.1.0 world-atlas@2.0.2:world-atlas-2.0.2; do
    echo "=== ${p%%:*} ==="; cat "$tmp/${p##*:}"/package/LICENSE*; echo
  done
  echo "world-atlas countries-110m.json is derived from Natural Earth (public domain)."
} > "$V/LICENSES.txt"
echo "vendored into $(pwd)/$V"
