// Reply starters: a tap puts the starter into the reply box (and lets the
// coach look again). Without JavaScript the chips are links that prefill it.
(function () {
  "use strict";

  function insertStarter(chip, event) {
    var area = document.getElementById(chip.dataset.for);
    if (!area) return;
    event.preventDefault();
    var text = chip.dataset.starter;
    var current = area.value;
    area.value = current && !/\s$/.test(current) ? current + " " + text : current + text;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function attachStarters(root) {
    root.querySelectorAll("a[data-starter]").forEach(function (chip) {
      if (chip.dataset.bound) return;
      chip.dataset.bound = "1";
      chip.addEventListener("click", function (event) { insertStarter(chip, event); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { attachStarters(document); });
  document.addEventListener("htmx:load", function (event) { attachStarters(event.target); });
})();
