// himkit-web: enhancements only; the page works without this script.
(function () {
  "use strict";
  var form = document.getElementById("compare");
  var button = document.getElementById("compare-button");
  var status = document.getElementById("compare-status");
  if (!form || !button || !status) { return; }
  var boxes = document.querySelectorAll('input[type="checkbox"][form="compare"]');
  function update() {
    var count = 0;
    boxes.forEach(function (box) { if (box.checked) { count += 1; } });
    var ok = count >= 2 && count <= 10;
    button.disabled = !ok;
    if (count === 0) {
      status.textContent = " Tick 2 to 10 programs in the table.";
    } else if (ok) {
      status.textContent = " " + count + " chosen.";
    } else {
      status.textContent = " " + count + " chosen: choose 2 to 10.";
    }
  }
  boxes.forEach(function (box) { box.addEventListener("change", update); });
  update();
}());
