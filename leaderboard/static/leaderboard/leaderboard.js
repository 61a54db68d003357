// Websocket messages are disposable: after a reconnect, reload the board over HTTP so
// nothing on screen is older than the database. Only the panel's contents are swapped:
// replacing the panel itself would close the socket that just opened and open another.
document.addEventListener("htmx:wsOpen", function (event) {
  var panel = event.target;
  if (!panel || !panel.dataset || !panel.dataset.reloadUrl) return;
  if (panel.dataset.wsOpened) {
    htmx.ajax("GET", panel.dataset.reloadUrl, {
      target: panel,
      swap: "innerHTML",
      select: "#board-panel > *",
    });
  }
  panel.dataset.wsOpened = "1";
});
