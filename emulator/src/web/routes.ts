/**
 * NetSuite URLs (what N/url, N/redirect and ServerResponse.sendRedirect produce: record pages, task
 * links, Suitelets) mapped to the local web page's own paths, so that links and redirects made by the
 * product land on a page that exists here.
 */
import { RECORD_PATHS, SUITELET_PATH } from '../ui/url';

const TYPE_BY_PATH: Record<string, string> = Object.fromEntries(Object.entries(RECORD_PATHS).map(([type, path]) => [path, type]));

/** transactionlist.nl?Transaction_TYPE=… → record type. */
const TYPE_BY_CODE: Record<string, string> = {
  CustInvc: 'invoice',
  SalesOrd: 'salesorder',
  CustPymt: 'customerpayment',
  CustDep: 'customerdeposit',
  DepAppl: 'depositapplication',
  CustCred: 'creditmemo',
};

const LIST_PATHS: Record<string, string> = {
  '/app/common/entity/custjoblist.nl': '/records/customer',
  '/app/common/entity/employeelist.nl': '/records/employee',
  '/app/common/scripting/scriptlist.nl': '/scripts',
  '/app/center/card.nl': '/',
};

/**
 * The local path for a NetSuite URL or path; null when it is not a NetSuite page the local web page
 * knows (the caller then leaves the URL as it is).
 */
export function localFor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url, 'http://local.invalid');
  } catch {
    return null;
  }
  const external = u.host !== 'local.invalid';
  if (external && !/\.netsuite\.com$/i.test(u.hostname)) return null;
  const path = u.pathname;
  const q = u.searchParams;
  if (path === SUITELET_PATH) {
    const params = new URLSearchParams(q);
    params.delete('compid');
    return `${SUITELET_PATH}?${params.toString()}`;
  }
  const id = q.get('id');
  if (path === '/app/common/custom/custrecordentry.nl') {
    const type = q.get('rectype');
    if (!type) return null;
    return id ? `/records/${encodeURIComponent(type)}/${encodeURIComponent(id)}` : `/records/${encodeURIComponent(type)}`;
  }
  const type = TYPE_BY_PATH[path];
  if (type) {
    if (id) return `/records/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;
    return type === 'salesorder' ? '/records/salesorder/new' : `/records/${encodeURIComponent(type)}`;
  }
  if (path === '/app/accounting/transactions/transactionlist.nl') {
    const t = TYPE_BY_CODE[q.get('Transaction_TYPE') ?? ''];
    return t ? `/records/${t}` : '/records';
  }
  const list = LIST_PATHS[path];
  if (list) return list;
  if (external) return path + u.search;
  return null;
}

/** Where to send the browser for a redirect a script made: the local page, else the URL unchanged. */
export function localPathFor(url: string): string {
  return localFor(url) ?? url;
}
