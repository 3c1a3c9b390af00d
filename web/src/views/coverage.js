// The coverage matrix: the resolution's items down, the programs implementing it across; an item
// no task covers stays red until a task covers it or it is waived with a reason.
import { useState } from 'preact/hooks';
import { t, num, pct } from '../i18n.js';
import { get, post, del, listAll, qs, ensureOrgs, orgs } from '../api.js';
import { html, useAsync, Async, Link, errorText, toast, useId, orgLabel } from '../ui.js';
import { context, itemTree, resolutionItems, viewHref } from './common.js';
import { canEdit } from './resolution.js';

async function loadCoverage(orgId, year, focusId) {
  const ctx = await context(orgId, year);
  if (!ctx.resolution) return { ctx };
  const rid = ctx.resolution.id;
  const [items, progs, all] = await Promise.all([
    resolutionItems(rid),
    listAll('/programs', { resolution_id: rid }),
    get(`/resolutions/${rid}/coverage`),
  ]);
  const wanted = progs.filter((p) => p.kind === 'action_program' || p.kind === 'implementation_plan' || p.kind === 'emulation_movement');
  // The org's own programs first, then the others by org.
  wanted.sort((a, b) => (b.org_id === orgId) - (a.org_id === orgId) || (b.id === focusId) - (a.id === focusId) || a.org_id - b.org_id || a.id - b.id);
  const cols = wanted.slice(0, 16);
  await ensureOrgs(cols.map((p) => p.org_id));
  const per = await Promise.all(cols.map((p) => get(`/resolutions/${rid}/coverage` + qs({ program_id: p.id })).catch(() => null)));
  const main = cols.find((p) => p.id === focusId) || cols.find((p) => p.org_id === orgId) || cols[0] || null;
  const mainTasks = main ? await listAll(`/programs/${main.id}/tasks`).catch(() => []) : [];
  return { ctx, items, cols, per, all, main, mainTasks };
}

function WaiveForm({ item, onDone, onCancel }) {
  const [reason, setReason] = useState('');
  const [err, setErr] = useState(null);
  const id = useId('waive');
  const submit = async (e) => {
    e.preventDefault();
    try {
      await post(`/items/${item.id}/waiver`, { reason });
      toast(t('saved'));
      onDone();
    } catch (x) {
      setErr(x);
    }
  };
  return html`<form class="waive-form" onSubmit=${submit} onKeyDown=${(e) => e.key === 'Escape' && onCancel()}>
    <label for=${id}>${t('cv_waive_reason')}</label>
    <input id=${id} value=${reason} onInput=${(e) => setReason(e.target.value)} required autofocus aria-invalid=${err ? 'true' : undefined} aria-describedby=${err ? id + '-e' : undefined} />
    <button type="submit" class="small primary">${t('cv_waive')}</button>
    <button type="button" class="small" onClick=${onCancel}>${t('cancel')}</button>
    ${err && html`<small id=${id + '-e'} class="field-error" role="alert">${errorText(err)}</small>`}
  </form>`;
}

// The coverage of the chosen set of programs (program_ids=1,2,3), as one more column.
function useSetCoverage(d, sel) {
  const key = sel ? [...sel].sort((a, b) => a - b).join(',') : '';
  return useAsync(() => (d && d.ctx.resolution && key ? get(`/resolutions/${d.ctx.resolution.id}/coverage` + qs({ program_ids: key })) : Promise.resolve(null)), [d, key]);
}

export function CoverageView({ orgId, year, user, route }) {
  const focusId = +(route.q.get('p') || 0);
  const st = useAsync(() => loadCoverage(orgId, year, focusId), [orgId, year, focusId]);
  const [only, setOnly] = useState(false);
  const [waiving, setWaiving] = useState(null);
  const [chosen, setChosen] = useState(null); // Set of program ids, null: the org's own
  const cid = useId('only');
  const editable = canEdit(user);
  const d0 = st.data;
  // By default the set is the org's own programs (else every column).
  const sel = chosen || (d0 && d0.cols ? new Set((d0.cols.some((p) => p.org_id === orgId) ? d0.cols.filter((p) => p.org_id === orgId) : d0.cols).map((p) => p.id)) : null);
  const setSt = useSetCoverage(d0, sel);
  const unwaive = async (item) => {
    try {
      await del(`/items/${item.id}/waiver`);
      toast(t('cv_unwaived', { code: item.code || '#' + item.id }));
      st.reload();
    } catch (x) {
      toast(errorText(x), 'error');
    }
  };
  return html`<${Async} state=${st}>${(d) => {
    if (!d.ctx.resolution) return html`<p class="notice">${t('ov_no_resolution')}</p>`;
    const { all, cols, per, main, mainTasks } = d;
    const setCov = setSt.data;
    const setMap = setCov ? new Map(setCov.items.map((i) => [i.id, i])) : null;
    const toggleSel = (pid) => {
      const n = new Set(sel);
      n.has(pid) ? n.delete(pid) : n.add(pid);
      setChosen(n);
    };
    const cov = new Map(all.items.map((i) => [i.id, i]));
    const waived = new Set(all.waived || []);
    const counted = all.items.filter((i) => i.counted);
    const done = counted.filter((i) => i.covered || waived.has(i.id));
    const uncovered = new Set(all.uncovered || []);
    const perMaps = per.map((c) => (c ? new Map(c.items.map((i) => [i.id, i])) : new Map()));
    const mainIdx = main ? cols.indexOf(main) : -1;
    const taskCode = new Map(mainTasks.map((x) => [x.id, x.code || '#' + x.id]));
    let rows = itemTree(d.items);
    if (only) rows = rows.filter(({ item }) => uncovered.has(item.id));
    return html`<div class="coverage">
      <h2>${t('cv_title')}</h2>
      <p class="muted">${d.ctx.resolution.title}</p>
      <p class="cov-summary" data-ratio=${all.ratio}>
        <strong>${t('cv_summary', { covered: done.length, counted: counted.length, ratio: pct(all.ratio) })}</strong>
        ${uncovered.size > 0 && html` · <span class="late">${t('cv_uncovered', { n: uncovered.size })}</span>`}
      </p>
      ${sel && cols.length > 0 && html`<p class="cov-set muted" data-ratio=${setCov ? setCov.ratio : ''}>
        ${t('cv_set_summary', { k: sel.size })}: ${setCov ? html`<strong>${t('cv_set_ratio', { covered: setCov.covered, counted: setCov.counted, ratio: pct(setCov.ratio) })}</strong>${setCov.uncovered.length ? html` · <span class="late">${t('cv_uncovered', { n: setCov.uncovered.length })}</span>` : ''}` : sel.size ? t('loading') : t('none')}
        <small> — ${t('cv_set_hint')}</small>
      </p>`}
      ${uncovered.size > 0 && html`<p class="cov-jump">${t('cv_jump')}: ${d.items.filter((i) => uncovered.has(i.id)).map((i) => html`<a href=${'#cv-' + i.id} onClick=${(e) => (e.preventDefault(), document.getElementById('cv-' + i.id)?.scrollIntoView({ block: 'center' }))} title=${i.text}>${i.code || '#' + i.id}</a>`)}</p>`}
      <div class="field inline check"><input type="checkbox" id=${cid} checked=${only} onChange=${(e) => setOnly(e.target.checked)} /><label for=${cid}>${t('cv_only_uncovered')}</label></div>
      <div class="table-scroll matrix-scroll">
      <table class="grid matrix">
        <thead><tr>
          <th scope="col" class="m-item">${t('cv_item')}</th>
          <th scope="col" class="m-all">${t('cv_all')}</th>
          <th scope="col" class="m-all m-set">${t('cv_set_col', { k: sel ? sel.size : 0 })}</th>
          ${cols.map((p, i) => html`<th scope="col" class=${'m-prog' + (i === mainIdx ? ' main' : '')} title=${p.title}>
            <${Link} href=${viewHref(p.org_id, 'program', year, { p: p.id })}>${orgLabel(orgs.get(p.org_id))}<//>
            ${per[i] && html`<small class="muted">${pct(per[i].ratio, 0)}</small>`}
            <input type="checkbox" class="m-pick" checked=${!!(sel && sel.has(p.id))} onChange=${() => toggleSel(p.id)} aria-label=${t('cv_set_pick', { org: orgLabel(orgs.get(p.org_id)), title: p.title })} title=${t('cv_set_hint')} />
          </th>`)}
        </tr></thead>
        <tbody>${rows.map(({ item, depth }) => {
          const c = cov.get(item.id) || {};
          const isWaived = waived.has(item.id);
          const state = !c.counted ? 'parent' : isWaived ? 'waived' : c.covered ? 'covered' : 'uncovered';
          return html`<tr class=${'cv-' + state} id=${'cv-' + item.id}>
            <th scope="row" class=${'m-item depth-' + Math.min(depth, 4)}>
              <div class="cv-text" title=${item.text}><span class="item-code">${item.code}</span> ${item.text}</div>
              ${state === 'uncovered' && html`<div class="cv-note"><strong class="late">${t('cv_not_covered')}</strong>
                ${editable && waiving !== item.id && html` <button type="button" class="small" onClick=${() => setWaiving(item.id)} aria-label=${t('cv_waive') + ' ' + (item.code || '')}>${t('cv_waive')}</button>`}</div>`}
              ${waiving === item.id && html`<${WaiveForm} item=${item} onDone=${() => (setWaiving(null), st.reload())} onCancel=${() => setWaiving(null)} />`}
              ${state === 'waived' && html`<div class="cv-note waived">${t('item_waived', { reason: item.waiver_reason || '' })}
                ${editable && html` <button type="button" class="small" onClick=${() => unwaive(item)} aria-label=${t('cv_unwaive') + ' ' + (item.code || '')}>${t('cv_unwaive')}</button>`}</div>`}
              ${state === 'parent' && html`<div class="cv-note muted">${t('cv_covered_by_children')}</div>`}
            </th>
            <td class="m-all">${state === 'parent' ? '' : state === 'waived' ? t('cv_waived') : c.task_ids && c.task_ids.length ? html`<span class="yes">✓ ${num(c.task_ids.length, 0)}</span>` : html`<span class="no">✗</span>`}</td>
            <td class="m-all m-set">${(() => {
              if (state === 'parent' || !setMap) return '';
              if (state === 'waived') return t('cv_waived');
              const sc = setMap.get(item.id);
              return sc && sc.task_ids && sc.task_ids.length ? html`<span class="yes">✓ ${num(sc.task_ids.length, 0)}</span>` : html`<span class="no">✗</span>`;
            })()}</td>
            ${cols.map((p, i) => {
              const pc = perMaps[i].get(item.id);
              const n = pc && pc.task_ids ? pc.task_ids.length : 0;
              if (i === mainIdx && n) return html`<td class="m-prog main"><span class="yes" title=${pc.task_ids.map((id) => taskCode.get(id)).join(', ')}>${pc.task_ids.map((id) => taskCode.get(id) || '✓').join(', ')}</span></td>`;
              return html`<td class=${'m-prog' + (i === mainIdx ? ' main' : '')}>${n ? html`<span class="yes" title=${n}>✓</span>` : ''}</td>`;
            })}
          </tr>`;
        })}</tbody>
      </table>
      </div>
    </div>`;
  }}<//>`;
}
