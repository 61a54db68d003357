// The wait after a failed quiz attempt, counted down live beside its clock time
// (courses/includes/next_attempt.html). Without JavaScript the clock time stands alone.
// When the wait is over the page reloads once, and the server offers the next attempt.
(function () {
  "use strict";

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function left(ms) {
    var s = Math.ceil(ms / 1000);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    return (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s % 60);
  }

  function start(time) {
    var out = time.parentNode.querySelector("[data-countdown-left]");
    var until = Date.parse(time.getAttribute("datetime"));
    if (!out || isNaN(until)) return;
    out.hidden = false;
    function tick() {
      var ms = until - Date.now();
      if (ms <= 0) {
        out.textContent = " (now)";
        if (!sessionStorage.getItem("chorus-countdown-" + until)) {
          sessionStorage.setItem("chorus-countdown-" + until, "1");
          window.location.reload();
        }
        return;
      }
      out.textContent = " (in " + left(ms) + ")";
      window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    }
    tick();
  }

  document.querySelectorAll("time[data-countdown]").forEach(start);
})();
