import { ACCOUNTS } from '../data/index.ts';
import type { SeedStep } from './context.ts';
import { upsertAccounts } from './upsert-accounts.ts';

/** The admin's email: isSeeded() looks for this account. */
export const ADMIN_EMAIL = 'admin@demo.test';

const admin = ACCOUNTS.filter((a) => a.email === ADMIN_EMAIL);

/**
 * The admin account. Must be the seed's last step: isSeeded() looks for the admin, so it
 * exists only once all else is done. Its password is the one hashed by ctx.adminHash: in
 * production a generated one (the demo password is in the README, and an admin can do anything).
 */
export const seedAdminAccount: SeedStep = async (sql, ctx) => {
  const { created } = await upsertAccounts(sql, admin, ctx.adminHash, ctx.now);
  ctx.accountsCreated += created;
};
