/* holte-ropa: a table that scrolls sideways (on a phone) must be reachable and named for
   keyboard and screen-reader users (WCAG 2.1.1, 4.1.2), and show that it scrolls. Material for MkDocs wraps every
   table in a scroll box after the page loads; this names each box after its caption and
   puts it in the tab order. No network, no dependencies. */
(function () {
  var count = 0;
  function mark(box) {
    if (box.hasAttribute("tabindex")) {
      return;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    var caption = box.querySelector("caption");
    if (caption) {
      if (!caption.id) {
        count += 1;
        caption.id = "holte-table-caption-" + count;
      }
      box.setAttribute("aria-labelledby", caption.id);
    } else {
      box.setAttribute("aria-label", document.documentElement.lang === "nb" ? "Tabell" : "Table");
    }
  }
  var HINT = {
    nb: "Bredere enn skjermen: rull sideveis for å se alt.",
    en: "Wider than the screen: scroll sideways to see it all."
  };
  /* A box wider than the screen scrolls on its own (never the page), and says so: a
     hint above it and a shadow at the edge where more is hidden (WCAG 1.4.10). */
  function frame(box) {
    if (box.parentElement && box.parentElement.classList.contains("holte-scroll")) {
      return;
    }
    var wrap = document.createElement("div");
    wrap.className = "holte-scroll";
    if (box.tagName === "FIGURE") {
      wrap.classList.add("holte-scroll--diagram");
    }
    var hint = document.createElement("p");
    hint.className = "holte-scroll-hint";
    hint.hidden = true;
    hint.textContent = HINT[document.documentElement.lang] || HINT.en;
    box.parentNode.insertBefore(hint, box);
    box.parentNode.insertBefore(wrap, box);
    wrap.appendChild(box);
    function update() {
      var over = box.scrollWidth > box.clientWidth + 1;
      hint.hidden = !over;
      wrap.classList.toggle("holte-overflow", over);
      wrap.classList.toggle("holte-at-start", box.scrollLeft <= 1);
      wrap.classList.toggle("holte-at-end", box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
    }
    box.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }
  function run() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark);
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .holte-diagram").forEach(frame);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
