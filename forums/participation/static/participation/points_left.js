// Keeps "points left" up to date while the voter types; the server checks the sum on saving.
(function () {
  "use strict";

  var counter = document.querySelector("[data-points-left]");
  if (!counter) { return; }
  var form = counter.closest("form");
  var text = counter.querySelector("[data-points-left-text]");
  var total = parseInt(counter.getAttribute("data-points-total"), 10) || 0;

  function template(name) {
    var element = form.querySelector("template[data-points-left-" + name + "]");
    return element ? element.content.textContent.trim() : "";
  }

  function given() {
    var sum = 0;
    form.querySelectorAll('input[name^="points_"]').forEach(function (input) {
      var value = parseInt(input.value, 10);
      if (value > 0) { sum += value; }
    });
    return sum;
  }

  function update() {
    var sum = given();
    var left = total - sum;
    var message;
    if (left < 0) {
      message = template("over").replace("__GIVEN__", String(sum));
    } else {
      message = template(left === 1 ? "one" : "many").replace("__LEFT__", String(left));
    }
    counter.classList.toggle("points-left-over", left < 0);
    if (text.textContent !== message) { text.textContent = message; }
  }

  form.addEventListener("input", function (event) {
    if (event.target.matches('input[name^="points_"]')) { update(); }
  });
})();
