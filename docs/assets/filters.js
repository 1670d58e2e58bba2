// Filter the timeline list by tag, status, year, claimant kind and country, without a server.
// The state lives in the URL (?tag=...&status=...) so a filtered view can be shared; each change
// is a new history entry, so Back undoes the last one. Every option shows how many events it
// would leave, given the other filters, and options that would leave none are disabled. A value
// in the address that no option has is named, not silently dropped. With scripts off the form
// stays hidden and the full list shows.
(function () {
  "use strict";
  var KEYS = { tag: "tags", status: "status", year: "year", kind: "kinds", country: "country" };
  // The page's words (a JSON block the theme writes from the catalogue, in the page's language):
  // the script carries none of its own. A plural is one form per CLDR category.
  var WORDS = (function () {
    var block = document.getElementById("tl-words");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (e) { return {}; }
  })();
  function say(key, values) {
    var text = WORDS[key];
    if (text && typeof text === "object") {
      var category = new Intl.PluralRules(document.documentElement.lang || undefined).select(values.num);
      text = text[category] || text.other || text.many || "";
    }
    return String(text || "").replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function matches(row, wanted, skip) {
    return Object.keys(wanted).every(function (name) {
      if (name === skip) { return true; }
      return (row.dataset[KEYS[name]] || "").split(" ").indexOf(wanted[name]) !== -1;
    });
  }

  function wantedOf(form) {
    var wanted = {};
    Object.keys(KEYS).forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { wanted[name] = value; }
    });
    return wanted;
  }

  function count(form, rows, wanted) {
    Object.keys(KEYS).forEach(function (name) {
      Array.prototype.forEach.call(form.elements[name].options, function (option) {
        if (!option.dataset.label) { option.dataset.label = option.textContent; }
        if (!option.value) { return; }
        var n = 0;
        rows.forEach(function (row) {
          if (matches(row, wanted, name) && (row.dataset[KEYS[name]] || "").split(" ").indexOf(option.value) !== -1) { n += 1; }
        });
        option.textContent = option.dataset.label + " (" + n + ")";
        option.disabled = n === 0 && !option.selected;
      });
    });
  }

  function apply(form, push) {
    var wanted = wantedOf(form);
    var rows = Array.prototype.slice.call(document.querySelectorAll(".tl-list .tl-row"));
    var shown = 0;
    rows.forEach(function (row) {
      var match = matches(row, wanted, null);
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    document.querySelectorAll(".md-content h2").forEach(function (heading) {
      var list = heading.nextElementSibling;
      if (list && list.classList.contains("tl-list")) {
        heading.hidden = !list.querySelector(".tl-row:not([hidden])");
      }
    });
    count(form, rows, wanted);
    form.querySelector(".tl-count").textContent = say("shown", { shown: shown, num: rows.length });
    var empty = document.querySelector(".tl-empty");
    if (empty) { empty.hidden = shown !== 0; }
    if (push) {
      var query = new URLSearchParams(wanted).toString();
      var address = location.pathname + (query ? "?" + query : "") + location.hash;
      if (address !== location.pathname + location.search + location.hash) {
        history.pushState({ filters: query }, "", address);
      }
    }
  }

  function restore(form) {
    var params = new URLSearchParams(location.search);
    var invalid = [];
    Object.keys(KEYS).forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      if (!known) { invalid.push(say("value", { filter: say(name), value: value })); }
      select.value = known ? value : "";
    });
    var note = document.querySelector(".tl-invalid");
    if (note) {
      var values = invalid.length ? invalid.reduce(function (first, second) { return say("and", { first: first, second: second }); }) : "";
      note.textContent = invalid.length ? say("invalid", { values: values }) : "";
      note.hidden = !invalid.length;
    }
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
    window.addEventListener("popstate", function () {
      if (!document.body.contains(form)) { return; }
      restore(form);
      apply(form, false);
    });
  }

  // Material's instant navigation swaps pages without reloading; document$ tells us when.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
