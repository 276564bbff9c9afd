// Map of events and places (Leaflet). Basemap: Natural Earth country outlines shipped with the
// app (/assets/world.json, cut at the antimeridian by basemap.py), no tiles, no network. Nearby
// markers are grouped into clusters (a grid in screen pixels, redone at every zoom); a cluster
// zooms in on a click. Popups are built from DOM nodes with textContent; article data never
// becomes HTML.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || typeof L === "undefined") return;
  var CELL = 48;  // cluster cell in screen pixels
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); return e; }
  function link(href, text) { var a = el("a", text); a.href = href; return a; }
  function fmtDate(v) {  // 2023-09-12 -> 12.09.2023, 2023-09 -> 09/2023
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v || "");
    return !m ? v : m[3] ? m[3] + "." + m[2] + "." + m[1] : m[2] ? m[2] + "/" + m[1] : m[1];
  }

  var map = L.map(box, { worldCopyJump: true, zoomSnap: 0.25, attributionControl: true }).setView([50, 15], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Grenzen: Natural Earth");

  function popup(p) {
    var d = el("div");
    if (p.kind === "place") {
      d.appendChild(el("b", p.name));
      d.appendChild(el("div", (p.type || "") + " · " + p.mentions + (p.mentions === 1 ? " Nennung" : " Nennungen") +
        " in " + p.articles + (p.articles === 1 ? " Artikel" : " Artikeln")));
      d.appendChild(link(p.url, "Nennungen ansehen"));
    } else {
      d.appendChild(el("b", (p.type || "Ereignis") + (p.name ? " – " + p.name : "")));
      [["Zeit", fmtDate(p.time)], ["Wer", p.actor], ["Gegen/Wen", p.target], ["Status", p.status], ["Auslöser", p.trigger]]
        .forEach(function (kv) { if (kv[1]) d.appendChild(el("div", kv[0] + ": " + kv[1])); });
      (p.articles || []).forEach(function (id) {
        var row = el("div"); row.appendChild(link("/articles/" + encodeURIComponent(id), id)); d.appendChild(row);
      });
    }
    return d;
  }

  function marker(f, maxMentions) {
    var p = f.properties, c = f.geometry.coordinates;
    var m = p.kind === "place"
      ? L.circleMarker([c[1], c[0]], { radius: 4 + 10 * Math.sqrt((p.mentions || 0) / maxMentions), color: "#0b57d0", weight: 1, fillOpacity: 0.45 })
      : L.circleMarker([c[1], c[0]], { radius: 7, color: "#b3261e", weight: 2, fillColor: "#d55e00", fillOpacity: 0.8 });
    m.bindPopup(function () { return popup(p); });
    m.bindTooltip(function () { return el("span", p.name || p.type || ""); });
    m.feature = f;
    return m;
  }

  // Grid clustering: markers of one kind in the same CELL x CELL pixel square at this zoom become one
  // numbered circle; a click on it zooms to its markers (at the deepest zoom it lists them instead).
  function Clustered(markers, cls) {
    var group = L.layerGroup();
    function redraw() {
      group.clearLayers();
      var cells = {};
      markers.forEach(function (m) {
        var pt = map.project(m.getLatLng(), map.getZoom());
        var k = Math.floor(pt.x / CELL) + ":" + Math.floor(pt.y / CELL);
        (cells[k] = cells[k] || []).push(m);
      });
      Object.keys(cells).forEach(function (k) {
        var ms = cells[k];
        if (ms.length === 1) { group.addLayer(ms[0]); return; }
        var b = L.latLngBounds(ms.map(function (m) { return m.getLatLng(); }));
        var n = ms.length, size = n < 10 ? 28 : n < 100 ? 34 : 40;
        var c = L.marker(b.getCenter(), {
          icon: L.divIcon({ className: "cluster " + cls, html: "", iconSize: [size, size] }),
          title: n + (cls === "events" ? " Ereignisse" : " Orte") + " – hineinzoomen",
          keyboard: true
        });
        c.on("add", function () { var e = c.getElement(); if (e) { e.textContent = String(n); e.setAttribute("role", "button"); } });
        c.on("click", function () {
          if (map.getZoom() >= map.getMaxZoom() - 1 || b.getNorthEast().equals(b.getSouthWest())) {
            var d = el("div");
            ms.slice(0, 20).forEach(function (m) { d.appendChild(popup(m.feature.properties)); });
            L.popup().setLatLng(b.getCenter()).setContent(d).openOn(map);
          } else {
            map.fitBounds(b.pad(0.5));
          }
        });
        group.addLayer(c);
      });
    }
    map.on("zoomend", redraw);
    group.redraw = redraw;
    return group;
  }

  Promise.all([
    fetch(box.getAttribute("data-world")).then(function (r) { return r.json(); }),
    fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
  ]).then(function (res) {
    var world = res[0], data = res[1], feats = data.items || [];
    L.geoJSON(world, {
      style: { color: "#9aa0a6", weight: 0.8, fillColor: "#f7f7f2", fillOpacity: 1 },
      interactive: false
    }).addTo(map);
    var maxMentions = Math.max.apply(null, [1].concat(feats.map(function (f) { return f.properties.mentions || 0; })));
    var ev = [], pl = [];
    feats.forEach(function (f) { (f.properties.kind === "place" ? pl : ev).push(marker(f, maxMentions)); });
    var places = Clustered(pl, "places"), events = Clustered(ev, "events");
    places.addTo(map); events.addTo(map);
    L.control.layers(null, { "Ereignisse": events, "Orte": places }, { collapsed: false }).addTo(map);
    // zoom to content: the events shown (the places when there are none), without far-off outliers
    var b = data.bounds;
    if (b) {
      var bb = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
      map.fitBounds(bb.pad(0.25), { maxZoom: 7 });
    }
    places.redraw(); events.redraw();
    box.setAttribute("data-ready", String(feats.length));
  }).catch(function (e) {
    box.setAttribute("data-ready", "error");
    box.appendChild(el("p", "Karte nicht geladen: " + e.message));
  });
})();
