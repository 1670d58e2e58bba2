// Search with Pagefind's static, chunked index: a query downloads only the index chunks and
// result fragments it needs, from this site, instead of one index of every page.
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
  var MAX_RESULTS = 8;
  var pagefind = null;
  var OFFLINE = location.protocol === "file:";

  function load(base) {
    if (!pagefind) {
      var root = new URL(base, location.href);
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname }).then(function () {
          // Large timelines are indexed in shards (see generator/search.py); merge the others.
          return fetch(new URL("pagefind/shards.json", root).href).then(function (response) {
            return response.ok ? response.json() : [];
          }).then(function (shards) {
            return Promise.all(shards.map(function (shard) {
              return module.mergeIndex(new URL(shard, root).pathname, { baseUrl: root.pathname });
            }));
          }).then(function () {
            module.init();
            return module;
          });
        });
      });
    }
    return pagefind;
  }

  // Pagefind excerpts are escaped text with <mark> around hits; keep only text and <mark>.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        out.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return out;
  }

  function render(list, status, results, total, query) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "tl-search__result";
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = total === 0 ? say("no_results", { query: query })
      : total > results.length ? say("showing", { results: say("results_short", { num: total }), shown: results.length })
      : say("results", { num: total });
  }

  var tickets = 0;

  function run(base, query, list, status, limit) {
    // Each query takes a ticket; only the newest query's results are shown. Queries typed while the
    // index loads all wait for it, and Pagefind's debouncing does not always drop the older ones.
    var ticket = String(++tickets);
    list.dataset.ticket = ticket;
    function stale() { return list.dataset.ticket !== ticket; }
    if (!query.trim()) { list.textContent = ""; status.textContent = ""; return Promise.resolve(); }
    if (OFFLINE) {
      status.textContent = say("offline");
      return Promise.resolve();
    }
    status.textContent = say("searching");
    return load(base).then(function (module) {
      return stale() ? null : module.debouncedSearch(query, {}, 250);
    }).then(function (search) {
      if (search === null || stale()) { return; } // superseded by a newer query
      return Promise.all(search.results.slice(0, limit).map(function (r) { return r.data(); }))
        .then(function (data) { if (!stale()) { render(list, status, data, search.results.length, query); } });
    }).catch(function () {
      status.textContent = say("unavailable");
    });
  }

  function initHeader() {
    var form = document.querySelector("form.tl-search");
    if (!form || form.dataset.ready) { return; }
    form.dataset.ready = "1";
    var base = form.dataset.base;
    var input = form.querySelector("input");
    var panel = form.querySelector(".tl-search__panel");
    var list = panel.querySelector(".tl-search__results");
    var status = panel.querySelector(".tl-search__status");
    input.addEventListener("focus", function () { load(base); });
    input.addEventListener("input", function () {
      panel.hidden = !input.value.trim();
      run(base, input.value, list, status, MAX_RESULTS);
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; input.blur(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { panel.hidden = true; }
    });
  }

  function initPage() {
    var page = document.querySelector("form.tl-search-page");
    if (!page) { return; }
    var base = document.querySelector("form.tl-search").dataset.base;
    var input = page.querySelector("input");
    var list = document.querySelector(".tl-search-page__results");
    var status = document.getElementById("tl-search-page-status");
    var query = new URLSearchParams(location.search).get("q") || "";
    if (OFFLINE) {
      // The offline copy (file://): browsers refuse to load the index from a disk, so say so and
      // point to the lists that work everywhere.
      document.querySelector(".tl-offline-note").hidden = false;
      page.hidden = true;
      status.hidden = true;
      return;
    }
    input.value = query;
    status.textContent = "";
    run(base, query, list, status, 50);
    page.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run(base, input.value, list, status, 50);
    });
  }

  function init() { initHeader(); initPage(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
