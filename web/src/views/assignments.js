// Assignments of the term's committee members: each member's seats (BCH, BTV, UBKT and role),
// the fields and the subordinate units in their charge.
import { t } from '../i18n.js';
import { get, listAll, ensureOrgs } from '../api.js';
import { html, useAsync, Async, OrgName } from '../ui.js';
import { context } from './common.js';

const ROLE_RANK = { secretary: 0, standing_deputy: 1, deputy_secretary: 2, chair: 3, deputy_chair: 4, member: 5 };
const BODY_RANK = { btv: 0, bch: 1, ubkt: 2 };

export function AssignmentsView({ orgId, year }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    if (!ctx.term || !ctx.own) return { ctx, rows: [] };
    const [assignments, seats] = await Promise.all([listAll('/assignments', { term_id: ctx.term.id }), listAll(`/terms/${ctx.term.id}/seats`).catch(() => [])]);
    const personIds = [...new Set([...assignments.map((a) => a.person_id), ...seats.map((s) => s.person_id)])];
    const people = new Map((await Promise.all(personIds.map((id) => get('/people/' + id).catch(() => null)))).filter(Boolean).map((p) => [p.id, p]));
    await ensureOrgs(assignments.flatMap((a) => a.org_ids || []));
    const rows = personIds.map((pid) => ({
      person: people.get(pid) || { id: pid, full_name: '#' + pid },
      seats: seats.filter((s) => s.person_id === pid).sort((a, b) => BODY_RANK[a.body] - BODY_RANK[b.body]),
      assignments: assignments.filter((a) => a.person_id === pid),
    }));
    const rank = (r) => Math.min(99, ...r.seats.map((s) => BODY_RANK[s.body] * 10 + (ROLE_RANK[s.role] ?? 9)));
    rows.sort((a, b) => rank(a) - rank(b) || a.person.id - b.person.id);
    return { ctx, rows };
  }, [orgId, year]);
  return html`<${Async} state=${st}>${({ ctx, rows }) => html`<div class="assignments">
    <h2>${t('as_title')}</h2>
    ${ctx.term && html`<p class="muted">${t('term_label', { from: ctx.term.starts_year, to: ctx.term.ends_year })}${ctx.own ? '' : ' · ' + t('res_parent_note', { org: ctx.holder.name })}</p>`}
    ${rows.length === 0
      ? html`<p class="muted">${t('as_none')}</p>`
      : html`<div class="table-scroll"><table class="grid">
          <thead><tr><th scope="col">${t('as_person')}</th><th scope="col">${t('as_title_col')}</th><th scope="col">${t('as_seats')}</th><th scope="col">${t('as_fields')}</th><th scope="col">${t('as_orgs')}</th></tr></thead>
          <tbody>${rows.map((r) => html`<tr>
            <th scope="row">${r.person.full_name}</th>
            <td>${r.person.title || ''}</td>
            <td>${r.seats.map((s) => html`<div>${t('seat_' + s.body)}${s.role && s.role !== 'member' ? ' · ' + t('role_' + s.role) : ''}</div>`)}</td>
            <td>${r.assignments.flatMap((a) => a.fields || []).join('; ')}</td>
            <td>${r.assignments.flatMap((a) => a.org_ids || []).map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} />`)}</td>
          </tr>`)}</tbody>
        </table></div>`}
  </div>`}<//>`;
}
