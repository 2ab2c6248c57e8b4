import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server (port 0) answering the subset of Stripe's API the payments adapter calls,
 * with Stripe's documented response shapes and behaviour, for the real `stripe` SDK pointed at it
 * (its host/port/protocol options; there is no network to Stripe here):
 * - POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, POST /v1/refunds;
 * - form-encoded bodies (`a[b][0][c]=...`), `Authorization: Bearer <key>` (401 otherwise);
 * - idempotency as Stripe does it: a repeated key with the same parameters replays the saved
 *   response (header `Idempotent-Replayed: true`, nothing new is created); the same key with other
 *   parameters is a 400 idempotency_error; failed validation saves nothing;
 * - Stripe's checks that matter to us: `expires_at` 30 minutes to 24 hours ahead, one currency,
 *   integer amounts, refunds up to what was paid.
 * Every request is recorded (form body, parsed parameters, Idempotency-Key) for assertions.
 * Runs on Node and on Deno (node:http).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  stripeVersion: string | null;
  /** The raw form body. */
  body: string;
  /** The body as flat form fields, e.g. `line_items[0][price_data][unit_amount]`. */
  form: Record<string, string>;
  /** The body as Stripe reads it: nested objects and arrays. */
  params: Record<string, unknown>;
  status: number;
  replayed: boolean;
}

type Json = Record<string, unknown>;

export interface FakeStripe {
  /** The API origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  sessions: Map<string, Json>;
  paymentIntents: Map<string, Json>;
  refunds: Map<string, Json>;
  /** The buyer pays: the session completes (payment_status 'paid') with a new PaymentIntent. */
  pay(sessionId: string): Json;
  /** The next request is processed but its response is lost (socket destroyed), as on a network failure. */
  dropNextResponse(): void;
  close(): Promise<void>;
}

const id = (prefix: string, length = 24) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
};
const now = () => Math.floor(Date.now() / 1000);

/** Stripe's form encoding (`a[b][0][c]=v`) into nested objects, arrays where the keys are 0..n-1. */
export function parseStripeForm(body: string): { form: Record<string, string>; params: Record<string, unknown> } {
  const form: Record<string, string> = {};
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    form[key] = value;
    const path = [key.replace(/\[.*$/, ''), ...Array.from(key.matchAll(/\[([^\]]*)\]/g), (m) => m[1] ?? '')];
    let node: Json = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        node[part] ??= {};
        node = node[part] as Json;
      }
    });
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const o = v as Json;
    const keys = Object.keys(o);
    const out = Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
    return keys.length > 0 && keys.every((k, i) => k === String(i)) ? keys.map((k) => out[k]) : out;
  };
  return { form, params: arrays(root) as Record<string, unknown> };
}

class StripeApiError extends Error {
  readonly status: number;
  readonly body: Json;
  constructor(status: number, body: Json) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
}
const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
const missing = (what: string, value: string, param: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${what}: '${value}'`,
    param,
  });

const integer = (v: unknown, param: string, min = 0): number => {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw invalid(`Invalid integer: ${String(v)}`, param);
  const n = Number(v);
  if (n < min) throw invalid(`This value must be greater than or equal to ${min}.`, param);
  return n;
};

const PAYMENT_METHOD_TYPES = new Set(['card', 'paypal', 'link', 'klarna', 'sepa_debit', 'us_bank_account']);

export async function startFakeStripe(options: { apiKey?: string } = {}): Promise<FakeStripe> {
  const apiKey = options.apiKey ?? 'sk_test_fake_0123456789';
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Json>();
  const paymentIntents = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const saved = new Map<string, { method: string; path: string; body: string; status: number; response: Json }>();
  let dropNext = false;

  const createSession = (p: Json): Json => {
    if (p.mode !== 'payment') throw invalid('Missing required param: mode.', 'mode');
    const items = p.line_items;
    if (!Array.isArray(items) || items.length === 0) {
      throw invalid('`line_items` is required in `payment` mode.', 'line_items');
    }
    let currency: string | null = null;
    let total = 0;
    items.forEach((raw, i) => {
      const item = raw as Json;
      const price = item.price_data as Json | undefined;
      if (!price) throw invalid('You must specify either `price` or `price_data`.', `line_items[${i}]`);
      const unit = integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`);
      const qty = integer(item.quantity, `line_items[${i}][quantity]`, 1);
      const c = String(price.currency ?? '');
      if (!/^[a-z]{3}$/.test(c)) throw invalid(`Invalid currency: ${c}`, `line_items[${i}][price_data][currency]`);
      if (currency && c !== currency) {
        throw invalid('All line items must have the same currency.', `line_items[${i}][price_data][currency]`);
      }
      currency = c;
      if (!(price.product_data as Json | undefined)?.name) {
        throw invalid('Missing required param: line_items[0][price_data][product_data][name].', 'line_items');
      }
      total += unit * qty;
    });
    const created = now();
    let expiresAt = created + 24 * 3600;
    if (p.expires_at !== undefined) {
      expiresAt = integer(p.expires_at, 'expires_at');
      if (expiresAt < created + 30 * 60) {
        throw invalid(
          'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
          'expires_at',
        );
      }
      if (expiresAt > created + 24 * 3600) {
        throw invalid(
          'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
          'expires_at',
        );
      }
    }
    const allowed = (p.allowed_payment_method_types as string[] | undefined) ?? null;
    for (const t of allowed ?? []) {
      if (!PAYMENT_METHOD_TYPES.has(t))
        throw invalid(`Invalid payment_method_types: ${t}`, 'allowed_payment_method_types');
    }
    const sessionId = id('cs_test_a1', 56);
    const session: Json = {
      id: sessionId,
      object: 'checkout.session',
      allowed_payment_method_types: allowed,
      amount_subtotal: total,
      amount_total: total,
      cancel_url: p.cancel_url ?? null,
      client_reference_id: p.client_reference_id ?? null,
      created,
      currency,
      customer: null,
      customer_email: p.customer_email ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: p.metadata ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_method_types: allowed ?? ['card'],
      payment_status: 'unpaid',
      status: 'open',
      success_url: p.success_url ?? null,
      ui_mode: 'hosted_page',
      url: `https://checkout.stripe.com/c/pay/${sessionId}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
      // Kept for pay(): the PaymentIntent Stripe creates when the buyer pays gets these.
      _payment_intent_data: p.payment_intent_data ?? {},
    };
    sessions.set(sessionId, session);
    return session;
  };

  const createRefund = (p: Json): Json => {
    const piId = String(p.payment_intent ?? '');
    if (!piId) throw invalid('One of `charge` or `payment_intent` is required.', 'payment_intent');
    const pi = paymentIntents.get(piId);
    if (!pi) throw missing('payment_intent', piId, 'payment_intent');
    const refunded = Number(pi._amount_refunded ?? 0);
    const left = Number(pi.amount_received) - refunded;
    const amount = p.amount === undefined ? left : integer(p.amount, 'amount', 1);
    if (left <= 0)
      throw invalid(
        `Charge ${String(pi.latest_charge)} has already been refunded.`,
        undefined,
        'charge_already_refunded',
      );
    if (amount > left) {
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount',
        'amount_too_large',
      );
    }
    pi._amount_refunded = refunded + amount;
    const refund: Json = {
      id: id('re_'),
      object: 'refund',
      amount,
      balance_transaction: id('txn_'),
      charge: pi.latest_charge,
      created: now(),
      currency: pi.currency,
      metadata: p.metadata ?? {},
      payment_intent: piId,
      reason: p.reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    refunds.set(String(refund.id), refund);
    return refund;
  };

  const publicView = (o: Json) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));

  const route = (method: string, path: string, params: Json): Json => {
    if (method === 'POST' && path === '/v1/checkout/sessions') return publicView(createSession(params));
    const m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const session = sessions.get(decodeURIComponent(m[1] ?? ''));
      if (!session) throw missing('checkout.session', m[1] ?? '', 'session');
      return publicView(session);
    }
    if (method === 'POST' && path === '/v1/refunds') return createRefund(params);
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : null;
    };
    const { form, params } = parseStripeForm(method === 'GET' ? ((req.url ?? '').split('?')[1] ?? '') : body);
    const record: RecordedRequest = {
      method,
      path,
      idempotencyKey: header('idempotency-key'),
      authorization: header('authorization'),
      stripeVersion: header('stripe-version'),
      body,
      form,
      params,
      status: 0,
      replayed: false,
    };
    requests.push(record);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': id('req_', 14),
      'stripe-version': record.stripeVersion ?? '2026-10-28.endive',
    };
    const send = (status: number, payload: Json) => {
      record.status = status;
      if (dropNext) {
        dropNext = false;
        req.socket.destroy();
        return;
      }
      res.writeHead(status, headers).end(JSON.stringify(payload, null, 2));
    };
    if (record.authorization !== `Bearer ${apiKey}`) {
      send(401, {
        error: {
          type: 'invalid_request_error',
          message: record.authorization
            ? 'Invalid API Key provided: sk_test_****'
            : 'You did not provide an API key. You need to provide your API key in the Authorization header.',
        },
      });
      return;
    }
    const key = method === 'POST' ? record.idempotencyKey : null;
    if (key) headers['idempotency-key'] = key;
    const prior = key ? saved.get(key) : undefined;
    if (prior) {
      if (prior.method !== method || prior.path !== path || prior.body !== body) {
        send(400, {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        });
        return;
      }
      record.replayed = true;
      headers['idempotent-replayed'] = 'true';
      send(prior.status, prior.response);
      return;
    }
    try {
      const response = route(method, path, params);
      if (key) saved.set(key, { method, path, body, status: 200, response });
      send(200, response);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      send(err.status, { error: err.body });
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: (err as Error).message } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    sessions,
    paymentIntents,
    refunds,
    pay(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const pi: Json = {
        id: id('pi_'),
        object: 'payment_intent',
        amount: session.amount_total,
        amount_received: session.amount_total,
        currency: session.currency,
        latest_charge: id('ch_'),
        metadata: ((session._payment_intent_data as Json).metadata as Json | undefined) ?? {},
        status: 'succeeded',
      };
      paymentIntents.set(String(pi.id), pi);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: pi.id, url: null });
      return publicView(session);
    },
    dropNextResponse() {
      dropNext = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
