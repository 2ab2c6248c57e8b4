import type { HostDatabase } from '../db/types.ts';
import type { Mail, Mailer } from './port.ts';

export interface OutboxMail extends Mail {
  id: number;
  createdAt: string;
}

/** The embedded mailer: keeps every mail in private.mail_outbox for the dev outbox page. */
export function outboxMailer(db: HostDatabase): Mailer & { list(limit?: number): Promise<OutboxMail[]> } {
  return {
    async send(mail) {
      await db.asOwner((sql) =>
        sql.query(
          'insert into private.mail_outbox (to_address, subject, text_body, html_body, kind) values ($1, $2, $3, $4, $5)',
          [mail.to, mail.subject, mail.text, mail.html ?? null, mail.kind ?? 'other'],
        ),
      );
    },
    async list(limit = 50) {
      const rows = await db.asOwner((sql) =>
        sql.query<{
          id: number;
          to_address: string;
          subject: string;
          text_body: string;
          html_body: string | null;
          kind: string;
          created_at: Date | string;
        }>('select * from private.mail_outbox order by id desc limit $1', [limit]),
      );
      return rows.map((r) => ({
        id: Number(r.id),
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        html: r.html_body ?? undefined,
        kind: r.kind,
        createdAt: new Date(r.created_at).toISOString(),
      }));
    },
  };
}
