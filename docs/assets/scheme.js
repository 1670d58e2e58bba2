// The colour scheme switch: one visible button that checks the next of Material's (hidden) palette
// inputs, so Material's own script applies and remembers the scheme. Until a reader chooses, the
// scheme follows the system setting (prefers-color-scheme), as Material does for palettes with media.
(function () {
  "use strict";
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
  function init() {
    var form = document.querySelector("form[data-md-component=palette]");
    var button = form && form.querySelector(".tl-scheme-toggle");
    if (!button || button.dataset.ready) { return; }
    button.dataset.ready = "1";
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
    function current() {
      var scheme = document.body.getAttribute("data-md-color-scheme");
      var index = inputs.findIndex(function (input) { return input.dataset.mdColorScheme === scheme; });
      return index < 0 ? 0 : index;
    }
    function label() {
      var name = inputs[current()].dataset.tlToggle || say("scheme");
      button.setAttribute("aria-label", name);
      button.title = name;
    }
    button.addEventListener("click", function () {
      inputs[(current() + 1) % inputs.length].click();
      setTimeout(label, 0);
    });
    new MutationObserver(label).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    label();
    button.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
