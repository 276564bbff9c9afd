// Shared comfort for the app's pages. Article data only ever goes into the page as text
// (textContent), never as HTML; the pages work without this script.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var source = document.getElementById("ann-data");
  if (!tip || !source) return;
  var ann = JSON.parse(source.textContent || "{}");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // The structured reading of the annotations under the pointer: one block each.
  function show(target) {
    var keys = (target.getAttribute("data-ann") || "").split(" ").filter(Boolean);
    if (!keys.length) return;
    tip.replaceChildren();
    keys.forEach(function (k) {
      var a = ann[k];
      if (!a) return;
      tip.appendChild(el("b", null, a.kind));
      tip.appendChild(el("div", "q", "„" + a.text + "“"));
      var table = el("table");
      (a.rows || []).forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("td", null, row[0]));
        tr.appendChild(el("td", null, row[1]));
        table.appendChild(tr);
      });
      tip.appendChild(table);
    });
    var r = target.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  var shown = null;
  function hide() { tip.hidden = true; shown = null; }

  // Hover, keyboard focus and a tap (phones have no hover) all show the reading; Escape or a
  // tap elsewhere hides it.
  document.querySelectorAll("[data-ann]").forEach(function (span) {
    span.removeAttribute("title");  // the tooltip replaces the plain title
    span.addEventListener("mouseenter", function () { show(span); shown = span; });
    span.addEventListener("focus", function () { show(span); shown = span; });
    span.addEventListener("mouseleave", function () { if (document.activeElement !== span) hide(); });
    span.addEventListener("blur", hide);
    span.addEventListener("click", function (ev) {
      ev.stopPropagation();  // a tap shows it (mouseenter and focus may come first: same result)
      show(span); shown = span;
    });
  });
  document.addEventListener("click", function () { if (!tip.hidden) hide(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
})();
