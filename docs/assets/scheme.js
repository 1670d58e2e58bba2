// The colour scheme switch: one visible button that checks the next of Material's (hidden) palette
// inputs, so Material's own script applies and remembers the scheme. Until a reader chooses, the
// scheme follows the system setting (prefers-color-scheme), as Material does for palettes with media.
(function () {
  "use strict";
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
      var name = inputs[current()].dataset.tlToggle || "Switch colour scheme";
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
