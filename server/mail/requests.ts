import { z } from 'zod';
import { renderMail } from '../../edge/mail/templates/index.ts';
import type { MailContext } from '../../edge/mail/templates/layout.ts';
import type { HostDatabase } from '../db/types.ts';
import { isOrderTemplate, orderMail } from './order-mail.ts';
import type { Mail } from './port.ts';
import type { MailQueue } from './queue.ts';
import { type UnsubscribeCategory, unsubscribeLink } from './unsubscribe-token.ts';

/**
 * Mail the database asks for (private.mail_requests, written by the notification preferences
 * trigger and by private.collect_digests: supabase/migrations/20261129000200_notification_preferences.sql;
 * and by private.fulfil_order and private.refund_order for receipts and credit notes: order-mail.ts)
 * turned into queued deliveries. A pg-boss schedule drains the table every minute and collects
 * due digests every hour (the SQL decides whose digest is due: 24 h or 7 days since the last).
 */
export const REQUESTS = 'mail-requests';
export const DIGESTS = 'mail-digests';

const notificationVars = z.object({
  kind: z.string().max(100),
  title: z.string().max(1000),
  body: z.string().max(20_000).nullish(),
  link: z.string().max(2000).nullish(),
});
const digestVars = z.object({
  period: z.enum(['daily', 'weekly']),
  items: z
    .array(
      z.object({
        title: z.string().max(1000),
        body: z.string().max(20_000).nullish(),
        link: z.string().max(2000).nullish(),
        created_at: z.string().max(64).optional(),
      }),
    )
    .max(500),
});

interface RequestRow {
  id: number | string;
  user_id: string;
  template: string;
  vars: unknown;
}

export interface RequestDeps {
  db: HostDatabase;
  queue: MailQueue;
  ctx: Omit<MailContext, 'unsubscribeUrl'>;
  /** Signs unsubscribe links (server/mail/secret.ts). */
  secret: string;
  log?: (line: string) => void;
}

/** One request as a mail with its unsubscribe link and headers, or why not. */
function build(
  row: RequestRow,
  email: string | undefined,
  category: (kind: string) => string | null,
  deps: RequestDeps,
): Mail | string {
  if (!email) return 'the account has no address';
  const link = (cat: UnsubscribeCategory) => unsubscribeLink(deps.ctx.siteUrl, deps.secret, row.user_id, cat);
  if (row.template === 'notification') {
    const vars = notificationVars.safeParse(row.vars);
    if (!vars.success) return 'malformed vars';
    const cat = (category(vars.data.kind) ?? 'all') as UnsubscribeCategory;
    const { url, headers } = link(cat);
    return {
      to: email,
      kind: `notification:${vars.data.kind}`,
      headers,
      ...renderMail('notification', vars.data, { ...deps.ctx, unsubscribeUrl: url }),
    };
  }
  if (row.template === 'digest') {
    const vars = digestVars.safeParse(row.vars);
    if (!vars.success) return 'malformed vars';
    const { url, headers } = link('digest');
    return {
      to: email,
      kind: 'digest',
      headers,
      ...renderMail('digest', vars.data, { ...deps.ctx, unsubscribeUrl: url }),
    };
  }
  if (isOrderTemplate(row.template)) return orderMail(row.template, row.vars, email, deps.ctx);
  return `no template ${JSON.stringify(row.template).slice(0, 60)}`;
}

/**
 * Claims up to `max` requests (skip locked: several hosts never take the same one), renders them and
 * queues their delivery. When queuing fails the claims are released for the next run. Returns how
 * many requests it took.
 */
export async function drainMailRequests(deps: RequestDeps, max = 200): Promise<number> {
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { rows, mails } = await deps.db.asOwner(async (sql) => {
    const rows = await sql.query<RequestRow>(
      'select id, user_id, template, vars from private.claim_mail_requests($1)',
      [max],
    );
    if (rows.length === 0) return { rows, mails: [] as Mail[] };
    const users = await sql.query<{ id: string; email: string | null }>(
      'select id, email from auth.users where id = any($1::uuid[])',
      [[...new Set(rows.map((r) => r.user_id))]],
    );
    const kinds = [
      ...new Set(rows.map((r) => (r.vars as { kind?: unknown } | null)?.kind).filter((k) => typeof k === 'string')),
    ];
    const cats = await sql.query<{ kind: string; category: string | null }>(
      'select k as kind, private.notification_category(k) as category from unnest($1::text[]) as k',
      [kinds],
    );
    const emailOf = new Map(users.map((u) => [u.id, u.email ?? undefined]));
    const categoryOf = new Map(cats.map((c) => [c.kind, c.category]));
    const mails: Mail[] = [];
    for (const row of rows) {
      const built = build(row, emailOf.get(row.user_id), (k) => categoryOf.get(k) ?? null, deps);
      if (typeof built === 'string') log(`mail requests: skipped request ${row.id} (${row.template}): ${built}`);
      else mails.push(built);
    }
    return { rows, mails };
  });
  if (mails.length) {
    try {
      await deps.queue.enqueue(mails);
    } catch (err) {
      await deps.db.asOwner((sql) =>
        sql.query('update private.mail_requests set queued_at = null where id = any($1::bigint[])', [
          rows.map((r) => String(r.id)),
        ]),
      );
      throw err;
    }
  }
  return rows.length;
}

/** Drains until the table has nothing unqueued left. */
export async function drainAll(deps: RequestDeps, max = 200): Promise<void> {
  while ((await drainMailRequests(deps, max)) === max) {
    // more left: go on
  }
}

/** private.collect_digests(at): one digest request per user whose digest is due; returns how many. */
export async function collectDigests(db: HostDatabase, at = new Date()): Promise<number> {
  const [row] = await db.asOwner((sql) =>
    sql.query<{ made: number }>('select private.collect_digests($1) as made', [at.toISOString()]),
  );
  return Number(row?.made ?? 0);
}

/** The schedules: requests every minute, digests every hour (then drained at once). */
export async function startMailRequests(deps: RequestDeps): Promise<void> {
  const { boss } = deps.queue;
  await boss.createQueue(REQUESTS, { retryLimit: 2, retryDelay: 30, expireInSeconds: 300 });
  await boss.createQueue(DIGESTS, { retryLimit: 2, retryDelay: 300, expireInSeconds: 600 });
  await boss.schedule(REQUESTS, '* * * * *');
  await boss.schedule(DIGESTS, '5 * * * *');
  await boss.work(REQUESTS, async () => {
    await drainAll(deps);
  });
  await boss.work(DIGESTS, async () => {
    const made = await collectDigests(deps.db);
    if (made > 0) await drainAll(deps);
  });
}
