// The inbox of an org: every task it leads or coordinates, from every level above, with its
// due date; a progress update is two clicks away (open, send), on a laptop or a phone.
import { useState, useEffect } from 'preact/hooks';
import { t, num, date, timeFrame, periodEnd } from '../i18n.js';
import { get, post, listAll, ensureOrgs } from '../api.js';
import { html, useAsync, Async, OrgName, StatusBadge, Progress, errorText, toast, useId, orgLabel } from '../ui.js';
import { context } from './common.js';

const STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'];
const programCache = new Map();
function program(id) {
  if (!programCache.has(id)) programCache.set(id, get('/programs/' + id).catch(() => null));
  return programCache.get(id);
}

async function loadInbox(orgId, year) {
  const ctx = await context(orgId, year).catch(() => ({ term: null }));
  const [lead, coord] = await Promise.all([listAll('/tasks', { lead_org_id: orgId }), listAll('/tasks', { coordinating_org_id: orgId })]);
  const map = new Map();
  for (const x of lead) map.set(x.id, { task: x, role: 'lead' });
  for (const x of coord) if (!map.has(x.id)) map.set(x.id, { task: x, role: 'coord' });
  const rows = [...map.values()];
  const progs = await Promise.all([...new Set(rows.map((r) => r.task.program_id))].map((id) => program(id)));
  const byId = new Map(progs.filter(Boolean).map((p) => [p.id, p]));
  for (const r of rows) r.program = byId.get(r.task.program_id) || null;
  await ensureOrgs(rows.map((r) => r.program && r.program.org_id));
  const due = (x) => x.due_on || periodEnd(x.period, ctx.term) || '9999-12-31';
  const rank = (x) => (x.overdue ? 0 : x.status === 'done' || x.status === 'cancelled' ? 2 : 1);
  rows.sort((a, b) => rank(a.task) - rank(b.task) || due(a.task).localeCompare(due(b.task)) || a.task.id - b.task.id);
  return { rows, ctx };
}

function UpdateForm({ task, onSent, onCancel }) {
  const [status, setStatus] = useState(task.status === 'not_started' || !task.status ? 'in_progress' : task.status);
  const [progress, setProgress] = useState(task.progress ?? 0);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const id = useId('upd');
  const hist = useAsync(() => listAll(`/tasks/${task.id}/updates`), [task.id]);
  const send = async (e) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const body = { status, progress: Number(progress), note: note.trim() || null };
      if (evidence.trim()) body.evidence = evidence.trim();
      await post(`/tasks/${task.id}/updates`, body);
      toast(t('ib_sent'));
      onSent();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  const fe = (f) => (err && err.field === f ? html`<small class="field-error" role="alert" id=${id + f}>${errorText(err)}</small>` : '');
  return html`<form class="update-form" onSubmit=${send} onKeyDown=${(e) => e.key === 'Escape' && onCancel()}>
    <fieldset class="status-pick">
      <legend>${t('pg_status')}</legend>
      ${STATUSES.map((s) => html`<label class=${'seg-radio st-' + s + (status === s ? ' on' : '')}><input type="radio" name=${id + 's'} value=${s} checked=${status === s}
        onChange=${() => {
          setStatus(s);
          if (s === 'done') setProgress(100);
        }} /> ${t('st_' + s)}</label>`)}
      ${fe('status')}
    </fieldset>
    <div class="field">
      <label for=${id + 'p'}>${t('pg_progress')} (%)</label>
      <div class="progress-input">
        <input type="range" min="0" max="100" step="5" value=${progress} onInput=${(e) => setProgress(e.target.value)} aria-label=${t('pg_progress')} tabindex="-1" />
        <input id=${id + 'p'} type="number" min="0" max="100" inputmode="numeric" value=${progress} onInput=${(e) => setProgress(e.target.value)} aria-invalid=${err && err.field === 'progress' ? 'true' : undefined} />
      </div>
      ${fe('progress')}
    </div>
    <div class="field">
      <label for=${id + 'n'}>${t('ib_note')}</label>
      <textarea id=${id + 'n'} rows="2" value=${note} onInput=${(e) => setNote(e.target.value)}></textarea>
      ${fe('note')}
    </div>
    <div class="field">
      <label for=${id + 'e'}>${t('ib_evidence')}</label>
      <input id=${id + 'e'} value=${evidence} onInput=${(e) => setEvidence(e.target.value)} placeholder=${t('ib_evidence_hint')} />
      ${fe('evidence')}
    </div>
    ${err && !['status', 'progress', 'note', 'evidence'].includes(err.field) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>${t('ib_send')}</button>
      <button type="button" onClick=${onCancel}>${t('cancel')}</button>
    </div>
    <details class="history">
      <summary>${t('ib_history')}${hist.data ? ` (${hist.data.length})` : ''}</summary>
      ${hist.data && (hist.data.length ? html`<ol>${[...hist.data].reverse().map((u) => html`<li><strong>${date(u.reported_on)}</strong> · ${u.status ? t('st_' + u.status) : ''} ${u.progress != null ? num(u.progress, 0) + ' %' : ''}${u.note ? ' — ' + u.note : ''}${u.evidence ? ` (${u.evidence})` : ''}</li>`)}</ol>` : html`<p class="muted">${t('ib_no_history')}</p>`)}
    </details>
  </form>`;
}

export function InboxView({ orgId, org, year, user, route }) {
  const st = useAsync(() => loadInbox(orgId, year), [orgId, year]);
  const [filter, setFilter] = useState('open');
  const focus = +(route.q.get('task') || 0);
  const [openId, setOpenId] = useState(focus || null);
  const canReport = user && user.role !== 'viewer';
  useEffect(() => {
    if (focus && st.data) document.getElementById('ib-' + focus)?.scrollIntoView({ block: 'center' });
  }, [focus, !!st.data]);
  return html`<${Async} state=${st}>${({ rows, ctx }) => {
    const filters = {
      all: () => true,
      open: (r) => r.task.status !== 'done' && r.task.status !== 'cancelled',
      overdue: (r) => r.task.overdue,
      lead: (r) => r.role === 'lead',
      coord: (r) => r.role === 'coord',
    };
    const counts = Object.fromEntries(Object.entries(filters).map(([k, f]) => [k, rows.filter(f).length]));
    const shown = rows.filter(filters[filter]);
    return html`<div class="inbox">
      <h2>${t('ib_title', { org: orgLabel(org) })}</h2>
      <div class="filters" role="group" aria-label=${t('ib_filter')}>
        ${['open', 'overdue', 'lead', 'coord', 'all'].map((k) => html`<button type="button" class=${'filter' + (filter === k ? ' on' : '')} aria-pressed=${filter === k ? 'true' : 'false'} onClick=${() => setFilter(k)}>${t('ib_' + k)} <span class="count">${counts[k]}</span></button>`)}
      </div>
      ${shown.length === 0 && html`<p class="muted">${t('ib_none')}</p>`}
      <ul class="cards">${shown.map(({ task, role, program }) => html`<li class=${'card' + (task.overdue ? ' overdue' : '') + (task.id === focus ? ' highlight' : '')} id=${'ib-' + task.id}>
        <div class="card-head">
          <span class=${'badge role-' + role}>${role === 'lead' ? t('ib_lead') : t('ib_coord')}</span>
          <${StatusBadge} status=${task.status || 'not_started'} overdue=${task.overdue} />
          <span class="due">${t('ib_due')}: <strong>${timeFrame(task, ctx.term) || t('none')}</strong></span>
        </div>
        <h3 class="card-title">${task.code ? task.code + '. ' : ''}${task.title}</h3>
        <p class="card-meta muted">${t('ib_from')}: ${program ? html`<${OrgName} id=${program.org_id} /> — ${program.title}` : t('none')}${task.output ? ' · ' + t('pg_col_output') + ': ' + task.output : ''}</p>
        <div class="card-foot">
          <${Progress} value=${task.progress} />
          ${canReport && openId !== task.id && html`<button type="button" class="primary" onClick=${() => setOpenId(task.id)} aria-label=${t('ib_update') + ': ' + task.title}>${t('ib_update')}</button>`}
        </div>
        ${openId === task.id && html`<${UpdateForm} task=${task} onSent=${() => (setOpenId(null), st.reload())} onCancel=${() => setOpenId(null)} />`}
      </li>`)}</ul>
    </div>`;
  }}<//>`;
}
