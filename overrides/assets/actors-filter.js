/* newsbrief: the actor index's filter box. The page lists every actor without JavaScript; this
   adds a box above the list (its words come from the list's data-filter-* attributes, so they
   are in the site's language) that hides the actors whose name does not hold what is typed,
   accents and case aside, and the letters left without an actor. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'").toLowerCase();
  }

  function setup() {
    var list = document.querySelector(".nb-actors");
    if (!list || list.dataset.filterReady) {
      return;
    }
    list.dataset.filterReady = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "nb-filter";
    box.placeholder = list.dataset.filterLabel || "";
    box.setAttribute("aria-label", box.placeholder);
    var none = document.createElement("p");
    none.className = "nb-filter-none";
    none.textContent = list.dataset.filterNone || "";
    none.hidden = true;
    list.parentNode.insertBefore(box, list);
    list.parentNode.insertBefore(none, list);

    var rows = Array.prototype.map.call(list.querySelectorAll("tbody tr"), function (row) {
      return { row: row, name: fold(row.cells[0].textContent) };
    });
    // Each letter: its heading and what follows it up to the next heading (the table).
    var sections = Array.prototype.map.call(list.querySelectorAll("h2"), function (heading) {
      var parts = [heading];
      for (var el = heading.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
        parts.push(el);
      }
      return parts;
    });

    box.addEventListener("input", function () {
      var query = fold(box.value.trim());
      var shown = 0;
      rows.forEach(function (r) {
        r.row.hidden = query !== "" && r.name.indexOf(query) < 0;
        shown += r.row.hidden ? 0 : 1;
      });
      sections.forEach(function (parts) {
        var empty = !parts.some(function (el) {
          return el.querySelector && el.querySelector("tbody tr:not([hidden])");
        });
        parts.forEach(function (el) {
          el.hidden = empty;
        });
      });
      none.hidden = shown > 0;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
