// Underline the words each automatic check's suggestion is about, with the CSS Custom
// Highlight API: the text's DOM is left as it is, so selection offsets for flags and
// the flag marks stay exactly as the review page renders them. Offsets are code points.
(function () {
  "use strict";
  if (window.findingHighlights || !window.CSS || !CSS.highlights) return;
  window.findingHighlights = true;

  function position(container, offset) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const points = Array.from(node.data);
      if (offset <= points.length) {
        return { node, offset: points.slice(0, offset).join("").length };
      }
      offset -= points.length;
    }
    return null;
  }

  // Chrome shapes a highlighted stretch apart from the rest of its word, which breaks
  // Arabic joining and lam-alef ligatures ("الإضرابات" drew as "ال ضرابات"), so a span
  // that starts or ends inside a word is underlined from word edge to word edge.
  const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

  function wholeWords(container, start, end) {
    const points = Array.from(container.textContent);
    const inWord = (at) => wordCharacter.test(points[at - 1] || "") && wordCharacter.test(points[at] || "");
    while (start > 0 && inWord(start)) start--;
    while (end < points.length && inWord(end)) end++;
    return [start, end];
  }

  function rangeFor(container, spanStart, spanEnd) {
    const [start, end] = wholeWords(container, spanStart, spanEnd);
    const from = position(container, start);
    const to = position(container, end);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  function refresh() {
    const ranges = [];
    document.querySelectorAll(".segment").forEach(function (segment) {
      const target = segment.querySelector(":scope > .text.target");
      if (!target) return;
      segment.querySelectorAll(".finding[data-target-start]").forEach(function (item) {
        const range = rangeFor(target, Number(item.dataset.targetStart), Number(item.dataset.targetEnd));
        if (range) ranges.push(range);
      });
    });
    CSS.highlights.set("check-finding", new Highlight(...ranges));
  }

  refresh();
  document.body.addEventListener("htmx:afterSettle", refresh);
})();
