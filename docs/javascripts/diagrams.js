/* Diagram figures: a button that switches a wide diagram between readable
   size (default, scrolls inside its frame) and fit-to-width (overview).
   The button shows only while the diagram is wider than its frame; that is
   checked on every page load (Material's instant navigation included) and
   again when the window is resized. */
(function () {
  "use strict";

  var FIT = "wsd-figure--fit";
  var LABELS = { fit: "适应宽度 · Fit width", read: "放大阅读 · Readable size" };

  function button(figure, caption) {
    var existing = figure.querySelector(".wsd-fit");
    if (existing) return existing;
    var made = document.createElement("button");
    made.type = "button";
    made.className = "wsd-fit";
    made.addEventListener("click", function () {
      figure.classList.toggle(FIT);
      label(figure, made);
    });
    caption.appendChild(made);
    return made;
  }

  function label(figure, control) {
    var fitted = figure.classList.contains(FIT);
    control.textContent = fitted ? LABELS.read : LABELS.fit;
    control.setAttribute("aria-pressed", String(fitted));
  }

  function update(figure) {
    var frame = figure.querySelector(".wsd-diagram");
    var caption = figure.querySelector("figcaption");
    if (!frame || !caption) return;
    var fitted = figure.classList.contains(FIT);
    var overflows = frame.scrollWidth > frame.clientWidth + 1;
    var existing = figure.querySelector(".wsd-fit");
    if (!fitted && !overflows) {
      if (existing) existing.hidden = true; /* fits as it is */
      return;
    }
    var control = button(figure, caption);
    control.hidden = false;
    label(figure, control);
  }

  function run() {
    document.querySelectorAll(".wsd-figure").forEach(update);
  }

  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(run);
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(run); /* Material: every (instant) page load */
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
