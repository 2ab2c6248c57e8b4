import type { HostDatabase } from '../db/types.ts';
import { smtpConfig } from './config.ts';
import { sendNewsletter, startNewsletter } from './newsletter.ts';
import { outboxMailer } from './outbox.ts';
import type { Mailer } from './port.ts';
import { startMailQueue } from './queue.ts';
import { drainAll, type RequestDeps, startMailRequests } from './requests.ts';
import { smtpMailer } from './smtp.ts';

/** What the host hands to auth and edge, and what the dev outbox and unsubscribe page need. */
export interface HostMail {
  /** Queued: send() enqueues; delivery happens in the worker, with retries. */
  mailer: Mailer;
  /**
   * Drains the mail the database asked for (receipts, notifications) and the newsletter's due posts
   * into the queue, then resolves once no delivery is due or running (bounded): the dev outbox
   * waits on it.
   */
  settle(timeoutMs?: number): Promise<void>;
  /** Signs unsubscribe links. */
  unsubscribeSecret: string;
  /** 'smtp' or 'outbox': where mail ends up. */
  transport: 'smtp' | 'outbox';
  stop(): Promise<void>;
}

export interface MailServiceOptions {
  db: HostDatabase;
  env: Parameters<typeof smtpConfig>[0] & { DATABASE_URL?: string };
  siteUrl: string;
  platformName: string;
  unsubscribeSecret: string;
  log?: (line: string) => void;
}

/**
 * Mail at boot: the transport (SMTP when configured, else the embedded outbox), the pg-boss
 * queue in front of it, and the schedules that turn notification requests and digests into mail.
 */
export async function startMailService(o: MailServiceOptions): Promise<HostMail> {
  const smtp = smtpConfig(o.env, o.siteUrl, o.platformName);
  const transport = smtp ? smtpMailer(smtp) : outboxMailer(o.db);
  const queue = await startMailQueue({ db: o.db, databaseUrl: o.env.DATABASE_URL, transport, log: o.log });
  const requests: RequestDeps = {
    db: o.db,
    queue,
    ctx: { siteUrl: o.siteUrl, platformName: o.platformName },
    secret: o.unsubscribeSecret,
    log: o.log,
  };
  try {
    await startMailRequests(requests);
    // The blog's newsletter: new posts to the confirmed subscribers.
    await startNewsletter(requests);
  } catch (err) {
    await queue.stop();
    throw err;
  }
  return {
    mailer: queue.mailer,
    async settle(timeoutMs) {
      // A failed drain is retried by the schedule; what is queued is still delivered.
      await drainAll(requests).catch((err) => (o.log ?? console.error)(`mail requests: drain failed: ${String(err)}`));
      // And the newsletter's due posts (its schedule runs every five minutes).
      await sendNewsletter(requests).catch((err) => (o.log ?? console.error)(`newsletter: failed: ${String(err)}`));
      await queue.settle(timeoutMs);
    },
    unsubscribeSecret: o.unsubscribeSecret,
    transport: smtp ? 'smtp' : 'outbox',
    async stop() {
      await queue.stop();
      if ('close' in transport) transport.close();
    },
  };
}
