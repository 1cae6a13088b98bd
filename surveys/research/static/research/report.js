/* Draws the impact report's charts from the json_script data; the tables stay for everyone. */
function drawResearchCharts() {
  "use strict";
  var source = document.getElementById("research-charts");
  if (!source || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  var colours = ["#0b5f7a", "#5fb0c9", "#8a4b08", "#e0a458"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var chart = data[canvas.getAttribute("data-chart")];
    if (!chart || !chart.labels.length) { return; }
    canvas.parentElement.hidden = false;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, index) {
          return { label: series.label, data: series.values, backgroundColor: colours[index % colours.length] };
        })
      },
      options: {
        indexAxis: chart.labels.length > 6 ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  });
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawResearchCharts);
} else {
  drawResearchCharts();
}
