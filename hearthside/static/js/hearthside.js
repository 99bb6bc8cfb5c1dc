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

  // The toast region carries the translated texts this file shows.
  function toastText(key) {
    var region = document.getElementById("toasts");
    return (region && region.dataset[key]) || "";
  }

  // Copy buttons for invitation codes and links.
  function attachCopyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.hidden = !navigator.clipboard;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          var label = button.querySelector("span") || button;
          var text = label.textContent;
          label.textContent = toastText("copied") || text;
          setTimeout(function () { label.textContent = text; }, 1500);
        });
      });
    });
  }

  // Toasts: a close button, and they leave by themselves after a while
  // (not while the pointer or the focus rests on them).
  var TOAST_MS = 8000;

  function dismiss(toast) {
    if (!toast.isConnected || toast.classList.contains("leaving")) return;
    toast.classList.add("leaving");
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    setTimeout(function () { toast.remove(); }, reduced ? 0 : 220);
  }

  function attachToasts(root) {
    root.querySelectorAll(".toast").forEach(function (toast) {
      if (toast.dataset.bound) return;
      toast.dataset.bound = "1";
      var close = toast.querySelector("[data-dismiss]");
      if (close) {
        close.hidden = false;
        close.addEventListener("click", function () { dismiss(toast); });
      }
      var timer = setTimeout(function () { dismiss(toast); }, TOAST_MS);
      ["mouseenter", "focusin"].forEach(function (name) {
        toast.addEventListener(name, function () { clearTimeout(timer); });
      });
    });
  }

  // A failed htmx request swaps nothing: say so in a toast instead of leaving
  // the page looking as if it worked. (Expected problems come back as fragments.)
  function reportFailure(text) {
    var region = document.getElementById("toasts");
    if (!region) return;
    var old = document.getElementById("request-failed");
    if (old) old.remove();
    var template = document.getElementById("toast-template");
    if (!template) return;
    var toast = template.content.firstElementChild.cloneNode(true);
    toast.id = "request-failed";
    toast.querySelector(".toast-text").textContent = text;
    region.appendChild(toast);
    attachToasts(region);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    reportFailure(toastText(status === 403 || status === 401 ? "signedOut" : "failed"));
  });
  document.addEventListener("htmx:sendError", function () {
    reportFailure(toastText("offline"));
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var notice = document.getElementById("request-failed");
    if (notice && event.detail.successful) dismiss(notice);
  });

  // The partner's answer arrives with a small animation the first time this
  // device shows it (the stylesheet drops it for reduced motion). Only ids
  // are remembered, never what anyone wrote.
  var SEEN = "hearthside-seen";

  function markArrivals(root) {
    var items = root.querySelectorAll("[data-arrives]");
    if (!items.length) return;
    var seen;
    try { seen = JSON.parse(localStorage.getItem(SEEN) || "[]"); } catch (error) { return; }
    items.forEach(function (item) {
      var key = item.dataset.arrives;
      if (seen.indexOf(key) === -1) {
        item.classList.add("arriving");
        seen.push(key);
      }
    });
    try { localStorage.setItem(SEEN, JSON.stringify(seen.slice(-100))); } catch (error) { /* private mode */ }
  }

  function enhance(root) {
    fillTimeZone(root);
    attachCounters(root);
    attachCopyButtons(root);
    attachToasts(root);
    markArrivals(root);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
