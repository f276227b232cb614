/** Transaction statuses: search code letters, record text and statusRef values (FIDELITY.md). */

/** letter → [text, statusRef] per transaction type. */
export const STATUSES: Record<string, Record<string, [string, string]>> = {
  invoice: { A: ['Open', 'open'], B: ['Paid In Full', 'paidInFull'] },
  creditmemo: { A: ['Open', 'open'], B: ['Fully Applied', 'fullyApplied'] },
  customerdeposit: {
    A: ['Not Deposited', 'notDeposited'],
    B: ['Deposited', 'deposited'],
    C: ['Fully Applied', 'fullyApplied'],
    D: ['Unapproved Payment', 'unapprovedPayment'],
  },
  customerpayment: { B: ['Not Deposited', 'notDeposited'], C: ['Deposited', 'deposited'] },
  salesorder: {
    A: ['Pending Approval', 'pendingApproval'],
    B: ['Pending Fulfillment', 'pendingFulfillment'],
    C: ['Cancelled', 'cancelled'],
    D: ['Partially Fulfilled', 'partiallyFulfilled'],
    E: ['Pending Billing/Partially Fulfilled', 'pendingBillingPartFulfilled'],
    F: ['Pending Billing', 'pendingBilling'],
    G: ['Billed', 'fullyBilled'],
    H: ['Closed', 'closed'],
  },
};

