// Dissemination of the resolution (học tập, quán triệt): the sessions the org held, their
// expected and actual attendance, and the rate rolled up over the subtree.
import { useState } from 'preact/hooks';
import { t, num, pct, date, todayIso } from '../i18n.js';
import { get, post, listAll, qs, ensureOrgs } from '../api.js';
import { html, useAsync, Async, OrgName, Field, useId, errorText, toast } from '../ui.js';
import { context } from './common.js';
import { canEdit } from './resolution.js';

function AddSession({ orgId, resolutionId, onDone }) {
  const [f, setF] = useState({ held_on: todayIso(), title: '', expected: '', attended: '' });
  const [err, setErr] = useState(null);
  const id = useId('ds');
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setErr(null);
    try {
      await post('/disseminations', {
        org_id: orgId,
        resolution_id: resolutionId,
        held_on: f.held_on,
        title: f.title.trim() || null,
        expected: f.expected === '' ? null : Number(f.expected),
        attended: f.attended === '' ? null : Number(f.attended),
      });
      toast(t('saved'));
      setF({ held_on: f.held_on, title: '', expected: '', attended: '' });
      onDone();
    } catch (x) {
      setErr(x);
    }
  };
  const fe = (k) => (err && err.field === k ? errorText(err) : '');
  return html`<form class="inline-form panel" onSubmit=${submit}>
    <h3>${t('ds_add')}</h3>
    <div class="row">
      <${Field} id=${id + 'd'} label=${t('ds_date')} error=${fe('held_on')}>${(a) => html`<input ...${a} type="date" value=${f.held_on} onInput=${set('held_on')} required />`}<//>
      <${Field} id=${id + 't'} label=${t('ds_session')} error=${fe('title')} class="grow">${(a) => html`<input ...${a} value=${f.title} onInput=${set('title')} />`}<//>
      <${Field} id=${id + 'e'} label=${t('ds_expected')} error=${fe('expected')} class="w-s">${(a) => html`<input ...${a} type="number" min="0" value=${f.expected} onInput=${set('expected')} />`}<//>
      <${Field} id=${id + 'a'} label=${t('ds_attended')} error=${fe('attended')} class="w-s">${(a) => html`<input ...${a} type="number" min="0" value=${f.attended} onInput=${set('attended')} />`}<//>
      <div class="field"><span class="label-space"></span><button type="submit" class="primary">${t('add')}</button></div>
    </div>
    ${err && !['held_on', 'title', 'expected', 'attended'].includes(err.field) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
  </form>`;
}

export function DisseminationView({ orgId, year, user }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    const termYear = ctx.term ? ctx.term.starts_year : undefined;
    const [rows, rollup] = await Promise.all([
      listAll('/disseminations', { org_id: orgId }),
      get(`/orgs/${orgId}/rollup` + qs({ term_year: termYear })).catch(() => null),
    ]);
    const mine = ctx.resolution ? rows.filter((r) => !r.resolution_id || r.resolution_id === ctx.resolution.id || !ctx.own) : rows;
    mine.sort((a, b) => (a.held_on || '').localeCompare(b.held_on || '') || a.id - b.id);
    await ensureOrgs(mine.flatMap((r) => r.audience_org_ids || []));
    return { ctx, rows: mine, rollup };
  }, [orgId, year]);
  return html`<${Async} state=${st}>${({ ctx, rows, rollup }) => {
    const dis = rollup && rollup.dissemination;
    const exp = rows.reduce((s, r) => s + (r.expected || 0), 0);
    const att = rows.reduce((s, r) => s + (r.attended || 0), 0);
    return html`<div class="dissemination">
      <h2>${t('ds_title')}</h2>
      ${ctx.resolution && html`<p class="muted">${ctx.resolution.title}</p>`}
      ${dis && html`<div class="figures"><div class="figure"><div class="figure-value">${pct(dis.rate)}</div><div class="figure-label">${t('ds_rollup', { attended: num(dis.attended, 0), expected: num(dis.expected, 0), rate: pct(dis.rate) })}</div></div></div>`}
      ${rows.length === 0
        ? html`<p class="muted">${t('ds_none')}</p>`
        : html`<div class="table-scroll"><table class="grid">
            <thead><tr><th scope="col">${t('ds_date')}</th><th scope="col">${t('ds_session')}</th><th scope="col">${t('ds_audience')}</th><th scope="col" class="num">${t('ds_expected')}</th><th scope="col" class="num">${t('ds_attended')}</th><th scope="col" class="num">${t('ds_rate')}</th></tr></thead>
            <tbody>${rows.map((r) => html`<tr>
              <td class="nowrap">${date(r.held_on)}</td>
              <td>${r.title || ''}</td>
              <td>${(r.audience_org_ids || []).map((id, i) => html`${i ? '; ' : ''}<${OrgName} id=${id} />`)}</td>
              <td class="num">${num(r.expected, 0)}</td>
              <td class="num">${num(r.attended, 0)}</td>
              <td class="num">${r.expected ? pct(r.attended / r.expected) : t('none')}</td>
            </tr>`)}</tbody>
            <tfoot><tr><th scope="row" colspan="3">${t('ds_total')}</th><td class="num">${num(exp, 0)}</td><td class="num">${num(att, 0)}</td><td class="num">${exp ? pct(att / exp) : t('none')}</td></tr></tfoot>
          </table></div>`}
      ${canEdit(user) && ctx.resolution && html`<${AddSession} orgId=${orgId} resolutionId=${ctx.resolution.id} onDone=${st.reload} />`}
    </div>`;
  }}<//>`;
}
