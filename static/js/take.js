// Quiz countdown. The server is the authority: this only shows the time left (corrected for the
// difference between the server's clock and this computer's) and, at zero, reloads the attempt so
// the server can submit it. Answers already saved are kept; nothing is sent from here.
(function () {
  "use strict";
  var el = document.getElementById("countdown");
  if (!el) { return; }
  var deadline = Date.parse(el.dataset.deadline);
  var serverNow = Date.parse(el.dataset.now);
  if (isNaN(deadline) || isNaN(serverNow)) { return; }
  var skew = serverNow - Date.now();
  var alert = document.getElementById("timer-alert");
  var warned = {};

  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function say(text) { if (alert) { alert.textContent = text; } }

  function tick() {
    var left = Math.max(0, Math.round((deadline - (Date.now() + skew)) / 1000));
    var hours = Math.floor(left / 3600), minutes = Math.floor((left % 3600) / 60), seconds = left % 60;
    el.textContent = (hours ? hours + ":" + pad(minutes) : String(minutes)) + ":" + pad(seconds);
    if (left <= 60 && !warned.minute) { warned.minute = true; say("One minute left."); el.classList.add("urgent"); }
    if (left <= 0) {
      say("Time is up. Your attempt is being submitted.");
      window.clearInterval(timer);
      window.setTimeout(function () { window.location.assign(el.dataset.expiredUrl); }, 1000);
    }
  }
  var timer = window.setInterval(tick, 1000);
  tick();
})();
