// The inbox of an org: every task it leads or coordinates, from every level above, with its
// due date; a progress update is two clicks away (open, send), on a laptop or a phone.
import { useState, useEffect, useRef } from 'preact/hooks';
import { t, num, date, timeFrame, periodEnd, fileSize } from '../i18n.js';
import { get, post, listAll, ensureOrgs, uploadFile, fileMeta, fileHref, MAX_FILE_BYTES } from '../api.js';
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

// An update's evidence file as a download link: its name and size, fetched once by id.
function FileLink({ id }) {
  const st = useAsync(() => fileMeta(id), [id]);
  const f = st.data;
  if (st.error) return html`<span class="muted">#${id}</span>`;
  const ext = f && /\.([a-z0-9]{1,5})$/i.exec(f.name);
  return html`<a class="file-link" href=${fileHref(id)} download=${f ? f.name : ''} title=${t('ib_download')}>${f ? f.name : '#' + id}</a>${f ? html` <small class="muted">(${ext ? ext[1].toUpperCase() + ' · ' : ''}${fileSize(f.size)})</small>` : ''}`;
}

export function UpdateList({ updates }) {
  if (!updates.length) return html`<p class="muted">${t('ib_no_history')}</p>`;
  return html`<ol class="updates">${[...updates].reverse().map((u) => html`<li>
    <strong>${date(u.reported_on)}</strong> · ${u.status ? t('st_' + u.status) : ''} ${u.progress != null ? num(u.progress, 0) + ' %' : ''}${u.note ? ' — ' + u.note : ''}${u.evidence ? ` (${u.evidence})` : ''}
    ${u.evidence_file_ids && u.evidence_file_ids.length > 0 && html`<ul class="files" aria-label=${t('ib_files')}>${u.evidence_file_ids.map((fid) => html`<li><${FileLink} id=${fid} /></li>`)}</ul>`}
  </li>`)}</ol>`;
}

// The task's earlier updates, loaded when the box is opened (or at once when `eager`, to show
// their count while the update form is open).
function History({ taskId, version, eager }) {
  const [open, setOpen] = useState(false);
  const load = open || !!eager;
  const hist = useAsync(() => (load ? listAll(`/tasks/${taskId}/updates`) : Promise.resolve(null)), [taskId, version, load]);
  return html`<details class="history" open=${open} onToggle=${(e) => setOpen(e.currentTarget.open)}>
    <summary>${t('ib_history')}${hist.data ? ` (${hist.data.length})` : ''}</summary>
    ${open && (hist.error ? html`<p class="field-error">${errorText(hist.error)}</p>` : hist.data ? html`<${UpdateList} updates=${hist.data} />` : html`<p class="loading">${t('loading')}</p>`)}
  </details>`;
}

const fileKey = (f) => `${f.name}|${f.size}|${f.lastModified}`;

function UpdateForm({ task, onSent, onCancel }) {
  const [status, setStatus] = useState(task.status === 'not_started' || !task.status ? 'in_progress' : task.status);
  const [progress, setProgress] = useState(task.progress ?? 0);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [files, setFiles] = useState([]);
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState('');
  // Files already uploaded, so that sending again after an error does not upload them twice.
  const uploaded = useRef(new Map());
  const fileRef = useRef(null);
  const id = useId('upd');
  const send = async (e) => {
    e.preventDefault();
    setErr(null);
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (big) return setErr({ field: 'file', message: t('ib_file_too_big', { name: big.name }) });
    if (files.some((f) => f.size === 0)) return setErr({ field: 'file', message: t('ib_file_empty', { name: files.find((f) => f.size === 0).name }) });
    try {
      const ids = [];
      for (let i = 0; i < files.length; i++) {
        const f = files[i];
        if (!uploaded.current.has(fileKey(f))) {
          setBusy(t('ib_uploading', { i: i + 1, n: files.length }));
          try {
            uploaded.current.set(fileKey(f), (await uploadFile(f)).id);
          } catch (x) {
            // The server names the file's name when it refuses its type; the file input is the place.
            throw Object.assign(x, { field: 'file', message: f.name + ': ' + errorText(x) });
          }
        }
        ids.push(uploaded.current.get(fileKey(f)));
      }
      setBusy(t('saving'));
      const body = { status, progress: Number(progress), note: note.trim() || null };
      if (evidence.trim()) body.evidence = evidence.trim();
      if (ids.length) body.evidence_file_ids = ids;
      await post(`/tasks/${task.id}/updates`, body);
      toast(t('ib_sent'));
      onSent();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy('');
    }
  };
  const own = (f) => err && (err.field === f || (f === 'file' && err.field && err.field.startsWith('evidence_file_ids')));
  const fe = (f) => (own(f) ? html`<small class="field-error" role="alert" id=${id + f + '-err'}>${err.field === 'file' ? err.message : errorText(err)}</small>` : '');
  const known = (f) => ['status', 'progress', 'note', 'evidence', 'file'].includes(f) || (f && f.startsWith('evidence_file_ids'));
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
        <input id=${id + 'p'} type="number" min="0" max="100" inputmode="numeric" value=${progress} onInput=${(e) => setProgress(e.target.value)} aria-invalid=${own('progress') ? 'true' : undefined} aria-describedby=${own('progress') ? id + 'progress-err' : undefined} />
      </div>
      ${fe('progress')}
    </div>
    <div class="field">
      <label for=${id + 'n'}>${t('ib_note')}</label>
      <textarea id=${id + 'n'} rows="2" value=${note} onInput=${(e) => setNote(e.target.value)} aria-invalid=${own('note') ? 'true' : undefined}></textarea>
      ${fe('note')}
    </div>
    <div class="row evidence-row">
      <div class="field grow">
        <label for=${id + 'e'}>${t('ib_evidence')}</label>
        <input id=${id + 'e'} value=${evidence} onInput=${(e) => setEvidence(e.target.value)} placeholder=${t('ib_evidence_hint')} aria-invalid=${own('evidence') ? 'true' : undefined} />
        ${fe('evidence')}
      </div>
      <div class=${'field grow' + (own('file') ? ' has-error' : '')}>
        <label for=${id + 'f'}>${t('ib_file')}</label>
        <div class="file-pick">
          <input id=${id + 'f'} ref=${fileRef} class="file-input" type="file" multiple accept=${ACCEPT} onChange=${(e) => (setFiles([...e.target.files]), err && own('file') && setErr(null))}
            aria-invalid=${own('file') ? 'true' : undefined} aria-describedby=${[id + 'fn', id + 'fh', own('file') ? id + 'file-err' : ''].filter(Boolean).join(' ')} />
          <label for=${id + 'f'} class="button small" aria-hidden="true">${t('ib_file_choose')}</label>
          <span id=${id + 'fn'} class="file-names">${files.length ? files.map((f) => `${f.name} (${fileSize(f.size)})`).join('; ') : html`<span class="muted">${t('ib_file_none')}</span>`}</span>
          ${files.length > 0 && html`<button type="button" class="link small" onClick=${() => ((fileRef.current.value = ''), setFiles([]), own('file') && setErr(null))}>${t('ib_file_clear')}</button>`}
        </div>
        <small class="hint" id=${id + 'fh'}>${t('ib_file_hint')}</small>
        ${fe('file')}
      </div>
    </div>
    ${err && !known(err.field) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
    <div class="actions">
      <button type="submit" class="primary" disabled=${!!busy}>${t('ib_send')}</button>
      <button type="button" onClick=${onCancel}>${t('cancel')}</button>
      ${busy && html`<span class="muted" role="status">${busy}</span>`}
    </div>
  </form>`;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt,.csv,application/pdf,image/png,image/jpeg,text/plain';

export function InboxView({ orgId, org, year, user, route }) {
  const st = useAsync(() => loadInbox(orgId, year), [orgId, year]);
  const [filter, setFilter] = useState('open');
  const focus = +(route.q.get('task') || 0);
  const [openId, setOpenId] = useState(focus || null);
  const [sent, setSent] = useState(0);
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
        ${openId === task.id && html`<${UpdateForm} task=${task} onSent=${() => (setOpenId(null), setSent((n) => n + 1), st.reload())} onCancel=${() => setOpenId(null)} />`}
        <${History} taskId=${task.id} version=${sent + ':' + task.updated_at} eager=${openId === task.id} />
      </li>`)}</ul>
    </div>`;
  }}<//>`;
}
