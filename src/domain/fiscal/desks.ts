/**
 * The two desks where a person takes the cash (R-CASH-1, R-CASH-3): a shop's cashier and the
 * payments window of Russian Post. They differ only in this data: the seller on the receipt, the
 * register, the colour on screen, the words (i18n keys `desk.<place>.…`, `till.<place>.…`). All numbers here are simulated.
 */
export type DeskPlace = 'cashier' | 'post';
export const DESK_PLACES: readonly DeskPlace[] = ['cashier', 'post'];

/** Who acts for whom: the desk is a payment agent taking money for AliExpress (tags 1057, 1044, 1073, 1074, 1225, 1226). */
export interface AgentFields {
  /** 1073: the payment agent's phone */
  agentPhone: string;
  /** 1074: the payment operator's phone */
  operatorPhone: string;
  /** 1225: the supplier's name */
  supplierName: string;
  /** 1226: the supplier's INN */
  supplierInn: string;
}

export interface DeskData {
  place: DeskPlace;
  /** the register's id in receipt numbers and counters: one counter per register */
  registerId: string;
  /** RN KKT: the register's registration number at the tax service (16 digits) */
  registerNumber: string;
  /** FN: the fiscal drive's number (16 digits) */
  fiscalDrive: string;
  sellerName: string;
  sellerInn: string;
  address: string;
  /** the Post's operator window; the shop has one till */
  window: number | null;
  /** i18n key of the taxation system: ОСН */
  taxation: string;
  agent: AgentFields;
  /** the desk's colour on screen (its border and title), in both roles */
  color: 'green' | 'blue';
}

/** Simulated but well-formed: 10-digit INNs, 16-digit register and drive numbers. */
const SUPPLIER = { supplierName: 'ООО «АлиЭкспресс Россия»', supplierInn: '9704099999' };

export const DESKS: Readonly<Record<DeskPlace, DeskData>> = {
  cashier: {
    place: 'cashier',
    registerId: 'K-1',
    registerNumber: '0000000001012345',
    fiscalDrive: '9999078900012345',
    sellerName: 'ООО «Салон связи»',
    sellerInn: '7701000001',
    address: 'г. Москва, ул. Тверская, д. 1',
    window: null,
    taxation: 'desk.taxation.general',
    agent: { agentPhone: '+74950000001', operatorPhone: '+74950000002', ...SUPPLIER },
    color: 'green',
  },
  post: {
    place: 'post',
    registerId: 'P-101000',
    registerNumber: '0000000002054321',
    fiscalDrive: '9999078900054321',
    sellerName: 'АО «Почта России», ОПС 101000',
    sellerInn: '7724490000',
    address: 'г. Москва, ул. Мясницкая, д. 26',
    window: 3,
    taxation: 'desk.taxation.general',
    agent: { agentPhone: '+78002005888', operatorPhone: '+74950000002', ...SUPPLIER },
    color: 'blue',
  },
};

/** The desk whose register numbered this receipt (`K-1-000001` → the cashier), or null for a terminal's. */
export function deskOfReceipt(number: string): DeskPlace | null {
  return DESK_PLACES.find((place) => number.startsWith(`${DESKS[place].registerId}-`)) ?? null;
}

export const isDeskPlace = (name: string): name is DeskPlace => (DESK_PLACES as readonly string[]).includes(name);
