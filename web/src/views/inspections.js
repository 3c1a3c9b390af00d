// The inspection and supervision program: who inspects whom, on what, when, with what findings
// and follow-up — those the org or its bodies conduct, and those it is the target of.
import { t, dateRange, period } from '../i18n.js';
import { listAll, children, ensureOrgs } from '../api.js';
import { html, useAsync, Async, OrgName } from '../ui.js';
import { context } from './common.js';

export function InspectionsView({ orgId, org, year }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    const kids = await children(orgId).catch(() => []);
    const bodies = kids.filter((k) => k.kind === 'body');
    const lists = await Promise.all([
      listAll('/inspections', { org_id: orgId }),
      ...bodies.map((b) => listAll('/inspections', { org_id: b.id }).catch(() => [])),
      listAll('/inspections', { target_org_id: orgId }).catch(() => []),
    ]);
    const map = new Map();
    for (const list of lists) for (const x of list) map.set(x.id, x);
    let rows = [...map.values()];
    if (ctx.term) {
      const a = ctx.term.starts_year;
      const b = ctx.term.ends_year;
      rows = rows.filter((x) => {
        const y = parseInt(x.planned_period, 10);
        return x.planned_period === 'term' || Number.isNaN(y) || (y >= a && y <= b);
      });
    }
    rows.sort((x, y) => (x.planned_period || '').localeCompare(y.planned_period || '') || x.id - y.id);
    await ensureOrgs(rows.flatMap((x) => [x.org_id, ...(x.target_org_ids || [])]));
    return { ctx, rows };
  }, [orgId, year]);
  return html`<${Async} state=${st}>${({ ctx, rows }) => html`<div class="inspections">
    <h2>${t('in_title')}</h2>
    <p class="muted">${t('in_of_org', { org: org.short_name || org.name })}</p>
    ${rows.length === 0
      ? html`<p class="muted">${t('in_none')}</p>`
      : html`<div class="table-scroll"><table class="grid">
          <thead><tr><th scope="col">${t('in_period')}</th><th scope="col">${t('in_by')}</th><th scope="col">${t('in_target')}</th><th scope="col">${t('in_topic')}</th><th scope="col">${t('in_kind')}</th><th scope="col">${t('in_status')}</th><th scope="col">${t('in_findings')}</th></tr></thead>
          <tbody>${rows.map((x) => html`<tr>
            <td class="nowrap">${period(x.planned_period, ctx.term, { cap: true })}${x.held_from ? html`<br /><small class="muted">${dateRange(x.held_from, x.held_to)}</small>` : ''}</td>
            <td><${OrgName} id=${x.org_id} /></td>
            <td>${(x.target_org_ids || []).map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} />`)}</td>
            <td>${x.topic}</td>
            <td>${t(x.kind === 'supervision' ? 'in_supervision' : 'in_inspection')}${x.mode ? html`<br /><small class="muted">${t('in_' + x.mode)}</small>` : ''}</td>
            <td><span class=${'badge st-' + (x.status || 'planned')}>${t('st_' + (x.status || 'planned'))}</span></td>
            <td>${x.findings || ''}${x.follow_up_task_ids && x.follow_up_task_ids.length ? html`<br /><small>${t('in_follow_up', { n: x.follow_up_task_ids.length })}</small>` : ''}</td>
          </tr>`)}</tbody>
        </table></div>`}
  </div>`}<//>`;
}
