import type { Migration } from './migration.js';

export const v10TopUpPhone: Migration = {
  version: 10,
  name: 'orders.top_up_phone: a phone top-up bought on the site (R-MOB-10)',
  sql: `
    -- R-MOB-10: the phone whose balance gets what this order is paid; NULL for an order of goods
    ALTER TABLE orders ADD COLUMN top_up_phone TEXT;
  `,
};
