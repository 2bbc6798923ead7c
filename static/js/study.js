/* Factdeck study page: keyboard shortcuts and focus only. The server does all the logic; every key
   just clicks a button or link that is on the page (so without this file, the page still works).

   1–9    pick that option / re-grade (2 Hard, 3 Good, 4 Easy) after a right answer
   Enter  continue after the feedback (typed answers: Enter submits the form as usual)
   u      undo the last answer
   Keys are ignored while typing in a text box, so a typed "1991" is not taken for options. */
(function () {
  "use strict";

  function area() {
    return document.getElementById("study-area");
  }

  function isTyping(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  // True from the moment htmx swaps new content in until it has wired it up (the "settle", ~20 ms later).
  // A button clicked in between would submit as a plain form and reload the whole page.
  var settling = false;

  function busy(root) {
    // htmx marks the element whose request is in flight; a second key press then does nothing.
    return settling || root.classList.contains("htmx-request") || root.querySelector(".htmx-request") !== null;
  }

  function focusFirst() {
    var root = area();
    if (!root) return;
    var target = root.querySelector("[data-autofocus]");
    if (target) target.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isTyping(event.target)) return;
    var root = area();
    if (!root || busy(root)) return;
    var key = event.key;
    var target = null;
    if (/^[1-9]$/.test(key)) {
      target = root.querySelector('[data-key="' + key + '"]');
    } else if (key === "Enter") {
      var tag = event.target && event.target.tagName;
      if (tag === "BUTTON" || tag === "A" || tag === "SUMMARY") return; // the browser activates it itself
      target = root.querySelector("[data-continue]");
    } else if (key === "u" || key === "U") {
      target = root.querySelector("[data-undo]");
    }
    if (target && !target.disabled) {
      event.preventDefault();
      target.click();
    }
  });

  // After htmx swaps in a question or its feedback, move focus there (screen readers follow it).
  document.addEventListener("htmx:afterSwap", function () {
    settling = true;
  });
  document.addEventListener("htmx:afterSettle", function () {
    settling = false;
    focusFirst();
  });

  // A 400 (e.g. an empty typed answer) carries a friendly message: show it instead of ignoring the reply.
  // Any other failure (404 for a card that is not yours, 403 for an expired form, 5xx) would otherwise do
  // nothing visible under htmx: say so in place, and offer the reload that fixes most of them.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (status >= 401) {
      event.detail.shouldSwap = false;
      showProblem(status === 404
        ? "That card could not be found. It may belong to another account, or it was changed. Reload the page to go on."
        : "Something went wrong. Reload the page to go on; your answers so far are saved.");
    }
  });
  document.addEventListener("htmx:sendError", function () {
    showProblem("The connection was lost. Check your network and reload the page; your answers so far are saved.");
  });

  function showProblem(text) {
    var area = document.getElementById("study-area") || document.getElementById("main");
    var box = document.getElementById("study-problem");
    if (!box) {
      box = document.createElement("p");
      box.id = "study-problem";
      box.className = "notice";
      box.setAttribute("role", "alert");
      area.insertBefore(box, area.firstChild);
    }
    box.textContent = text;
  }

  focusFirst();
})();
