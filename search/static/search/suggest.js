// Search-as-you-type on the search page: titles matching what has been typed so far.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-suggestions");
  var status = document.getElementById("search-suggestion-status");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-suggestion-" + index;
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = " " + result.kind_label;
      link.appendChild(kind);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    if (status) { status.textContent = results.length ? results.length + " " + (status.dataset.found || "") : ""; }
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { close(); return; }
    timer = window.setTimeout(function () {
      var request = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        headers: { "Accept": "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (request === latest) { show(data.results || []); } })
        .catch(close);
    }, 200);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
    if (event.key === "ArrowDown" && !list.hidden) {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });

  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); if (index > 0) { links[index - 1].focus(); } else { input.focus(); } }
    if (event.key === "Escape") { close(); input.focus(); }
  });
})();
