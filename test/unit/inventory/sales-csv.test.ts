// The daily sales CSV: any column order, extra columns, absent days as zero; every bad input a
// BAD_INPUT naming its line, never a crash or a silent change.
import { describe, expect, it } from 'vitest';
import { parseSalesCsv } from '../../../electron/core/inventory/sales-csv.ts';

const bad = (text: string, message: RegExp) => {
  try {
    parseSalesCsv(text);
  } catch (e) {
    expect((e as { code?: string }).code).toBe('BAD_INPUT');
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected BAD_INPUT');
};

describe('parseSalesCsv', () => {
  it('reads columns in any order with extra columns; days without a row are zero', () => {
    const s = parseSalesCsv('\uFEFFStore,QTY,Sku,Date\r\ns1,3,A,2024-01-01\r\ns1,2,"B,1",2024-01-03\r\n\r\ns1,5,A,2024-01-04\r\n');
    expect(s).toMatchObject({ start: '2024-01-01', end: '2024-01-04', days: 4, rows: 3 });
    expect([...s.series.get('A')!]).toEqual([3, 0, 0, 5]);
    expect([...s.series.get('B,1')!]).toEqual([0, 0, 2, 0]);
  });

  it('a SKU with one day of history is kept', () => {
    const s = parseSalesCsv('date,sku,qty\n2024-03-01,ONLY,7\n');
    expect([...s.series.get('ONLY')!]).toEqual([7]);
  });

  it('refuses bad input with the line', () => {
    bad('', /empty/);
    bad('date,sku,qty\n', /no rows/);
    bad('date,sku,units\n2024-01-01,A,1\n', /line 1: .*no column qty/);
    bad('date,sku,qty\n2024-01-01,A,1\n2024-02-30,A,1\n', /line 3: date "2024-02-30" is not a date/);
    bad('date,sku,qty\n01/02/2024,A,1\n', /line 2: date "01\/02\/2024"/);
    bad('date,sku,qty\n2024-01-01,A,-1\n', /line 2: qty -1 is negative/);
    bad('date,sku,qty\n2024-01-01,A,1.5\n', /line 2: qty 1.5 is not a whole number/);
    bad('date,sku,qty\n2024-01-01,A,lots\n', /line 2: qty "lots" is not a number/);
    bad('date,sku,qty\n2024-01-01,,1\n', /line 2: sku is empty/);
    bad('date,sku,qty\n2024-01-01,A\n', /line 2: expected at least 3 columns/);
    bad('date,sku,qty\n2024-01-01,A,1\n2024-01-02,A,1\n2024-01-01,A,2\n', /line 4: sku A on 2024-01-01 was already given on line 2/);
    bad('date,sku,qty\n2024-01-01,"A,1\n', /line 2: a quoted field is never closed/);
    bad('date,sku,qty\n2000-01-01,A,1\n2024-01-01,A,1\n', /spans \d+ days/);
  });
});
