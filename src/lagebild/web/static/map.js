// Map of events and places (Leaflet). Basemap: Natural Earth country outlines shipped with the
// app (world-atlas TopoJSON), no tiles, no network. Popups are built from DOM nodes with
// textContent; article data never becomes HTML.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || typeof L === "undefined") return;
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); return e; }
  function link(href, text) { var a = el("a", text); a.href = href; return a; }

  var map = L.map(box, { worldCopyJump: true, zoomSnap: 0.25, attributionControl: true }).setView([50, 15], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Grenzen: Natural Earth");

  function popup(p) {
    var d = el("div");
    if (p.kind === "place") {
      d.appendChild(el("b", p.name));
      d.appendChild(el("div", (p.type || "") + " · " + p.mentions + " Nennungen in " + p.articles + " Artikeln"));
      d.appendChild(link(p.url, "Nennungen ansehen"));
    } else {
      d.appendChild(el("b", (p.type || "Ereignis") + (p.name ? " – " + p.name : "")));
      [["Zeit", p.time], ["Wer", p.actor], ["Gegen/Wen", p.target], ["Status", p.status], ["Auslöser", p.trigger]]
        .forEach(function (kv) { if (kv[1]) d.appendChild(el("div", kv[0] + ": " + kv[1])); });
      (p.articles || []).forEach(function (id) {
        var row = el("div"); row.appendChild(link("/articles/" + encodeURIComponent(id), id)); d.appendChild(row);
      });
    }
    return d;
  }

  Promise.all([
    fetch(box.getAttribute("data-world")).then(function (r) { return r.json(); }),
    fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); })
  ]).then(function (res) {
    var world = res[0], data = res[1];
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { color: "#9aa0a6", weight: 0.8, fillColor: "#f7f7f2", fillOpacity: 1 },
      interactive: false
    }).addTo(map);
    var events = L.featureGroup(), places = L.featureGroup();
    var maxMentions = Math.max.apply(null, [1].concat(data.features.map(function (f) { return f.properties.mentions || 0; })));
    data.features.forEach(function (f) {
      var p = f.properties, c = f.geometry.coordinates;
      var m = p.kind === "place"
        ? L.circleMarker([c[1], c[0]], { radius: 4 + 10 * Math.sqrt((p.mentions || 0) / maxMentions), color: "#0b57d0", weight: 1, fillOpacity: 0.45 })
        : L.circleMarker([c[1], c[0]], { radius: 7, color: "#b3261e", weight: 2, fillColor: "#d55e00", fillOpacity: 0.8 });
      m.bindPopup(function () { return popup(p); });
      m.bindTooltip(function () { return el("span", p.name || p.type || ""); });
      (p.kind === "place" ? places : events).addLayer(m);
    });
    places.addTo(map); events.addTo(map);
    L.control.layers(null, { "Ereignisse": events, "Orte": places }, { collapsed: false }).addTo(map);
    var all = L.featureGroup([events, places]);
    if (all.getLayers().length && all.getBounds().isValid()) map.fitBounds(all.getBounds().pad(0.3), { maxZoom: 7 });
    box.setAttribute("data-ready", String(data.features.length));
  }).catch(function (e) {
    box.setAttribute("data-ready", "error");
    box.appendChild(el("p", "Karte nicht geladen: " + e.message));
  });
})();
