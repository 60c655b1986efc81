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

// One distinct colour per district (11 by default), readable on the dark wall.
const palette = ['#4cc9f0', '#f72585', '#ffd166', '#06d6a0', '#a78bfa', '#ff8c42', '#90be6d', '#ef476f',
  '#4895ef', '#e9c46a', '#c77dff', '#2ec4b6', '#f4a261'];

// Times are drawn in the wall's time zone (not the browser's): x values are shifted by the zone's offset and
// ApexCharts is told to format them as UTC.
function toApexSeries(series, offsetMs) {
  return series.map(s => ({ name: s.name, data: s.points.map(p => [p.x + offsetMs, p.y]) }));
}

// Dashed lines (comparisons) and explicit palette slots, so a comparison shares its line's colour.
// Charts without either (the wall's) keep the plain palette, which also covers series that arrive later.
function styled(series) {
  return series.some(s => s.dashed || s.colorIndex != null);
}

function strokeAndColors(series) {
  if (!styled(series)) {
    return { colors: palette, stroke: { width: 2, curve: 'straight' } };
  }
  return {
    colors: series.map((s, i) => palette[(s.colorIndex ?? i) % palette.length]),
    stroke: { width: 2, curve: 'straight', dashArray: series.map(s => (s.dashed ? 6 : 0)) }
  };
}

// Exposed on the element as data-points / data-last-x, so tests (and curious people) can see what was drawn.
function describe(element, series) {
  element.dataset.points = series.reduce((n, s) => n + s.points.length, 0);
  element.dataset.lastX = series.reduce((x, s) => s.points.length ? Math.max(x, s.points[s.points.length - 1].x) : x, 0);
}

export function create(element, config, series) {
  const offsetMs = (config.utcOffsetMinutes || 0) * 60000;
  element.dataset.offsetMs = offsetMs;
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
    ...strokeAndColors(series),
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
      x: { format: 'yyyy-MM-dd HH:mm' },
      y: { title: { formatter: name => escapeText(name) + ':' } }
    },
    xaxis: {
      type: 'datetime',
      labels: {
        datetimeUTC: true,
        datetimeFormatter: { hour: 'HH:mm', minute: 'HH:mm', day: 'MM-dd' },
        style: { fontSize: '13px' }
      }
    },
    yaxis: {
      min: config.yMin ?? undefined,
      max: config.yMax ?? undefined,
      decimalsInFloat: config.decimals,
      title: { text: config.unit || undefined },
      labels: { style: { fontSize: '13px' } }
    },
    noData: { text: 'Waiting for data…' },
    series: toApexSeries(series, offsetMs)
  };
  const chart = new ApexCharts(element, options);
  charts.set(element, chart);
  describe(element, series);
  return chart.render();
}

export function update(element, series) {
  const chart = charts.get(element);
  if (!chart) {
    return;
  }
  const apexSeries = toApexSeries(series, Number(element.dataset.offsetMs || 0));
  // The wall's frequent updates keep the cheap path; only charts with dashes or fixed colours restyle.
  if (styled(series)) {
    chart.updateOptions({ ...strokeAndColors(series), series: apexSeries }, false, false);
  } else {
    chart.updateSeries(apexSeries, false);
  }
  describe(element, series);
  element.dataset.updates = (Number(element.dataset.updates || 0) + 1).toString();
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
