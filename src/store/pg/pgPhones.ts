/** Phone accounts (balance, ledger, inbox) and settings in the registry, inside the caller's transaction. */
import { ZERO } from '../../domain/money.js';
import { DEFAULT_PHONE_SETTINGS, type PhoneSettings } from '../../domain/mobile/mobilePayment.js';
import type { OperatorId } from '../../domain/rules.js';
import type { LedgerEntry, PhoneAccount } from '../../domain/store.js';
import * as rows from '../rows.js';
import { phoneMessages, type Sql } from './pgRows.js';

/** an SMS (a code) may reach a number that has no account yet: it reads as empty */
export async function phoneAccount(sql: Sql, phone: string): Promise<PhoneAccount> {
  const account = (await sql.query<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = $1', [phone])).rows[0];
  const ledger = (await sql.query<LedgerEntry>('SELECT at, amount, reason FROM ledger WHERE phone = $1 ORDER BY id', [phone])).rows;
  const sms = await phoneMessages(sql, 'phone', phone);
  return { phone, operator: account?.operator ?? null, balance: account?.balance ?? ZERO, ledger, sms };
}

export async function setPhoneAccount(sql: Sql, phone: string, operator: OperatorId | null, balance: string): Promise<void> {
  rows.assertMoney(balance);
  await sql.query(
    `INSERT INTO phone_accounts (phone, operator, balance) VALUES ($1, $2, $3)
     ON CONFLICT (phone) DO UPDATE SET operator = EXCLUDED.operator, balance = EXCLUDED.balance`,
    [phone, operator, balance],
  );
}

export async function phoneSettings(sql: Sql, phone: string): Promise<PhoneSettings> {
  const row = (await sql.query<{ tariff: PhoneSettings['tariff']; new_subscriber: number; outage: number }>(
    'SELECT tariff, new_subscriber, outage FROM phone_settings WHERE phone = $1', [phone])).rows[0];
  return row ? { tariff: row.tariff, newSubscriber: row.new_subscriber === 1, outage: row.outage === 1 } : { ...DEFAULT_PHONE_SETTINGS };
}

export async function setPhoneSettings(sql: Sql, phone: string, settings: PhoneSettings): Promise<void> {
  await sql.query(
    `INSERT INTO phone_settings (phone, tariff, new_subscriber, outage) VALUES ($1, $2, $3, $4)
     ON CONFLICT (phone) DO UPDATE SET tariff = EXCLUDED.tariff, new_subscriber = EXCLUDED.new_subscriber, outage = EXCLUDED.outage`,
    [phone, settings.tariff, settings.newSubscriber ? 1 : 0, settings.outage ? 1 : 0],
  );
}
