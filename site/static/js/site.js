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
