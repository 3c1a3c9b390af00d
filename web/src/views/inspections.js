// The inspection and supervision program: who inspects whom, on what, when, with what findings
// and follow-up — those the org or its bodies conduct, and those it is the target of. Editors add,
// change and delete them in place; the server's message shows under the field it names.
import { useState } from 'preact/hooks';
import { t, date, dateRange, period, parseTimeFrame, fold } from '../i18n.js';
import { post, patch, del, listAll, children, subtree, ensureOrgs, orgs } from '../api.js';
import { html, useAsync, Async, OrgName, Field, useId, errorFor, errorElsewhere, errorText, toast, orgLabel } from '../ui.js';
import { OrgChips, OrgDatalist } from '../orgpick.js';
import { context, programsOf } from './common.js';
import { canEdit } from './resolution.js';

const KINDS = ['inspection', 'supervision'];
const MODES = ['regular', 'thematic', 'violation_signs'];
const STATUSES = ['planned', 'in_progress', 'done', 'cancelled'];
const FIELDS = ['org_id', 'target_org_ids', 'topic', 'kind', 'mode', 'planned_period', 'held_from', 'held_to', 'status', 'findings', 'conclusion_document_id', 'follow_up_task_ids', 'program_id'];

async function loadInspections(orgId, year) {
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
  return { ctx, rows, bodies };
}

// What the form needs besides the inspection: the orgs that may be named, the inspection
// programs, the documents that may be its conclusion, the tasks that may follow it up.
async function loadChoices(orgId, org, bodies, ctx) {
  const conductors = [org, ...bodies];
  const [targets, programs, docLists, progs] = await Promise.all([
    subtree(orgId).catch(() => [org]),
    programsOf(orgId, 'inspection_program', ctx.resolution && ctx.resolution.id).catch(() => []),
    Promise.all(conductors.map((o) => listAll('/documents', { org_id: o.id }, 2000).catch(() => []))),
    listAll('/programs', { org_id: orgId }).catch(() => []),
  ]);
  const documents = docLists.flat().sort((a, b) => (b.issued_on || '').localeCompare(a.issued_on || '') || b.id - a.id);
  const taskLists = await Promise.all(progs.filter((p) => p.kind !== 'inspection_program').map((p) => listAll(`/programs/${p.id}/tasks`).catch(() => [])));
  const tasks = taskLists.flat();
  return { conductors, targets, programs, documents, tasks };
}

// Follow-up tasks: the chosen ones as chips, and a filterable list of the org's tasks to tick.
function TaskPicker({ id, value, onChange, tasks, invalid, describedBy }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const byId = new Map(tasks.map((x) => [x.id, x]));
  const f = fold(filter).trim();
  const list = tasks.filter((x) => !f || fold(`${x.code || ''} ${x.title}`).includes(f)).slice(0, 200);
  const toggle = (tid) => onChange(value.includes(tid) ? value.filter((x) => x !== tid) : [...value, tid]);
  return html`<div class=${'task-picker' + (invalid ? ' invalid' : '')}>
    <div class="chips">
      ${value.map((tid) => {
        const x = byId.get(tid);
        const label = x ? (x.code ? x.code + '. ' : '') + x.title : '#' + tid;
        return html`<span class="chip" title=${label}>${label.length > 60 ? label.slice(0, 60) + '…' : label}<button type="button" class="chip-x" aria-label=${t('delete') + ' ' + label} onClick=${() => toggle(tid)}>×</button></span>`;
      })}
      <button type="button" id=${id} class="small" aria-expanded=${open ? 'true' : 'false'} aria-describedby=${describedBy} onClick=${() => setOpen(!open)}>${t('in_pick_tasks')}</button>
    </div>
    ${open && html`<div class="picker" role="group" aria-label=${t('in_pick_tasks')} onKeyDown=${(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))}>
      <label class="sr-only" for=${id + '-f'}>${t('in_tasks_filter')}</label>
      <input id=${id + '-f'} type="search" placeholder=${t('in_tasks_filter')} value=${filter} onInput=${(e) => setFilter(e.target.value)} autofocus />
      ${list.length ? html`<ul>${list.map((x) => html`<li><label><input type="checkbox" checked=${value.includes(x.id)} onChange=${() => toggle(x.id)} /> <strong>${x.code}</strong> ${x.title}</label></li>`)}</ul>` : html`<p class="muted">${t('ib_none')}</p>`}
      <button type="button" class="small" onClick=${() => setOpen(false)}>${t('close')}</button>
    </div>`}
  </div>`;
}

function InspectionForm({ x, choices, orgId, ctx, onDone, onCancel }) {
  const defaultProgram = choices.programs[0] ? choices.programs[0].id : null;
  const [f, setF] = useState(() => ({
    org_id: String(x ? x.org_id : orgId),
    target_org_ids: x ? x.target_org_ids || [] : [],
    topic: x ? x.topic || '' : '',
    kind: x ? x.kind : 'inspection',
    mode: x ? x.mode || '' : 'thematic',
    planned_period: x ? period(x.planned_period, ctx.term, { cap: true }) : '',
    held_from: x ? x.held_from || '' : '',
    held_to: x ? x.held_to || '' : '',
    status: x ? x.status || 'planned' : 'planned',
    findings: x ? x.findings || '' : '',
    conclusion_document_id: x && x.conclusion_document_id ? String(x.conclusion_document_id) : '',
    follow_up_task_ids: x ? x.follow_up_task_ids || [] : [],
    program_id: x ? (x.program_id ? String(x.program_id) : '') : defaultProgram ? String(defaultProgram) : '',
  }));
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const base = useId('insp');
  const listId = base + 'orgs';
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const fe = (k) => errorFor(err, k);
  const conductors = choices.conductors.some((o) => String(o.id) === f.org_id) ? choices.conductors : [...choices.conductors, orgs.get(+f.org_id) || { id: +f.org_id, name: '#' + f.org_id }];
  const tf = parseTimeFrame(f.planned_period);

  const submit = async (e) => {
    e.preventDefault();
    setErr(null);
    const body = {
      org_id: Number(f.org_id),
      target_org_ids: f.target_org_ids,
      topic: f.topic.trim(),
      kind: f.kind,
      mode: f.mode || null,
      // What people type ("Quý III/2021") becomes the period code; anything else goes to the
      // server as typed, so that its message shows under this field.
      planned_period: tf && tf.period ? tf.period : f.planned_period.trim(),
      held_from: f.held_from || null,
      held_to: f.held_to || null,
      status: f.status,
      findings: f.findings.trim() || null,
      conclusion_document_id: f.conclusion_document_id ? Number(f.conclusion_document_id) : null,
      follow_up_task_ids: f.follow_up_task_ids,
      program_id: f.program_id ? Number(f.program_id) : null,
    };
    setBusy(true);
    try {
      const saved = x ? await patch('/inspections/' + x.id, body) : await post('/inspections', body);
      toast(t('saved'));
      onDone(saved);
    } catch (ex) {
      setErr(ex);
    } finally {
      setBusy(false);
    }
  };

  return html`<form class="record-form inspection-form" onSubmit=${submit} onKeyDown=${(e) => e.key === 'Escape' && onCancel()} novalidate aria-label=${x ? t('in_edit_title') : t('in_new')}>
    <${OrgDatalist} id=${listId} options=${choices.targets.filter((o) => !o.ended_on)} />
    <div class="row">
      <${Field} id=${base + 'o'} label=${t('in_by')} error=${fe('org_id')} class="grow">${(a) => html`<select ...${a} value=${f.org_id} onChange=${set('org_id')}>${conductors.map((o) => html`<option value=${String(o.id)}>${orgLabel(o)}</option>`)}</select>`}<//>
      <${Field} id=${base + 'k'} label=${t('in_kind')} error=${fe('kind')}>${(a) => html`<select ...${a} value=${f.kind} onChange=${set('kind')}>${KINDS.map((k) => html`<option value=${k}>${t('in_' + k)}</option>`)}</select>`}<//>
      <${Field} id=${base + 'm'} label=${t('in_mode')} error=${fe('mode')}>${(a) => html`<select ...${a} value=${f.mode} onChange=${set('mode')}><option value="">${t('none')}</option>${MODES.map((k) => html`<option value=${k}>${t('in_' + k)}</option>`)}</select>`}<//>
    </div>
    <div class=${'field' + (fe('target_org_ids') ? ' has-error' : '')}>
      <label for=${base + 't'}>${t('in_target')}</label>
      <${OrgChips} id=${base + 't'} label=${t('in_target')} value=${f.target_org_ids} onChange=${(v) => setF({ ...f, target_org_ids: v })} options=${choices.targets} listId=${listId} invalid=${!!fe('target_org_ids')} describedBy=${fe('target_org_ids') ? base + 't-err' : base + 't-hint'} />
      <small class="hint" id=${base + 't-hint'}>${t('pg_org_hint')}</small>
      ${fe('target_org_ids') && html`<small id=${base + 't-err'} class="field-error" role="alert">${fe('target_org_ids')}</small>`}
    </div>
    <${Field} id=${base + 'tp'} label=${t('in_topic')} error=${fe('topic')}>${(a) => html`<textarea ...${a} rows="2" value=${f.topic} onInput=${set('topic')}></textarea>`}<//>
    <div class="row">
      <${Field} id=${base + 'p'} label=${t('in_planned')} error=${fe('planned_period')} hint=${f.planned_period && tf && tf.period ? period(tf.period, ctx.term, { cap: true }) : t('in_period_hint')} class="w-l">${(a) => html`<input ...${a} value=${f.planned_period} onInput=${set('planned_period')} />`}<//>
      <${Field} id=${base + 'hf'} label=${t('in_held_from')} error=${fe('held_from')} class="w-m">${(a) => html`<input ...${a} type="date" value=${f.held_from} onInput=${set('held_from')} />`}<//>
      <${Field} id=${base + 'ht'} label=${t('in_held_to')} error=${fe('held_to')} class="w-m">${(a) => html`<input ...${a} type="date" value=${f.held_to} onInput=${set('held_to')} />`}<//>
      <${Field} id=${base + 's'} label=${t('in_status')} error=${fe('status')}>${(a) => html`<select ...${a} value=${f.status} onChange=${set('status')}>${STATUSES.map((k) => html`<option value=${k}>${t('st_' + k)}</option>`)}</select>`}<//>
    </div>
    <${Field} id=${base + 'fi'} label=${t('in_findings')} error=${fe('findings')}>${(a) => html`<textarea ...${a} rows="3" value=${f.findings} onInput=${set('findings')}></textarea>`}<//>
    <div class="row">
      <${Field} id=${base + 'd'} label=${t('in_conclusion')} error=${fe('conclusion_document_id')} class="grow">${(a) => html`<select ...${a} value=${f.conclusion_document_id} onChange=${set('conclusion_document_id')}>
        <option value="">${t('none')}</option>
        ${choices.documents.map((d) => html`<option value=${String(d.id)}>${d.symbol || d.type}${d.issued_on ? ' (' + date(d.issued_on) + ')' : ''} — ${d.title.length > 80 ? d.title.slice(0, 80) + '…' : d.title}</option>`)}
      </select>`}<//>
      ${(choices.programs.length > 0 || f.program_id) && html`<${Field} id=${base + 'pg'} label=${t('in_program')} error=${fe('program_id')} class="grow">${(a) => html`<select ...${a} value=${f.program_id} onChange=${set('program_id')}>
        <option value="">${t('none')}</option>
        ${choices.programs.map((p) => html`<option value=${String(p.id)}>${p.title}</option>`)}
      </select>`}<//>`}
    </div>
    <div class=${'field' + (fe('follow_up_task_ids') ? ' has-error' : '')}>
      <label for=${base + 'fu'}>${t('in_follow_up_label')}</label>
      <${TaskPicker} id=${base + 'fu'} value=${f.follow_up_task_ids} onChange=${(v) => setF({ ...f, follow_up_task_ids: v })} tasks=${choices.tasks} invalid=${!!fe('follow_up_task_ids')} describedBy=${fe('follow_up_task_ids') ? base + 'fu-err' : undefined} />
      ${fe('follow_up_task_ids') && html`<small id=${base + 'fu-err'} class="field-error" role="alert">${fe('follow_up_task_ids')}</small>`}
    </div>
    ${errorElsewhere(err, FIELDS) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>${t('save')}</button>
      <button type="button" onClick=${onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

export function InspectionsView({ orgId, org, year, user }) {
  const st = useAsync(() => loadInspections(orgId, year), [orgId, year]);
  const [editing, setEditing] = useState(null); // 'new' | inspection id
  const editable = canEdit(user);
  const choicesSt = useAsync(() => (editing && st.data ? loadChoices(orgId, org, st.data.bodies, st.data.ctx) : Promise.resolve(null)), [orgId, !!editing, !!st.data]);
  const remove = async (x) => {
    if (!confirm(t('confirm_delete'))) return;
    try {
      await del('/inspections/' + x.id);
      toast(t('in_deleted'));
      st.reload();
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };
  const form = (x) =>
    choicesSt.data
      ? html`<${InspectionForm} x=${x} choices=${choicesSt.data} orgId=${orgId} ctx=${st.data.ctx} onDone=${() => (setEditing(null), st.reload())} onCancel=${() => setEditing(null)} />`
      : choicesSt.error
        ? html`<p class="field-error">${errorText(choicesSt.error)}</p>`
        : html`<p class="loading">${t('loading')}</p>`;
  return html`<${Async} state=${st}>${({ ctx, rows }) => html`<div class="inspections">
    <h2>${t('in_title')}</h2>
    <p class="muted">${t('in_of_org', { org: org.short_name || org.name })}</p>
    ${editable && (editing === 'new'
      ? html`<section class="panel new-record" aria-labelledby="in-new-h"><h3 id="in-new-h">${t('in_new')}</h3>${form(null)}</section>`
      : html`<p><button type="button" class="primary" onClick=${() => setEditing('new')}>+ ${t('in_add')}</button></p>`)}
    ${rows.length === 0
      ? html`<p class="muted">${t('in_none')}</p>`
      : html`<div class="table-scroll"><table class="grid">
          <thead><tr><th scope="col">${t('in_period')}</th><th scope="col">${t('in_by')}</th><th scope="col">${t('in_target')}</th><th scope="col">${t('in_topic')}</th><th scope="col">${t('in_kind')}</th><th scope="col">${t('in_status')}</th><th scope="col">${t('in_findings')}</th>${editable && html`<th scope="col"><span class="sr-only">${t('pg_col_actions')}</span></th>`}</tr></thead>
          <tbody>${rows.map((x) =>
            editing === x.id
              ? html`<tr class="editing" id=${'insp-' + x.id}><td colspan=${editable ? 8 : 7}>${form(x)}</td></tr>`
              : html`<tr id=${'insp-' + x.id}>
            <td class="nowrap">${period(x.planned_period, ctx.term, { cap: true })}${x.held_from ? html`<br /><small class="muted">${dateRange(x.held_from, x.held_to)}</small>` : ''}</td>
            <td><${OrgName} id=${x.org_id} /></td>
            <td>${(x.target_org_ids || []).map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} />`)}</td>
            <td>${x.topic}</td>
            <td>${t(x.kind === 'supervision' ? 'in_supervision' : 'in_inspection')}${x.mode ? html`<br /><small class="muted">${t('in_' + x.mode)}</small>` : ''}</td>
            <td><span class=${'badge st-' + (x.status || 'planned')}>${t('st_' + (x.status || 'planned'))}</span></td>
            <td>${x.findings || ''}${x.follow_up_task_ids && x.follow_up_task_ids.length ? html`<br /><small>${t('in_follow_up', { n: x.follow_up_task_ids.length })}</small>` : ''}</td>
            ${editable && html`<td class="row-actions nowrap">
              <button type="button" class="small" onClick=${() => setEditing(x.id)} aria-label=${t('edit') + ': ' + x.topic}>${t('edit')}</button>
              <button type="button" class="small danger" onClick=${() => remove(x)} aria-label=${t('delete') + ': ' + x.topic}>${t('delete')}</button>
            </td>`}
          </tr>`,
          )}</tbody>
        </table></div>`}
  </div>`}<//>`;
}
