/* Diagram figures rendered by hooks/diagrams.py.
   - Zoom: buttons (−, +, fit width, 100 %) and keys + − 0 on the focused frame;
     "fit width" shows only while the diagram is wider than its frame.
   - The frame never scrolls vertically with the wheel (the wheel scrolls
     the page); it pans with its scrollbar or by dragging.
   - A sticky strip repeats the participant heads while the diagram is on
     screen (a clone of the SVG cut to the head row, ids dropped).
   - Step references in the prose (a.wsd-step-ref) and #reboot-step-12 in the
     address bring their steps into view and highlight them; a step's badge
     leads back to the first paragraph that explains it.
   - "Full size" opens with the site's current palette (#scheme=…).
   - Phones see the step list first; a button shows the picture, opened at
     the steps last linked or read.
   - Pinch (two fingers) and ctrl+wheel (a trackpad pinch) zoom the diagram,
     around the fingers or the pointer; the plain wheel scrolls the page.
   - Side by side (at least 1600 px wide, a toggle remembered in
     localStorage): the page's diagrams stay in a sticky pane next to the
     text and follow the paragraph being read, its steps scrolled into the
     pane's view and marked lightly.
   Runs on every page load, Material's instant navigation included. */
(function () {
  "use strict";

  var FIT = "wsd-figure--fit";
  var SHOWN = "wsd-figure--shown";
  var ON = "wsd-step--on";
  var NEAR = "wsd-step--near";
  var ACTIVE = "wsd-figure--active";
  var PHONE = "(max-width: 44.9375em)";
  var WIDE = "(min-width: 1600px)";
  var SIDE_KEY = "wsd-side";
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

  /* Zoom keeping the diagram point under (x, y) (client coordinates) put. */
  function zoomAt(figure, zoom, x, y) {
    var frame = figure.querySelector(".wsd-diagram");
    var before = currentZoom(figure);
    var box = frame.getBoundingClientRect();
    var px = x - box.left + frame.scrollLeft;
    var py = y - box.top + frame.scrollTop;
    setZoom(figure, zoom);
    var ratio = currentZoom(figure) / before;
    frame.scrollLeft = px * ratio - (x - box.left);
    if (frame.scrollHeight > frame.clientHeight + 1) frame.scrollTop = py * ratio - (y - box.top);
    else window.scrollBy(0, (y - box.top) * (ratio - 1)); /* the page holds the frame: move it instead */
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
      start = { x: e.clientX, y: e.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      moved = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!start) return;
      var dx = e.clientX - start.x;
      var dy = e.clientY - start.y;
      if (Math.abs(dx) > 4 || Math.abs(dy) > 4) moved = true;
      if (moved) {
        frame.scrollLeft = start.left - dx;
        frame.scrollTop = start.top - dy; /* only in the side-by-side pane does it scroll up and down */
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
    pinch(frame);
  }

  /* -- pinch and ctrl+wheel zoom ---------------------------------------- */

  function pinch(frame) {
    var figure = frame.closest(".wsd-figure");
    var start = null;
    function spread(t) {
      return Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY) || 1;
    }
    frame.addEventListener("touchstart", function (e) {
      if (e.touches.length === 2) start = { spread: spread(e.touches), zoom: currentZoom(figure) };
    }, { passive: true });
    frame.addEventListener("touchmove", function (e) {
      if (!start || e.touches.length !== 2) return;
      e.preventDefault(); /* the diagram zooms, not the page */
      var t = e.touches;
      zoomAt(figure, start.zoom * spread(t) / start.spread,
        (t[0].clientX + t[1].clientX) / 2, (t[0].clientY + t[1].clientY) / 2);
    }, { passive: false });
    frame.addEventListener("touchend", function (e) {
      if (e.touches.length < 2) start = null;
    }, { passive: true });
    frame.addEventListener("wheel", function (e) {
      if (!e.ctrlKey) return; /* the plain wheel scrolls the page */
      e.preventDefault();
      var delta = Math.max(-100, Math.min(100, e.deltaY * (e.deltaMode === 1 ? 33 : 1)));
      zoomAt(figure, currentZoom(figure) * Math.exp(-delta * 0.004), e.clientX, e.clientY);
    }, { passive: false });
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
    if (inPane(figure)) top = frame.getBoundingClientRect().top; /* the frame scrolls, not the page */
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

  function union(nodes) {
    var out = null;
    nodes.forEach(function (n) {
      var r = n.getBoundingClientRect();
      if (!r.width && !r.height) return;
      out = out ? { left: Math.min(out.left, r.left), right: Math.max(out.right, r.right),
        top: Math.min(out.top, r.top), bottom: Math.max(out.bottom, r.bottom) }
        : { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    return out;
  }

  /* Where to put a span [lo, hi] in a window of `size`: centred when it
     fits, else its start (with `pad`) at the window's start. */
  function place(lo, hi, size, pad) {
    return hi - lo <= size - 2 * pad ? (lo + hi - size) / 2 : lo - pad;
  }

  /* The first step's badge and label with the end of its arrow nearest to
     them: where the arrow starts, at the participant that sends it. */
  function labelBox(group) {
    var label = union(Array.prototype.slice.call(group.querySelectorAll(".b, .mt")));
    var line = union(Array.prototype.slice.call(group.querySelectorAll(".m")));
    var head = union(Array.prototype.slice.call(group.querySelectorAll(".h, .ho")));
    if (!label || !line || !head) return label;
    var start = head.left + head.right > line.left + line.right ? line.left : line.right; /* away from the head */
    label.left = Math.min(label.left, start - 16);
    label.right = Math.max(label.right, start + 16);
    return label;
  }

  /* Scroll the frame so the steps are in its view: the whole arrows when
     they fit, else the first one's start and label. Vertically only in the pane. */
  function reveal(groups, smooth) {
    var frame = groups[0].closest(".wsd-diagram");
    if (!frame) return;
    var all = union(groups);
    var label = labelBox(groups[0]);
    if (!all) return;
    var box = frame.getBoundingClientRect();
    var heads = frame.parentNode.querySelector(".wsd-sticky");
    var reserve = heads && frame.scrollHeight > frame.clientHeight + 1 ? heads.getBoundingClientRect().height : 0;
    var pad = 12;
    var x = all.right - all.left <= frame.clientWidth - 2 * pad || !label ? all : label;
    var left = place(x.left - box.left, x.right - box.left, frame.clientWidth, pad);
    var top = place(all.top - box.top, Math.min(all.bottom, all.top + frame.clientHeight) - box.top,
      frame.clientHeight - reserve, pad) - reserve;
    frame.scrollTo({ left: frame.scrollLeft + left, top: frame.scrollTop + top, behavior: smooth ? "smooth" : "auto" });
  }

  function mark(groups, cls) {
    document.querySelectorAll("." + cls).forEach(function (g) { g.classList.remove(cls); });
    groups.forEach(function (g) { g.classList.add(cls); });
  }

  function showSteps(stem, first, last, smooth) {
    var groups = stepGroups(stem, first, last);
    if (!groups.length) return false;
    mark(groups, ON);
    var figure = groups[0].closest(".wsd-figure");
    if (figure) {
      showFigure(figure, true);
      figure.wsdLast = [stem, first, last];
    }
    if (inPane(figure)) {
      activate(figure);
      reveal(groups, smooth);
      return "pane";
    }
    reveal(groups, false);
    var box = groups[0].getBoundingClientRect();
    var end = groups[groups.length - 1].getBoundingClientRect();
    var middle = (box.top + Math.min(end.bottom, box.top + window.innerHeight * 0.6)) / 2;
    window.scrollTo({ top: window.scrollY + middle - window.innerHeight / 2, behavior: smooth ? "smooth" : "auto" });
    return "page";
  }

  function onRefClick(e) {
    var ref = e.target.closest && e.target.closest("a.wsd-step-ref, a.wsd-steps-num");
    if (!ref) return;
    var item = ref.closest(".wsd-steps-item");
    var list = ref.closest(".wsd-steps");
    var steps = item ? item.getAttribute("data-step") : ref.getAttribute("data-steps");
    var span = (steps || "").split("-").map(Number);
    var stem = list ? list.getAttribute("data-diagram") : ref.getAttribute("data-wsd-ref");
    var shown = showSteps(stem, span[0], span[1] || span[0], true);
    if (shown) {
      e.preventDefault();
      keepHash("#" + stem + "-step-" + span[0], shown === "page");
    }
  }

  /* The step's address stays in the address bar: Material's
     navigation.tracking rewrites it to the section's once the page stops
     scrolling (after 500 ms), so put it back after that, and again after
     each end of scrolling while our own (smooth) scroll of the page runs. */
  function keepHash(hash, pageScrolls) {
    var timer = 0;
    function restore() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (location.hash !== hash) history.replaceState(history.state, "", hash);
      }, 700);
    }
    history.replaceState(history.state, "", hash);
    restore();
    if (!pageScrolls) return;
    window.addEventListener("scrollend", restore);
    setTimeout(function () { window.removeEventListener("scrollend", restore); }, 3000);
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
      var shown = !figure.classList.contains(SHOWN);
      showFigure(figure, shown);
      var last = figure.wsdLast; /* open where the reader was: a step link or a paragraph read */
      if (shown && last) showSteps(last[0], last[1], last[2], false);
    });
    show.setAttribute("aria-expanded", "false");
    caption.insertBefore(show, caption.firstChild);
  }

  function showFigure(figure, shown) {
    var show = figure.querySelector(".wsd-show");
    figure.classList.toggle(SHOWN, shown);
    if (show) {
      show.textContent = shown ? "隐藏图 · Hide diagram" : "显示图 · Show diagram";
      show.setAttribute("aria-expanded", String(shown));
    }
    update(figure);
  }

  /* -- side by side, following the paragraph being read ----------------- */

  function sideWanted() {
    var off = false;
    try { off = localStorage.getItem(SIDE_KEY) === "off"; } catch (err) { /* storage blocked */ }
    return !off && window.matchMedia(WIDE).matches;
  }

  function inPane(figure) {
    return !!(figure && figure.parentNode && figure.parentNode.classList.contains("wsd-pane"));
  }

  /* The page's own diagrams: figures right in the article, each followed by its step list. */
  function leadFigures(article) {
    return Array.prototype.filter.call(article.children, function (node) {
      var next = node.nextElementSibling;
      return node.matches("figure.wsd-figure") && next && next.classList.contains("wsd-steps");
    });
  }

  function activate(figure) {
    if (!figure || figure.classList.contains(ACTIVE)) return;
    figure.parentNode.querySelectorAll(":scope > ." + ACTIVE).forEach(function (f) { f.classList.remove(ACTIVE); });
    figure.classList.add(ACTIVE);
    update(figure);
  }

  function sideToggle(figure) {
    if (figure.querySelector(".wsd-side-toggle")) return;
    var button = el("button", "wsd-side-toggle", "并排 · Side by side");
    button.type = "button";
    button.title = "图与正文并排 · Diagram beside the text";
    button.addEventListener("click", function () {
      try { localStorage.setItem(SIDE_KEY, sideWanted() ? "off" : "on"); } catch (err) { /* storage blocked */ }
      layout();
    });
    figure.querySelector(".wsd-zoom").appendChild(button);
  }

  function layout() {
    var article = document.querySelector(".md-content__inner");
    if (!article) return;
    var side = article.querySelector(":scope > .wsd-side");
    var want = sideWanted();
    if (side && !want) {
      article.wsdNodes.forEach(function (node) { article.appendChild(node); });
      side.remove();
      article.querySelectorAll("." + ACTIVE).forEach(function (f) { f.classList.remove(ACTIVE); });
      leadFigures(article).forEach(function (figure) { figure.querySelector("figcaption").removeAttribute("tabindex"); });
      mark([], NEAR);
      if (reading) reading.classList.remove("wsd-reading");
      reading = null;
    } else if (!side) {
      var lead = leadFigures(article);
      if (!lead.length) return;
      lead.forEach(sideToggle);
      if (!want) return refreshToggles();
      article.wsdNodes = Array.prototype.slice.call(article.childNodes);
      side = el("div", "wsd-side");
      var text = el("div", "wsd-side-text");
      var pane = el("div", "wsd-pane");
      article.wsdNodes.forEach(function (node) { (lead.indexOf(node) >= 0 ? pane : text).appendChild(node); });
      side.appendChild(text);
      side.appendChild(pane);
      article.appendChild(side);
      lead.forEach(function (figure) { figure.querySelector("figcaption").tabIndex = 0; });
      pane.addEventListener("click", pick);
      pane.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") pick(e);
      });
      activate(lead[0]);
      reading = null;
    }
    refreshToggles();
    figures.forEach(update);
    follow();
  }

  /* A click (or Enter) on one of the pane's other diagrams shows it. */
  function pick(e) {
    var figure = e.target.closest(".wsd-figure");
    if (figure && !figure.classList.contains(ACTIVE)) { activate(figure); e.preventDefault(); }
  }

  function refreshToggles() {
    var on = sideWanted();
    document.querySelectorAll(".wsd-side-toggle").forEach(function (b) { b.setAttribute("aria-pressed", String(on)); });
  }

  /* The paragraph, list item or cell with step links at the reading line
     (a third down the screen), or the last one above it when it is near. */
  var reading = null;
  function readingBlock() {
    var line = headerBottom() + (window.innerHeight - headerBottom()) * 0.3;
    var best = null;
    var seen = [];
    document.querySelectorAll(".md-content a.wsd-step-ref").forEach(function (ref) {
      var block = ref.closest("li, p, td, th, dd") || ref;
      if (seen.indexOf(block) >= 0 || block.closest(".wsd-pane") || !visible(block)) return;
      seen.push(block);
      var r = block.getBoundingClientRect();
      if (r.top <= line && r.bottom >= line - window.innerHeight * 0.25) best = block;
    });
    return best;
  }

  function follow() {
    var block = readingBlock();
    if (block === reading) return;
    if (reading) reading.classList.remove("wsd-reading");
    reading = block;
    if (!block) return mark([], NEAR);
    var refs = block.querySelectorAll("a.wsd-step-ref");
    var stem = refs[0].getAttribute("data-wsd-ref");
    var groups = [];
    var first = Infinity;
    var last = 0;
    refs.forEach(function (ref) {
      if (ref.getAttribute("data-wsd-ref") !== stem) return;
      var span = ref.getAttribute("data-steps").split("-").map(Number);
      first = Math.min(first, span[0]);
      last = Math.max(last, span[1] || span[0]);
      groups = groups.concat(stepGroups(stem, span[0], span[1] || span[0]));
    });
    if (!groups.length) return;
    var figure = groups[0].closest(".wsd-figure");
    if (figure) figure.wsdLast = [stem, first, last];
    if (!inPane(figure)) return;
    block.classList.add("wsd-reading");
    activate(figure);
    mark(groups, NEAR);
    reveal(groups, true);
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
    reading = null;
    layout();
    fromHash();
  }

  function later(fn) { /* at most once a frame */
    var pending = 0;
    return function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(fn);
    };
  }
  window.addEventListener("resize", later(function () { figures.forEach(update); }));
  window.addEventListener("scroll", stickyAll, { passive: true });
  window.addEventListener("scroll", later(follow), { passive: true });
  window.matchMedia(WIDE).addEventListener("change", function () { layout(); });
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("click", onRefClick);
  document.addEventListener("click", onBadgeClick, true);
  document.addEventListener("change", function () { stickyAll(); follow(); }); /* tabs switched */

  if (typeof document$ !== "undefined") {
    document$.subscribe(run); /* Material: every (instant) page load */
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
