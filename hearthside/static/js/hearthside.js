// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Sign-up: send the browser's time zone so days begin at the right hour.
  function fillTimeZone(root) {
    root.querySelectorAll('input[name="time_zone"][type="hidden"]').forEach(function (input) {
      if (!input.value) {
        try {
          input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
        } catch (error) {
          input.value = "";
        }
      }
    });
  }

  // Live "n / limit" counters beside text areas with data-limit.
  function attachCounters(root) {
    root.querySelectorAll("textarea[data-limit]").forEach(function (area) {
      if (area.dataset.counted) return;
      area.dataset.counted = "1";
      var limit = parseInt(area.dataset.limit, 10);
      var counter = document.getElementById(area.id + "-count");
      if (!counter) return;
      function update() {
        var length = area.value.length;
        counter.textContent = length.toLocaleString() + " / " + limit.toLocaleString();
        counter.classList.toggle("over", length > limit);
      }
      area.addEventListener("input", update);
      update();
    });
  }

  // Copy buttons for invitation codes and links.
  function attachCopyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.hidden = !navigator.clipboard;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          var label = button.textContent;
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  function enhance(root) {
    fillTimeZone(root);
    attachCounters(root);
    attachCopyButtons(root);
  }

  // A failed htmx request swaps nothing: say so instead of leaving the page
  // looking as if it worked. (Expected problems come back as fragments.)
  function reportFailure(text) {
    var main = document.getElementById("main");
    if (!main) return;
    var notice = document.getElementById("request-failed");
    if (!notice) {
      notice = document.createElement("p");
      notice.id = "request-failed";
      notice.className = "notice error";
      notice.setAttribute("role", "alert");
      main.insertBefore(notice, main.firstChild);
    }
    notice.textContent = text;
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    reportFailure(status === 403 || status === 401
      ? "You were signed out. Reload the page and sign in again; nothing was changed."
      : "That didn't go through (the server answered " + status + "). Nothing was changed; please try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    reportFailure("We couldn't reach Hearthside. Check your connection and try again; nothing was sent.");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var notice = document.getElementById("request-failed");
    if (notice && event.detail.successful) notice.remove();
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
