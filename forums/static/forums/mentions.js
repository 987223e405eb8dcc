// Mention autocomplete in the forum's message fields: typing "@Sa" offers the people who may
// read the forum, and choosing one writes "@[Sanna Asiantuntija]". Without JavaScript the
// field works as before (the mention is typed in full).
//
// The combobox pattern of ARIA 1.2 with the attributes a textarea allows: the field names the
// list (aria-controls) and the highlighted option (aria-activedescendant); a status region says
// how many people were found; arrow keys move, Enter or Tab chooses, Escape closes.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  var TYPED = /(^|[\s(])@\[?([^\s@\[\]][^@\[\]\n]{1,39})$/;

  function enhance(container, number) {
    var field = container.querySelector("textarea[name=body]");
    if (!field) { return; }
    var url = container.getAttribute("data-mention-url");
    var list = document.createElement("ul");
    list.id = "mention-options-" + number;
    list.className = "mention-options";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", container.getAttribute("data-mention-label") || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", list.id);

    var timer = null, latest = 0, options = [], active = -1, typed = null;

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      field.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, position) {
        option.element.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) { field.setAttribute("aria-activedescendant", options[index].element.id); }
      else { field.removeAttribute("aria-activedescendant"); }
    }

    function choose(index) {
      if (!typed || index < 0 || index >= options.length) { return; }
      var before = field.value.slice(0, typed.start);
      var after = field.value.slice(field.selectionStart);
      var text = options[index].mention + " ";
      field.value = before + text + after;
      var caret = before.length + text.length;
      field.setSelectionRange(caret, caret);
      close();
      field.focus();
    }

    function show(results) {
      list.textContent = "";
      options = results.map(function (result, index) {
        var item = document.createElement("li");
        item.id = list.id + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = result.name;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
        list.appendChild(item);
        return { element: item, mention: result.mention };
      });
      list.hidden = options.length === 0;
      highlight(options.length ? 0 : -1);
      var found = container.getAttribute(options.length === 1 ? "data-mention-found-one" : "data-mention-found") || "";
      status.textContent = options.length ? found.replace("%s", options.length) : "";
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      var match = TYPED.exec(field.value.slice(0, field.selectionStart));
      if (!match) { typed = null; close(); return; }
      typed = { start: field.selectionStart - match[0].length + match[1].length, text: match[2] };
      timer = window.setTimeout(function () {
        var request = ++latest;
        fetch(url + "?q=" + encodeURIComponent(typed.text), {
          headers: { "Accept": "application/json" },
          credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (request === latest && typed) { show(data.results || []); } })
          .catch(close);
      }, 200);
    });

    field.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % options.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + options.length) % options.length); }
      else if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    field.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-mention-url]"), enhance);
})();
