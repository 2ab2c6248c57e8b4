/** Outgoing mail, as a port: the embedded outbox here, an SMTP or provider adapter later. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for (signup, recovery, ...), for filtering in the outbox. */
  kind?: string;
  /** Extra headers, e.g. List-Unsubscribe on mail a person may turn off (docs/mail.md). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}
