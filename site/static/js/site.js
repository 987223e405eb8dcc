// Menu toggle for narrow screens. The menu is visible without JavaScript.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var menu = document.getElementById("site-menu");
  if (!toggle || !menu) {
    return;
  }
  document.documentElement.classList.add("js");
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    menu.classList.toggle("is-open", !open);
  });
})();

// A form sent back with errors: its error summary takes the focus, so that the errors are
// read out first and each of them links to its field.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

// Filters sit behind a disclosure that is closed on a phone; on a wide screen they are shown.
(function () {
  "use strict";
  if (!window.matchMedia("(min-width: 48.01rem)").matches) {
    return;
  }
  document.querySelectorAll("details[data-filters]").forEach(function (details) {
    details.open = true;
  });
})();

// The main menu's groups are disclosures (details) that work without JavaScript; with it,
// opening one closes the others, and Escape or a click elsewhere closes an open one.
(function () {
  "use strict";
  var groups = Array.prototype.slice.call(document.querySelectorAll("details[data-nav-group]"));
  if (!groups.length) {
    return;
  }
  groups.forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (details.open) {
        groups.forEach(function (other) {
          if (other !== details) {
            other.open = false;
          }
        });
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    groups.forEach(function (details) {
      if (details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    groups.forEach(function (details) {
      if (details.open && !details.contains(event.target)) {
        details.open = false;
      }
    });
  });
})();
