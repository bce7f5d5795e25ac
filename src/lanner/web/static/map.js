// The event map: country outlines shipped with Lanner (plus tiles when configured), server-side clusters
// at low zoom and single events when few enough match. Popups are built with text nodes, never HTML strings.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box) { return; }
  var status = document.getElementById("map-status");
  var colours = JSON.parse(box.getAttribute("data-colours") || "{}");
  var baseQuery = box.getAttribute("data-query") || "";
  var map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([25, 20], 2);
  var tiles = box.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { attribution: box.getAttribute("data-attribution") || "", maxZoom: 18 }).addTo(map);
  }
  fetch("/basemap.geojson").then(function (r) { return r.json(); }).then(function (data) {
    L.geoJSON(data, { interactive: false, style: { color: "#7a8793", weight: 0.8, fillColor: "#f2efe6", fillOpacity: tiles ? 0 : 1 } })
      .addTo(map).bringToBack();
    box.setAttribute("data-basemap", "drawn");
  });
  var layer = L.layerGroup().addTo(map);
  var request = 0;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? "" : String(value);
    if (cls) { el.className = cls; }
    return el;
  }

  function popup(p) {
    var wrap = document.createElement("div");
    wrap.className = "map-popup";
    var link = text("a", p.type + (p.date ? " · " + p.date : ""), "event-link");
    link.href = "/events/" + encodeURIComponent(p.id);
    wrap.appendChild(link);
    wrap.appendChild(text("div", (p.place_name || "") + (p.fatalities != null ? " · " + p.fatalities + " killed" : "")));
    if (p.evidence) { wrap.appendChild(text("p", p.evidence, "evidence")); }
    return wrap;
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  function load() {
    var b = map.getBounds().pad(0.2);
    var west = clamp(b.getWest(), -180, 180), east = clamp(b.getEast(), -180, 180);
    if (b.getEast() - b.getWest() >= 360) { west = -180; east = 180; }
    var bbox = [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)].map(function (v) { return v.toFixed(4); }).join(",");
    var query = (baseQuery ? baseQuery + "&" : "") + "zoom=" + map.getZoom() + "&bbox=" + bbox;
    var mine = ++request;
    status.textContent = "Loading…";
    fetch("/map.geojson?" + query).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (mine !== request) { return; }
        if (!res.ok) { status.textContent = res.body.error ? res.body.error.message : "Error"; return; }
        draw(res.body);
      }).catch(function () { status.textContent = "Could not load the map data."; });
  }

  function draw(data) {
    layer.clearLayers();
    var meta = data.lanner || {};
    if (meta.mode === "points") {
      var group = L.markerClusterGroup({ maxClusterRadius: 40 });
      data.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        var m = L.circleMarker([c[1], c[0]], { radius: 7, color: "#222", weight: 1, fillColor: colours[p.type] || "#555", fillOpacity: 0.9 });
        m.bindPopup(popup(p));
        m.on("add", function () { var el = m.getElement && m.getElement(); if (el) { el.setAttribute("class", (el.getAttribute("class") || "") + " event-point"); el.setAttribute("data-event", p.id); } });
        group.addLayer(m);
      });
      layer.addLayer(group);
    } else {
      data.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        var r = 6 + Math.min(24, Math.sqrt(p.count) * 1.5);
        var m = L.circleMarker([c[1], c[0]], { radius: r, color: "#222", weight: 1, fillColor: colours[p.type] || "#555", fillOpacity: 0.75 });
        var lines = Object.keys(p.types || {}).map(function (t) { return t + ": " + p.types[t]; }).join("\n");
        var tip = text("div", p.count + " events\n" + lines, "map-tip");
        m.bindTooltip(tip);
        m.on("click", function () { map.setView([c[1], c[0]], Math.min(18, map.getZoom() + 2)); });
        layer.addLayer(m);
      });
    }
    status.textContent = meta.total + " events " + (meta.mode === "points" ? "shown" : "in clusters") + " in this view.";
    box.setAttribute("data-loaded", meta.mode || "");
  }

  map.on("moveend", load);
  load();
})();
