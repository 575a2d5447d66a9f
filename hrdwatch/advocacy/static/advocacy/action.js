// Copy buttons of the "Take action" block: progressive enhancement. Without JavaScript the
// buttons stay hidden and the letter and the embed code remain plain, selectable text.
(function () {
  "use strict";
  function textOf(target) {
    return target.value !== undefined && target.tagName === "TEXTAREA"
      ? target.value
      : Array.prototype.map.call(target.querySelectorAll("p"), function (p) { return p.innerText; }).join("\n\n") || target.innerText;
  }
  function selectIn(target) {
    if (target.tagName === "TEXTAREA") { target.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!target) { return; }
    var done = function () { if (status) { status.textContent = button.getAttribute("data-copied"); } };
    var fallback = function () {
      selectIn(target);
      try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(textOf(target)).then(done, fallback);
    } else {
      fallback();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  });
})();
