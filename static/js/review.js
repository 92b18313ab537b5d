// Selecting words in a segment's source or translation opens the flag form
// for exactly that span. Offsets are counted in code points, as the server
// counts them, not in the UTF-16 units JavaScript strings use.
(function () {
  "use strict";

  function codePoints(text) {
    return Array.from(text).length;
  }

  function offsetWithin(container, node, offset) {
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  function closestText(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest(".segment > .text") : null;
  }

  function currentSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const container = closestText(range.startContainer);
    if (!container || container !== closestText(range.endContainer)) return null;
    let start = offsetWithin(container, range.startContainer, range.startOffset);
    let end = offsetWithin(container, range.endContainer, range.endOffset);
    const text = Array.from(container.textContent);
    // Leave out spaces caught at the edges of a double-click or drag.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) return null;
    return { container, start, end, quote: text.slice(start, end).join(""), rect: range.getBoundingClientRect() };
  }

  function openFlagForm(picked) {
    const form = document.getElementById("flag-form");
    if (!form) return;
    const segment = picked.container.closest(".segment");
    form.dataset.segment = segment.id;
    form.dataset.url = segment.dataset.flagUrl;
    form.elements.side.value = picked.container.dataset.side;
    form.elements.start.value = picked.start;
    form.elements.end.value = picked.end;
    form.elements.version.value = picked.container.dataset.version;
    if (picked.container.dataset.side === "source") form.elements.category.value = "omission";
    const quote = document.getElementById("flag-quote");
    quote.textContent = picked.quote;
    quote.lang = picked.container.lang;
    form.hidden = false;
    form.style.top = window.scrollY + picked.rect.bottom + 8 + "px";
    form.style.left = Math.max(8, window.scrollX + picked.rect.left) + "px";
  }

  function closeFlagForm() {
    const form = document.getElementById("flag-form");
    if (!form) return;
    form.hidden = true;
    form.reset();
    // A selection left behind would reopen the form at the next click anywhere.
    window.getSelection().removeAllRanges();
  }

  document.addEventListener("mouseup", function (event) {
    // Clicks on controls act on them; only a selection made in the text opens the form.
    if (event.target.closest("#flag-form, button, a, select, input, textarea")) return;
    // While "Add to glossary" is open, selections fill its fields instead.
    if (document.querySelector("details[open] [data-glossary-form]")) return;
    const picked = currentSelection();
    if (picked) openFlagForm(picked);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeFlagForm();
  });

  document.addEventListener("click", function (event) {
    if (event.target.matches("[data-action=cancel-flag]")) closeFlagForm();
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.id !== "flag-form") return;
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    htmx.ajax("POST", form.dataset.url, {
      target: "#" + form.dataset.segment,
      swap: "outerHTML",
      values: values,
    }).then(closeFlagForm);
  });
})();
