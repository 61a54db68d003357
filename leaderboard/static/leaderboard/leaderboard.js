// Websocket messages are disposable: after a reconnect, reload the board over HTTP so
// nothing on screen is older than the database.
document.addEventListener("htmx:wsOpen", function (event) {
  var panel = event.target;
  if (!panel || !panel.dataset || !panel.dataset.reloadUrl) return;
  if (panel.dataset.wsOpened) {
    htmx.ajax("GET", panel.dataset.reloadUrl, { target: panel, swap: "outerHTML" });
  }
  panel.dataset.wsOpened = "1";
});
