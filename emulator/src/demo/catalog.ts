/**
 * Static data of the demo company: currencies, subsidiaries, terms, people, items and the word lists
 * customer names are made from. Everything here is fictional (`.example` e-mail domains, 555-01xx
 * and Ofcom drama phone ranges where one exists).
 */

export interface CurrencyDef {
  id: number;
  /** ISO code; NetSuite's `symbol` field is the ISO code too. */
  name: string;
  /** Rate to USD at the start of the demo year (the walk moves it a little). */
  rate: number;
  base: boolean;
  /** Multiplier from USD list prices to this currency's list prices. */
  priceFactor: number;
}

export const CURRENCIES: readonly CurrencyDef[] = [
  { id: 1, name: 'USD', rate: 1, base: true, priceFactor: 1 },
  { id: 2, name: 'GBP', rate: 1.27, base: false, priceFactor: 0.79 },
  { id: 3, name: 'EUR', rate: 1.08, base: false, priceFactor: 0.92 },
  { id: 4, name: 'CAD', rate: 0.73, base: false, priceFactor: 1.37 },
];

export type Region = 'US' | 'UK' | 'DE';

export interface SubsidiaryDef {
  id: number;
  name: string;
  /** Base currency id. */
  currency: number;
  country: string;
  parent: number | null;
  region: Region;
  /** Customer currencies offered in this subsidiary, weighted (first = base currency). */
  customerCurrencies: readonly (readonly [number, number])[];
  /** Invoice numbers: 'INV1001' (US) or 'INV-1001' (UK, DE). */
  invoicePrefix: string;
  /** Share of customers. */
  weight: number;
}

export const SUBSIDIARIES: readonly SubsidiaryDef[] = [
  { id: 1, name: 'Harbor Lane Industries Inc.', currency: 1, country: 'US', parent: null, region: 'US', customerCurrencies: [[1, 92], [4, 8]], invoicePrefix: 'INV', weight: 60 },
  { id: 2, name: 'Harbor Lane Industries Ltd', currency: 2, country: 'GB', parent: 1, region: 'UK', customerCurrencies: [[2, 88], [3, 12]], invoicePrefix: 'INV-', weight: 25 },
  { id: 3, name: 'Harbor Lane Industries GmbH', currency: 3, country: 'DE', parent: 1, region: 'DE', customerCurrencies: [[3, 100]], invoicePrefix: 'INV-', weight: 15 },
];

export interface TermDef {
  id: number;
  name: string;
  days: number;
  /** How often customers get these terms. */
  weight: number;
}

export const TERMS: readonly TermDef[] = [
  { id: 1, name: 'Net 15', days: 15, weight: 12 },
  { id: 2, name: 'Net 30', days: 30, weight: 55 },
  { id: 3, name: 'Net 45', days: 45, weight: 13 },
  { id: 4, name: 'Net 60', days: 60, weight: 12 },
  { id: 5, name: 'Due on receipt', days: 0, weight: 8 },
];

export const ROLE_ADMINISTRATOR = 3;
export const ROLE_COLLECTOR = 'customrole_ara_collector';
export const ROLE_SUPERVISOR = 'customrole_ara_supervisor';
export const ROLE_CONTROLLER = 'customrole_ara_controller';

export interface EmployeeDef {
  id: number;
  first: string;
  last: string;
  subsidiary: number;
  /** Role: standard role internal id or custom role script id; null = no login (sales reps). */
  role: number | string | null;
  supervisor: number | null;
  /** Sales rep of customers in these regions. */
  repFor?: Region;
  /** Collector of customers in these regions. */
  collectsFor?: readonly Region[];
}

export const EMPLOYEES: readonly EmployeeDef[] = [
  { id: 1, first: 'Alex', last: 'Morgan', subsidiary: 1, role: ROLE_ADMINISTRATOR, supervisor: null },
  { id: 2, first: 'Priya', last: 'Raman', subsidiary: 1, role: ROLE_SUPERVISOR, supervisor: null },
  { id: 3, first: 'Marcus', last: 'Webb', subsidiary: 1, role: ROLE_COLLECTOR, supervisor: 2, collectsFor: ['US'] },
  { id: 4, first: 'Tanya', last: 'Brooks', subsidiary: 1, role: ROLE_COLLECTOR, supervisor: 2, collectsFor: ['US'] },
  { id: 5, first: 'Fiona', last: 'Gallagher', subsidiary: 2, role: ROLE_COLLECTOR, supervisor: 2, collectsFor: ['UK', 'DE'] },
  { id: 6, first: 'Helen', last: 'Zhao', subsidiary: 1, role: ROLE_CONTROLLER, supervisor: null },
  { id: 7, first: 'Dana', last: 'Whitfield', subsidiary: 1, role: null, supervisor: null, repFor: 'US' },
  { id: 8, first: 'Carlos', last: 'Mendes', subsidiary: 1, role: null, supervisor: null, repFor: 'US' },
  { id: 9, first: 'Oliver', last: 'Hughes', subsidiary: 2, role: null, supervisor: null, repFor: 'UK' },
  { id: 10, first: 'Lena', last: 'Vogel', subsidiary: 3, role: null, supervisor: null, repFor: 'DE' },
];

export const EMPLOYEE_EMAIL_DOMAIN = 'harborlane.example';

export interface ItemDef {
  id: number;
  description: string;
  /** USD list price in cents. */
  price: number;
  /** Relative frequency on orders. */
  weight: number;
}

export const ITEMS: readonly ItemDef[] = [
  { id: 1, description: 'Pallet racking bay', price: 48000, weight: 8 },
  { id: 2, description: 'Conveyor belt module', price: 125000, weight: 5 },
  { id: 3, description: 'Industrial sensor kit', price: 24900, weight: 9 },
  { id: 4, description: 'Hydraulic pump assembly', price: 189000, weight: 4 },
  { id: 5, description: 'Safety barrier set', price: 31500, weight: 6 },
  { id: 6, description: 'LED high-bay light', price: 18900, weight: 8 },
  { id: 7, description: 'Forklift battery pack', price: 340000, weight: 3 },
  { id: 8, description: 'Control panel (PLC)', price: 215000, weight: 3 },
  { id: 9, description: 'Spare parts kit', price: 9500, weight: 9 },
  { id: 10, description: 'Stainless fasteners, box of 500', price: 4250, weight: 7 },
  { id: 11, description: 'Installation service (day)', price: 110000, weight: 5 },
  { id: 12, description: 'Preventive maintenance visit', price: 65000, weight: 6 },
  { id: 13, description: 'Annual support plan', price: 480000, weight: 3 },
  { id: 14, description: 'Operator training (seat)', price: 37500, weight: 4 },
  { id: 15, description: 'Freight and handling', price: 8500, weight: 7 },
  { id: 16, description: 'Engineering consulting (hour)', price: 16500, weight: 5 },
  { id: 17, description: 'Software licence (seat, annual)', price: 54000, weight: 4 },
  { id: 18, description: 'Calibration service', price: 22000, weight: 5 },
  { id: 19, description: 'Replacement filter pack', price: 6400, weight: 7 },
  { id: 20, description: 'Warehouse management add-on', price: 290000, weight: 2 },
];

export interface NameParts {
  surnames: readonly string[];
  places: readonly string[];
  industries: readonly string[];
  suffixes: readonly (readonly [string, number])[];
  family: readonly string[];
  apMailbox: readonly string[];
}

export const NAMES: Record<Region, NameParts> = {
  US: {
    surnames: ['Hawthorne', 'Whitaker', 'Delgado', 'Okafor', 'Lindqvist', 'Harper', 'Castellano', 'Brennan', 'Nakamura', 'Ellison', 'Prescott', 'Valdez', 'Kowalski', 'Thornton', 'Abernathy', 'Mercer', 'Pruitt', 'Sandoval', 'Holloway', 'Fairbanks', 'Merriweather', 'Calloway', 'Ashford', 'Redding', 'Vance', 'Tran', 'Patel', 'Nguyen', 'Rosenberg', 'Kim', 'Washington', 'Morales', 'Fitzgerald', 'Bishop', 'Stanton', 'Yamamoto', 'Iverson', 'Caldwell', 'Donovan', 'Reyes'],
    places: ['Blue Ridge', 'Great Lakes', 'Lone Star', 'Cascade', 'Summit', 'Pioneer', 'Keystone', 'Redwood', 'Prairie', 'Granite', 'Silver Creek', 'Ironwood', 'Bayou', 'Mesa', 'Northstar', 'Evergreen', 'Tidewater', 'Copper Canyon', 'Liberty', 'Badger State'],
    industries: ['Logistics', 'Fabrication', 'Manufacturing', 'Supply', 'Foods', 'Packaging', 'Machine Works', 'Electric', 'Builders', 'Distribution', 'Plastics', 'Automation', 'Health Systems', 'Labs', 'Brewing', 'Freight', 'Hardware', 'Textiles', 'Energy', 'Medical Devices'],
    suffixes: [['Inc.', 40], ['LLC', 30], ['Corp.', 12], ['Co.', 10], ['Holdings', 3], ['', 5]],
    family: ['& Sons', 'Brothers', '& Daughters'],
    apMailbox: ['ap', 'accountspayable', 'billing', 'invoices'],
  },
  UK: {
    surnames: ['Ashworth', 'Pemberton', 'Fairclough', 'Haworth', 'Thistlewood', 'Blackwood', 'Cartwright', 'Featherstone', 'Holroyd', 'Llewellyn', 'MacAllister', 'Pryce', 'Whitcombe', 'Sinclair', 'Kavanagh', 'Okonkwo', 'Chaudhry', 'Singh', 'Evans', 'Bradshaw', 'Cooke', 'Dunmore', 'Gresham', 'Hargreaves'],
    places: ['Thames Valley', 'Pennine', 'Cotswold', 'Mersey', 'Tyneside', 'Severn', 'Highland', 'Solent', 'Chiltern', 'Wessex', 'Fenland', 'Clyde', 'Kentish', 'Yorkshire', 'Cambrian'],
    industries: ['Engineering', 'Haulage', 'Components', 'Foods', 'Packaging', 'Building Supplies', 'Precision', 'Instruments', 'Fabrications', 'Distribution', 'Brewery', 'Pharmaceuticals', 'Print', 'Joinery', 'Electrical'],
    suffixes: [['Ltd', 60], ['Limited', 20], ['PLC', 8], ['LLP', 7], ['', 5]],
    family: ['& Sons', 'Brothers', '& Co'],
    apMailbox: ['accounts', 'accounts.payable', 'purchase.ledger', 'finance'],
  },
  DE: {
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Köhler'],
    places: ['Rhein', 'Main', 'Elbtal', 'Isar', 'Schwarzwald', 'Ruhr', 'Nordsee', 'Allgäu', 'Bodensee', 'Harz', 'Spree', 'Mosel', 'Donau', 'Alster'],
    industries: ['Maschinenbau', 'Logistik', 'Metallbau', 'Antriebstechnik', 'Verpackung', 'Elektrotechnik', 'Kunststofftechnik', 'Feinmechanik', 'Lebensmittel', 'Handelsgesellschaft', 'Werkzeugbau', 'Anlagenbau', 'Medizintechnik', 'Spedition'],
    suffixes: [['GmbH', 60], ['AG', 10], ['GmbH & Co. KG', 20], ['KG', 7], ['e.K.', 3]],
    family: ['& Söhne', '& Partner', 'Gebrüder'],
    apMailbox: ['buchhaltung', 'rechnungen', 'kreditoren', 'finanzen'],
  },
};

/** Customers with fixed names (by index), to exercise escaping and non-ASCII text. */
export const SPECIAL_CUSTOMERS: readonly { index: number; name: string; subsidiary: number }[] = [
  { index: 9, name: "O'Brien & Sons <Ltd>", subsidiary: 2 },
  { index: 12, name: 'Müller & Söhne GmbH', subsidiary: 3 },
  { index: 15, name: '"Best" Widgets, Inc. (fka Best & Co.)', subsidiary: 1 },
];

export const ORDER_MEMOS: readonly string[] = [
  'Restock', 'Seasonal restock', 'Blanket order – release 2', 'Project Falcon, phase 1',
  'New site fit-out', 'Replacement parts', 'Annual renewal', 'Urgent – line down', 'Trade show order', 'Pilot rollout',
];

export const STANDALONE_MEMOS: readonly string[] = [
  'Monthly service fee', 'Support renewal', 'On-site visit', 'Consulting hours', 'Freight recharge', 'Training session',
];

export const CREDIT_MEMOS: readonly string[] = [
  'Returned goods – damaged on arrival', 'Pricing adjustment', 'Goodwill credit', 'Wrong item shipped', 'Volume rebate',
];

export const PAYMENT_MEMOS: readonly string[] = ['ACH', 'Wire', 'Check', 'Lockbox', 'Card', 'BACS', 'SEPA transfer'];

export const GENERIC_DEPOSIT_MEMOS: readonly string[] = [
  'Wire transfer', 'ACH credit', 'Lockbox deposit', 'Bank transfer – see remittance', 'Incoming payment', 'SEPA credit', '',
];
