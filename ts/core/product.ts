/** Product identity, shown in logs, run records and pages. */
export const PRODUCT_NAME = 'AR Autopilot';
export const PRODUCT_VERSION = '0.1.0';
