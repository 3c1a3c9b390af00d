// Congress and resolution: the term, its congress (ordinal in Roman numerals, stored once as a
// number), the resolution and its item tree — goals, indicators, key tasks, breakthroughs,
// solutions — edited in place: each item opens into a form, sub-items are added under it.
import { useState, useEffect } from 'preact/hooks';
import { t, num, date, dateRange } from '../i18n.js';
import { get, post, patch, del } from '../api.js';
import { html, useAsync, Async, Field, useId, errorText, toast } from '../ui.js';
import { context, itemTree, resolutionItems } from './common.js';

const KINDS = ['goal', 'indicator', 'key_task', 'breakthrough', 'solution'];
const DIRECTIONS = ['higher', 'lower', 'exact'];
const ROLLUPS = ['sum', 'mean', 'weighted_mean', 'min', 'max', 'count_meeting', 'none'];
export const canEdit = (user) => user && (user.role === 'editor' || user.role === 'admin');

function numOrNull(s) {
  if (s === '' || s == null) return null;
  const v = Number(String(s).replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(v) ? v : NaN;
}
function numText(v) {
  return v == null ? '' : String(v).replace('.', ',');
}

export function ItemForm({ resolutionId, item, parentId, onDone, onCancel }) {
  const [f, setF] = useState(() => ({
    kind: item?.kind || 'solution',
    code: item?.code || '',
    text: item?.text || '',
    field: item?.field || '',
    unit: item?.unit || '',
    direction: item?.direction || 'higher',
    baseline: numText(item?.baseline),
    baseline_year: item?.baseline_year ?? '',
    target: numText(item?.target),
    rollup: item?.rollup || 'sum',
  }));
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const base = useId('item');
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const ferr = (k) => (err && err.field === k ? errorText(err) : '');

  const submit = async (e) => {
    e.preventDefault();
    setErr(null);
    const body = { kind: f.kind, code: f.code.trim() || null, text: f.text.trim(), field: f.field.trim() || null };
    if (!item && parentId) body.parent_id = parentId;
    if (f.kind === 'indicator') {
      Object.assign(body, {
        unit: f.unit.trim() || null,
        direction: f.direction,
        baseline: numOrNull(f.baseline),
        baseline_year: f.baseline_year === '' ? null : Number(f.baseline_year),
        target: numOrNull(f.target),
        rollup: f.rollup,
      });
      for (const k of ['baseline', 'target']) if (Number.isNaN(body[k])) return setErr({ field: k, message: t('item_' + k) + ': ?' });
    }
    setBusy(true);
    try {
      const saved = item ? await patch('/items/' + item.id, body) : await post(`/resolutions/${resolutionId}/items`, body);
      toast(t('saved'));
      onDone(saved);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };

  return html`<form class="item-form" onSubmit=${submit} onKeyDown=${(e) => e.key === 'Escape' && onCancel()}>
    <div class="row">
      <${Field} id=${base + 'c'} label=${t('item_code')} error=${ferr('code')} class="w-code">${(a) => html`<input ...${a} value=${f.code} onInput=${set('code')} />`}<//>
      <${Field} id=${base + 'k'} label=${t('item_kind')} error=${ferr('kind')}>${(a) => html`<select ...${a} value=${f.kind} onChange=${set('kind')}>${KINDS.map((k) => html`<option value=${k}>${t('ik_' + k)}</option>`)}</select>`}<//>
      <${Field} id=${base + 'f'} label=${t('item_field')} error=${ferr('field')} class="grow">${(a) => html`<input ...${a} value=${f.field} onInput=${set('field')} />`}<//>
    </div>
    <${Field} id=${base + 't'} label=${t('item_text')} error=${ferr('text')}>${(a) => html`<textarea ...${a} rows="3" required value=${f.text} onInput=${set('text')} autofocus></textarea>`}<//>
    ${f.kind === 'indicator' && html`<div class="row">
      <${Field} id=${base + 'u'} label=${t('item_unit')} error=${ferr('unit')} class="w-s">${(a) => html`<input ...${a} value=${f.unit} onInput=${set('unit')} />`}<//>
      <${Field} id=${base + 'b'} label=${t('item_baseline')} error=${ferr('baseline')} class="w-s">${(a) => html`<input ...${a} inputmode="decimal" value=${f.baseline} onInput=${set('baseline')} />`}<//>
      <${Field} id=${base + 'by'} label=${t('item_baseline_year')} error=${ferr('baseline_year')} class="w-s">${(a) => html`<input ...${a} inputmode="numeric" value=${f.baseline_year} onInput=${set('baseline_year')} />`}<//>
      <${Field} id=${base + 'tg'} label=${t('item_target')} error=${ferr('target')} class="w-s">${(a) => html`<input ...${a} inputmode="decimal" value=${f.target} onInput=${set('target')} />`}<//>
      <${Field} id=${base + 'd'} label=${t('item_direction')} error=${ferr('direction')}>${(a) => html`<select ...${a} value=${f.direction} onChange=${set('direction')}>${DIRECTIONS.map((k) => html`<option value=${k}>${t('dir_' + k)}</option>`)}</select>`}<//>
      <${Field} id=${base + 'r'} label=${t('item_rollup')} error=${ferr('rollup')}>${(a) => html`<select ...${a} value=${f.rollup} onChange=${set('rollup')}>${ROLLUPS.map((k) => html`<option value=${k}>${t('ru_' + k)}</option>`)}</select>`}<//>
    </div>`}
    ${err && !['code', 'kind', 'field', 'text', 'unit', 'baseline', 'baseline_year', 'target', 'direction', 'rollup'].includes(err.field) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>${t('save')}</button>
      <button type="button" onClick=${onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

function CoverBadge({ c, waived }) {
  if (!c || !c.counted) return '';
  if (waived) return html`<span class="badge st-draft">${t('cv_waived')}</span>`;
  if (!c.covered) return html`<span class="badge st-missing">${t('cv_not_covered')}</span>`;
  return html`<span class="badge cover-n" title=${t('cv_tasks')}>${t('pg_tasks_count', { n: (c.task_ids || []).length })}</span>`;
}

function ItemRow({ item, cov, waived, depth, editable, editing, setEditing, resolutionId, onChanged, highlight }) {
  const isInd = item.kind === 'indicator';
  if (editing === 'edit:' + item.id)
    return html`<li class=${'item depth-' + Math.min(depth, 4)}><${ItemForm} resolutionId=${resolutionId} item=${item} onDone=${() => (setEditing(null), onChanged())} onCancel=${() => setEditing(null)} /></li>`;
  return html`<li class=${'item depth-' + Math.min(depth, 4) + ' ik-' + item.kind + (highlight ? ' highlight' : '')} id=${'item-' + item.id}>
    <div class="item-main">
      <span class="item-code">${item.code}</span>
      <span class=${'badge ik ik-' + item.kind}>${t('ik_' + item.kind)}</span>
      <span class="item-text">${item.text} <${CoverBadge} c=${cov} waived=${waived} /></span>
      ${editable && html`<span class="item-actions">
        <button type="button" class="small" onClick=${() => setEditing('edit:' + item.id)} aria-label=${t('edit') + ' ' + (item.code || '')}>${t('edit')}</button>
        <button type="button" class="small" onClick=${() => setEditing('child:' + item.id)} aria-label=${t('res_add_child') + ' ' + (item.code || '')}>+ ${t('res_add_child')}</button>
        <button type="button" class="small danger" aria-label=${t('delete') + ' ' + (item.code || '')} onClick=${async () => {
          if (!confirm(t('confirm_delete'))) return;
          try {
            await del('/items/' + item.id);
            onChanged();
          } catch (e) {
            toast(errorText(e), 'error');
          }
        }}>${t('delete')}</button>
      </span>`}
    </div>
    ${(isInd || item.field || item.waiver_reason) && html`<div class="item-meta">
      ${item.field && html`<span>${t('item_field')}: ${item.field}</span>`}
      ${isInd && html`<span>${t('item_baseline')}: ${num(item.baseline, 2)}${item.baseline_year ? ` (${item.baseline_year})` : ''}</span>
        <span>${t('item_target')}: <strong>${num(item.target, 2)}</strong> ${item.unit || ''}</span>
        ${item.direction && html`<span>${t('dir_' + item.direction)}</span>`}
        ${item.rollup && html`<span>${t('item_rollup')}: ${t('ru_' + item.rollup)}</span>`}`}
      ${item.waiver_reason && html`<span class="waived">${t('item_waived', { reason: item.waiver_reason })}</span>`}
    </div>`}
    ${editing === 'child:' + item.id && html`<${ItemForm} resolutionId=${resolutionId} parentId=${item.id} onDone=${() => (setEditing(null), onChanged())} onCancel=${() => setEditing(null)} />`}
  </li>`;
}

export function ResolutionView({ orgId, org, year, user, route }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    const items = ctx.resolution ? await resolutionItems(ctx.resolution.id) : [];
    const cov = ctx.resolution ? await get(`/resolutions/${ctx.resolution.id}/coverage`).catch(() => null) : null;
    return { ctx, items, cov: cov ? new Map(cov.items.map((i) => [i.id, i])) : new Map(), waived: new Set((cov && cov.waived) || []) };
  }, [orgId, year]);
  const [editing, setEditing] = useState(null);
  const focusItem = +(route.q.get('item') || 0);
  useEffect(() => {
    if (focusItem && st.data) {
      const el = document.getElementById('item-' + focusItem);
      if (el) el.scrollIntoView({ block: 'center' });
    }
  }, [focusItem, !!st.data]);
  const editable = canEdit(user);

  return html`<${Async} state=${st}>${({ ctx, items, cov, waived }) => {
    const { term, resolution, holder } = ctx;
    const c = term && term.congress;
    if (!resolution) return html`<p class="notice">${t('ov_no_resolution')}</p>`;
    const tree = itemTree(items);
    return html`<div class="resolution">
      ${!ctx.own && html`<p class="notice">${t('res_parent_note', { org: holder.name })}</p>`}
      <section class="congress" aria-labelledby="congress-h">
        <h2 id="congress-h">${c && c.ordinal ? t('res_congress_of', { org: holder.name, roman: c.ordinal_roman || '', from: term.starts_year, to: term.ends_year }) : t('term_label', { from: term.starts_year, to: term.ends_year })}</h2>
        ${c ? html`<p class="congress-meta">${c.held_from ? t('res_held', { dates: dateRange(c.held_from, c.held_to) }) : ''} ${c.status ? html`<span class=${'badge st-' + c.status}>${t('st_' + c.status)}</span>` : ''} ${c.pilot ? html`<span class="badge pilot">${t('res_pilot')}</span>` : ''}</p>` : html`<p class="muted">${t('res_no_congress')}</p>`}
      </section>
      <section class="panel" aria-labelledby="res-h">
        <h2 id="res-h">${resolution.title}</h2>
        <p class="muted">${resolution.symbol ? html`${t('res_symbol')}: <strong>${resolution.symbol}</strong> · ` : ''}${t('res_issued')}: ${date(resolution.issued_on)}${resolution.days_after_congress != null ? html` <span class="days-after" data-days=${resolution.days_after_congress}>(${resolution.days_after_congress === 0 ? t('res_days_after_0') : t('res_days_after', { n: num(resolution.days_after_congress, 0) })})</span>` : ''} · ${t('res_items_count', { n: items.length })}</p>
        <ul class="items" aria-label=${t('res_items')}>
          ${tree.map(({ item, depth }) => html`<${ItemRow} key=${item.id} item=${item} cov=${cov.get(item.id)} waived=${waived.has(item.id)} depth=${depth} editable=${editable} editing=${editing} setEditing=${setEditing} resolutionId=${resolution.id} onChanged=${st.reload} highlight=${item.id === focusItem} />`)}
        </ul>
        ${editable && (editing === 'new'
          ? html`<div class="new-item"><h3>${t('res_new_item')}</h3><${ItemForm} resolutionId=${resolution.id} onDone=${() => (setEditing(null), st.reload())} onCancel=${() => setEditing(null)} /></div>`
          : html`<button type="button" class="primary" onClick=${() => setEditing('new')}>+ ${t('res_add_item')}</button>`)}
      </section>
    </div>`;
  }}<//>`;
}
