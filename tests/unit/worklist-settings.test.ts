import { overrideRolesOf, settingsFromRaw } from '../../ts/adapters/worklist-settings';
import { DEFAULT_SCORE_WEIGHTS } from '../../ts/core/scoring';

test('worklist settings from the settings record text fields', () => {
  const s = settingsFromRaw({ worklistRoles: 'customrole_c, 1005', supervisorRoles: 'customrole_s', overrideRoles: '', weights: '1,1,2,3,8' });
  expect(s).toEqual({
    worklistRoles: ['customrole_c', '1005'],
    supervisorRoles: ['customrole_s'],
    overrideRoles: [],
    overrideRolesBySubsidiary: {},
    weights: { d1_30: 1, d31_60: 1, d61_90: 2, d91_120: 3, over120: 8 },
    problems: [],
  });
  const bad = settingsFromRaw({ worklistRoles: '', supervisorRoles: '', overrideRoles: '', weights: '5,1' });
  expect(bad.weights).toBe(DEFAULT_SCORE_WEIGHTS);
  expect(bad.problems[0]).toMatch(/^Score weights ignored/);
});

test('credit override roles per subsidiary: a subsidiary row naming roles overrides the default row', () => {
  const s = settingsFromRaw({ worklistRoles: '', supervisorRoles: '', overrideRoles: 'customrole_s', weights: '', subsidiaryOverrideRoles: { '2': 'customrole_c, 1005', '3': '  ' } });
  expect(s.overrideRolesBySubsidiary).toEqual({ '2': ['customrole_c', '1005'] });
  expect(overrideRolesOf(s, '2')).toEqual(['customrole_c', '1005']);
  expect(overrideRolesOf(s, '3')).toEqual(['customrole_s']); // a row without roles inherits
  expect(overrideRolesOf(s, '1')).toEqual(['customrole_s']);
  expect(overrideRolesOf(s, '')).toEqual(['customrole_s']);
  // a cached value from before subsidiary rows were read
  expect(settingsFromRaw({ worklistRoles: '', supervisorRoles: '', overrideRoles: 'customrole_s', weights: '' }).overrideRolesBySubsidiary).toEqual({});
});
