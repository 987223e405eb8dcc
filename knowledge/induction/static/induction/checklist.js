// Saves a step's checklist as soon as a box is ticked; the form's button still works without it.
(function () {
  "use strict";

  function update(form, data) {
    var progress = document.querySelector("#path-progress");
    if (!progress) {
      form.submit();  // the first tick starts the path: show the whole progress box
      return;
    }
    {
      progress.value = data.percent;
      progress.textContent = data.percent + " %";
      var label = document.querySelector('label[for="path-progress"]');
      if (label && data.label) { label.textContent = data.label; }
    }
    var status = document.querySelector("[data-induction-status]");
    if (status) { status.textContent = data.message; }
    var step = form.closest(".induction-step");
    if (step) { step.classList.toggle("induction-step-done", data.step_complete); }
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
    form.addEventListener("change", function (event) {
      if (event.target.matches('input[type="checkbox"]')) { save(form); }
    });
  });
})();
