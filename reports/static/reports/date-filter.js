// The reports' date filters: Wagtail's date picker on every input marked
// data-chorus-date-chooser (its JSON is the picker's options). A file rather than
// Wagtail's inline call, which ran before the picker's script had loaded.
(function () {
  "use strict";
  function start() {
    if (typeof window.initDateChooser !== "function") {
      return;
    }
    document.querySelectorAll("input[data-chorus-date-chooser]").forEach(function (input) {
      if (input.dataset.chorusDateReady) {
        return;
      }
      input.dataset.chorusDateReady = "1";
      var options = {};
      try {
        options = JSON.parse(input.dataset.chorusDateChooser || "{}");
      } catch (error) {
        options = {};
      }
      window.initDateChooser(input.id, options);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
