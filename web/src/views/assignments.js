// Assignments of the term's committee members: each member's seats (BCH, BTV, UBKT and role),
// the fields and the subordinate units in their charge. Editors add, change and delete an
// assignment in place; the server's message shows under the field it names.
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { get, post, patch, del, listAll, ensureOrgs, subtree } from '../api.js';
import { html, useAsync, Async, OrgName, Field, useId, errorFor, errorElsewhere, errorText, toast } from '../ui.js';
import { OrgChips, OrgDatalist } from '../orgpick.js';
import { context } from './common.js';
import { canEdit } from './resolution.js';

const ROLE_RANK = { secretary: 0, standing_deputy: 1, deputy_secretary: 2, chair: 3, deputy_chair: 4, member: 5 };
const BODY_RANK = { btv: 0, bch: 1, ubkt: 2 };
const FIELDS = ['person_id', 'term_id', 'fields', 'org_ids'];

async function loadAssignments(orgId, year) {
  const ctx = await context(orgId, year);
  if (!ctx.term || !ctx.own) return { ctx, rows: [], people: [] };
  const [assignments, seats, staff] = await Promise.all([
    listAll('/assignments', { term_id: ctx.term.id }),
    listAll(`/terms/${ctx.term.id}/seats`).catch(() => []),
    listAll('/people', { org_id: orgId }).catch(() => []),
  ]);
  const known = new Map(staff.map((p) => [p.id, p]));
  const personIds = [...new Set([...assignments.map((a) => a.person_id), ...seats.map((s) => s.person_id)])];
  const missing = personIds.filter((id) => !known.has(id));
  for (const p of await Promise.all(missing.map((id) => get('/people/' + id).catch(() => null)))) if (p) known.set(p.id, p);
  await ensureOrgs(assignments.flatMap((a) => a.org_ids || []));
  const rows = personIds.map((pid) => ({
    person: known.get(pid) || { id: pid, full_name: '#' + pid },
    seats: seats.filter((s) => s.person_id === pid).sort((a, b) => BODY_RANK[a.body] - BODY_RANK[b.body]),
    assignments: assignments.filter((a) => a.person_id === pid),
  }));
  const rank = (r) => Math.min(99, ...r.seats.map((s) => BODY_RANK[s.body] * 10 + (ROLE_RANK[s.role] ?? 9)));
  rows.sort((a, b) => rank(a) - rank(b) || a.person.id - b.person.id);
  // Who may be assigned: the committee members first, then the org's other people.
  const people = [...rows.map((r) => r.person), ...staff.filter((p) => !personIds.includes(p.id))];
  return { ctx, rows, people };
}

function AssignmentForm({ a, personId, term, people, orgOptions, onDone, onCancel }) {
  const [f, setF] = useState(() => ({
    person_id: String(a ? a.person_id : personId || ''),
    fields: a ? (a.fields || []).join('; ') : '',
    org_ids: a ? a.org_ids || [] : [],
  }));
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const base = useId('asg');
  const listId = base + 'orgs';
  const fe = (k) => errorFor(err, k);
  const submit = async (e) => {
    e.preventDefault();
    setErr(null);
    const body = {
      person_id: f.person_id ? Number(f.person_id) : null,
      term_id: term.id,
      fields: f.fields.split(/[;\n]/).map((x) => x.trim()).filter(Boolean),
      org_ids: f.org_ids,
    };
    setBusy(true);
    try {
      const saved = a ? await patch('/assignments/' + a.id, body) : await post('/assignments', body);
      toast(t('saved'));
      onDone(saved);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="record-form assignment-form" onSubmit=${submit} onKeyDown=${(e) => e.key === 'Escape' && onCancel()} novalidate aria-label=${a ? t('as_edit_title') : t('as_new')}>
    <${OrgDatalist} id=${listId} options=${orgOptions.filter((o) => !o.ended_on)} />
    <div class="row">
      <${Field} id=${base + 'p'} label=${t('as_person')} error=${fe('person_id')} class="grow">${(x) => html`<select ...${x} value=${f.person_id} onChange=${(e) => setF({ ...f, person_id: e.target.value })}>
        <option value="">${t('as_pick_person')}</option>
        ${people.map((p) => html`<option value=${String(p.id)}>${p.full_name}${p.title ? ' — ' + p.title : ''}</option>`)}
      </select>`}<//>
    </div>
    <${Field} id=${base + 'f'} label=${t('as_fields')} error=${fe('fields')} hint=${t('as_fields_hint')}>${(x) => html`<input ...${x} value=${f.fields} onInput=${(e) => setF({ ...f, fields: e.target.value })} />`}<//>
    <div class=${'field' + (fe('org_ids') ? ' has-error' : '')}>
      <label for=${base + 'o'}>${t('as_orgs')}</label>
      <${OrgChips} id=${base + 'o'} label=${t('as_orgs')} value=${f.org_ids} onChange=${(v) => setF({ ...f, org_ids: v })} options=${orgOptions} listId=${listId} invalid=${!!fe('org_ids')} describedBy=${fe('org_ids') ? base + 'o-err' : base + 'o-hint'} />
      <small class="hint" id=${base + 'o-hint'}>${t('pg_org_hint')}</small>
      ${fe('org_ids') && html`<small id=${base + 'o-err'} class="field-error" role="alert">${fe('org_ids')}</small>`}
    </div>
    ${errorElsewhere(err, FIELDS) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>${t('save')}</button>
      <button type="button" onClick=${onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

export function AssignmentsView({ orgId, year, user }) {
  const st = useAsync(() => loadAssignments(orgId, year), [orgId, year]);
  const [editing, setEditing] = useState(null); // 'new' | 'new:PERSON' | assignment id
  const editable = canEdit(user);
  const optsSt = useAsync(() => (editing ? subtree(orgId).catch(() => []) : Promise.resolve([])), [orgId, !!editing]);
  const remove = async (a, name) => {
    if (!confirm(t('confirm_delete'))) return;
    try {
      await del('/assignments/' + a.id);
      toast(t('as_deleted', { name }));
      st.reload();
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };
  return html`<${Async} state=${st}>${({ ctx, rows, people }) => {
    const canAdd = editable && ctx.term && ctx.own;
    const form = (a, personId) => optsSt.loading ? html`<p class="loading">${t('loading')}</p>` : html`<${AssignmentForm} a=${a} personId=${personId} term=${ctx.term} people=${people} orgOptions=${optsSt.data || []}
      onDone=${() => (setEditing(null), st.reload())} onCancel=${() => setEditing(null)} />`;
    const cols = canAdd ? 6 : 5;
    return html`<div class="assignments">
    <h2>${t('as_title')}</h2>
    ${ctx.term && html`<p class="muted">${t('term_label', { from: ctx.term.starts_year, to: ctx.term.ends_year })}${ctx.own ? '' : ' · ' + t('res_parent_note', { org: ctx.holder.name })}</p>`}
    ${canAdd && (editing === 'new'
      ? html`<section class="panel new-record" aria-labelledby="as-new-h"><h3 id="as-new-h">${t('as_new')}</h3>${form(null, null)}</section>`
      : html`<p><button type="button" class="primary" onClick=${() => setEditing('new')}>+ ${t('as_add')}</button></p>`)}
    ${rows.length === 0
      ? html`<p class="muted">${t('as_none')}</p>`
      : html`<div class="table-scroll"><table class="grid">
          <thead><tr><th scope="col">${t('as_person')}</th><th scope="col">${t('as_title_col')}</th><th scope="col">${t('as_seats')}</th><th scope="col">${t('as_fields')}</th><th scope="col">${t('as_orgs')}</th>${canAdd && html`<th scope="col"><span class="sr-only">${t('pg_col_actions')}</span></th>`}</tr></thead>
          <tbody>${rows.map((r) => {
            const name = r.person.full_name;
            const editingHere = r.assignments.find((a) => a.id === editing);
            return html`<tr id=${'person-' + r.person.id}>
            <th scope="row">${name}</th>
            <td>${r.person.title || ''}</td>
            <td>${r.seats.map((s) => html`<div>${t('seat_' + s.body)}${s.role && s.role !== 'member' ? ' · ' + t('role_' + s.role) : ''}</div>`)}</td>
            <td>${r.assignments.flatMap((a) => a.fields || []).join('; ')}</td>
            <td>${r.assignments.flatMap((a) => a.org_ids || []).map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} />`)}</td>
            ${canAdd && html`<td class="row-actions nowrap">
              ${r.assignments.map((a, i) => {
                const which = r.assignments.length > 1 ? ` (${i + 1})` : '';
                return html`<div>
                  <button type="button" class="small" onClick=${() => setEditing(a.id)} aria-label=${t('as_edit', { name }) + which}>${t('edit')}${which}</button>
                  <button type="button" class="small danger" onClick=${() => remove(a, name)} aria-label=${t('as_delete', { name }) + which}>${t('delete')}${which}</button>
                </div>`;
              })}
              ${r.assignments.length === 0 && html`<button type="button" class="small" onClick=${() => setEditing('new:' + r.person.id)} aria-label=${t('as_assign', { name })}>${t('as_assign_short')}</button>`}
            </td>`}
          </tr>
          ${(editingHere || editing === 'new:' + r.person.id) && html`<tr class="editing"><td colspan=${cols}>${form(editingHere || null, r.person.id)}</td></tr>`}`;
          })}</tbody>
        </table></div>`}
  </div>`;
  }}<//>`;
}
