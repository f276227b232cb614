import { UsageMeter, recordCost, LIMITS } from '../../src/runtime/governance';

describe('governance', () => {
  it('charges record operations by record category', () => {
    expect(recordCost('transform', 'transaction') + recordCost('save', 'transaction')).toBe(30);
    expect(recordCost('load', 'custom')).toBe(2);
    expect(recordCost('save', 'custom')).toBe(4);
    expect(recordCost('load', 'other')).toBe(5);
    expect(recordCost('save', 'other')).toBe(10);
  });

  it('counts usage exactly and refuses the call that would pass the limit', () => {
    const m = new UsageMeter(LIMITS.map);
    for (let i = 0; i < 33; i++) m.charge(30, 'deposit');
    expect(m.used).toBe(990);
    expect(m.remaining()).toBe(10);
    m.charge(10, 'record.load');
    expect(m.remaining()).toBe(0);
    let err: unknown;
    try {
      m.charge(1, 'search.lookupFields');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    expect(m.used).toBe(1000);
    expect(m.breakdown.get('deposit')).toEqual({ calls: 33, units: 990 });
  });

  it('has NetSuite limits per script type and map/reduce stage', () => {
    expect(LIMITS).toMatchObject({ scheduled: 10000, usereventscript: 1000, suitelet: 1000, portlet: 1000, getInputData: 10000, map: 1000, reduce: 5000, summarize: 10000 });
  });
});
