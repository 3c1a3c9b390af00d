// The cascade: each direct subordinate with its program implementing the resolution (status,
// adoption date, days after its congress), and on demand the parent's tasks it leads with the
// child plans that answer them.
import { useState } from 'preact/hooks';
import { t, num, date } from '../i18n.js';
import { get, listAll, qs, orgs } from '../api.js';
import { html, useAsync, Async, Link, StatusBadge } from '../ui.js';
import { context, viewHref, subordinatesWord } from './common.js';
import { children } from '../api.js';

function ChildTasks({ orgId, childId, parentPrograms, year, without }) {
  const st = useAsync(async () => {
    const lists = await Promise.all(parentPrograms.map((p) => listAll('/tasks', { program_id: p.id, lead_org_id: childId }).catch(() => [])));
    // Those still without a plan first.
    const tasks = lists.flat().sort((a, b) => without.includes(b.id) - without.includes(a.id));
    const plans = await Promise.all(tasks.map((x) => listAll('/programs', { parent_task_id: x.id }).catch(() => [])));
    return tasks.map((x, i) => ({ task: x, plans: plans[i] }));
  }, [childId]);
  return html`<${Async} state=${st}>${(rows) =>
    rows.length === 0
      ? html`<p class="muted">${t('ib_none')}</p>`
      : html`<table class="grid compact">
          <thead><tr><th scope="col">${t('pg_col_title')}</th><th scope="col">${t('pg_status')}</th><th scope="col">${t('cs_child_plans')}</th></tr></thead>
          <tbody>${rows.map(({ task, plans }) => html`<tr class=${plans.length ? '' : 'cv-uncovered'}>
            <td>${task.code ? task.code + '. ' : ''}${task.title}</td>
            <td><${StatusBadge} status=${task.status || 'not_started'} overdue=${task.overdue} /></td>
            <td>${plans.length ? plans.map((p) => html`<div><${Link} href=${viewHref(p.org_id, 'program', year, { p: p.id })}>${p.title}<//> <span class=${'badge st-' + p.status}>${t('st_' + p.status)}</span></div>`) : html`<span class="late">${t('cs_no_child_plan')}</span>`}</td>
          </tr>`)}</tbody>
        </table>`}<//>`;
}

export function CascadeView({ orgId, year }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    if (!ctx.resolution) return { ctx, rows: [] };
    const [cas, progs] = await Promise.all([
      get(`/orgs/${orgId}/cascade` + qs({ resolution_id: ctx.resolution.id })),
      listAll('/programs', { org_id: orgId }),
      children(orgId).catch(() => []),
    ]);
    // Orgs that ceased to exist before this term's congress are not expected to answer it.
    const start = (ctx.term.congress && ctx.term.congress.held_from) || `${ctx.term.starts_year}-01-01`;
    const rank = { missing: 0, draft: 1, adopted: 2 };
    // Who is behind comes first: no program, then drafts, then the slowest adopters.
    const rows = cas.items
      .filter((r) => !(orgs.get(r.org_id)?.ended_on && orgs.get(r.org_id).ended_on < start))
      .sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || (b.tasks_without_plan || 0) - (a.tasks_without_plan || 0) || (b.days_after_congress ?? -1) - (a.days_after_congress ?? -1));
    const parentPrograms = progs.filter((p) => p.kind === 'action_program' || p.kind === 'implementation_plan');
    // The parent's tasks by id, to name those a child leads with no plan of its own yet.
    const want = new Set(rows.flatMap((r) => r.tasks_without_plan_ids || []));
    const tasks = new Map();
    if (want.size) {
      const lists = await Promise.all(parentPrograms.map((p) => listAll('/tasks', { program_id: p.id }).catch(() => [])));
      for (const x of lists.flat()) if (want.has(x.id)) tasks.set(x.id, x);
      await Promise.all([...want].filter((id) => !tasks.has(id)).map((id) => get('/tasks/' + id).then((x) => tasks.set(x.id, x), () => null)));
    }
    return { ctx, rows, parentPrograms, tasks };
  }, [orgId, year]);
  const [open, setOpen] = useState(() => new Set());
  return html`<${Async} state=${st}>${(d) => {
    if (!d.ctx.resolution) return html`<p class="notice">${t('ov_no_resolution')}</p>`;
    const rows = d.rows;
    if (!rows.length) return html`<p class="muted">${t('cs_none')}</p>`;
    const adopted = rows.filter((r) => r.status === 'adopted').length;
    const word = subordinatesWord(rows.map((r) => r.org_id));
    return html`<div class="cascade">
      <h2>${t('cs_title')}</h2>
      <p class="muted">${d.ctx.resolution.title}</p>
      <p class="cov-summary"><strong>${t('ov_program_adopted', { n: adopted, m: rows.length, what: word })}</strong></p>
      <div class="table-scroll">
      <table class="grid cascade-table">
        <thead><tr>
          <th scope="col">${t('cs_org')}</th><th scope="col">${t('cs_congress')}</th><th scope="col">${t('cs_program')}</th><th scope="col">${t('cs_status')}</th>
          <th scope="col">${t('cs_adopted_on')}</th><th scope="col" class="num">${t('cs_days')}</th><th scope="col" class="num">${t('cs_without_plan')}</th>
        </tr></thead>
        <tbody>${rows.map((r) => {
          const isOpen = open.has(r.org_id);
          return html`<tr class=${'cs-' + r.status}>
            <th scope="row"><${Link} href=${viewHref(r.org_id, 'overview', year)}>${r.org_short_name || r.org_name}<//></th>
            <td>${r.congress_held_to ? date(r.congress_held_to) : html`<span class="late">${t('st_missing')}</span>`}</td>
            <td class="prog">${r.program_id ? html`<${Link} href=${viewHref(r.org_id, 'program', year, { p: r.program_id })}>${r.program_title || '#' + r.program_id}<//>` : html`<span class="muted">${t('st_missing')}</span>`}</td>
            <td><span class=${'badge st-' + r.status}>${t('st_' + r.status)}</span></td>
            <td>${date(r.adopted_on)}</td>
            <td class="num">${r.days_after_congress != null ? num(r.days_after_congress, 0) : t('none')}</td>
            <td class="num">${r.tasks_without_plan ? html`<button type="button" class="link late" aria-expanded=${isOpen ? 'true' : 'false'} onClick=${() => setOpen((s) => { const n = new Set(s); n.has(r.org_id) ? n.delete(r.org_id) : n.add(r.org_id); return n; })}>${num(r.tasks_without_plan, 0)}</button>` : html`<button type="button" class="link" aria-expanded=${isOpen ? 'true' : 'false'} aria-label=${t('cs_show_tasks')} onClick=${() => setOpen((s) => { const n = new Set(s); n.has(r.org_id) ? n.delete(r.org_id) : n.add(r.org_id); return n; })}>0</button>`}</td>
          </tr>
          ${(r.tasks_without_plan_ids || []).length > 0 && html`<tr class=${"cs-wp cs-" + r.status}><td colspan="7">
            <span class="late">${t('cs_without_plan_list', { n: r.tasks_without_plan_ids.length })}:</span>
            ${r.tasks_without_plan_ids.map((id, i) => {
              const x = d.tasks.get(id);
              return html`${i ? '; ' : ' '}<${Link} href=${x ? viewHref(orgId, 'program', year, { p: x.program_id, task: id }) : viewHref(orgId, 'program', year)} title=${x ? x.title : ''}>${x ? (x.code ? x.code + '. ' : '') + (x.title.length > 90 ? x.title.slice(0, 90) + '…' : x.title) : '#' + id}<//>`;
            })}
          </td></tr>`}
          ${isOpen && html`<tr class="cs-detail"><td colspan="7">
            <h3>${t('cs_tasks_of', { org: r.org_short_name || r.org_name })}</h3>
            <${ChildTasks} orgId=${orgId} childId=${r.org_id} parentPrograms=${d.parentPrograms} year=${year} without=${r.tasks_without_plan_ids || []} />
          </td></tr>`}`;
        })}</tbody>
      </table>
      </div>
    </div>`;
  }}<//>`;
}
