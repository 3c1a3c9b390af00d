// A line chart of an indicator over periods, target as a dashed line, drawn by uPlot.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { html } from './ui.js';
import { num } from './i18n.js';

// labels: x-axis labels (one per point); series: [{label, values, color, dash}]
export function LineChart({ labels, series, height = 220, unit = '', title }) {
  const box = useRef(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const xs = labels.map((_, i) => i);
    const width = Math.max(260, el.clientWidth || 480);
    const opts = {
      width,
      height,
      title: undefined,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.3, Math.max(1, labels.length - 1) + 0.3] } },
      axes: [
        {
          splits: () => xs,
          values: (u, splits) => splits.map((s) => (Number.isInteger(s) && labels[s] !== undefined ? labels[s] : '')),
          stroke: '#333',
          grid: { stroke: '#eee' },
        },
        {
          values: (u, splits) => splits.map((s) => num(s, 2)),
          stroke: '#333',
          grid: { stroke: '#eee' },
          size: 56,
        },
      ],
      series: [
        { label: '' },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash,
          spanGaps: true,
          points: { show: !s.dash, size: 7, fill: s.color },
          value: (u, v) => (v == null ? '—' : num(v, 2) + (unit ? ' ' + unit : '')),
        })),
      ],
    };
    const data = [xs, ...series.map((s) => s.values.map((v) => (v == null ? null : v)))];
    const plot = new uPlot(opts, data, el);
    const onResize = () => plot.setSize({ width: Math.max(260, el.clientWidth || 480), height });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series), height, unit]);
  return html`<figure class="chart" aria-label=${title}>
    <div ref=${box} class="chart-box"></div>
    <figcaption class="sr-only">${title}: ${labels.map((l, i) => `${l} ${series.map((s) => s.label + ' ' + num(s.values[i], 2)).join(', ')}`).join('; ')}</figcaption>
  </figure>`;
}
