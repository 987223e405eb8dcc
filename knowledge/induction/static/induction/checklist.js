// Saves a step's checklist as soon as a box is ticked, then updates the page as a reload
// would: the percentage, the "Next" link and every step's state. "Saved" is announced next to
// the checklist that was ticked. Without this script the forms' "Save ticks" buttons do the same.
(function () {
  "use strict";

  function updateSteps(steps) {
    (steps || []).forEach(function (state) {
      var item = document.getElementById("step-" + state.number);
      if (!item) { return; }
      item.classList.toggle("induction-step-done", state.complete);
      item.classList.toggle("induction-step-next", !state.complete && state.is_next);
      var box = item.querySelector("[data-induction-step-state]");
      if (box) { box.innerHTML = state.state_html; }
    });
  }

  function update(form, data) {
    var progress = document.querySelector("#path-progress");
    if (!progress) {
      form.submit();  // the first tick starts the path: show the whole progress box
      return;
    }
    progress.value = data.percent;
    progress.textContent = data.percent + " %";
    var label = document.querySelector('label[for="path-progress"]');
    if (label && data.label) { label.textContent = data.label; }
    var next = document.querySelector("[data-induction-next]");
    if (next) {
      next.innerHTML = data.next_html;
      next.hidden = !data.next_html.trim();
    }
    updateSteps(data.steps);
    document.querySelectorAll("[data-induction-saved]").forEach(function (saved) {
      saved.textContent = "";
    });
    var here = form.querySelector("[data-induction-saved]");
    if (here) { here.textContent = data.message; }
  }

  function save(form) {
    var body = new FormData(form);
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      update(form, data);
    }).catch(function () {
      form.submit();
    });
  }

  document.querySelectorAll("[data-induction-checklist]").forEach(function (form) {
    // Ticks save themselves: the button is only for browsers without this script.
    form.querySelectorAll("[data-induction-save]").forEach(function (button) {
      button.hidden = true;
    });
    form.addEventListener("change", function (event) {
      if (event.target.matches('input[type="checkbox"]')) { save(form); }
    });
  });
})();
