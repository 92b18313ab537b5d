// The split buttons cut a segment's source or translation where the editor last clicked
// in it. The offset is counted in code points, as the server counts text, not in the
// UTF-16 units of JavaScript strings.
(function () {
  "use strict";

  function textCell(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest(".segment > .text") : null;
  }

  function rememberCaret() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const cell = textCell(range.startContainer);
    if (!cell) return;
    const before = document.createRange();
    before.selectNodeContents(cell);
    before.setEnd(range.startContainer, range.startOffset);
    cell.dataset.caret = String(Array.from(before.toString()).length);
  }

  function split(button) {
    const segment = button.closest(".segment");
    const side = button.dataset.splitSide;
    const cell = segment.querySelector('.text[data-side="' + side + '"]');
    const hint = button.parentElement.querySelector(".alignment-hint");
    if (!cell || cell.dataset.caret === undefined) {
      hint.textContent = "Click in the " + (side === "source" ? "source" : "translation") +
        " where it should be split, then press the button.";
      return;
    }
    htmx.ajax("POST", button.dataset.splitUrl, {
      target: "#" + segment.id,
      swap: "outerHTML",
      values: { side: side, offset: cell.dataset.caret },
    });
  }

  document.addEventListener("mouseup", rememberCaret);
  document.addEventListener("keyup", rememberCaret);
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-split-side]");
    if (button) split(button);
  });
})();
