/**
 * Converts parsed SDF objects (tools/sdf/objects.ts) into the records layer's customizations: custom
 * record types, entity and transaction body fields, custom lists.
 */
import type { SdfProject, SdfObject, CustomRecordType, EntityCustomField, TransactionBodyCustomField, CustomList } from '../../tools/sdf/objects';
import type { CustomizationSpec } from './records/schema';

/** Entity field flags → record types the emulator models. */
const ENTITY_APPLIES: Record<string, string[]> = {
  appliestocustomer: ['customer'],
  appliestoemployee: ['employee'],
};

/**
 * Transaction body field flags → record types. SDF flags are per transaction family; which records each
 * family covers is an assumption drawn from the NetSuite UI's "Applies To" subtab (Sale covers sales
 * orders, invoices and credit memos; Customer Payment covers payments and customer deposits).
 */
const BODY_APPLIES: Record<string, string[]> = {
  bodysale: ['salesorder', 'invoice', 'creditmemo'],
  bodycustomerpayment: ['customerpayment', 'customerdeposit'],
  bodydepositapplication: ['depositapplication'],
};

export function customizationsFrom(project: SdfProject | { objects: SdfObject[] }): CustomizationSpec {
  const spec: CustomizationSpec = { customRecordTypes: [], entityFields: [], bodyFields: [], customLists: [] };
  for (const o of project.objects) {
    switch (o.type) {
      case 'customrecordtype': {
        const r = o as CustomRecordType;
        spec.customRecordTypes.push({
          scriptid: r.scriptid,
          name: r.recordname ?? r.scriptid,
          fields: r.fields.map((f) => ({
            scriptid: f.scriptid,
            fieldtype: f.fieldtype,
            label: f.label,
            mandatory: f.ismandatory,
            ...(f.selectrecordtype ? { selectrecordtype: f.selectrecordtype } : {}),
            // "Record is Parent": kept by the SDF parser in props (raw 'T'/'F').
            ...(String(f.props?.isparent ?? '').trim().toUpperCase() === 'T' ? { isparent: true } : {}),
          })),
        });
        break;
      }
      case 'entitycustomfield': {
        const f = o as EntityCustomField;
        spec.entityFields.push({
          scriptid: f.scriptid,
          fieldtype: f.fieldtype,
          label: f.label,
          appliesTo: f.appliesTo.flatMap((a) => ENTITY_APPLIES[a] ?? []),
          ...(f.selectrecordtype ? { selectrecordtype: f.selectrecordtype } : {}),
        });
        break;
      }
      case 'transactionbodycustomfield': {
        const f = o as TransactionBodyCustomField;
        spec.bodyFields.push({
          scriptid: f.scriptid,
          fieldtype: f.fieldtype,
          label: f.label,
          appliesTo: [...new Set(f.appliesTo.flatMap((a) => BODY_APPLIES[a] ?? []))],
          ...(f.selectrecordtype ? { selectrecordtype: f.selectrecordtype } : {}),
        });
        break;
      }
      case 'customlist': {
        const l = o as CustomList;
        spec.customLists.push({ scriptid: l.scriptid, values: l.values.map((v) => ({ scriptid: v.scriptid, value: v.value })) });
        break;
      }
      default:
        break;
    }
  }
  return spec;
}

/** Ids of the custom fields a fixture may use (entity and body fields). */
export function declaredFieldIds(spec: CustomizationSpec): string[] {
  return [...spec.entityFields.map((f) => f.scriptid), ...spec.bodyFields.map((f) => f.scriptid)];
}
