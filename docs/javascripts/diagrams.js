/* Diagram figures rendered by hooks/diagrams.py.
   - Zoom: buttons (−, +, fit width, 100 %) and keys + − 0 on the focused frame;
     "fit width" shows only while the diagram is wider than its frame.
   - The frame never scrolls vertically (the wheel scrolls the page); it pans
     sideways with its scrollbar or by dragging.
   - A sticky strip repeats the participant heads while the diagram is on
     screen (a clone of the SVG cut to the head row, ids dropped).
   - Step references in the prose (a.wsd-step-ref) and #reboot-step-12 in the
     address bring their steps into view and highlight them; a step's badge
     leads back to the first paragraph that explains it.
   - "Full size" opens with the site's current palette (#scheme=…).
   - Phones see the step list first; a button shows the picture.
   Runs on every page load, Material's instant navigation included. */
(function () {
  "use strict";

  var FIT = "wsd-figure--fit";
  var SHOWN = "wsd-figure--shown";
  var ON = "wsd-step--on";
  var PHONE = "(max-width: 44.9375em)";
  var LABELS = { fit: "适应宽度 · Fit width", read: "放大阅读 · Readable size" };
  var figures = [];

  function el(tag, cls, text) {
    var made = document.createElement(tag);
    if (cls) made.className = cls;
    if (text) made.textContent = text;
    return made;
  }

  function natural(figure) {
    var svg = figure.querySelector(".wsd-diagram > svg");
    return svg ? parseFloat(svg.getAttribute("width")) || 0 : 0;
  }

  /* -- zoom ------------------------------------------------------------- */

  function setZoom(figure, zoom) {
    var svg = figure.querySelector(".wsd-diagram > svg");
    if (!svg) return;
    figure.classList.remove(FIT);
    if (zoom === null) {
      svg.style.width = svg.style.maxWidth = svg.style.minWidth = "";
      figure.wsdZoom = null;
    } else {
      zoom = Math.min(3, Math.max(0.2, zoom));
      figure.wsdZoom = zoom;
      svg.style.width = natural(figure) * zoom + "px";
      svg.style.maxWidth = "none";
      svg.style.minWidth = "0";
    }
    update(figure);
  }

  function currentZoom(figure) {
    var svg = figure.querySelector(".wsd-diagram > svg");
    var w = natural(figure);
    return svg && w ? svg.getBoundingClientRect().width / w : 1;
  }

  function toolbar(figure, caption) {
    if (figure.querySelector(".wsd-zoom")) return;
    var bar = el("span", "wsd-zoom");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "缩放 · Zoom");
    [["−", "缩小 · Zoom out", 1 / 1.25], ["+", "放大 · Zoom in", 1.25], ["100%", "原始大小 · Actual size", 0]]
      .forEach(function (spec) {
        var b = el("button", "wsd-zoom-step", spec[0]);
        b.type = "button";
        b.title = spec[1];
        b.setAttribute("aria-label", spec[1]);
        b.addEventListener("click", function () {
          setZoom(figure, spec[2] ? currentZoom(figure) * spec[2] : 1);
        });
        bar.appendChild(b);
      });
    var fit = el("button", "wsd-fit");
    fit.type = "button";
    fit.addEventListener("click", function () {
      var fitted = figure.classList.contains(FIT);
      setZoom(figure, null);
      if (!fitted) figure.classList.add(FIT);
      update(figure);
    });
    bar.appendChild(fit);
    caption.appendChild(bar);
  }

  function update(figure) {
    var frame = figure.querySelector(".wsd-diagram");
    var fit = figure.querySelector(".wsd-fit");
    if (!frame || !fit) return;
    var fitted = figure.classList.contains(FIT);
    fit.hidden = !fitted && !(frame.scrollWidth > frame.clientWidth + 1);
    fit.textContent = fitted ? LABELS.read : LABELS.fit;
    fit.setAttribute("aria-pressed", String(fitted));
    sticky(figure);
  }

  /* -- drag to pan, keys ------------------------------------------------ */

  function pan(frame) {
    var start = null;
    var moved = false;
    frame.addEventListener("pointerdown", function (e) {
      if (e.pointerType !== "mouse" || e.button !== 0) return;
      start = { x: e.clientX, left: frame.scrollLeft };
      moved = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!start) return;
      var dx = e.clientX - start.x;
      if (Math.abs(dx) > 4) moved = true;
      if (moved) {
        frame.scrollLeft = start.left - dx;
        frame.classList.add("wsd-diagram--dragging");
        e.preventDefault();
      }
    });
    window.addEventListener("pointerup", function () {
      start = null;
      frame.classList.remove("wsd-diagram--dragging");
    });
    frame.addEventListener("click", function (e) {
      if (moved) { e.preventDefault(); e.stopPropagation(); moved = false; }
    }, true);
    frame.addEventListener("dragstart", function (e) { e.preventDefault(); });
    frame.tabIndex = 0;
    frame.addEventListener("keydown", function (e) {
      var figure = frame.closest(".wsd-figure");
      if (e.key === "+" || e.key === "=") setZoom(figure, currentZoom(figure) * 1.25);
      else if (e.key === "-" || e.key === "_") setZoom(figure, currentZoom(figure) / 1.25);
      else if (e.key === "0") setZoom(figure, 1);
      else return;
      e.preventDefault();
    });
    frame.addEventListener("scroll", function () { sticky(frame.closest(".wsd-figure")); }, { passive: true });
  }

  /* -- sticky participant heads ----------------------------------------- */

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  function makeStrip(figure) {
    var svg = figure.querySelector(".wsd-diagram > svg");
    var heads = svg && (svg.getAttribute("data-heads") || "").split(" ").map(parseFloat);
    if (!svg || !heads || heads.length !== 2 || isNaN(heads[0])) return null;
    var strip = el("div", "wsd-sticky");
    strip.setAttribute("aria-hidden", "true");
    var clone = svg.cloneNode(true);
    var id = svg.id;
    clone.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    clone.querySelectorAll("a").forEach(function (a) { a.removeAttribute("href"); a.removeAttribute("xlink:href"); });
    clone.id = id + "-heads";
    clone.removeAttribute("aria-labelledby");
    clone.setAttribute("role", "presentation");
    var style = clone.querySelector("style");
    if (style) style.textContent = style.textContent.split("#" + id + " ").join("#" + id + "-heads ");
    var width = natural(figure);
    var top = Math.max(0, heads[0] - 6);
    var bottom = heads[1] + 6;
    clone.setAttribute("viewBox", "0 " + top + " " + width + " " + (bottom - top));
    clone.style.margin = "0";
    strip.wsdRange = [top, bottom];
    strip.appendChild(clone);
    figure.insertBefore(strip, figure.firstChild);
    return strip;
  }

  function sticky(figure) {
    if (!figure) return;
    var strip = figure.querySelector(".wsd-sticky");
    var frame = figure.querySelector(".wsd-diagram");
    var svg = frame && frame.querySelector(":scope > svg");
    if (!strip || !svg) return;
    var box = svg.getBoundingClientRect();
    var scale = box.width / natural(figure);
    var range = strip.wsdRange;
    var height = (range[1] - range[0]) * scale;
    var clone = strip.firstChild;
    clone.style.width = box.width + "px";
    clone.style.height = height + "px";
    clone.style.transform = "translateX(" + (box.left - frame.getBoundingClientRect().left - frame.clientLeft) + "px)";
    strip.style.width = frame.clientWidth + "px";
    strip.style.height = height + "px";
    strip.style.marginBottom = -height + "px";
    var top = headerBottom();
    strip.style.top = top + "px";
    var hidden = frame.offsetParent === null;
    var headsGone = box.top + range[1] * scale < top;
    var stillThere = box.bottom > top + height * 2;
    strip.classList.toggle("wsd-sticky--on", !hidden && headsGone && stillThere);
  }

  function stickyAll() {
    figures.forEach(sticky);
  }

  /* -- steps ------------------------------------------------------------ */

  function stepGroups(stem, first, last) {
    var anchor = document.getElementById(stem + "-step-" + first);
    var svg = anchor && anchor.closest("svg");
    if (!svg) return [];
    return Array.prototype.filter.call(svg.querySelectorAll(".wsd-step"), function (g) {
      var n = parseInt(g.getAttribute("data-step"), 10);
      return n >= first && n <= last;
    });
  }

  function showSteps(stem, first, last, smooth) {
    var groups = stepGroups(stem, first, last);
    if (!groups.length) return false;
    document.querySelectorAll("." + ON).forEach(function (g) { g.classList.remove(ON); });
    groups.forEach(function (g) { g.classList.add(ON); });
    var figure = groups[0].closest(".wsd-figure");
    if (figure) figure.classList.add(SHOWN);
    var frame = groups[0].closest(".wsd-diagram");
    var box = groups[0].getBoundingClientRect();
    if (frame) {
      var fbox = frame.getBoundingClientRect();
      frame.scrollLeft += box.left + box.width / 2 - (fbox.left + fbox.width / 2);
    }
    var end = groups[groups.length - 1].getBoundingClientRect();
    var middle = (box.top + Math.min(end.bottom, box.top + window.innerHeight * 0.6)) / 2;
    window.scrollTo({ top: window.scrollY + middle - window.innerHeight / 2, behavior: smooth ? "smooth" : "auto" });
    return true;
  }

  function onRefClick(e) {
    var ref = e.target.closest && e.target.closest("a.wsd-step-ref, a.wsd-steps-num");
    if (!ref) return;
    var item = ref.closest(".wsd-steps-item");
    var list = ref.closest(".wsd-steps");
    var steps = item ? item.getAttribute("data-step") : ref.getAttribute("data-steps");
    var span = (steps || "").split("-").map(Number);
    var stem = list ? list.getAttribute("data-diagram") : ref.getAttribute("data-wsd-ref");
    if (showSteps(stem, span[0], span[1] || span[0], true)) {
      e.preventDefault();
      keepHash("#" + stem + "-step-" + span[0]);
    }
  }

  /* Material's navigation.tracking rewrites the hash to the nearest heading
     once the page has been still for 250 ms, which would drop the step's
     anchor after the smooth scroll: set it now and again once scrolling has
     been quiet for longer than that. */
  function keepHash(hash) {
    var timer = null;
    function settle() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        window.removeEventListener("scroll", settle);
        if (location.hash !== hash) history.replaceState(history.state, "", hash);
      }, 400);
    }
    history.replaceState(history.state, "", hash);
    window.addEventListener("scroll", settle, { passive: true });
    settle();
  }

  function visible(node) {
    return node.offsetParent !== null;
  }

  function onBadgeClick(e) {
    var badge = e.target.closest && e.target.closest(".wsd-step .b, .wsd-step .bt");
    var step = e.target.closest && e.target.closest(".wsd-step");
    if (!step || (!badge && e.target.closest("a"))) return;
    var svg = step.closest("svg");
    var n = parseInt(step.getAttribute("data-step"), 10);
    var stem = (step.id || "").replace(/-step-\d+$/, "");
    if (!stem) return;
    var target = null;
    var best = Infinity; /* the narrowest reference wins: it explains this step */
    document.querySelectorAll('a.wsd-step-ref[data-wsd-ref="' + stem + '"]').forEach(function (ref) {
      if (!visible(ref)) return;
      var span = ref.getAttribute("data-steps").split("-").map(Number);
      var last = span[1] || span[0];
      if (n >= span[0] && n <= last && last - span[0] < best) {
        best = last - span[0];
        target = ref;
      }
    });
    if (!target) target = document.getElementById(stem + "-step-" + n + "-text");
    if (!target || !svg) return;
    e.preventDefault();
    var details = target.closest("details");
    if (details) details.open = true;
    var block = target.closest("p, li, td") || target;
    block.classList.add("wsd-explained");
    setTimeout(function () { block.classList.remove("wsd-explained"); }, 2500);
    block.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function fromHash() {
    var match = /^#([A-Za-z][\w-]*)-step-(\d+)$/.exec(location.hash);
    if (!match) return;
    var target = document.getElementById(match[1] + "-step-" + match[2]);
    if (target && target.classList.contains("wsd-step")) {
      var n = parseInt(match[2], 10);
      requestAnimationFrame(function () { showSteps(match[1], n, n, false); });
    }
  }

  /* -- palette for "Full size", phone layout ---------------------------- */

  function paletteLink(link) {
    var scheme = document.body.getAttribute("data-md-color-scheme") || "default";
    link.href = link.href.split("#")[0] + "#scheme=" + scheme;
  }

  function phone(figure, caption) {
    if (figure.querySelector(".wsd-show")) return;
    var show = el("button", "wsd-show", "显示图 · Show diagram");
    show.type = "button";
    show.addEventListener("click", function () {
      var shown = figure.classList.toggle(SHOWN);
      show.textContent = shown ? "隐藏图 · Hide diagram" : "显示图 · Show diagram";
      show.setAttribute("aria-expanded", String(shown));
      update(figure);
    });
    show.setAttribute("aria-expanded", "false");
    caption.insertBefore(show, caption.firstChild);
  }

  function run() {
    figures = Array.prototype.slice.call(document.querySelectorAll(".wsd-figure"));
    var onPhone = window.matchMedia(PHONE).matches;
    figures.forEach(function (figure) {
      var frame = figure.querySelector(".wsd-diagram");
      var caption = figure.querySelector("figcaption");
      if (!frame || !caption) return;
      toolbar(figure, caption);
      if (!frame.wsdPanned) { pan(frame); frame.wsdPanned = true; }
      if (!figure.querySelector(".wsd-sticky")) makeStrip(figure);
      var link = figure.querySelector("a.wsd-full-size");
      if (link) {
        paletteLink(link);
        link.addEventListener("mousedown", function () { paletteLink(link); });
        link.addEventListener("focus", function () { paletteLink(link); });
      }
      var list = figure.nextElementSibling;
      if (list && list.classList.contains("wsd-steps")) {
        phone(figure, caption);
        if (onPhone) list.open = true;
      }
      update(figure);
    });
    fromHash();
  }

  var pending = 0;
  function later(fn) {
    return function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(fn);
    };
  }
  window.addEventListener("resize", later(function () { figures.forEach(update); }));
  window.addEventListener("scroll", stickyAll, { passive: true });
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("click", onRefClick);
  document.addEventListener("click", onBadgeClick, true);
  document.addEventListener("change", stickyAll); /* tabs switched */

  if (typeof document$ !== "undefined") {
    document$.subscribe(run); /* Material: every (instant) page load */
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
