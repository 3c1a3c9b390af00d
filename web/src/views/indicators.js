// Indicator reporting: a grid of reporting orgs × periods for one indicator of the resolution;
// a value is typed into its cell and saved on Enter or on leaving the cell; empty cells are what
// is still missing; the last row is the roll-up by the indicator's rule.
import { useState } from 'preact/hooks';
import { t, num, period, pct, periodEnd } from '../i18n.js';
import { get, post, listAll, qs, children, subtree, orgs, ensureOrgs } from '../api.js';
import { html, useAsync, Async, useId, errorText, toast, orgLabel, navigate, OrgName } from '../ui.js';
import { context, itemTree, resolutionItems, viewHref, reportPeriod } from './common.js';

function periodsFor(item, term) {
  const out = [];
  const now = new Date().getFullYear();
  for (let y = term.starts_year; y <= term.ends_year; y++) {
    if (y > now + 1) break;
    if (item.period_type === 'quarter') for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
    else if (item.period_type === 'half') out.push(`${y}-H1`, `${y}-H2`);
    else out.push(String(y));
  }
  return out;
}

function parseVi(s) {
  const x = String(s).trim();
  if (!x) return null;
  // "1.234,5" (vi) or "1234.5"
  const norm = /,/.test(x) ? x.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(x) ? x.replace(/\./g, '') : x;
  const v = Number(norm);
  return Number.isFinite(v) ? v : NaN;
}

function Cell({ item, org, per, value, onSaved, notReported }) {
  const [text, setText] = useState(value == null ? '' : num(value, 4));
  const [state, setState] = useState('');
  const [err, setErr] = useState('');
  const id = useId('iv');
  const commit = async () => {
    const v = parseVi(text);
    if (v === null || (value != null && v === value)) return;
    if (Number.isNaN(v)) {
      setErr('?');
      return;
    }
    setState('saving');
    setErr('');
    try {
      await post(`/indicators/${item.id}/values`, { org_id: org.id, period: per, value: v });
      setState('saved');
      toast(t('id_value_saved', { value: num(v, 4), org: orgLabel(org), period: period(per) }));
      onSaved();
    } catch (x) {
      setState('');
      setErr(errorText(x));
    }
  };
  return html`<td class=${'iv ' + (value == null && !text ? 'missing ' : '') + (notReported && !text ? 'not-reported ' : '') + state + (err ? ' cell-err' : '')} title=${notReported && !text ? t('id_not_reported_cell') : undefined}>
    <label class="sr-only" for=${id}>${t('id_cell_label', { org: orgLabel(org), period: period(per) })}${notReported && !text ? ' — ' + t('id_not_reported_cell') : ''}</label>
    <input id=${id} inputmode="decimal" value=${text} onInput=${(e) => setText(e.target.value)} onBlur=${commit}
      onKeyDown=${(e) => e.key === 'Enter' && (e.preventDefault(), commit())} aria-invalid=${err ? 'true' : undefined} title=${err || ''} />
  </td>`;
}

async function loadGrid(orgId, ctx, item) {
  const kinds = item.reported_by_kinds && item.reported_by_kinds.length ? item.reported_by_kinds : null;
  const fits = (o) => (kinds ? kinds.includes(o.kind) : o.kind !== 'body');
  const self = orgs.get(orgId);
  let rows = (await children(orgId)).filter(fits);
  if (!rows.length) rows = (await subtree(orgId)).filter((o) => o.id !== orgId && fits(o)).slice(0, 100);
  if (self && (fits(self) || !rows.length)) rows = [self, ...rows];
  const values = await listAll(`/indicators/${item.id}/values`, {}, 20000);
  // The cadence's periods, plus any other period of the term someone reported for (2025-H1).
  const base = periodsFor(item, ctx.term);
  const rowIds = new Set(rows.map((o) => o.id));
  const extra = values.filter((v) => rowIds.has(v.org_id) && /^\d{4}/.test(v.period) && +v.period.slice(0, 4) >= ctx.term.starts_year && +v.period.slice(0, 4) <= ctx.term.ends_year).map((v) => v.period);
  const pers = [...new Set([...base, ...extra])].sort((a, b) => (periodEnd(a) || '').localeCompare(periodEnd(b) || '') || b.length - a.length);
  const latest = new Map();
  for (const v of values.sort((a, b) => a.id - b.id)) latest.set(v.org_id + ':' + v.period, v.value);
  const rolled = await Promise.all(pers.map((p) => get(`/indicators/${item.id}/rollup` + qs({ org_id: orgId, period: p })).catch(() => null)));
  // This period: the latest of the grid's periods that has begun (this year's, or the term's last).
  const nowY = reportPeriod(ctx.term);
  let nowIdx = -1;
  pers.forEach((p, i) => {
    if (nowY && p.slice(0, 4) <= nowY) nowIdx = i;
  });
  const nowR = nowIdx >= 0 ? rolled[nowIdx] : null;
  await ensureOrgs(((nowR && nowR.not_reported) || []).slice(0, 30));
  return { rows, pers, latest, rolled, nowIdx };
}

function Grid({ orgId, ctx, item }) {
  const st = useAsync(() => loadGrid(orgId, ctx, item), [orgId, item.id]);
  return html`<${Async} state=${st}>${({ rows, pers, latest, rolled, nowIdx }) => {
    // Missing: a cell of an org the server expects to report for that period.
    const expected = rolled.map((r) => new Set((r && r.not_reported) || []));
    let missing = 0;
    for (const o of rows) pers.forEach((p, i) => latest.get(o.id + ':' + p) == null && expected[i].has(o.id) && missing++);
    const nowR = nowIdx >= 0 ? rolled[nowIdx] : null;
    const any = rolled.find((r) => r && r.at_risk != null);
    const absent = (nowR && nowR.not_reported) || [];
    return html`<div>
      <p class="muted">${item.unit ? t('item_unit') + ': ' + item.unit + ' · ' : ''}${t('item_baseline')}: ${num(item.baseline, 2)} · ${t('item_target')}: <strong>${num(item.target, 2)}</strong> · ${t('item_rollup')}: ${t('ru_' + (item.rollup || 'sum'))} · <span class=${missing ? 'late' : ''}>${t('id_missing', { n: missing })}</span>
        ${any && html` · ${any.at_risk ? html`<span class="badge risk">${t('ov_at_risk')}</span>` : html`<span class="badge ok">${t('ov_on_track')}</span>`}${any.projected != null ? html` <small>${t('ov_projected_short', { value: num(any.projected, 2) })}</small>` : ''}`}</p>
      ${nowR && html`<div class=${'not-reported' + (absent.length ? '' : ' none')} data-count=${absent.length}>
        ${absent.length
          ? html`<strong class="late">${t('ov_not_reported', { period: period(pers[nowIdx], ctx.term) })}:</strong> ${absent.slice(0, 30).map((oid, i) => html`${i ? ', ' : ''}<${OrgName} id=${oid} />`)}${absent.length > 30 ? ' ' + t('pg_more_orgs', { n: absent.length - 30 }) : ''}${nowR.period_closed ? '' : html` <small class="muted">(${t('ov_period_open')})</small>`}`
          : html`<span class="muted">✓ ${t('ov_all_reported', { period: period(pers[nowIdx], ctx.term) })}</span>`}
      </div>`}
      <p class="hint">${t('id_hint')}</p>
      <div class="table-scroll"><table class="grid values">
        <thead><tr><th scope="col">${t('id_org')}</th>${pers.map((p) => html`<th scope="col" class="num">${period(p, ctx.term, { cap: true })}</th>`)}</tr></thead>
        <tbody>${rows.map((o) => html`<tr><th scope="row">${orgLabel(o)}</th>${pers.map((p) => html`<${Cell} key=${o.id + p} item=${item} org=${o} per=${p} value=${latest.get(o.id + ':' + p) ?? null} onSaved=${st.reload} notReported=${expected[pers.indexOf(p)].has(o.id)} />`)}</tr>`)}</tbody>
        <tfoot><tr><th scope="row">${t('id_rollup_row', { rule: t('ru_' + (item.rollup || 'sum')) })}</th>${rolled.map((r) => html`<td class="num">${r && r.value != null ? html`<strong>${num(r.value, 2)}</strong>${r.achieved_ratio != null ? html`<br /><small class="muted">${pct(r.achieved_ratio, 0)}</small>` : ''}` : t('none')}${r && r.orgs_expected ? html`<br /><small class="muted">${t('id_reporting', { n: r.orgs_reporting, m: r.orgs_expected })}</small>` : ''}</td>`)}</tr></tfoot>
      </table></div>
    </div>`;
  }}<//>`;
}

export function IndicatorsView({ orgId, year, route }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    const items = ctx.resolution ? await resolutionItems(ctx.resolution.id) : [];
    return { ctx, inds: itemTree(items).map((x) => x.item).filter((i) => i.kind === 'indicator') };
  }, [orgId, year]);
  const sid = useId('ind');
  const want = +(route.q.get('i') || 0);
  return html`<${Async} state=${st}>${({ ctx, inds }) => {
    if (!ctx.resolution || !inds.length) return html`<p class="notice">${t('id_no_indicator')}</p>`;
    const item = inds.find((i) => i.id === want) || inds[0];
    return html`<div class="indicator-grid">
      <h2>${t('id_title')}</h2>
      <div class="field inline">
        <label for=${sid}>${t('id_pick')}</label>
        <select id=${sid} value=${String(item.id)} onChange=${(e) => navigate(viewHref(orgId, 'indicators', year, { i: e.target.value }), { keepScroll: true })}>
          ${inds.map((i) => html`<option value=${String(i.id)}>${i.code ? i.code + ' ' : ''}${i.text.length > 110 ? i.text.slice(0, 110) + '…' : i.text}</option>`)}
        </select>
      </div>
      <${Grid} key=${item.id} orgId=${orgId} ctx=${ctx} item=${item} />
    </div>`;
  }}<//>`;
}
