// Conversation deck: swipe left for the next card, right to go back.
// The buttons do the same and work without this file.
(function () {
  "use strict";

  var start = null;
  var SWIPE = 60; // pixels, so a scroll or a tap is not taken for a swipe

  document.addEventListener("touchstart", function (event) {
    var card = event.target.closest("[data-deck-card]");
    start = card && event.touches.length === 1
      ? { x: event.touches[0].clientX, y: event.touches[0].clientY }
      : null;
  }, { passive: true });

  document.addEventListener("touchend", function (event) {
    if (!start) return;
    var dx = event.changedTouches[0].clientX - start.x;
    var dy = event.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) < SWIPE || Math.abs(dy) > Math.abs(dx) / 2) return;
    var control = document.querySelector(dx < 0 ? '[data-deck="next"]' : '[data-deck="back"]');
    if (control) control.click();
  }, { passive: true });
})();
