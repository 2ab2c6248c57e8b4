import { z } from 'zod';

/** Mail settings in the host's environment (server/env.ts spreads these in): docs/mail.md. */
export const mailEnvShape = {
  /** SMTP as one URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Or piece by piece: SMTP_HOST (turns SMTP on), SMTP_PORT (587), SMTP_USER, SMTP_PASS, SMTP_SECURE. */
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** TLS from the first byte (port 465); default: true on port 465, else STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  /** The From address, e.g. `Learnwell <no-reply@learn.example>`. Default: SELLER_NAME <no-reply@SITE_URL's host>. */
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  /** Signs unsubscribe links. Generated into DATA_DIR on first start when unset. */
  MAIL_UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
};

type MailEnv = { [K in keyof typeof mailEnvShape]?: z.infer<(typeof mailEnvShape)[K]> };

export interface SmtpConfig {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  from: string;
}

/** The From address: MAIL_FROM, else the platform's name at no-reply@ the site's host. */
export function mailFrom(env: MailEnv, siteUrl: string, platformName: string): string {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  const host = new URL(siteUrl).hostname.replace(/^\[|\]$/g, '') || 'localhost';
  return `"${platformName.replace(/["\\\r\n]/g, '')}" <no-reply@${host}>`;
}

/** SMTP settings, or null: without SMTP_URL or SMTP_HOST the outbox stays the transport. */
export function smtpConfig(env: MailEnv, siteUrl: string, platformName: string): SmtpConfig | null {
  const from = mailFrom(env, siteUrl, platformName);
  if (env.SMTP_URL) return { url: env.SMTP_URL, from };
  if (!env.SMTP_HOST) return null;
  const port = env.SMTP_PORT ?? 587;
  return {
    host: env.SMTP_HOST,
    port,
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
    user: env.SMTP_USER,
    pass: env.SMTP_PASS,
    from,
  };
}
