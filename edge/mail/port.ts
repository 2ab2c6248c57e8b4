/**
 * Outgoing mail from the data API, as a port. Structurally the same as server/mail/port.ts, so the
 * Node host passes its outbox mailer (dev outbox) here; a Supabase Edge Function passes none, or a
 * provider adapter. Routes send after their transaction commits, and a failed send never undoes
 * what the request did: they answer `mailed: false` instead.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for ('company_invitation', ...), for filtering in the outbox. */
  kind?: string;
  /** Extra headers, e.g. List-Unsubscribe on mail a person may turn off (docs/mail.md). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}
