import { settingsFromRaw } from '../../ts/adapters/worklist-settings';
import { DEFAULT_SCORE_WEIGHTS } from '../../ts/core/scoring';

test('worklist settings from the settings record text fields', () => {
  const s = settingsFromRaw({ worklistRoles: 'customrole_c, 1005', supervisorRoles: 'customrole_s', overrideRoles: '', weights: '1,1,2,3,8' });
  expect(s).toEqual({
    worklistRoles: ['customrole_c', '1005'],
    supervisorRoles: ['customrole_s'],
    overrideRoles: [],
    weights: { d1_30: 1, d31_60: 1, d61_90: 2, d91_120: 3, over120: 8 },
    problems: [],
  });
  const bad = settingsFromRaw({ worklistRoles: '', supervisorRoles: '', overrideRoles: '', weights: '5,1' });
  expect(bad.weights).toBe(DEFAULT_SCORE_WEIGHTS);
  expect(bad.problems[0]).toMatch(/^Score weights ignored/);
});
