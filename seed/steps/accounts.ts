import { ACCOUNTS } from '../data/index.ts';
import { ADMIN_EMAIL } from './admin-account.ts';
import type { SeedStep } from './context.ts';
import { upsertAccounts } from './upsert-accounts.ts';

/** Everyone but the admin, who is written in the last step (see admin-account.ts). */
const others = ACCOUNTS.filter((a) => a.email !== ADMIN_EMAIL);

/** The demo accounts; records their ids for the later steps. */
export const seedAccounts: SeedStep = async (sql, ctx) => {
  const { created, byEmail } = await upsertAccounts(sql, others, ctx.hash, ctx.now);
  ctx.accountsCreated += created;
  for (const [k, v] of byEmail) ctx.userIds.set(k, v);
};
