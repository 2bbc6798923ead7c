// Quiz builder: let htmx show the server's refusal (400/409 carry the item list with a message)
// instead of silently dropping it, and keep keyboard focus somewhere sensible after a swap.
(function () {
  "use strict";
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 400 || status === 409) && event.detail.target && event.detail.target.id === "items") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "items") { return; }
    var items = document.getElementById("items");
    if (items && !items.contains(document.activeElement)) {
      var heading = document.getElementById("items-title");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  });
  var link = document.getElementById("join-link");
  if (link) { link.addEventListener("focus", function () { link.select(); }); }
})();
