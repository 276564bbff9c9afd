// Optional comfort: filter groups and articles by text, show only disagreements. The page works without it.
(function () {
  var box = document.getElementById("filter");
  var only = document.getElementById("only-disagree");
  if (!box || !only) return;
  function apply() {
    var q = box.value.trim().toLowerCase();
    document.querySelectorAll("[data-filter]").forEach(function (el) {
      var text = el.getAttribute("data-filter").toLowerCase();
      var hide = (q && text.indexOf(q) < 0) || (only.checked && el.classList.contains("group") && !el.classList.contains("disagree"));
      el.classList.toggle("hidden", !!hide);
    });
  }
  box.addEventListener("input", apply);
  only.addEventListener("change", apply);
})();
