// Draws a Chart.js chart above every <table data-chart="line|bar"> of the page, from the table
// itself: the header cells after the first are the labels, every body row (except those marked
// data-chart-skip) is a data set named by its <th>, each cell's data-value (empty = no point)
// its values. The table stays on the page: it is what a reader without JavaScript (or a screen
// reader) uses. Chart.js comes from the org.webjars.npm:chart.js WebJar served by PerfFlow.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') return;
  var colours = ['#0b5cad', '#1d7a3a', '#c25e00', '#7b3fa0', '#a61b1b', '#00838f', '#5f6b7a', '#b58900'];
  document.querySelectorAll('table[data-chart]').forEach(function (table, index) {
    var type = table.getAttribute('data-chart') === 'bar' ? 'bar' : 'line';
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (tr) {
      return !tr.hasAttribute('data-chart-skip');
    });
    var datasets = rows.map(function (tr, i) {
      var cells = Array.prototype.slice.call(tr.querySelectorAll('td'));
      var colour = colours[i % colours.length];
      return {
        label: tr.querySelector('th') ? tr.querySelector('th').textContent.trim() : '',
        data: cells.map(function (td) {
          var v = td.getAttribute('data-value');
          return v === null || v === '' ? null : Number(v);
        }),
        borderColor: colour,
        backgroundColor: type === 'bar' ? colour : colour,
        spanGaps: true,
        tension: 0.2,
      };
    });
    if (!datasets.length) return;
    var figure = document.createElement('figure');
    figure.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.id = (table.id || 'chart-' + index) + '-chart';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', (table.getAttribute('data-chart-title') || 'Chart') + ' (the same numbers are in the table below)');
    figure.appendChild(canvas);
    table.parentNode.insertBefore(figure, table);
    new window.Chart(canvas, {
      type: type,
      data: { labels: headers, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          title: { display: !!table.getAttribute('data-chart-title'), text: table.getAttribute('data-chart-title') },
          legend: { display: datasets.length > 1 },
        },
        scales: { y: { beginAtZero: true } },
      },
    });
    figure.setAttribute('data-chart-ready', 'true');
  });
})();
