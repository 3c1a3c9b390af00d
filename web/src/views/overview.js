// Overview of an org: its subtree's roll-up for the term (tasks by status, overdue, mean progress,
// programs adopted, dissemination), which subordinates have held their congress and adopted their
// action program, the most overdue tasks, and the indicators against their targets.
import { useState, useEffect } from 'preact/hooks';
import { t, num, pct, dateRange, period, periodEnd, todayIso, daysBetween, timeFrame } from '../i18n.js';
import { get, qs, listAll, children, ensureOrgs, orgs } from '../api.js';
import { html, useAsync, Async, Link, OrgName, Progress } from '../ui.js';
import { LineChart } from '../chart.js';
import { context, ResolutionNote, subordinatesWord, viewHref, itemTree, reportPeriod } from './common.js';

const STATUSES = ['done', 'in_progress', 'not_started', 'cancelled'];

function Figure({ label, value, sub, tone, name }) {
  return html`<div class=${'figure ' + (tone || '')} data-figure=${name}>
    <div class="figure-value">${value}</div>
    <div class="figure-label">${label}</div>
    ${sub && html`<div class="figure-sub">${sub}</div>`}
  </div>`;
}

function StatusBar({ tasks }) {
  const total = tasks.total || 0;
  return html`<div class="statusbar-wrap">
    <div class="statusbar" aria-hidden="true">
      ${STATUSES.map((s) => (tasks[s] ? html`<span class=${'seg st-' + s} style=${{ width: (100 * tasks[s]) / Math.max(1, total) + '%' }}></span>` : ''))}
    </div>
    <ul class="legend">
      ${STATUSES.map((s) => html`<li><span class=${'dot st-' + s}></span>${t('st_' + s)}: <strong>${num(tasks[s] || 0, 0)}</strong></li>`)}
      <li><span class="dot st-overdue"></span>${t('st_overdue')}: <strong>${num(tasks.overdue || 0, 0)}</strong></li>
    </ul>
  </div>`;
}

function CountLine({ n, m, text, href }) {
  const ratio = m ? n / m : 0;
  return html`<li class=${'countline' + (n < m ? ' short' : ' full')}>
    <div class="countline-text">${text}</div>
    <div class="meter" aria-hidden="true"><span style=${{ width: ratio * 100 + '%' }}></span></div>
    ${href && html`<${Link} href=${href} class="more">${t('v_cascade')} ›<//>`}
  </li>`;
}

async function loadOverview(orgId, year, by) {
  const ctx = await context(orgId, year);
  const termYear = ctx.term ? ctx.term.starts_year : undefined;
  const rollupP = get(`/orgs/${orgId}/rollup` + qs({ term_year: termYear, by }));
  const kidsP = children(orgId).catch(() => []);
  const cascadeP = ctx.resolution ? get(`/orgs/${orgId}/cascade` + qs({ resolution_id: ctx.resolution.id })).then((r) => r.items, () => []) : Promise.resolve([]);
  // Overdue tasks: those of the org's own programs and those it leads, from any level.
  const progs = await listAll('/programs', { org_id: orgId }).catch(() => []);
  const inTerm = progs.filter((p) => !ctx.resolution || !p.resolution_id || p.resolution_id === ctx.resolution.id || !ctx.own);
  const taskLists = await Promise.all([
    ...inTerm.map((p) => listAll(`/programs/${p.id}/tasks`).catch(() => [])),
    listAll('/tasks', { lead_org_id: orgId }).catch(() => []),
  ]);
  const seen = new Map();
  for (const list of taskLists) for (const x of list) seen.set(x.id, x);
  const overdue = [...seen.values()].filter((x) => x.overdue);
  const dueOf = (x) => x.due_on || periodEnd(x.period, ctx.term) || '9999-12-31';
  overdue.sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
  await ensureOrgs(overdue.map((x) => x.lead_org_id));
  const [rollup, kids, cascadeAll] = await Promise.all([rollupP, kidsP, cascadeP]);
  const start = ctx.term ? (ctx.term.congress && ctx.term.congress.held_from) || `${ctx.term.starts_year}-01-01` : '';
  const cascade = cascadeAll.filter((r) => !(orgs.get(r.org_id)?.ended_on && orgs.get(r.org_id).ended_on < start));
  return { ctx, rollup, kids, cascade, overdue, dueOf };
}

// Who has not reported the indicators this period, from the indicators panel once it has loaded.
function ReportLine({ nr, year }) {
  if (!nr || !nr.now || !nr.rows.length) return '';
  const p = period(nr.now);
  if (!nr.missing.length) return html`<p class="reported-all muted">✓ ${t('ov_all_reported', { period: p })}</p>`;
  const shown = nr.missing.slice(0, 4);
  return html`<p class="warn-line not-reported-line">${t('ov_not_reported_line', { period: p })}: ${shown.map(([oid], i) => html`${i ? ', ' : ''}<${Link} href=${viewHref(oid, 'indicators', year)}><${OrgName} id=${oid} /><//>`)}${nr.missing.length > shown.length ? html` <a href="#ov-not-reported" onClick=${(e) => (e.preventDefault(), document.getElementById('ov-not-reported')?.scrollIntoView({ block: 'center' }))}>${t('pg_more_orgs', { n: nr.missing.length - shown.length })}</a>` : ''}</p>`;
}

function Subordinates({ data, orgId, year, nr }) {
  const rows = data.cascade;
  if (!rows.length) return html`<p class="muted">${t('ov_no_subordinates')}</p><${ReportLine} nr=${nr} year=${year} />`;
  const word = subordinatesWord(rows.map((r) => r.org_id));
  const held = rows.filter((r) => r.congress_held_to).length;
  const adopted = rows.filter((r) => r.status === 'adopted').length;
  const days = rows.map((r) => r.days_after_congress).filter((d) => d != null).sort((a, b) => a - b);
  const median = days.length ? days[Math.floor(days.length / 2)] : null;
  const missing = rows.filter((r) => r.status !== 'adopted');
  const href = viewHref(orgId, 'cascade', year);
  return html`<ul class="countlines">
      <${CountLine} n=${held} m=${rows.length} text=${t('ov_congress_held', { n: held, m: rows.length, what: word })} />
      <${CountLine} n=${adopted} m=${rows.length} text=${t('ov_program_adopted', { n: adopted, m: rows.length, what: word })} href=${href} />
    </ul>
    ${median != null && html`<p class="muted">${t('ov_timeliness')}: ${t('ov_median_days', { n: num(median, 0) })}</p>`}
    ${missing.length > 0 && html`<p class="warn-line">${t('ov_not_adopted')}: ${missing.map((r, i) => html`${i ? ', ' : ''}<${Link} href=${viewHref(r.org_id, 'program', year)}>${r.org_short_name || r.org_name}<//>`)}</p>`}
    <${ReportLine} nr=${nr} year=${year} />`;
}

function OverdueList({ data, year }) {
  const { overdue, dueOf, ctx } = data;
  if (!overdue.length) return html`<p class="muted">${t('ov_overdue_none')}</p>`;
  const today = todayIso();
  return html`<table class="grid compact">
    <thead><tr><th scope="col">${t('pg_col_title')} · ${t('pg_col_lead')}</th><th scope="col">${t('pg_col_time')}</th><th scope="col">${t('pg_progress')}</th></tr></thead>
    <tbody>${overdue.slice(0, 6).map((x) => html`<tr>
      <td><${Link} href=${viewHref(x.lead_org_id, 'inbox', year, { task: x.id })}>${x.code ? x.code + '. ' : ''}${x.title}<//><br /><small class="muted"><${OrgName} id=${x.lead_org_id} /></small></td>
      <td class="nowrap">${timeFrame(x, ctx.term)}<br /><small class="late">${t('ov_days_late', { n: num(daysBetween(dueOf(x), today), 0) })}</small></td>
      <td><${Progress} value=${x.progress} /></td>
    </tr>`)}</tbody>
  </table>
  ${overdue.length > 6 && html`<p class="muted">+ ${overdue.length - 6}</p>`}`;
}

// Indicators: for each, the roll-up of each year of the term up to this one; the latest value
// against the target; the server's projection of the trend to the term's end and its at_risk;
// and who has not reported for this period (this year, or the term's last when it is over).
async function loadIndicators(orgId, ctx) {
  if (!ctx.resolution) return { rows: [], now: null, missing: [] };
  const items = await listAll(`/resolutions/${ctx.resolution.id}/items`);
  const inds = itemTree(items).map((x) => x.item).filter((i) => i.kind === 'indicator' && i.target != null).slice(0, 24);
  const years = [];
  for (let y = ctx.term.starts_year; y <= ctx.term.ends_year; y++) years.push(y);
  const now = reportPeriod(ctx.term);
  const want = years.filter((y) => now && y <= +now);
  // at most 6 requests in flight
  const jobs = [];
  for (const it of inds) for (const y of want) jobs.push([it, y]);
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [it, y] = jobs[next++];
      try {
        const r = await get(`/indicators/${it.id}/rollup` + qs({ org_id: orgId, period: String(y) }));
        results.set(it.id + ':' + y, r);
      } catch (e) {
        results.set(it.id + ':' + y, null);
      }
    }
  };
  await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
  const missingBy = new Map(); // org id → indicators it has not reported for `now`
  const rows = inds.map((it) => {
    const vals = years.map((y) => results.get(it.id + ':' + y)?.value ?? null);
    const pts = years.map((y, i) => [y, vals[i]]).filter((p) => p[1] != null);
    const last = pts.length ? pts[pts.length - 1] : null;
    const lastR = last ? results.get(it.id + ':' + last[0]) : null;
    const nowR = now ? results.get(it.id + ':' + now) : null;
    for (const oid of (nowR && nowR.not_reported) || []) missingBy.set(oid, (missingBy.get(oid) || 0) + 1);
    // at_risk and projected do not depend on the period asked: any answer carries them.
    const any = nowR || lastR;
    return { it, years, vals, last, ratio: lastR ? lastR.achieved_ratio : null, nowR, projected: any ? any.projected : null, risk: any ? any.at_risk : null };
  });
  const missing = [...missingBy.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  await ensureOrgs(missing.slice(0, 12).map((m) => m[0]));
  const closed = rows.some((r) => r.nowR && r.nowR.period_closed);
  return { rows, now, missing, closed };
}

function NotReported({ data, year }) {
  const { missing, now, closed } = data;
  if (!now) return '';
  if (!missing.length) return html`<p class="reported-all muted">✓ ${t('ov_all_reported', { period: period(now) })}</p>`;
  const shown = missing.slice(0, 12);
  return html`<div class="not-reported" id="ov-not-reported" data-count=${missing.length}>
    <h3>${t('ov_not_reported', { period: period(now) })} <span class="count bad">${num(missing.length, 0)}</span></h3>
    ${!closed && html`<p class="muted">${t('ov_period_open')}</p>`}
    <ul class="inline-list">${shown.map(([oid, n]) => html`<li><${Link} href=${viewHref(oid, 'indicators', year)}><${OrgName} id=${oid} /><//> <small class="muted">(${t('ov_n_indicators', { n })})</small></li>`)}</ul>
    ${missing.length > shown.length && html`<p class="muted">${t('pg_more_orgs', { n: missing.length - shown.length })}</p>`}
  </div>`;
}

function Indicators({ orgId, ctx, year, onData }) {
  const st = useAsync(() => loadIndicators(orgId, ctx), [orgId, ctx.resolution && ctx.resolution.id]);
  useEffect(() => {
    if (st.data && onData) onData(st.data);
  }, [st.data]);
  const [sel, setSel] = useState(null);
  return html`<${Async} state=${st}>${(data) => {
    const { rows, now } = data;
    if (!rows.length) return html`<p class="muted">${t('ov_indicators_none')}</p>`;
    const withData = rows.filter((r) => r.last);
    const cur = rows.find((r) => r.it.id === sel) || withData.find((r) => r.risk) || withData[0] || rows[0];
    return html`<div class="indicators">
      <div class="ind-chart">
        <h3>${t('ov_chart_of', { name: (cur.it.code ? cur.it.code + ' ' : '') + cur.it.text })}</h3>
        <${LineChart} height=${190} title=${cur.it.text} unit=${cur.it.unit || ''} labels=${cur.years.map(String)}
          series=${[
            { label: t('ov_actual'), values: cur.vals, color: cur.risk ? '#b3261e' : '#1a5fb4' },
            { label: t('ov_target'), values: cur.years.map(() => cur.it.target), color: '#2e7d32', dash: [6, 4] },
          ]} />
        ${cur.risk && cur.projected != null && html`<p class="late">${t('ov_at_risk')}: ${t('ov_projected', { value: num(cur.projected, 2), target: num(cur.it.target, 2), unit: cur.it.unit || '', year: cur.years[cur.years.length - 1] })}</p>`}
      </div>
      <div class="table-scroll ind-scroll">
      <table class="grid compact ind-table">
        <thead><tr><th scope="col">${t('id_pick')}</th><th scope="col" class="num">${t('ov_baseline')}</th><th scope="col" class="num">${t('ov_target')}</th><th scope="col" class="num">${t('ov_latest')}</th><th scope="col">${t('pg_status')}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr class=${(r === cur ? 'selected ' : '') + (r.risk ? 'risk' : '')} data-item=${r.it.id} data-at-risk=${String(r.risk)}>
          <td><button type="button" class="link left" aria-pressed=${r === cur ? 'true' : 'false'} onClick=${() => setSel(r.it.id)}>${r.it.code ? r.it.code + ' ' : ''}${r.it.text}</button></td>
          <td class="num">${num(r.it.baseline, 2)}</td>
          <td class="num">${num(r.it.target, 2)} ${r.it.unit || ''}</td>
          <td class="num">${r.last ? html`${num(r.last[1], 2)}<br /><small class="muted">${period(String(r.last[0]))}</small>` : html`<span class="muted">${t('ov_no_data')}</span>`}</td>
          <td>${r.risk === true ? html`<span class="badge risk" title=${r.projected != null ? t('ov_projected_short', { value: num(r.projected, 2) }) : ''}>${t('ov_at_risk')}</span>` : r.risk === false ? html`<span class="badge ok">${t('ov_on_track')}</span>` : ''}
            ${r.nowR && r.nowR.orgs_expected > 0 && html`<br /><small class=${'reporting' + (r.nowR.orgs_reporting < r.nowR.orgs_expected ? ' late' : ' muted')} title=${t('ov_reported_col', { period: period(now) })}>${t('ov_reported_n', { n: num(r.nowR.orgs_reporting, 0), m: num(r.nowR.orgs_expected, 0), period: now })}</small>`}</td>
        </tr>`)}</tbody>
      </table>
      </div>
      <${NotReported} data=${data} year=${year} />
    </div>`;
  }}<//>`;
}

export function Overview({ orgId, org, year }) {
  const [by, setBy] = useState('program');
  const st = useAsync(() => loadOverview(orgId, year, by), [orgId, year, by]);
  const [nr, setNr] = useState(null);
  return html`<${Async} state=${st}>${(d) => {
    const r = d.rollup;
    const tasks = r.tasks || {};
    const dis = r.dissemination || {};
    const congress = d.ctx.term && d.ctx.own ? d.ctx.term.congress : null;
    return html`<div class="overview" data-done=${tasks.done || 0} data-total=${tasks.total || 0}>
      <div class="ov-top">
      <div>
        <${ResolutionNote} ctx=${d.ctx} orgId=${orgId} />
        ${congress && html`<p class="muted res-line">${t('res_congress', { roman: congress.ordinal_roman || '' })} · ${t('res_held', { dates: dateRange(congress.held_from, congress.held_to) })}</p>`}
      </div>
      <div class="by-switch" role="radiogroup" aria-label=${t('ov_by')}>
        <span>${t('ov_by')}:</span>
        ${['program', 'lead'].map((b) => html`<label class="radio"><input type="radio" name="by" value=${b} checked=${by === b} onChange=${() => setBy(b)} /> ${t('ov_by_' + b)}</label>`)}
      </div>
      </div>
      <div class="figures">
        <${Figure} name="total" label=${t('ov_tasks_total')} value=${num(tasks.total || 0, 0)} sub=${t('st_done') + ': ' + num(tasks.done || 0, 0)} />
        <${Figure} name="progress" label=${t('ov_progress')} value=${r.progress == null ? t('none') : num(r.progress, 1) + ' %'} />
        <${Figure} name="overdue" label=${t('ov_overdue')} value=${num(tasks.overdue || 0, 0)} tone=${tasks.overdue ? 'bad' : 'good'} />
        <${Figure} name="programs" label=${t('ov_programs')} value=${r.programs ? `${num(r.programs.adopted, 0)}/${num(r.programs.total, 0)}` : t('none')} />
        <${Figure} name="dissemination" label=${t('ov_dissemination')} value=${pct(dis.rate)} sub=${dis.expected ? `${num(dis.attended, 0)}/${num(dis.expected, 0)}` : ''} />
        <${Figure} name="orgs" label=${t('ov_orgs')} value=${num(r.orgs || 0, 0)} />
      </div>
      <div class="ov-grid">
        <section class="panel ov-ind" aria-labelledby="ov-ind">
          <h2 id="ov-ind">${t('ov_indicators')}</h2>
          ${d.ctx.resolution ? html`<${Indicators} orgId=${orgId} ctx=${d.ctx} year=${year} onData=${setNr} />` : html`<p class="muted">${t('ov_no_resolution')}</p>`}
        </section>
        <div class="ov-side">
          <section class="panel" aria-labelledby="ov-status">
            <h2 id="ov-status">${t('ov_status_chart')}</h2>
            <${StatusBar} tasks=${tasks} />
          </section>
          <section class="panel" aria-labelledby="ov-subs">
            <h2 id="ov-subs">${t('ov_subordinates')}</h2>
            <${Subordinates} data=${d} orgId=${orgId} year=${year} nr=${nr} />
          </section>
          <section class="panel" aria-labelledby="ov-overdue">
            <h2 id="ov-overdue">${t('ov_overdue_tasks')} ${d.overdue.length ? html`<span class="count bad">${d.overdue.length}</span>` : ''}</h2>
            <${OverdueList} data=${d} year=${year} />
          </section>
        </div>
      </div>
    </div>`;
  }}<//>`;
}
