// "Add to glossary" on the review page: while the form is open, a selection in a
// segment's source fills the term and a selection in its translation fills the
// approved translation, so a name goes in with two selections and one click.
(function () {
  "use strict";
  if (window.glossarySelectionListener) return;
  window.glossarySelectionListener = true;

  document.addEventListener("selectionchange", function () {
    const form = document.querySelector("details[open] [data-glossary-form]");
    const selection = window.getSelection();
    if (!form || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const node = selection.getRangeAt(0).commonAncestorContainer;
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const text = element ? element.closest(".segment > .text") : null;
    if (!text) return;
    const field = text.dataset.side === "source" ? "source_term" : "target_term";
    form.elements[field].value = selection.toString().trim();
  });
})();
