/* Diagram figures: a button that switches a wide diagram between readable
   size (default, scrolls inside its frame) and fit-to-width (overview).
   Runs on every page load, including Material's instant navigation. */
(function () {
  "use strict";

  var FIT = "wsd-figure--fit";
  var LABELS = { fit: "适应宽度 · Fit width", read: "放大阅读 · Readable size" };

  function enhance(figure) {
    var frame = figure.querySelector(".wsd-diagram");
    var caption = figure.querySelector("figcaption");
    if (!frame || !caption || figure.querySelector(".wsd-fit")) return;
    if (frame.scrollWidth <= frame.clientWidth + 1) return; /* already fits */
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wsd-fit";
    var update = function () {
      var fitted = figure.classList.contains(FIT);
      button.textContent = fitted ? LABELS.read : LABELS.fit;
      button.setAttribute("aria-pressed", String(fitted));
    };
    button.addEventListener("click", function () {
      figure.classList.toggle(FIT);
      update();
    });
    update();
    caption.appendChild(button);
  }

  function run() {
    document.querySelectorAll(".wsd-figure").forEach(enhance);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(run); /* Material: every (instant) page load */
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
