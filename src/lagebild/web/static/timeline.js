// Zoomable timeline of events (d3): one lane per event type, each event a bar over the days its
// time covers (a month-precise date spans its month), articles per day below. Data from
// /api/timeline; every text goes in through d3's .text() (textContent), never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("timeline");
  if (!box || typeof d3 === "undefined") return;
  var detail = document.getElementById("tl-detail");
  var DAY = 864e5;
  var COLOURS = { reported: "#0072B2", planned: "#E69F00", denied: "#D55E00", hypothetical: "#999999" };
  // German axis labels and dates ("Sa 28", "März")
  d3.timeFormatDefaultLocale({
    dateTime: "%A, %e. %B %Y, %X", date: "%d.%m.%Y", time: "%H:%M:%S", periods: ["", ""],
    days: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    shortDays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    shortMonths: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
  });
  var parse = d3.utcParse("%Y-%m-%d");
  // TIMEX3 parts of the day an event's time may keep after its date (2026-05-02TNI)
  var PARTS = { MO: "morgens", MI: "mittags", AF: "nachmittags", EV: "abends", NI: "nachts", DT: "tagsüber" };
  var WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function weekDay(y, w, d) {  // ISO year, week and weekday (1-7) -> "dd.mm.yyyy"
    var jan4 = new Date(Date.UTC(y, 0, 4)), monday = +jan4 - ((jan4.getUTCDay() + 6) % 7) * DAY;
    var t = new Date(monday + ((w - 1) * 7 + d - 1) * DAY);
    return two(t.getUTCDate()) + "." + two(t.getUTCMonth() + 1) + "." + t.getUTCFullYear();
  }
  // the day of a week-style value: 2026-W18-6 -> 02.05.2026, XXXX-WXX-6 (undated) -> Samstag, 2026-W18 -> KW 18/2026,
  // a weekend (-WE) -> Wochenende
  function fmtWeek(m) {
    if (m[3] === "WE") return "Wochenende" + (m[2] !== "XX" ? " KW " + +m[2] + (m[1] !== "XXXX" ? "/" + m[1] : "") : "");
    if (m[3] && m[1] !== "XXXX" && m[2] !== "XX") return weekDay(+m[1], +m[2], +m[3]);
    if (m[3]) return WEEKDAYS[+m[3] - 1];
    return "KW " + +m[2] + (m[1] !== "XXXX" ? "/" + m[1] : "");
  }
  function withTime(day, t) {  // the clock or the part of the day after the day
    return !t ? day : /:/.test(t) ? day + ", " + t + " Uhr" : day + (PARTS[t] ? ", " + PARTS[t] : "");
  }
  function fmtDate(v) {  // 2023-09-12 -> 12.09.2023, 2023-09 -> 09/2023, 2023-09-12T23:50 -> 12.09.2023, 23:50 Uhr
    var w = /^(\d{4}|XXXX)-W(\d{2}|XX)(?:-(\d|WE))?(?:T(\d{2}:\d{2}|[A-Z]{2}))?$/.exec(v || "");
    if (w && w[3] && !/^([1-7]|WE)$/.test(w[3])) return v;
    if (w) return withTime(fmtWeek(w), w[4]);
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}:\d{2}|[A-Z]{2}))?$/.exec(v || "");
    if (!m) return v;
    var day = m[3] ? m[3] + "." + m[2] + "." + m[1] : m[2] ? m[2] + "/" + m[1] : m[1];
    return withTime(day, m[4]);
  }
  function label(e) { return e.type_label || e.type || "Ereignis"; }

  function articleUrl(id) { return "/articles/" + encodeURIComponent(id); }
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); return e; }

  fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (e) { box.replaceChildren(el("p", "Zeitleiste nicht geladen: " + e.message)); });

  function draw(data) {
    var events = (data.items || []).map(function (e) {
      var s = parse(e.start), t = parse(e.end);
      return s && t ? Object.assign({}, e, { s: s, t: new Date(+t + DAY) }) : null;
    }).filter(Boolean);
    var days = data.articles_per_day.map(function (d) { return { d: parse(d.day), n: d.articles }; })
      .filter(function (d) { return d.d; });
    box.replaceChildren();
    if (!events.length && !days.length) {
      box.appendChild(el("p", "Keine datierten Ereignisse oder Artikel."));
      box.setAttribute("data-ready", "0");
      return;
    }

    // lanes by type (most frequent first); inside a lane, overlapping events get rows of their own
    var counts = d3.rollup(events, function (v) { return v.length; }, function (e) { return label(e); });
    var types = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a); });
    var lanes = [], y = 24, ROW = 14;
    types.forEach(function (type) {
      var rows = [];
      events.filter(function (e) { return label(e) === type; })
        .sort(function (a, b) { return a.s - b.s; })
        .forEach(function (e) {
          var i = rows.findIndex(function (end) { return end <= e.s; });
          if (i < 0 || i > 5) { i = i < 0 ? Math.min(rows.length, 5) : i; }
          rows[i] = Math.max(rows[i] || 0, +e.t + 2 * DAY);
          e.row = i;
        });
      lanes.push({ type: type, y: y, h: Math.max(1, rows.length) * ROW + 8 });
      y += Math.max(1, rows.length) * ROW + 14;
    });
    var laneY = {}; lanes.forEach(function (l) { laneY[l.type] = l; });
    var histTop = y + 6, histH = days.length ? 50 : 0, height = histTop + histH + 28;
    var width = box.clientWidth || 900, left = width < 500 ? 92 : 130, right = 12;

    var times = events.flatMap(function (e) { return [e.s, e.t]; }).concat(days.map(function (d) { return d.d; }));
    var lo = d3.min(times), hi = d3.max(times);
    var pad = Math.max((hi - lo) * 0.04, 2 * DAY);
    var x0 = d3.scaleUtc().domain([new Date(+lo - pad), new Date(+hi + pad)]).range([left, width - right]);
    var x = x0;

    var svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height]).attr("height", height)
      .attr("role", "img").attr("aria-label", "Zeitleiste der Ereignisse");
    svg.append("clipPath").attr("id", "tl-clip").append("rect")
      .attr("x", left).attr("y", 0).attr("width", width - left - right).attr("height", height);
    svg.selectAll("text.lane-label").data(lanes).join("text").attr("class", "lane-label")
      .attr("x", 6).attr("y", function (l) { return l.y + 12; }).text(function (l) { return l.type + " (" + counts.get(l.type) + ")"; });
    svg.selectAll("line.lane").data(lanes).join("line").attr("class", "lane")
      .attr("x1", left).attr("x2", width - right).attr("y1", function (l) { return l.y + l.h + 3; })
      .attr("y2", function (l) { return l.y + l.h + 3; }).attr("stroke", "#eee");
    if (days.length) svg.append("text").attr("class", "lane-label").attr("x", 6).attr("y", histTop + 14).text("Artikel je Tag");

    var plot = svg.append("g").attr("clip-path", "url(#tl-clip)");
    var hy = d3.scaleLinear().domain([0, d3.max(days, function (d) { return d.n; }) || 1]).range([0, histH - 6]);
    var bars = plot.selectAll("rect.day").data(days).join("rect").attr("class", "day").attr("fill", "#c5cae9")
      .attr("y", function (d) { return histTop + histH - hy(d.n); }).attr("height", function (d) { return hy(d.n); });
    bars.append("title").text(function (d) { return d3.utcFormat("%d.%m.%Y")(d.d) + ": " + d.n + " Artikel"; });
    var marks = plot.selectAll("rect.ev").data(events).join("rect").attr("class", "ev").attr("rx", 3)
      .attr("y", function (e) { return laneY[label(e)].y + 4 + e.row * ROW; }).attr("height", ROW - 3)
      .attr("fill", function (e) { return COLOURS[e.status] || "#0072B2"; })
      .attr("fill-opacity", function (e) { return e.start === e.end ? 0.95 : 0.55; })
      .attr("tabindex", 0).attr("role", "button").attr("focusable", "true")
      .attr("aria-label", function (e) { return describe(e) + " – Belege zeigen"; })
      .on("click", function (ev, e) { select(e, this); })
      .on("keydown", function (ev, e) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(e, this); }
      })
      .on("focus", function (ev, e) {  // keep the focused mark in view
        var px = x(e.s);
        if (px < left || px > width - right) svg.call(zoom.translateBy, (left + width) / 2 - px, 0);
      });
    marks.append("title").text(describe);
    function describe(e) {
      return [label(e), fmtDate(e.time_value), e.place_name, e.actor_name].filter(Boolean).join(" · ");
    }
    var axis = svg.append("g").attr("transform", "translate(0," + (height - 24) + ")");

    function render() {
      axis.call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - left) / 110))).tickSizeOuter(0));
      marks.attr("x", function (e) { return x(e.s); })
        .attr("width", function (e) { return Math.max(6, x(e.t) - x(e.s)); });
      bars.attr("x", function (d) { return x(d.d); })
        .attr("width", function (d) { return Math.max(1, x(new Date(+d.d + DAY)) - x(d.d) - 1); });
    }
    var zoom = d3.zoom().scaleExtent([1, 5000]).extent([[left, 0], [width - right, height]])
      .translateExtent([[left, 0], [width - right, height]])
      .on("zoom", function (ev) { x = ev.transform.rescaleX(x0); render(); });
    svg.call(zoom);
    render();
    var bin = document.getElementById("tl-in"), bout = document.getElementById("tl-out"), breset = document.getElementById("tl-reset");
    if (bin) bin.onclick = function () { svg.transition().duration(250).call(zoom.scaleBy, 2); };
    if (bout) bout.onclick = function () { svg.transition().duration(250).call(zoom.scaleBy, 0.5); };
    if (breset) breset.onclick = function () { svg.transition().duration(250).call(zoom.transform, d3.zoomIdentity); };
    box.setAttribute("data-ready", String(events.length));
  }

  function select(e, node) {
    d3.select(box).selectAll("rect.ev").classed("sel", false);
    d3.select(node).classed("sel", true);
    if (!detail) return;
    detail.replaceChildren();
    detail.appendChild(el("h3", label(e) + (e.mode_label ? " (" + e.mode_label + ")" : "")));
    var dl = document.createElement("dl");
    [["Zeit", fmtDate(e.time_value)], ["Wer", e.actor_name], ["Gegen/Wen", e.target_name], ["Ort", e.place_name],
     ["Status", e.status_label || e.status], ["Auslöser", e.trigger], ["Zahlen", e.figures.length || null]].forEach(function (kv) {
      if (kv[1] == null || kv[1] === "") return;
      dl.appendChild(el("dt", kv[0])); dl.appendChild(el("dd", kv[1]));
    });
    detail.appendChild(dl);
    var ul = document.createElement("ul");
    (e.evidence || []).slice(0, 8).forEach(function (sp) {
      var li = document.createElement("li"), a = el("a", "„" + sp.text + "“");
      a.href = articleUrl(sp.article);
      li.appendChild(a); ul.appendChild(li);
    });
    (e.articles || []).slice(0, 8).forEach(function (id) {
      var li = document.createElement("li"), a = el("a", id);
      a.href = articleUrl(id);
      li.appendChild(el("span", "Artikel: ")); li.appendChild(a); ul.appendChild(li);
    });
    detail.appendChild(ul);
    detail.hidden = false;
  }
})();
