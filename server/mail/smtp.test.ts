import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpConfig } from './config.ts';
import { smtpMailer } from './smtp.ts';

/** The SMTP adapter against a real SMTP server (smtp-server) on a free port. */

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

let server: SMTPServer;
let port: number;
let received: Received[];
let refuse: boolean;

beforeEach(async () => {
  received = [];
  refuse = false;
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 's3cret') return callback(null, { user: auth.username });
      return callback(new Error('bad login'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Quoted-printable soft breaks and escapes undone, enough to read the parts. */
const unfold = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

describe('the SMTP transport', () => {
  it('delivers subject, text and html parts, from and to, with extra headers', async () => {
    const config = smtpConfig(
      { SMTP_HOST: '127.0.0.1', SMTP_PORT: port, SMTP_USER: 'mailer', SMTP_PASS: 's3cret' },
      'https://learn.example',
      'Learnwell',
    )!;
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port,
      secure: false,
      from: '"Learnwell" <no-reply@learn.example>',
    });
    const mailer = smtpMailer(config);
    try {
      await mailer.send({
        to: 'ada@example.com',
        subject: 'Grade posted: Essay 1',
        text: 'Your instructor graded your work.',
        html: '<p>Your instructor <b>graded</b> your work.</p>',
        headers: { 'List-Unsubscribe': '<https://learn.example/api/mail/unsubscribe?t=x>' },
      });
    } finally {
      mailer.close();
    }
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('no-reply@learn.example');
    expect(mail!.to).toEqual(['ada@example.com']);
    expect(mail!.user).toBe('mailer');
    const raw = unfold(mail!.raw);
    expect(raw).toMatch(/^Subject: Grade posted: Essay 1\r?$/m);
    expect(raw).toMatch(/^From: "?Learnwell"? <no-reply@learn\.example>\r?$/m);
    expect(raw).toMatch(/^To: ada@example\.com\r?$/m);
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/learn\.example\/api\/mail\/unsubscribe\?t=x>\r?$/m);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain[\s\S]*Your instructor graded your work\./);
    expect(raw).toMatch(/Content-Type: text\/html[\s\S]*<p>Your instructor <b>graded<\/b> your work\.<\/p>/);
  });

  it('takes its settings from SMTP_URL too', async () => {
    const mailer = smtpMailer(
      smtpConfig(
        { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'School <school@example.org>' },
        'http://localhost:8787',
        'x',
      )!,
    );
    try {
      await mailer.send({ to: 'bob@example.com', subject: 'Hi', text: 'plain only' });
    } finally {
      mailer.close();
    }
    expect(received[0]).toMatchObject({ from: 'school@example.org', to: ['bob@example.com'] });
  });

  it('throws when the server refuses the mail, so the queue retries it', async () => {
    refuse = true;
    const mailer = smtpMailer(smtpConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: port }, 'http://localhost', 'x')!);
    try {
      await expect(mailer.send({ to: 'c@example.com', subject: 'S', text: 'T' })).rejects.toThrow(/451|busy/);
    } finally {
      mailer.close();
    }
  });

  it('is off without SMTP_URL or SMTP_HOST (the outbox stays the transport)', () => {
    expect(smtpConfig({}, 'http://localhost:8787', 'Learnwell')).toBeNull();
    expect(smtpConfig({ SMTP_HOST: 'mail.example', SMTP_PORT: 465 }, 'http://localhost', 'x')).toMatchObject({
      secure: true,
    });
  });
});
