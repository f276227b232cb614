/** N/config: company information and preferences, and the user's preferences. */
import type { ModuleFactory } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';

export const Type = {
  COMPANY_INFORMATION: 'companyinformation',
  COMPANY_PREFERENCES: 'companypreferences',
  USER_PREFERENCES: 'userpreferences',
  ACCOUNTING_PREFERENCES: 'accountingpreferences',
  FEATURES: 'companyfeatures',
} as const;

export const createConfigModule: ModuleFactory = (ctx) => ({
  Type,
  load(options: { type: string }) {
    const type = requireArg(options, 'type', 'config.load') as string;
    const c = ctx.account.state.company;
    let values: Record<string, unknown>;
    switch (type) {
      case Type.COMPANY_INFORMATION:
        values = { companyname: c.companyName, basecurrency: c.baseCurrency, timezone: c.timeZone, companyid: c.accountId };
        break;
      case Type.COMPANY_PREFERENCES:
        values = { DATEFORMAT: c.dateFormat, TIMEZONE: c.timeZone, NUMBERFORMAT: '1,000,000.00', NEGATIVE_NUMBER_FORMAT: 'BRACKETS' };
        break;
      case Type.USER_PREFERENCES:
        values = { DATEFORMAT: c.dateFormat, TIMEZONE: c.timeZone, NUMBERFORMAT: '1,000,000.00', ...ctx.user.preferences };
        break;
      case Type.ACCOUNTING_PREFERENCES:
        values = { CREDLIMHANDLING: 'ENFORCE', CREDLIMDAYS: 0, CREDITLIMITINCLUDESORDERS: true };
        break;
      case Type.FEATURES:
        values = { MULTICURRENCY: true, SUBSIDIARIES: true, CUSTOMRECORDS: true, SERVERSIDESCRIPTING: true };
        break;
      default:
        throw createError('SSS_INVALID_TYPE_ARG', `config.load: unknown configuration type ${type}`);
    }
    ctx.meter.charge(COST.configLoad, 'config.load');
    return {
      type,
      getValue: (o: { fieldId: string }) => values[String(requireArg(o, 'fieldId', 'ConfigRecord.getValue'))] ?? null,
      getText: (o: { fieldId: string }) => String(values[String(requireArg(o, 'fieldId', 'ConfigRecord.getText'))] ?? ''),
      setValue: (o: { fieldId: string; value: unknown }) => {
        values[String(requireArg(o, 'fieldId', 'ConfigRecord.setValue'))] = o.value;
      },
      getFields: () => Object.keys(values),
      save: () => {
        ctx.meter.charge(COST.configSave, 'config.save');
        if (type === Type.COMPANY_PREFERENCES && typeof values.DATEFORMAT === 'string') c.dateFormat = values.DATEFORMAT;
      },
    };
  },
});
