// Behaviour the Content-Security-Policy keeps out of the markup: no inline handlers or styles.
(function () {
  "use strict";

  // Live sockets that drop come back within 5 s of the server returning: htmx's own
  // backoff grows to 64 s. Full jitter over the capped delay spreads a thousand pages'
  // reconnects over those seconds instead of one storm.
  if (window.htmx) {
    htmx.config.wsReconnectDelay = function (retryCount) {
      return Math.random() * Math.min(5000, 500 * Math.pow(2, retryCount));
    };
  }

  // <button data-dismiss=".toast"> removes the nearest enclosing .toast.
  // <button data-print> opens the browser's print dialog.
  document.addEventListener("click", function (event) {
    var dismiss = event.target.closest("[data-dismiss]");
    if (dismiss) {
      var target = dismiss.closest(dismiss.dataset.dismiss);
      if (target) target.remove();
      return;
    }
    if (event.target.closest("[data-print]")) window.print();
  });

  // The main menu is a <details> (it works without JavaScript). Wide screens show it in
  // full through chorus.css; a browser that cannot style a <details>' content gets it
  // opened there instead. Escape closes it on narrow screens.
  var menu = document.querySelector("[data-nav-menu]");
  if (menu) {
    var wide = window.matchMedia("(min-width: 60.01rem)");
    var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    var follow = function () { if (!styled) menu.open = wide.matches; };
    follow();
    wide.addEventListener("change", follow);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  // <meta name="chorus-highlight-user" content="42">: the board is the same for everyone,
  // so your own row is marked by a rule built here (the policy allows no <style> in pages).
  var me = document.querySelector('meta[name="chorus-highlight-user"]');
  if (me && me.content && "adoptedStyleSheets" in document) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '.board-row[data-user="' + CSS.escape(me.content) + '"] td { background: #eef2ff; font-weight: 700; }'
    );
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }
})();
