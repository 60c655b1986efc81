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

// Colours of annotations by tone, and of the band chart's parts.
const tones = { critical: '#ff4d5e', warning: '#f2b84b', info: '#4a8cff' };
const bandColour = '#3a86ff';
const bandLineColours = ['#ffd166', '#c8d3ea', '#06d6a0', '#f72585'];

// Times are drawn in the dashboard's display time zone (not the browser's): the server sends x values already moved
// to local wall-clock time, each by its own instant's offset (ApexChart.razor.cs), and ApexCharts is told to format
// them as UTC, so its ticks fall on whole local hours and days. The chart is always given whole series (never appended
// to), so it holds exactly what the server last sent however long the page runs.
function toApexSeries(series, band, hasBand) {
  if (!hasBand) {
    return series.map(s => ({ name: s.name, data: s.points.map(p => [p.x, p.y]) }));
  }
  const ranges = band ? band.ranges : [];
  return [{ type: 'rangeArea', name: band ? band.name : '', data: ranges.map(r => ({ x: r.x, y: [r.low, r.high] })) }]
    .concat(series.map(s => ({ type: 'line', name: s.name, data: s.points.map(p => ({ x: p.x, y: p.y })) })));
}

// Dashed lines (expectations, comparisons) and explicit palette slots, so a comparison shares its line's colour.
// Plain charts keep the plain palette, which also covers series that arrive later.
function styled(series) {
  return series.some(s => s.dashed || s.colorIndex != null);
}

// Stroke and colours per series: a band chart's band has no outline and its own colour.
function strokeAndColors(series, hasBand) {
  const dashes = series.map(s => (s.dashed ? 6 : 0));
  if (hasBand) {
    return {
      colors: [bandColour].concat(series.map((s, i) => bandLineColours[(s.colorIndex ?? i) % bandLineColours.length])),
      stroke: { width: [0].concat(series.map(s => (s.dashed ? 2 : 3))), dashArray: [0].concat(dashes), curve: 'straight' }
    };
  }
  if (!styled(series)) {
    return { colors: palette, stroke: { width: 2, curve: 'straight' } };
  }
  return {
    colors: series.map((s, i) => palette[(s.colorIndex ?? i) % palette.length]),
    stroke: { width: 2, curve: 'straight', dashArray: dashes }
  };
}

// ApexCharts draws annotation labels as SVG text nodes (plain text), so tag values in them cannot become markup.
function toAnnotations(annotations) {
  return {
    xaxis: (annotations || []).map(a => ({
      x: a.x,
      borderColor: tones[a.tone] || tones.info,
      strokeDashArray: 4,
      label: {
        text: String(a.label),
        orientation: 'horizontal',
        borderColor: tones[a.tone] || tones.info,
        style: { background: tones[a.tone] || tones.info, color: '#0b1220', fontSize: '13px', fontWeight: 600 }
      }
    }))
  };
}

// Exposed on the element as data-points / data-last-x / data-band-points / data-annotations, so tests (and curious
// people) can see what was drawn.
function describe(element, series, band, annotations) {
  element.dataset.points = series.reduce((n, s) => n + s.points.length, 0);
  element.dataset.lastX = series.reduce((x, s) => s.points.length ? Math.max(x, s.points[s.points.length - 1].x) : x, 0);
  element.dataset.bandPoints = band ? band.ranges.length : 0;
  element.dataset.annotations = (annotations || []).length;
}

export function create(element, config, series, band, annotations) {
  const hasBand = !!config.hasBand;
  element.dataset.timeZone = config.timeZone || '';
  element.dataset.hasBand = hasBand;
  const options = {
    chart: {
      type: hasBand ? 'rangeArea' : 'line',
      height: config.height,
      background: 'transparent',
      foreColor: '#b8c4dc',
      animations: { enabled: false },
      toolbar: { show: false },
      zoom: { enabled: false },
      fontFamily: 'inherit'
    },
    theme: { mode: 'dark' },
    ...strokeAndColors(series, hasBand),
    fill: hasBand ? { opacity: [0.28].concat(series.map(() => 1)) } : { opacity: 1 },
    markers: { size: 0 },
    grid: { borderColor: '#1e2a40' },
    dataLabels: { enabled: false },
    legend: {
      show: config.showLegend,
      position: 'bottom',
      fontSize: '15px',
      formatter: name => escapeText(name)
    },
    tooltip: {
      theme: 'dark',
      x: { format: 'yyyy-MM-dd HH:mm' },
      y: { title: { formatter: name => escapeText(name) + ':' } }
    },
    xaxis: {
      type: 'datetime',
      min: config.xMin ?? undefined,
      max: config.xMax ?? undefined,
      labels: {
        datetimeUTC: true,
        datetimeFormatter: { hour: 'HH:mm', minute: 'HH:mm', day: 'MM-dd' },
        style: { fontSize: '15px' }
      }
    },
    yaxis: {
      min: config.yMin ?? undefined,
      max: config.yMax ?? undefined,
      decimalsInFloat: config.decimals,
      title: { text: config.unit || undefined, style: { fontSize: '14px' } },
      labels: { style: { fontSize: '15px' } }
    },
    annotations: toAnnotations(annotations),
    noData: { text: config.noData || '…' },
    series: toApexSeries(series, band, hasBand)
  };
  const chart = new ApexCharts(element, options);
  charts.set(element, chart);
  describe(element, series, band, annotations);
  return chart.render();
}

export function update(element, series, band, annotations) {
  const chart = charts.get(element);
  if (!chart) {
    return;
  }
  const hasBand = element.dataset.hasBand === 'true';
  const apexSeries = toApexSeries(series, band, hasBand);
  const annotated = (annotations || []).length > 0 || Number(element.dataset.annotations || 0) > 0;
  // Plain line charts without annotations keep the cheap path; the rest restyle and redraw their annotations.
  if (!hasBand && !styled(series) && !annotated) {
    chart.updateSeries(apexSeries, false);
  } else {
    chart.updateOptions({
      ...strokeAndColors(series, hasBand),
      series: apexSeries,
      annotations: toAnnotations(annotations)
    }, false, false, false);
  }
  describe(element, series, band, annotations);
  element.dataset.updates = (Number(element.dataset.updates || 0) + 1).toString();
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
