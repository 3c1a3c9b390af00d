// The full-term work program as a calendar: years down, quarters across, each cell the BCH and
// BTV meetings planned or held then, with their topics and agenda.
import { useState } from 'preact/hooks';
import { t, date, period, parseTimeFrame, roman } from '../i18n.js';
import { post, listAll } from '../api.js';
import { html, useAsync, Async, Field, useId, errorText, toast } from '../ui.js';
import { context } from './common.js';
import { canEdit } from './resolution.js';

function quarterOf(code) {
  let m;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return [+m[1], +m[2]];
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) return [+m[1], Math.ceil(+m[2] / 3)];
  if ((m = /^(\d{4})-H([12])$/.exec(code))) return [+m[1], m[2] === '1' ? 2 : 4];
  if ((m = /^(\d{4})$/.exec(code))) return [+m[1], 0];
  return [null, null];
}

function AddMeeting({ orgId, programId, onDone }) {
  const [f, setF] = useState({ body: 'bch', when: '', topic: '' });
  const [err, setErr] = useState(null);
  const id = useId('mt');
  const submit = async (e) => {
    e.preventDefault();
    setErr(null);
    const tf = parseTimeFrame(f.when);
    if (!tf || !tf.period) return setErr({ field: 'planned_period', message: t('pg_paste_unknown_period', { text: f.when }) });
    try {
      await post('/meetings', { org_id: orgId, body: f.body, planned_period: tf.period, topic: f.topic.trim() || null, program_id: programId || undefined });
      toast(t('saved'));
      setF({ body: f.body, when: '', topic: '' });
      onDone();
    } catch (x) {
      setErr(x);
    }
  };
  const fe = (k) => (err && err.field === k ? errorText(err) : '');
  return html`<form class="inline-form panel" onSubmit=${submit}>
    <h3>${t('mt_add')}</h3>
    <div class="row">
      <${Field} id=${id + 'b'} label=${t('mt_body')} error=${fe('body')}>${(a) => html`<select ...${a} value=${f.body} onChange=${(e) => setF({ ...f, body: e.target.value })}><option value="bch">${t('mt_bch')}</option><option value="btv">${t('mt_btv')}</option></select>`}<//>
      <${Field} id=${id + 'p'} label=${t('mt_period')} error=${fe('planned_period')} hint="Quý III/2021">${(a) => html`<input ...${a} value=${f.when} onInput=${(e) => setF({ ...f, when: e.target.value })} required />`}<//>
      <${Field} id=${id + 't'} label=${t('mt_topic')} error=${fe('topic')} class="grow">${(a) => html`<input ...${a} value=${f.topic} onInput=${(e) => setF({ ...f, topic: e.target.value })} />`}<//>
      <div class="field"><span class="label-space"></span><button type="submit" class="primary">${t('add')}</button></div>
    </div>
    ${err && !['body', 'planned_period', 'topic'].includes(err.field) && html`<p class="field-error" role="alert">${errorText(err)}</p>`}
  </form>`;
}

export function MeetingsView({ orgId, year, user }) {
  const st = useAsync(async () => {
    const ctx = await context(orgId, year);
    const [meetings, progs] = await Promise.all([listAll('/meetings', { org_id: orgId }), listAll('/programs', { org_id: orgId, kind: 'work_program' })]);
    return { ctx, meetings, program: progs.find((p) => !ctx.resolution || p.resolution_id === ctx.resolution.id) || progs[0] || null };
  }, [orgId, year]);
  return html`<${Async} state=${st}>${({ ctx, meetings, program }) => {
    const term = ctx.term;
    const years = [];
    if (term) for (let y = term.starts_year; y <= term.ends_year; y++) years.push(y);
    const inTerm = meetings.filter((m) => {
      const [y] = quarterOf(m.planned_period);
      return !term || (y != null && y >= term.starts_year && y <= term.ends_year);
    });
    const cell = new Map();
    let anyYear = false;
    for (const m of inTerm) {
      const [y, q] = quarterOf(m.planned_period);
      if (q === 0) anyYear = true;
      const k = y + ':' + q;
      if (!cell.has(k)) cell.set(k, []);
      cell.get(k).push(m);
    }
    for (const list of cell.values()) list.sort((a, b) => (a.held_on || a.planned_period).localeCompare(b.held_on || b.planned_period) || a.id - b.id);
    const qs = anyYear ? [1, 2, 3, 4, 0] : [1, 2, 3, 4];
    return html`<div class="meetings">
      <h2>${program ? program.title : t('mt_title')}</h2>
      <p class="muted">${t('mt_count', { n: inTerm.length })}</p>
      ${inTerm.length === 0 && html`<p class="muted">${t('mt_none')}</p>`}
      ${years.length > 0 && html`<div class="table-scroll"><table class="grid calendar">
        <thead><tr><th scope="col">${t('mt_year')}</th>${qs.map((q) => html`<th scope="col">${q ? t('mt_quarter', { q: roman(q) }) : t('mt_whole_year')}</th>`)}</tr></thead>
        <tbody>${years.map((y) => html`<tr>
          <th scope="row">${y}</th>
          ${qs.map((q) => html`<td>${(cell.get(y + ':' + q) || []).map((m) => html`<div class=${'meeting body-' + m.body + (m.held_on ? ' held' : ' planned')}>
            <div class="meeting-head"><span class=${'badge body-' + m.body}>${m.body === 'bch' ? t('mt_bch') : t('mt_btv')}</span>
              ${m.ordinal ? html` <span>${t('mt_ordinal', { n: m.ordinal })}</span>` : ''}
              <small class="muted"> · ${m.held_on ? t('mt_held_on', { date: date(m.held_on) }) : t('mt_planned')}</small></div>
            ${m.topic && html`<div class="meeting-topic">${m.topic}</div>`}
            ${m.agenda && m.agenda.length > 0 && html`<ul class="agenda">${m.agenda.map((a) => html`<li>${a.title}</li>`)}</ul>`}
          </div>`)}</td>`)}
        </tr>`)}</tbody>
      </table></div>`}
      ${canEdit(user) && html`<${AddMeeting} orgId=${orgId} programId=${program && program.id} onDone=${st.reload} />`}
    </div>`;
  }}<//>`;
}
