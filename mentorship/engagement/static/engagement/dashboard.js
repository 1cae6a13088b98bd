/* Draws the dashboard's charts from the json_script data; the tables stay for screen readers. */
(function () {
  "use strict";
  var source = document.getElementById("engagement-charts");
  if (!source || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var rows = data[canvas.getAttribute("data-chart")] || [];
    if (!rows.length) { return; }
    canvas.parentElement.hidden = false;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(function (row) { return row.label; }),
        datasets: [{
          label: canvas.getAttribute("data-label"),
          data: rows.map(function (row) { return row.count; }),
          backgroundColor: "#0b5f7a"
        }]
      },
      options: {
        indexAxis: rows.length > 6 ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  });
}());
