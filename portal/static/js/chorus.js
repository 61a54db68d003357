// Behaviour the Content-Security-Policy keeps out of the markup: no inline handlers or styles.
(function () {
  "use strict";

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
