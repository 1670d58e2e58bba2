// Filter the timeline list by tag, status, year, claimant kind and country, without a server.
// The state lives in the URL (?tag=...&status=...) so a filtered view can be shared; with
// scripts off the form stays hidden and the full list shows.
(function () {
  "use strict";
  var KEYS = { tag: "tags", status: "status", year: "year", kind: "kinds", country: "country" };

  function apply(form, push) {
    var wanted = {};
    var params = new URLSearchParams();
    Object.keys(KEYS).forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { wanted[name] = value; params.set(name, value); }
    });
    var rows = document.querySelectorAll(".tl-list .tl-row");
    var shown = 0;
    rows.forEach(function (row) {
      var match = Object.keys(wanted).every(function (name) {
        var values = (row.dataset[KEYS[name]] || "").split(" ");
        return values.indexOf(wanted[name]) !== -1;
      });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    document.querySelectorAll(".md-content h2").forEach(function (heading) {
      var list = heading.nextElementSibling;
      if (list && list.classList.contains("tl-list")) {
        heading.hidden = !list.querySelector(".tl-row:not([hidden])");
      }
    });
    form.querySelector(".tl-count").textContent = shown + " of " + rows.length + " events shown";
    var empty = document.querySelector(".tl-empty");
    if (empty) { empty.hidden = shown !== 0; }
    if (push) {
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  function restore(form) {
    var params = new URLSearchParams(location.search);
    Object.keys(KEYS).forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  function init() {
    var form = document.getElementById("tl-filters");
    if (!form || form.dataset.ready) { return; }
    form.dataset.ready = "1";
    form.hidden = false;
    restore(form);
    apply(form, false);
    form.addEventListener("change", function () { apply(form, true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form, true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  // Material's instant navigation swaps pages without reloading; document$ tells us when.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
