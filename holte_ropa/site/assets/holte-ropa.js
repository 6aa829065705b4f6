/* holte-ropa: a table that scrolls sideways (on a phone) must be reachable and named for
   keyboard and screen-reader users (WCAG 2.1.1, 4.1.2). Material for MkDocs wraps every
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
  function run() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
