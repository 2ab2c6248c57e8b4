import { describe, expect, it } from 'vitest';
import { renderMail, TEMPLATE_NAMES, type TemplateName, type TemplateVars } from './index.ts';
import { escapeHtml } from './layout.ts';

/** Every template with every variable, each one hostile user text with a marker of its own. */

const EVIL = `<script>alert("x")</script> O'Brien & "co"`;
const v = (name: string) => `${name}-${EVIL}`;
const link = (name: string) => `https://links.test/${name}?a=1&b="2"`;
const ctx = { siteUrl: 'https://learn.test', platformName: 'Learnwell' };

const NOTE = (kind: string) => ({ kind, title: v('title'), body: v('body'), link: '/learn/course-1' });

const SAMPLES: { [N in TemplateName]: TemplateVars[N] } = {
  welcome: { firstName: v('first') },
  confirm_signup: { link: link('confirm') },
  reset_password: { link: link('reset') },
  email_change: { link: link('change') },
  receipt: {
    orderId: 'order-1',
    invoiceNumber: v('inv'),
    total: v('total'),
    items: [v('item1'), v('item2')],
    paidAt: '2026-11-29T10:00:00Z',
  },
  invoice: { orderId: 'order-1', invoiceNumber: v('inv'), total: v('total'), issuedAt: '2026-11-29T10:00:00Z' },
  credit_note: { orderId: 'order-1', creditNoteNumber: v('cn'), invoiceNumber: v('inv'), amount: v('amount') },
  certificate_issued: NOTE('certificate_issued'),
  grade_posted: NOTE('grade_posted'),
  session_reminder: NOTE('session_starting'),
  session_changed: NOTE('session_changed'),
  question_answered: NOTE('question_answered'),
  company_invitation: {
    adminName: v('admin'),
    companyName: v('company'),
    link: link('join'),
    expiresAt: '2026-12-08T23:59:00Z',
  },
  newsletter_confirm: { link: link('newsletter') },
  newsletter_post: { title: v('title'), excerpt: v('excerpt'), link: link('blog/a-post') },
  contact_message: {
    name: v('name'),
    email: v('email'),
    topic: v('topic'),
    message: v('message'),
    inboxUrl: link('inbox'),
  },
  digest: {
    period: 'weekly',
    items: [
      { title: v('d1'), body: v('d1body'), link: '/a', created_at: '2026-11-28T08:00:00Z' },
      { title: v('d2'), body: null, link: 'javascript:alert(1)', created_at: '2026-11-28T09:00:00Z' },
    ],
  },
  notification: NOTE('announcement'),
};

/** Switches, ids in links and timestamps (shown as UTC dates): not shown as given. */
const NOT_TEXT = new Set(['kind', 'period', 'orderId', 'created_at', 'paidAt', 'issuedAt', 'expiresAt']);

/** The user-visible strings of a vars object (markers), flattened. */
function values(vars: unknown): string[] {
  if (typeof vars === 'string') return [vars];
  if (Array.isArray(vars)) return vars.flatMap(values);
  if (vars && typeof vars === 'object') {
    return Object.entries(vars).flatMap(([k, x]) => (NOT_TEXT.has(k) ? [] : values(x)));
  }
  return [];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('mail templates', () => {
  it('has a sample for every template', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  for (const name of TEMPLATE_NAMES) {
    describe(name, () => {
      const vars = SAMPLES[name];
      const mail = renderMail(name, vars as never, ctx);

      it('renders every variable in text and (escaped) in html', () => {
        for (const value of values(vars)) {
          if (value.startsWith('javascript:')) continue; // refused: checked below
          const inText = value.startsWith('/') ? `${ctx.siteUrl}${value}` : oneLine(value);
          expect(mail.text, `${name}: ${value} in text`).toContain(inText);
          expect(mail.html, `${name}: ${value} in html`).toContain(
            escapeHtml(value.startsWith('/') ? `${ctx.siteUrl}${value}` : oneLine(value)),
          );
        }
      });

      it('escapes user input in html', () => {
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toMatch(/href="(?!https?:)/);
        expect(mail.html).not.toContain('javascript:');
        expect(mail.html.startsWith('<!doctype html>')).toBe(true);
      });

      it('keeps the text part harmless and the subject on one line', () => {
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.subject.length).toBeGreaterThan(0);
        expect(mail.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        expect(mail.text).not.toContain('javascript:');
      });
    });
  }

  it('puts the unsubscribe link in the html and text when given one', () => {
    const unsubscribeUrl = 'https://learn.test/api/mail/unsubscribe?t=abc';
    const mail = renderMail('digest', SAMPLES.digest, { ...ctx, unsubscribeUrl });
    expect(mail.text).toContain(`Unsubscribe: ${unsubscribeUrl}`);
    expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
  });

  it('keeps a subject with line breaks in user text on one line', () => {
    const mail = renderMail(
      'company_invitation',
      { ...SAMPLES.company_invitation, companyName: 'Acme\r\nBcc: x@y' },
      ctx,
    );
    expect(mail.subject).toContain('Acme Bcc: x@y');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('picks the specialised template for a notification kind that has one', () => {
    expect(renderMail('notification', NOTE('grade_posted'), ctx).subject).toMatch(/^Grade posted: /);
    expect(renderMail('notification', NOTE('announcement'), ctx).subject).toBe(oneLine(v('title')));
  });

  it('keeps the auth links as server/auth made them', () => {
    const l = 'https://learn.test/auth/v1/verify?token=t&type=signup&redirect_to=https%3A%2F%2Flearn.test%2F';
    const mail = renderMail('confirm_signup', { link: l }, ctx);
    expect(mail.text).toContain(`Confirm your mail: ${l}`);
    expect(mail.html).toContain(`href="${escapeHtml(l)}"`);
  });
});
