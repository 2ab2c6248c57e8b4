import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../edge/db/postgres.ts';
import { engines, freshPglite, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { migrate } from '../db/migrate.ts';
import type { Mail, Mailer } from './port.ts';
import { DELIVER, type MailQueue, QUEUE_SCHEMA, startMailQueue } from './queue.ts';

/** The pg-boss mail queue on PGlite (through the host's executor) and on PostgreSQL (DATABASE_URL). */

async function postgresWithUrl(): Promise<TestDatabase & { url: string }> {
  const dbName = `lms_mailq_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${dbName}`;
  const db = await openPostgres(url.toString(), 4);
  await migrate(db);
  return {
    name: 'postgres',
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    },
  };
}

const mail = (to: string): Mail => ({ to, subject: `Hello ${to}`, text: 'text', html: '<p>html</p>', kind: 'test' });

async function eventually(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const engine of engines()) {
  describe(`the mail queue on ${engine}`, () => {
    let t: TestDatabase & { url?: string };
    let queue: MailQueue | undefined;
    const logs: string[] = [];

    beforeAll(async () => {
      t = engine === 'pglite' ? await freshPglite() : await postgresWithUrl();
    }, 120_000);
    afterEach(async () => {
      await queue?.stop();
      queue = undefined;
    });
    afterAll(async () => {
      await t?.drop();
    });

    const start = (transport: Mailer, retryLimit = 5) =>
      startMailQueue({ db: t.db, databaseUrl: t.url, transport, retryLimit, retryDelay: 1, log: (l) => logs.push(l) });

    it('delivers a queued mail through the transport, at once', async () => {
      const sent: Mail[] = [];
      queue = await start({ send: async (m) => void sent.push(m) });
      const before = Date.now();
      await queue.mailer.send(mail('ada@example.com'));
      await queue.settle(5000);
      expect(sent).toEqual([mail('ada@example.com')]);
      expect(Date.now() - before).toBeLessThan(1500); // woken by NOTIFY, not a poll
    });

    it('retries a failed delivery, then delivers', async () => {
      const sent: Mail[] = [];
      let calls = 0;
      queue = await start({
        async send(m) {
          calls++;
          if (calls === 1) throw new Error('421 try again later');
          sent.push(m);
        },
      });
      await queue.mailer.send(mail('bob@example.com'));
      await eventually(() => sent.length === 1);
      expect(calls).toBe(2);
      expect(logs.some((l) => /bob@example\.com .* failed, retrying: 421 try again later/.test(l))).toBe(true);
    }, 30_000);

    it('keeps a mail past its retries as failed, and says so', async () => {
      queue = await start(
        {
          async send() {
            throw new Error('550 no such user');
          },
        },
        1,
      );
      await queue.mailer.send(mail('gone@example.com'));
      await eventually(async () => {
        const rows = await t.db.asOwner((sql) =>
          sql.query<{ state: string }>(
            `select state from ${QUEUE_SCHEMA}.job where name = $1 and data->>'to' = 'gone@example.com'`,
            [DELIVER],
          ),
        );
        return rows[0]?.state === 'failed';
      }, 20_000);
      expect(logs.some((l) => /gave up on test to gone@example\.com .*kept as failed: 550 no such user/.test(l))).toBe(
        true,
      );
    }, 30_000);

    it('keeps the queue out of reach of anon and authenticated', async () => {
      queue = await start({ send: async () => {} });
      for (const role of ['anon', 'authenticated']) {
        await expect(
          t.db.asOwner(async (sql) => {
            await sql.query(`set local role ${role}`);
            return sql.query(`select count(*) from ${QUEUE_SCHEMA}.job`);
          }),
        ).rejects.toThrow(/permission denied/);
      }
    });
  });
}
