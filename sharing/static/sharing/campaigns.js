// Campaign bars are pushed over /ws/campaigns/. Pushes are disposable: after a reconnect,
// reload the bar over HTTP so nothing on screen is older than the database.
(function () {
  "use strict";
  if (window.chorusCampaigns) return; // one page may include several bars
  window.chorusCampaigns = true;
  document.addEventListener("htmx:wsOpen", function (event) {
    var live = event.target;
    if (!live || !live.classList || !live.classList.contains("campaign-live")) return;
    if (live.dataset.wsOpened) {
      var bar = live.querySelector(".campaign-bar");
      if (bar) htmx.ajax("GET", live.dataset.reloadUrl, { target: bar, swap: "outerHTML" });
    }
    live.dataset.wsOpened = "1";
  });
})();
