// Thin, typed bridge between the ApexChart Blazor component and ApexCharts (apexcharts@4.7.0, loaded as a script).
// Series names come from data (tag values): they are escaped before ApexCharts puts them into the page.

const charts = new WeakMap();

function escapeText(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function toApexSeries(series) {
  return series.map(s => ({ name: s.name, data: s.points.map(p => [p.x, p.y]) }));
}

function countPoints(series) {
  return series.reduce((n, s) => n + s.points.length, 0);
}

export function create(element, config, series) {
  const options = {
    chart: {
      type: 'line',
      height: config.height,
      background: 'transparent',
      foreColor: '#b8c4dc',
      animations: { enabled: false },
      toolbar: { show: false },
      zoom: { enabled: false },
      fontFamily: 'inherit'
    },
    theme: { mode: 'dark' },
    stroke: { width: 2, curve: 'straight' },
    markers: { size: 0 },
    grid: { borderColor: '#1e2a40' },
    dataLabels: { enabled: false },
    legend: {
      show: config.showLegend,
      position: 'bottom',
      fontSize: '13px',
      formatter: name => escapeText(name)
    },
    tooltip: {
      theme: 'dark',
      x: { format: 'HH:mm' },
      y: { title: { formatter: name => escapeText(name) + ':' } }
    },
    xaxis: {
      type: 'datetime',
      labels: { datetimeUTC: false, style: { fontSize: '13px' } }
    },
    yaxis: {
      min: config.yMin ?? undefined,
      max: config.yMax ?? undefined,
      decimalsInFloat: config.decimals,
      title: { text: config.unit || undefined },
      labels: { style: { fontSize: '13px' } }
    },
    noData: { text: 'Waiting for data…' },
    series: toApexSeries(series)
  };
  const chart = new ApexCharts(element, options);
  charts.set(element, chart);
  element.dataset.points = countPoints(series);
  return chart.render();
}

export function update(element, series) {
  const chart = charts.get(element);
  if (!chart) {
    return;
  }
  chart.updateSeries(toApexSeries(series), false);
  element.dataset.points = countPoints(series);
  element.dataset.updates = (Number(element.dataset.updates || 0) + 1).toString();
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
