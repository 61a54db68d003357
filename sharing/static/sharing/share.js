// Chorus sharing: live caption count and preview, opening the network's share page, copying
// the caption for networks whose share page takes only the link, copy buttons.
// Plain forms work without this file; it only adds comfort.
(function () {
  "use strict";
  var pending = null; // the tab opened on confirm, pointed at the share page once recorded

  function normalise(text) {
    return text.replace(/\r\n?/g, "\n").trim();
  }

  function length(text) {
    // Count code points like the server does (an emoji is one, a line break is one).
    return Array.from(normalise(text)).length;
  }

  function disclosureOn(form) {
    var box = form.querySelector("[data-disclosure]");
    return box ? box.checked : true;
  }

  function preview(form, textarea) {
    // The same composition and trimming as sharing.captions.caption_preview.
    var figure = form.querySelector("[data-preview]");
    if (!figure) return;
    var text = normalise(textarea.value);
    var disclosure = disclosureOn(form) ? (textarea.dataset.disclosureText || "").trim() : "";
    var composed = disclosure ? (text ? text + "\n\n" + disclosure : disclosure) : text;
    var chars = Array.from(composed);
    var room = +figure.dataset.room;
    var trimmed = chars.length > room;
    if (trimmed) composed = chars.slice(0, Math.max(room - 1, 0)).join("").replace(/\s+$/, "") + "…";
    figure.querySelector("[data-preview-caption]").textContent = composed;
    figure.querySelector("[data-preview-trimmed]").hidden = !trimmed;
  }

  function update(textarea) {
    var form = textarea.form;
    var disclosure = disclosureOn(form) ? +textarea.dataset.disclosureCost : 0;
    var count = length(textarea.value);
    var total = count + disclosure + 1 + (+textarea.dataset.linkCost);
    var limit = +textarea.dataset.limit;
    form.querySelector("[data-caption-count]").textContent = count;
    var out = form.querySelector("[data-total]");
    out.textContent = total;
    var over = total > limit;
    out.classList.toggle("over-limit", over);
    textarea.setAttribute("aria-invalid", over ? "true" : "false");
    preview(form, textarea);
  }

  function init(root) {
    root.querySelectorAll("textarea[data-caption]").forEach(update);
    // Copy buttons only work with this file, so the page sends them hidden.
    root.querySelectorAll("[data-copy][hidden]").forEach(function (button) { button.hidden = false; });
  }

  function openShare(url) {
    var tab = window.open(url, "_blank");
    if (tab) {
      try { tab.opener = null; } catch (e) { /* already detached */ }
    }
  }

  function copyThenOpen(result) {
    // Networks whose share page takes only the link: copy the caption first (this page
    // still has the focus the clipboard needs), then open the share page. Until the copy is
    // confirmed the server's words stand: "wasn't copied", with the caption to select.
    var status = result.querySelector("[data-clipboard-status]");
    var caption = result.querySelector("[data-clipboard-caption]");
    var url = result.dataset.openUrl;
    var notCopied = status.textContent;
    var refused = function () {
      status.textContent = notCopied;
      caption.focus();
      caption.select();
      openShare(url);
    };
    if (!(navigator.clipboard && window.isSecureContext)) { refused(); return; }
    status.textContent = status.dataset.copyingText;
    navigator.clipboard.writeText(caption.value).then(function () {
      status.textContent = status.dataset.copiedText;
      status.classList.remove("message-warning");
      status.classList.add("message-success");
      result.setAttribute("data-copied", "");
      openShare(url);
    }, refused);
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
    // The whole page: after an outerHTML swap the event's target is the element replaced.
    init(document);
    var panel = event.target.closest && event.target.closest(".card-panel");
    if (panel) {
      // A panel opened on a library card: take the person to its first field.
      var first = panel.querySelector("textarea[data-caption], .share-result textarea");
      if (first && !panel.contains(document.activeElement)) first.focus();
    }
    var result = document.querySelector("[data-open-url][data-fresh]");
    if (result) result.removeAttribute("data-fresh");
    if (result && result.querySelector("[data-clipboard-status]")) {
      copyThenOpen(result);
      return;
    }
    if (!pending) return;
    if (result) {
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
