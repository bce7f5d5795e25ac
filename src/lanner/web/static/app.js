// Small helpers shared by every page: colour swatches from data attributes (no inline styles, so the
// Content-Security-Policy can forbid them).
(function () {
  "use strict";
  function paint(root) {
    var marks = (root || document).querySelectorAll("[data-colour]");
    for (var i = 0; i < marks.length; i++) {
      var colour = marks[i].getAttribute("data-colour");
      if (/^#[0-9a-fA-F]{3,8}$/.test(colour)) { marks[i].style.background = colour; }
    }
  }
  window.lannerPaint = paint;
  document.addEventListener("DOMContentLoaded", function () { paint(document); });
})();
