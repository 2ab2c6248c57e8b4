import { type ConstructorOptions, PgBoss } from 'pg-boss';
import type { HostDatabase } from '../db/types.ts';
import type { Mail, Mailer } from './port.ts';
import { hostQueueDatabase } from './queue-db.ts';

/** pg-boss's schema: never exposed to anon or authenticated (see revokeQueueAccess). */
export const QUEUE_SCHEMA = 'pgboss';
/** The delivery queue: one job per mail. */
export const DELIVER = 'mail-deliver';

export interface MailQueueOptions {
  db: HostDatabase;
  /** With PostgreSQL (DATABASE_URL), pg-boss keeps a small pool of its own there. */
  databaseUrl?: string;
  /** Where mail goes in the end: SMTP (server/mail/smtp.ts) or the dev outbox. */
  transport: Mailer;
  /** Attempts after the first (then the job is kept as failed); default 5. */
  retryLimit?: number;
  /** Seconds before the first retry, doubled each time (pg-boss backoff); default 15. */
  retryDelay?: number;
  log?: (line: string) => void;
}

export interface MailQueue {
  /** The mailer auth and edge get: send() enqueues, a worker delivers through the transport. */
  mailer: Mailer;
  boss: PgBoss;
  /** Queues many mails for delivery at once (inserted in batches of 500). */
  enqueue(mails: Mail[]): Promise<void>;
  /** Resolves once no delivery is due or running (or after `timeoutMs`): the dev outbox waits on it. */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss's tables and functions stay out of reach of every request role. */
export async function revokeQueueAccess(db: HostDatabase): Promise<void> {
  await db.asOwner(async (sql) => {
    for (const statement of [
      `revoke all on schema ${QUEUE_SCHEMA} from public, anon, authenticated, service_role`,
      `revoke all on all tables in schema ${QUEUE_SCHEMA} from public, anon, authenticated, service_role`,
      `revoke all on all sequences in schema ${QUEUE_SCHEMA} from public, anon, authenticated, service_role`,
      `revoke execute on all functions in schema ${QUEUE_SCHEMA} from public, anon, authenticated, service_role`,
    ]) {
      await sql.query(statement);
    }
  });
}

function bossOptions({ db, databaseUrl }: MailQueueOptions): ConstructorOptions {
  const common: ConstructorOptions = {
    schema: QUEUE_SCHEMA,
    useListenNotify: true,
    registerInstance: false,
    application_name: 'lms-mail-queue',
  };
  if (db.kind === 'pglite') {
    // PGlite has no autovacuum and no second connection: no vacuum monitor, no concurrent reindex.
    return { ...common, db: hostQueueDatabase(db), backend: 'pglite', monitorVacuum: false, reindex: false };
  }
  if (!databaseUrl) throw new Error('startMailQueue: PostgreSQL needs its DATABASE_URL');
  return { ...common, connectionString: databaseUrl, max: 3 };
}

/**
 * Starts pg-boss on the host's database and a delivery worker. Mail is queued as a job; the worker
 * sends it through the transport; a failed send throws and pg-boss retries it with backoff
 * (retryLimit, retryDelay doubling up to 10 minutes). A job past its retries stays in
 * pgboss.job as `failed` (kept 14 days) and is logged.
 */
export async function startMailQueue(options: MailQueueOptions): Promise<MailQueue> {
  const { db, transport } = options;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const retryLimit = options.retryLimit ?? 5;
  const boss = new PgBoss(bossOptions(options));
  boss.on('error', (err) => console.error('mail queue:', err instanceof Error ? err.message : err));
  await boss.start();
  await revokeQueueAccess(db);
  const policy = {
    // A NOTIFY with each new job wakes the worker at once (polling stays as the fallback).
    notify: true,
    retryLimit,
    retryDelay: options.retryDelay ?? 15,
    retryBackoff: true,
    expireInSeconds: 120,
    deleteAfterSeconds: 14 * 24 * 3600,
  };
  // Created once; later starts apply the current policy to it (createQueue leaves an existing one be).
  await boss.createQueue(DELIVER, { ...policy, retryDelayMax: 600 });
  await boss.updateQueue(DELIVER, policy);
  // One mail per job, a few at a time: a failed send fails (and retries) that mail alone.
  await boss.work(
    DELIVER,
    {
      includeMetadata: true,
      batchSize: 1,
      localConcurrency: 3,
      pollingIntervalSeconds: 2,
      // New jobs wake the worker by NOTIFY; retries come due silently, so the backstop poll stays short.
      notifyPollingIntervalSeconds: 5,
    },
    async ([job]) => {
      if (!job) return;
      const mail = job.data as Mail;
      try {
        await transport.send(mail);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        const what = `${mail.kind ?? 'mail'} to ${mail.to} (job ${job.id}, attempt ${job.retryCount + 1})`;
        log(
          job.retryCount >= job.retryLimit
            ? `mail queue: gave up on ${what}; kept as failed: ${reason}`
            : `mail queue: ${what} failed, retrying: ${reason}`,
        );
        throw err;
      }
    },
  );

  const pending = async () => {
    const [row] = await db.asOwner((sql) =>
      sql.query<{ n: number }>(
        `select count(*)::int as n from ${QUEUE_SCHEMA}.job
         where name = $1 and (state = 'active' or (state in ('created', 'retry') and start_after <= now()))`,
        [DELIVER],
      ),
    );
    return row?.n ?? 0;
  };

  return {
    boss,
    mailer: {
      async send(mail) {
        await boss.send(DELIVER, { ...mail });
      },
    },
    async enqueue(mails) {
      for (let i = 0; i < mails.length; i += 500) {
        await boss.insert(
          DELIVER,
          mails.slice(i, i + 500).map((data) => ({ data: { ...data } })),
        );
      }
    },
    async settle(timeoutMs = 3000) {
      const end = Date.now() + timeoutMs;
      while ((await pending()) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
