/**
 * The SQLite schema's migrations in order, one file each (`vNN-….ts`). Append-only: never edit one
 * that has shipped, add the next number instead.
 */
import type { Migration } from './migration.js';
import { v01Orders } from './v01-orders.js';
import { v02SessionOwners } from './v02-session-owners.js';
import { v03OwnerStartTime } from './v03-owner-start-time.js';
import { v04OrderLife } from './v04-order-life.js';
import { v05Desks } from './v05-desks.js';
import { v06MobilePayments } from './v06-mobile-payments.js';
import { v07Tills } from './v07-tills.js';
import { v08ProgramClock } from './v08-program-clock.js';
import { v09Encashments } from './v09-encashments.js';
import { v10TopUpPhone } from './v10-top-up-phone.js';
import { v11SentAway } from './v11-sent-away.js';
import { v12TrainingAttempts } from './v12-training-attempts.js';
import { v13HeldNotes } from './v13-held-notes.js';
import { v14TrainingPolicy } from './v14-training-policy.js';
import { v15TrainingDrill } from './v15-training-drill.js';
import { v16TrainingSeed } from './v16-training-seed.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  v01Orders,
  v02SessionOwners,
  v03OwnerStartTime,
  v04OrderLife,
  v05Desks,
  v06MobilePayments,
  v07Tills,
  v08ProgramClock,
  v09Encashments,
  v10TopUpPhone,
  v11SentAway,
  v12TrainingAttempts,
  v13HeldNotes,
  v14TrainingPolicy,
  v15TrainingDrill,
  v16TrainingSeed,
];
