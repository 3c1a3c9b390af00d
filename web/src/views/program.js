// The action program editor, as the table the offices already print:
//   TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm | Nội dung NQ
// Rows are edited in place (Tab between cells, Enter saves, Esc cancels), a new row waits at the
// bottom, rows pasted from a spreadsheet (tab-separated) are previewed and saved together,
// sub-tasks hang under their task, rows move up and down, and each row's covered resolution
// items come with the similarity ranking's suggestions.
import { useState, useEffect, useRef, useMemo } from 'preact/hooks';
import { t, num, pct, date, todayIso, timeFrame, parseTimeFrame, period, fold } from '../i18n.js';
import { get, post, patch, listAll, subtree, ensureOrgs, orgs, qs } from '../api.js';
import { html, useAsync, Async, Link, OrgName, StatusBadge, errorText, toast, useId, debounce, orgLabel, navigate } from '../ui.js';
import { OrgChips, OrgDatalist, resolveOrg } from '../orgpick.js';
import { context, itemTree, resolutionItems, viewHref, codeCompare } from './common.js';
import { canEdit } from './resolution.js';

const PROGRAM_KINDS = ['action_program', 'implementation_plan', 'personal_plan', 'emulation_movement'];

// ---- tab-separated text as a spreadsheet copies it: quoted cells may hold tabs, newlines, "".
export function parseTSV(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === '\t') row.push(cell), (cell = ''), i++;
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else (cell += c), i++;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

function looksLikeCode(s) {
  return /^\s*([0-9]+(\.[0-9]+)*\.?|[IVX]+\.?|[a-zđ]\)|[0-9]+\))\s*$/i.test(s);
}

// Turns pasted rows into task drafts, each with the problems found.
function draftsFromRows(rows, ctx) {
  const items = ctx.items;
  const byCode = new Map(items.map((i) => [fold(i.code || '').replace(/\s+/g, ''), i]));
  return rows.map((cells) => {
    cells = cells.map((c) => c.trim());
    let code = null;
    if (cells.length >= 2 && looksLikeCode(cells[0])) code = cells.shift().replace(/[.)]$/, '');
    const [title = '', lead = '', coord = '', time = '', output = '', covers = ''] = cells;
    const problems = [];
    const leadOrg = lead ? resolveOrg(lead, ctx.orgOptions) : null;
    if (lead && !leadOrg) problems.push(t('pg_paste_unknown_org', { name: lead }));
    const coordIds = [];
    for (const name of coord.split(/[;,\n]/).map((x) => x.trim()).filter(Boolean)) {
      const o = resolveOrg(name, ctx.orgOptions);
      if (o) coordIds.push(o.id);
      else problems.push(t('pg_paste_unknown_org', { name }));
    }
    const tf = parseTimeFrame(time);
    if (tf === null) problems.push(t('pg_paste_unknown_period', { text: time }));
    const coverIds = [];
    for (const c of covers.split(/[;,\s]+/).filter(Boolean)) {
      const it = byCode.get(fold(c));
      if (it) coverIds.push(it.id);
      else problems.push(t('pg_paste_unknown_item', { code: c }));
    }
    return { code, title, lead, leadOrg, coordIds, time, tf: tf || {}, output, coverIds, problems, error: null };
  });
}

function nextCode(tasks, parent) {
  const sibs = tasks.filter((x) => (x.parent_id ?? null) === (parent ? parent.id : null));
  let max = 0;
  for (const s of sibs) {
    const last = String(s.code || '').split('.').pop();
    if (/^\d+$/.test(last)) max = Math.max(max, +last);
  }
  max = Math.max(max, sibs.length);
  return parent && parent.code ? `${parent.code}.${max + 1}` : String(max + 1);
}

function taskTree(tasks) {
  const ids = new Set(tasks.map((x) => x.id));
  const by = new Map();
  for (const x of tasks) {
    const p = x.parent_id != null && ids.has(x.parent_id) ? x.parent_id : null;
    if (!by.has(p)) by.set(p, []);
    by.get(p).push(x);
  }
  const order = (a, b) => (a.sort_key ?? 1e9) - (b.sort_key ?? 1e9) || codeCompare(a.code, b.code) || a.id - b.id;
  const out = [];
  const walk = (p, depth) => {
    const sibs = (by.get(p) || []).sort(order);
    sibs.forEach((x, i) => {
      out.push({ task: x, depth, sibs, index: i });
      walk(x.id, depth + 1);
    });
  };
  walk(null, 0);
  return out;
}

// ---- the covers cell: chips of item codes, a picker of every item, and suggestions
function CoversCell({ value, onChange, ctx, title, id, invalid }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [sugg, setSugg] = useState([]);
  const box = useRef(null);
  const byId = useMemo(() => new Map(ctx.items.map((i) => [i.id, i])), [ctx.items]);
  const fetchSugg = useMemo(
    () =>
      debounce(async (text) => {
        if (!ctx.resolutionId || fold(text).trim().length < 6) return setSugg([]);
        try {
          const r = await get(`/resolutions/${ctx.resolutionId}/suggest` + qs({ text, limit: 3 }));
          setSugg(r.items || []);
        } catch (e) {
          setSugg([]);
        }
      }, 350),
    [ctx.resolutionId],
  );
  useEffect(() => fetchSugg(title || ''), [title]);
  useEffect(() => {
    if (!open) return undefined;
    const onDoc = (e) => box.current && !box.current.contains(e.target) && setOpen(false);
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, [open]);
  const toggle = (iid) => onChange(value.includes(iid) ? value.filter((x) => x !== iid) : [...value, iid]);
  const f = fold(filter);
  const list = itemTree(ctx.items).filter(({ item }) => !f || fold(`${item.code} ${item.text}`).includes(f));
  const fresh = sugg.filter((s) => !value.includes(s.id));
  return html`<div class=${'covers' + (invalid ? ' invalid' : '')} ref=${box}>
    <div class="chips">
      ${value.map((iid) => {
        const it = byId.get(iid);
        return html`<span class="chip" title=${it ? it.text : ''}>${it ? it.code || '#' + iid : '#' + iid}<button type="button" class="chip-x" aria-label=${t('delete') + ' ' + (it ? it.code : iid)} onClick=${() => toggle(iid)}>×</button></span>`;
      })}
      <button type="button" id=${id} class="small" aria-expanded=${open ? 'true' : 'false'} aria-haspopup="dialog" onClick=${() => setOpen(!open)}>${t('pg_pick_items')}</button>
    </div>
    ${fresh.length > 0 && html`<div class="suggest" aria-label=${t('pg_suggest')}>
      <small>${t('pg_suggest')}:</small>
      ${fresh.map((s) => html`<button type="button" class="sugg" title=${s.text} aria-label=${t('pg_suggest_add', { code: s.code }) + ': ' + s.text} onClick=${() => toggle(s.id)}>+ ${s.code}</button>`)}
    </div>`}
    ${open && html`<div class="picker" role="dialog" aria-label=${t('pg_pick_items')} onKeyDown=${(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))}>
      <label class="sr-only" for=${id + '-f'}>${t('pg_items_filter')}</label>
      <input id=${id + '-f'} type="search" placeholder=${t('pg_items_filter')} value=${filter} onInput=${(e) => setFilter(e.target.value)} autofocus />
      <ul>${list.map(({ item, depth }) => html`<li class=${'depth-' + Math.min(depth, 3)}><label><input type="checkbox" checked=${value.includes(item.id)} onChange=${() => toggle(item.id)} /> <strong>${item.code}</strong> ${item.text}</label></li>`)}</ul>
      <button type="button" class="small" onClick=${() => setOpen(false)}>${t('close')}</button>
    </div>`}
  </div>`;
}

// ---- one row being edited (an existing task, a new task, or a new sub-task)
function EditRow({ task, parent, ctx, onSaved, onCancel, onPasteRows, isNew, depth = 0, focusKey }) {
  const init = () => ({
    title: task?.title || '',
    lead: task ? orgLabel(orgs.get(task.lead_org_id)) : '',
    coords: task?.coordinating_org_ids || [],
    time: task ? timeFrame(task, ctx.term) : '',
    output: task?.output || '',
    covers: task?.covers || [],
  });
  const [f, setF] = useState(init);
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const rid = useId('row');
  const titleRef = useRef(null);
  useEffect(() => {
    if (!isNew || focusKey) titleRef.current && titleRef.current.focus();
  }, [focusKey]);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const cellErr = (...fields) => (err && fields.includes(err.field) ? err.message : '');

  const save = async () => {
    setErr(null);
    if (!f.title.trim()) return setErr({ field: 'title', message: t('pg_col_title') + ': ?' });
    const lead = resolveOrg(f.lead, ctx.orgOptions);
    if (!lead) return setErr({ field: 'lead_org_id', message: f.lead ? t('pg_paste_unknown_org', { name: f.lead }) : t('pg_flag_lead') });
    const tf = parseTimeFrame(f.time);
    if (tf === null) return setErr({ field: 'period', message: t('pg_paste_unknown_period', { text: f.time }) });
    const body = {
      title: f.title.trim(),
      lead_org_id: lead.id,
      coordinating_org_ids: f.coords,
      output: f.output.trim() || null,
      covers: f.covers,
      period: tf.period || null,
      due_on: tf.due_on || null,
    };
    setBusy(true);
    try {
      let saved;
      if (task) saved = await patch('/tasks/' + task.id, body);
      else {
        body.code = nextCode(ctx.tasks, parent);
        if (parent) body.parent_id = parent.id;
        saved = await post(`/programs/${ctx.program.id}/tasks`, body);
      }
      toast(t('saved'));
      if (isNew) setF({ title: '', lead: '', coords: [], time: '', output: '', covers: [] });
      onSaved(saved);
    } catch (x) {
      setErr({ field: x.field, message: errorText(x) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (isNew) setF({ title: '', lead: '', coords: [], time: '', output: '', covers: [] });
      onCancel && onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.defaultPrevented && e.target.tagName !== 'BUTTON') {
      e.preventDefault();
      save();
    }
  };
  const onPaste = (e) => {
    if (!onPasteRows) return;
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (text && (text.includes('\t') || text.trim().includes('\n'))) {
      e.preventDefault();
      onPasteRows(parseTSV(text));
    }
  };
  const knownField = ['title', 'lead_org_id', 'coordinating_org_ids', 'period', 'due_on', 'output', 'covers'];
  const listId = ctx.datalistId;
  return html`<tr class=${'editing' + (isNew ? (parent ? ' sub-row' : ' new-row') : '') + ' depth-' + Math.min(depth, 3)} onKeyDown=${onKeyDown} onPaste=${onPaste} aria-label=${isNew ? t('pg_new_row') : undefined}>
    <td class="no">${task ? task.code : isNew && !parent ? html`<span class="muted" title=${t('pg_new_row')}>+</span>` : '↳'}</td>
    <td class=${cellErr('title') ? 'cell-err' : ''}>
      <label class="sr-only" for=${rid + 't'}>${t('pg_col_title')}</label>
      <textarea id=${rid + 't'} ref=${titleRef} rows="2" value=${f.title} onInput=${set('title')} aria-invalid=${cellErr('title') ? 'true' : undefined} aria-describedby=${cellErr('title') ? rid + 'te' : undefined} placeholder=${isNew ? t('pg_new_row') : ''}></textarea>
      ${cellErr('title') && html`<small id=${rid + 'te'} class="field-error" role="alert">${cellErr('title')}</small>`}
    </td>
    <td class=${cellErr('lead_org_id') ? 'cell-err' : ''}>
      <label class="sr-only" for=${rid + 'l'}>${t('pg_col_lead')}</label>
      <input id=${rid + 'l'} list=${listId} value=${f.lead} onInput=${set('lead')} aria-invalid=${cellErr('lead_org_id') ? 'true' : undefined} aria-describedby=${cellErr('lead_org_id') ? rid + 'le' : undefined} />
      ${cellErr('lead_org_id') && html`<small id=${rid + 'le'} class="field-error" role="alert">${cellErr('lead_org_id')}</small>`}
    </td>
    <td class=${cellErr('coordinating_org_ids') ? 'cell-err' : ''}>
      <${OrgChips} id=${rid + 'c'} label=${t('pg_col_coord')} value=${f.coords} onChange=${(v) => setF({ ...f, coords: v })} options=${ctx.orgOptions} listId=${listId} invalid=${!!cellErr('coordinating_org_ids')} />
      ${cellErr('coordinating_org_ids') && html`<small class="field-error" role="alert">${cellErr('coordinating_org_ids')}</small>`}
    </td>
    <td class=${cellErr('period', 'due_on') ? 'cell-err' : ''}>
      <label class="sr-only" for=${rid + 'p'}>${t('pg_col_time')}</label>
      <input id=${rid + 'p'} value=${f.time} onInput=${set('time')} title=${t('pg_time_hint')} aria-invalid=${cellErr('period', 'due_on') ? 'true' : undefined} aria-describedby=${rid + 'pe'} />
      ${(() => {
        const tf = parseTimeFrame(f.time);
        const msg = cellErr('period', 'due_on');
        if (msg) return html`<small id=${rid + 'pe'} class="field-error" role="alert">${msg}</small>`;
        if (f.time && tf && (tf.period || tf.due_on)) return html`<small id=${rid + 'pe'} class="hint">${tf.period ? period(tf.period, ctx.term, { cap: true }) : date(tf.due_on)}</small>`;
        if (f.time && tf === null) return html`<small id=${rid + 'pe'} class="field-error">${t('pg_paste_unknown_period', { text: f.time })}</small>`;
        return '';
      })()}
    </td>
    <td class=${cellErr('output') ? 'cell-err' : ''}>
      <label class="sr-only" for=${rid + 'o'}>${t('pg_col_output')}</label>
      <input id=${rid + 'o'} value=${f.output} onInput=${set('output')} />
      ${cellErr('output') && html`<small class="field-error" role="alert">${cellErr('output')}</small>`}
    </td>
    <td class=${cellErr('covers') ? 'cell-err' : ''}>
      <${CoversCell} id=${rid + 'v'} value=${f.covers} onChange=${(v) => setF({ ...f, covers: v })} ctx=${ctx} title=${f.title} invalid=${!!cellErr('covers')} />
      ${cellErr('covers') && html`<small class="field-error" role="alert">${cellErr('covers')}</small>`}
    </td>
    <td class="row-actions">
      <button type="button" class="primary small" disabled=${busy} onClick=${save}>${isNew ? t('add') : t('save')}</button>
      ${!isNew && html`<button type="button" class="small" onClick=${onCancel}>${t('cancel')}</button>`}
      ${isNew && parent && html`<button type="button" class="small" onClick=${onCancel}>${t('cancel')}</button>`}
      ${err && !knownField.includes(err.field) && html`<small class="field-error" role="alert">${err.message}</small>`}
    </td>
  </tr>`;
}

// A long list of coordinating orgs shows its first three and opens on demand.
function OrgList({ ids, strip }) {
  const [all, setAll] = useState(false);
  const shown = all || ids.length <= 4 ? ids : ids.slice(0, 3);
  return html`${shown.map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} strip=${strip} />`)}${shown.length < ids.length ? html` <button type="button" class="link" aria-expanded="false" onClick=${() => setAll(true)}>${t('pg_more_orgs', { n: ids.length - shown.length })}</button>` : ''}`;
}

// What a task lacks to be specific and feasible, as the server names it (missing: time_frame,
// output); a lead is required, so it is never missing from a saved task.
const FLAG_OF = { time_frame: 'pg_flag_time', output: 'pg_flag_output', lead: 'pg_flag_lead' };
function taskFlags(task) {
  const m = task.missing || [...(!task.period && !task.due_on ? ['time_frame'] : []), ...(!task.output ? ['output'] : [])];
  return [...(task.lead_org_id ? [] : ['lead']), ...m].map((k) => t(FLAG_OF[k] || k));
}

function ViewRow({ row, ctx, editable, onEdit, onAddSub, onMove, highlight }) {
  const { task, depth, sibs, index } = row;
  const byId = ctx.itemsById;
  const flags = taskFlags(task);
  return html`<tr id=${'task-' + task.id} class=${'depth-' + Math.min(depth, 3) + (highlight ? ' highlight' : '') + (task.status === 'cancelled' ? ' cancelled' : '') + (flags.length ? ' flagged' : '')} onDblClick=${editable ? onEdit : undefined}>
    <td class="no">${task.code}</td>
    <td class="title">
      <div>${task.title}</div>
      <div class="row-meta"><${StatusBadge} status=${task.status || 'not_started'} overdue=${task.overdue} /> ${task.progress != null && task.progress > 0 && task.status !== 'done' ? html`<small>${num(task.progress, 0)} %</small>` : ''}
        ${flags.length > 0 && html`<small class="flag">⚠ ${flags.join(', ')}</small>`}</div>
    </td>
    <td><${OrgName} id=${task.lead_org_id} strip=${ctx.place} /></td>
    <td class="coord"><${OrgList} ids=${task.coordinating_org_ids || []} strip=${ctx.place} /></td>
    <td>${timeFrame(task, ctx.term)}</td>
    <td>${task.output || ''}</td>
    <td class="codes">${(task.covers || []).map((iid) => {
      const it = byId.get(iid);
      return html`<span class="code-chip" title=${it ? it.text : ''}>${it ? it.code || '#' + iid : '#' + iid}</span> `;
    })}</td>
    <td class="row-actions">${editable && html`
      <button type="button" class="small icon" onClick=${onEdit} aria-label=${t('edit') + ' ' + task.code} title=${t('edit')}>✎</button>
      <button type="button" class="small icon" onClick=${onAddSub} aria-label=${t('pg_add_sub') + ' ' + task.code} title=${t('pg_add_sub')}>+</button>
      <button type="button" class="small icon" disabled=${index === 0} onClick=${() => onMove(row, -1)} aria-label=${t('pg_move_up') + ' ' + task.code} title=${t('pg_move_up')}>↑</button>
      <button type="button" class="small icon" disabled=${index === sibs.length - 1} onClick=${() => onMove(row, 1)} aria-label=${t('pg_move_down') + ' ' + task.code} title=${t('pg_move_down')}>↓</button>`}
    </td>
  </tr>`;
}

function PastePreview({ drafts, setDrafts, ctx, onDone }) {
  const [busy, setBusy] = useState(false);
  const ok = drafts.filter((d) => !d.problems.length && d.title && d.leadOrg);
  const saveAll = async () => {
    setBusy(true);
    const left = [];
    let tasks = [...ctx.tasks];
    for (const d of drafts) {
      if (d.problems.length || !d.title || !d.leadOrg) {
        left.push(d);
        continue;
      }
      try {
        const saved = await post(`/programs/${ctx.program.id}/tasks`, {
          code: d.code || nextCode(tasks, null),
          title: d.title,
          lead_org_id: d.leadOrg.id,
          coordinating_org_ids: d.coordIds,
          output: d.output || null,
          covers: d.coverIds,
          period: d.tf.period || null,
          due_on: d.tf.due_on || null,
        });
        tasks.push(saved);
      } catch (x) {
        left.push({ ...d, error: errorText(x) });
      }
    }
    setBusy(false);
    setDrafts(left);
    toast(t('saved'));
    onDone();
  };
  return html`<section class="paste-preview panel" aria-labelledby="paste-h">
    <h3 id="paste-h">${t('pg_paste_preview', { n: drafts.length })}</h3>
    <table class="grid compact">
      <thead><tr><th>${t('pg_col_no')}</th><th>${t('pg_col_title')}</th><th>${t('pg_col_lead')}</th><th>${t('pg_col_coord')}</th><th>${t('pg_col_time')}</th><th>${t('pg_col_output')}</th><th>${t('pg_col_covers')}</th></tr></thead>
      <tbody>${drafts.map((d) => html`<tr class=${d.problems.length || d.error || !d.leadOrg ? 'bad' : ''}>
        <td>${d.code || ''}</td>
        <td>${d.title}${(d.problems.length > 0 || d.error || !d.leadOrg) && html`<div class="field-error">${[...d.problems, d.error, !d.lead ? t('pg_flag_lead') : null].filter(Boolean).join('; ')}</div>`}</td>
        <td>${d.leadOrg ? orgLabel(d.leadOrg) : html`<span class="late">${d.lead}</span>`}</td>
        <td>${d.coordIds.map((id) => orgLabel(orgs.get(id))).join('; ')}</td>
        <td>${d.tf.period ? period(d.tf.period, ctx.term, { cap: true }) : d.tf.due_on ? date(d.tf.due_on) : ''}</td>
        <td>${d.output}</td>
        <td>${d.coverIds.map((id) => ctx.itemsById.get(id)?.code).join(', ')}</td>
      </tr>`)}</tbody>
    </table>
    <div class="actions">
      <button type="button" class="primary" disabled=${busy || !ok.length} onClick=${saveAll}>${t('pg_paste_save', { n: ok.length })}</button>
      <button type="button" onClick=${() => setDrafts([])}>${t('pg_paste_discard')}</button>
    </div>
  </section>`;
}

async function loadProgramPage(orgId, year, wantId) {
  const ctxR = await context(orgId, year);
  const all = await listAll('/programs', { org_id: orgId });
  const progs = all.filter((p) => PROGRAM_KINDS.includes(p.kind));
  const resId = ctxR.resolution && ctxR.resolution.id;
  let program = progs.find((p) => p.id === wantId);
  if (!program) program = progs.find((p) => p.kind === 'action_program' && p.resolution_id === resId) || progs.find((p) => p.resolution_id === resId) || null;
  return { ctxR, progs, program };
}

async function loadTasks(program, ctxR) {
  const [fresh, tasks, items, orgOptions, coverage] = await Promise.all([
    get('/programs/' + program.id).catch(() => program),
    listAll(`/programs/${program.id}/tasks`),
    program.resolution_id ? resolutionItems(program.resolution_id) : Promise.resolve([]),
    subtree(program.org_id),
    program.resolution_id ? get(`/resolutions/${program.resolution_id}/coverage` + qs({ program_id: program.id })).catch(() => null) : Promise.resolve(null),
  ]);
  await ensureOrgs(tasks.flatMap((x) => [x.lead_org_id, ...(x.coordinating_org_ids || [])]));
  return { fresh, tasks, items, orgOptions, coverage };
}

function ProgramTable({ program, ctxR, user, year, orgId, route, onLoaded }) {
  const st = useAsync(() => loadTasks(program, ctxR), [program.id]);
  // The program as it stands after each load (its incomplete_tasks moves as rows are edited).
  useEffect(() => {
    if (st.data && onLoaded) onLoaded(st.data.fresh);
  }, [st.data]);
  const [editing, setEditing] = useState(null); // task id | 'sub:ID'
  const [drafts, setDrafts] = useState([]);
  const [focusKey, setFocusKey] = useState(0);
  const editable = canEdit(user);
  const listId = useId('orgs');
  const focusTask = +(route.q.get('task') || 0);
  useEffect(() => {
    if (focusTask && st.data) document.getElementById('task-' + focusTask)?.scrollIntoView({ block: 'center' });
  }, [focusTask, !!st.data]);

  return html`<${Async} state=${st}>${(d) => {
    const ctx = {
      program,
      term: ctxR.term,
      tasks: d.tasks,
      items: d.items,
      itemsById: new Map(d.items.map((i) => [i.id, i])),
      orgOptions: d.orgOptions,
      resolutionId: program.resolution_id,
      datalistId: listId,
      holderId: ctxR.holder ? ctxR.holder.id : orgId,
      place: orgs.get(program.org_id)?.place_name || null,
      year,
    };
    const rows = taskTree(d.tasks);
    const cov = d.coverage;
    const counted = cov ? cov.items.filter((i) => i.counted).length : 0;
    const covered = cov ? cov.items.filter((i) => i.counted && (i.covered || (cov.waived || []).includes(i.id))).length : 0;
    const reload = () => st.reload();
    const onMove = async (row, dir) => {
      const sibs = [...row.sibs];
      const j = row.index + dir;
      [sibs[row.index], sibs[j]] = [sibs[j], sibs[row.index]];
      try {
        await Promise.all(sibs.map((x, i) => ((x.sort_key ?? null) !== (i + 1) * 10 ? patch('/tasks/' + x.id, { sort_key: (i + 1) * 10 }) : null)));
      } catch (e) {
        toast(errorText(e), 'error');
      }
      reload();
    };
    return html`<div>
      <p class="program-summary">
        <strong>${t('pg_tasks_count', { n: d.tasks.length })}</strong>
        ${cov && html` · <${Link} href=${viewHref(orgId, 'coverage', year, { p: program.id })} class="cov-link" data-coverage=${cov.ratio}>${t('pg_coverage_ratio', { p: `${covered}/${counted} (${pct(cov.ratio)})` })}<//>`}
      </p>
      ${editable && html`<p class="hint">${t('pg_keyboard_hint')}</p>`}
      <${OrgDatalist} id=${listId} options=${d.orgOptions.filter((o) => !o.ended_on)} />
      <div class="table-scroll program-scroll">
      <table class="grid program-table">
        <colgroup><col class="c-no" /><col class="c-title" /><col class="c-lead" /><col class="c-coord" /><col class="c-time" /><col class="c-output" /><col class="c-covers" /><col class="c-act" /></colgroup>
        <thead><tr>
          <th scope="col">${t('pg_col_no')}</th><th scope="col">${t('pg_col_title')}</th><th scope="col">${t('pg_col_lead')}</th><th scope="col">${t('pg_col_coord')}</th>
          <th scope="col">${t('pg_col_time')}</th><th scope="col">${t('pg_col_output')}</th><th scope="col">${t('pg_col_covers')}</th><th scope="col"><span class="sr-only">${t('pg_col_actions')}</span></th>
        </tr></thead>
        <tbody>
          ${rows.map((row) => {
            const x = row.task;
            const out = [];
            if (editing === x.id) out.push(html`<${EditRow} key=${'e' + x.id} task=${x} ctx=${ctx} depth=${row.depth} onSaved=${() => (setEditing(null), reload())} onCancel=${() => setEditing(null)} />`);
            else out.push(html`<${ViewRow} key=${'v' + x.id} row=${row} ctx=${ctx} editable=${editable} highlight=${x.id === focusTask} onEdit=${() => setEditing(x.id)} onAddSub=${() => setEditing('sub:' + x.id)} onMove=${onMove} />`);
            if (editing === 'sub:' + x.id) out.push(html`<${EditRow} key=${'s' + x.id} parent=${x} ctx=${ctx} isNew depth=${row.depth + 1} onSaved=${() => (setEditing(null), reload())} onCancel=${() => setEditing(null)} />`);
            return out;
          })}
          ${editable && html`<${EditRow} key="new" ctx=${ctx} isNew focusKey=${focusKey} onSaved=${() => (reload(), setFocusKey((k) => k + 1))} onPasteRows=${(rows2) => setDrafts(draftsFromRows(rows2, ctx))} />`}
        </tbody>
      </table>
      </div>
      ${drafts.length > 0 && html`<${PastePreview} drafts=${drafts} setDrafts=${setDrafts} ctx=${ctx} onDone=${reload} />`}
    </div>`;
  }}<//>`;
}

export function ProgramView({ orgId, org, year, user, route }) {
  const wantId = +(route.q.get('p') || 0);
  const st = useAsync(() => loadProgramPage(orgId, year, wantId), [orgId, year, wantId]);
  const [busy, setBusy] = useState(false);
  const pid = useId('prog');
  const [fresh, setFresh] = useState(null);
  return html`<${Async} state=${st}>${({ ctxR, progs, program }) => {
    // Tasks lacking a time frame or an output, as the server counts them (incomplete_tasks).
    const incomplete = program ? (fresh && fresh.id === program.id ? fresh : program).incomplete_tasks || 0 : 0;
    const create = async () => {
      setBusy(true);
      try {
        const p = await post('/programs', {
          org_id: orgId,
          kind: 'action_program',
          title: t('pg_title_default', { title: ctxR.resolution ? ctxR.resolution.title.replace(/^Nghị quyết /, 'Nghị quyết ') : '' }),
          resolution_id: ctxR.resolution ? ctxR.resolution.id : undefined,
          status: 'draft',
        });
        navigate(viewHref(orgId, 'program', year, { p: p.id }), { keepScroll: true });
        st.reload();
      } catch (e) {
        toast(errorText(e), 'error');
      } finally {
        setBusy(false);
      }
    };
    const adopt = async () => {
      try {
        await patch('/programs/' + program.id, { status: 'adopted', adopted_on: todayIso() });
        st.reload();
      } catch (e) {
        toast(errorText(e), 'error');
      }
    };
    return html`<div class="program">
      ${progs.length > 1 && html`<div class="field inline">
        <label for=${pid}>${t('pg_pick')}</label>
        <select id=${pid} value=${program ? String(program.id) : ''} onChange=${(e) => navigate(viewHref(orgId, 'program', year, { p: e.target.value }), { keepScroll: true })}>
          ${progs.map((p) => html`<option value=${String(p.id)}>${p.title}</option>`)}
        </select>
      </div>`}
      ${program
        ? html`<div class="program-head">
            ${progs.length <= 1 && html`<h2>${program.title}</h2>`}
            <p class="muted">${program.symbol ? program.symbol + ' · ' : ''}<span class=${'badge st-' + program.status}>${t('st_' + (program.status || 'draft'))}</span>
              ${program.adopted_on ? ' ' + t('pg_adopted_on', { date: date(program.adopted_on) }) : ''}
              ${program.status !== 'adopted' && canEdit(user) ? html` <button type="button" class="small" onClick=${adopt}>${t('pg_adopt')}</button>` : ''}
              ${incomplete > 0 && html` · <button type="button" class="link flag" data-incomplete=${incomplete} title=${t('pg_flags_go')}
                onClick=${() => document.querySelector('.program-table tr.flagged')?.scrollIntoView({ block: 'center' })}>⚠ ${t('pg_flags', { n: incomplete })}</button>`}</p>
          </div>
          <${ProgramTable} key=${program.id} program=${program} ctxR=${ctxR} user=${user} year=${year} orgId=${orgId} route=${route} onLoaded=${setFresh} />`
        : html`<p class="notice">${t('pg_none')}</p>
          ${canEdit(user) && ctxR.resolution && html`<button type="button" class="primary" disabled=${busy} onClick=${create}>${t('pg_create')}</button>`}`}
    </div>`;
  }}<//>`;
}
