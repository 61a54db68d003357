// Chorus sharing: live caption count, opening the network's share page, copy buttons.
// Plain forms work without this file; it only adds comfort.
(function () {
  "use strict";
  var pending = null; // the tab opened on confirm, pointed at the share page once recorded

  function length(text) {
    // Count code points like the server does (an emoji is one, a line break is one).
    return Array.from(text.replace(/\r\n?/g, "\n").trim()).length;
  }

  function update(textarea) {
    var form = textarea.form;
    var box = form.querySelector("[data-disclosure]");
    var disclosure = box ? (box.checked ? +textarea.dataset.disclosureCost : 0) : +textarea.dataset.disclosureCost;
    var count = length(textarea.value);
    var total = count + disclosure + 1 + (+textarea.dataset.linkCost);
    var limit = +textarea.dataset.limit;
    form.querySelector("[data-caption-count]").textContent = count;
    var out = form.querySelector("[data-total]");
    out.textContent = total;
    var over = total > limit;
    out.classList.toggle("over-limit", over);
    textarea.setAttribute("aria-invalid", over ? "true" : "false");
  }

  function init(root) {
    root.querySelectorAll("textarea[data-caption]").forEach(update);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches("textarea[data-caption]")) update(event.target);
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-disclosure]")) {
      update(event.target.form.querySelector("textarea[data-caption]"));
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-opens-window]") && window.htmx) {
      // Opened now, while the click still counts as the person's own action, so popup
      // blockers allow it; it goes to the share page once the share is recorded.
      pending = window.open("", "_blank");
    }
  }, true);
  document.addEventListener("htmx:afterSettle", function (event) {
    init(event.target);
    if (!pending) return;
    var result = document.querySelector("[data-open-url][data-fresh]");
    if (result) {
      result.removeAttribute("data-fresh");
      try { pending.opener = null; } catch (e) { /* already detached */ }
      pending.location.href = result.dataset.openUrl;
    } else {
      pending.close();
    }
    pending = null;
  });
  document.addEventListener("htmx:responseError", function () {
    if (pending) { pending.close(); pending = null; }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.dataset.copy);
    var done = function () { button.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    } else {
      field.select();
      if (document.execCommand("copy")) done();
    }
  });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
