import { describe, expect, it } from 'vitest';
import { readListState } from '../../lib/listState';
import { agreementLedgerHref, LEDGER_FILTERS, ledgerHref } from './links';
import { activityLedgerParams, donationLedgerParams, quantityText } from './queries';

const state = (qs: string) => readListState(new URLSearchParams(qs), LEDGER_FILTERS);

describe('the ledgers across agreements', () => {
  it("turn the activities' URL into the API query", () => {
    expect(activityLedgerParams(state('kind=seminar&from=2026-09-01&to=2027-01-31&programme_id=3&school_id=8&sort=-participants'))).toEqual({
      limit: 20,
      offset: 0,
      sort: '-participants',
      kind: 'seminar',
      from: '2026-09-01',
      to: '2027-01-31',
      programme_id: 3,
      school_id: 8,
    });
    expect(activityLedgerParams(state('page=2&q=教研'))).toMatchObject({ offset: 20, q: '教研', kind: undefined, from: undefined });
  });

  it('turn the donations URL into the API query', () => {
    expect(donationLedgerParams(state('kind=books&from=2026-09-01&to=2027-08-31&sort=value_yuan'))).toMatchObject({
      sort: 'value_yuan',
      kind: 'books',
      from: '2026-09-01',
      to: '2027-08-31',
      programme_id: undefined,
      school_id: undefined,
    });
  });

  it('drop what the API would refuse', () => {
    // an activity kind is no donation kind, and the other way round; sorts are each list's own
    expect(donationLedgerParams(state('kind=seminar&sort=participants'))).toMatchObject({ kind: undefined, sort: undefined });
    expect(activityLedgerParams(state('kind=books&sort=value_yuan'))).toMatchObject({ kind: undefined, sort: undefined });
    expect(activityLedgerParams(state('from=2026-9-1&to=tomorrow&programme_id=x'))).toMatchObject({
      from: undefined,
      to: undefined,
      programme_id: undefined,
    });
  });

  it('link to a ledger with its filters, in a fixed order', () => {
    expect(ledgerHref('activities', { programme_id: 2, to: '2027-01-31', from: '2026-09-01', kind: 'lecture' })).toBe(
      '/activities?kind=lecture&from=2026-09-01&to=2027-01-31&programme_id=2',
    );
    expect(ledgerHref('donations', { school_id: 5 })).toBe('/donations?school_id=5');
    expect(ledgerHref('donations', {})).toBe('/donations');
  });

  it("open a row's agreement on its ledger tab", () => {
    expect(agreementLedgerHref('activities', 12)).toBe('/agreements/12?tab=activities');
    expect(agreementLedgerHref('donations', 4)).toBe('/agreements/4?tab=donations');
  });

  it("write a donation's quantity with its unit, nothing for funds", () => {
    expect(quantityText({ quantity: '120.00', unit: '册' })).toBe('120 册');
    expect(quantityText({ quantity: '2.50', unit: '吨' })).toBe('2.5 吨');
    expect(quantityText({ quantity: '3', unit: '' })).toBe('3');
    expect(quantityText({ quantity: '0.00', unit: '' })).toBe('');
  });
});
