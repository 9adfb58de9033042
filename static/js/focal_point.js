// Image library form: set the focal point by clicking on the picture (or with the arrow keys).
// The hidden focal_x / focal_y fields are what is saved; this only fills them in.
(function () {
  "use strict";
  var STEP = 0.05;
  function clamp(value) { return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000)); }
  function setUp(picker) {
    var xInput = document.getElementById(picker.dataset.xInput);
    var yInput = document.getElementById(picker.dataset.yInput);
    var frame = picker.querySelector(".focal-picker__frame");
    var marker = picker.querySelector(".focal-picker__marker");
    var status = picker.querySelector(".focal-picker__status");
    if (!xInput || !yInput || !frame) { return; }
    function show() {
      var x = parseFloat(xInput.value), y = parseFloat(yInput.value);
      if (isNaN(x)) { x = 0.5; }
      if (isNaN(y)) { y = 0.5; }
      marker.style.left = (x * 100) + "%";
      marker.style.top = (y * 100) + "%";
      status.textContent = "Focal point: " + Math.round(x * 100) + "% from the left, " +
        Math.round(y * 100) + "% from the top.";
    }
    function set(x, y) {
      xInput.value = clamp(x);
      yInput.value = clamp(y);
      show();
    }
    frame.addEventListener("click", function (event) {
      var box = frame.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });
    frame.addEventListener("keydown", function (event) {
      var x = parseFloat(xInput.value) || 0, y = parseFloat(yInput.value) || 0;
      var moves = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
      if (event.key === "Home") { set(0.5, 0.5); event.preventDefault(); return; }
      var move = moves[event.key];
      if (!move) { return; }
      event.preventDefault();
      set(x + move[0], y + move[1]);
    });
    show();
  }
  function start() { document.querySelectorAll("[data-focal-picker]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
