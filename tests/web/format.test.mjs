// The formatters of the message catalogue, without a browser: periods, dates, numbers, Roman
// numerals, and the reader of what people type in the "Thời gian thực hiện" column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { period, periodEnd, parseTimeFrame, date, num, pct, roman, fold, t, has } from '../../web/src/i18n.js';

test('periods print in Vietnamese', () => {
  assert.equal(period('2021-Q2'), 'Quý II/2021');
  assert.equal(period('2021'), 'năm 2021');
  assert.equal(period('2021', null, { cap: true }), 'Năm 2021');
  assert.equal(period('2021-H1'), '6 tháng đầu năm 2021');
  assert.equal(period('2021-H2'), '6 tháng cuối năm 2021');
  assert.equal(period('2021-06'), 'tháng 6/2021');
  assert.equal(period('term', { starts_year: 2020, ends_year: 2025 }), 'cả nhiệm kỳ 2020–2025');
  assert.equal(periodEnd('2021-Q2'), '2021-06-30');
  assert.equal(periodEnd('2024-02'), '2024-02-29');
});

test('dates, numbers and ordinals', () => {
  assert.equal(date('2020-07-14'), '14/07/2020');
  assert.equal(num(1234.5), '1.234,5');
  assert.equal(pct(0.931), '93,1 %');
  assert.equal(roman(24), 'XXIV');
  assert.equal(roman(15), 'XV');
  assert.equal(fold('Móng Cái Đầm Hà'), 'mong cai dam ha');
});

test('time frames typed or pasted are understood', () => {
  const cases = {
    'Quý II/2021': { period: '2021-Q2' },
    'quý 3 năm 2022': { period: '2022-Q3' },
    'Q4/2021': { period: '2021-Q4' },
    '2021-Q1': { period: '2021-Q1' },
    'Năm 2023': { period: '2023' },
    '2023': { period: '2023' },
    '6 tháng đầu năm 2022': { period: '2022-H1' },
    'tháng 6/2021': { period: '2021-06' },
    '06/2021': { period: '2021-06' },
    '30/06/2021': { due_on: '2021-06-30' },
    'Cả nhiệm kỳ': { period: 'term' },
    'Hằng năm': { period: 'term' },
    '': {},
  };
  for (const [text, want] of Object.entries(cases)) assert.deepEqual(parseTimeFrame(text), want, text);
  assert.equal(parseTimeFrame('sớm nhất có thể'), null);
});

test('the catalogue has every view and status in both languages', () => {
  for (const k of ['v_overview', 'v_program', 'v_coverage', 'v_cascade', 'v_inbox', 'st_done', 'st_overdue']) assert.ok(has(k), k);
  assert.equal(t('ov_congress_held', { n: 13, m: 13, what: 'đảng bộ' }), '13/13 đảng bộ đã hoàn thành đại hội');
});
