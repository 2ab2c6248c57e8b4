import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS } from '../../sandbox/attacks.ts';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { type RunningServer, startServer, tempDataDir } from '../support/server.ts';

/**
 * The attack suite through the whole API (issue 10): the real platform as `npm start` runs it, the
 * demo student signed in, every attack in sandbox/attacks.ts submitted to the seeded `sum` lab. Each
 * answer is what the learner sees (a status, no points for tampering, never a 5xx), and while the
 * attack runs the host keeps answering /api/health: the learner's code runs in the sandbox's worker
 * processes, never in the server's own.
 */

let server: RunningServer;
let data: ReturnType<typeof tempDataDir>;
let token: string;
let labId: string;

/** How long a health check may take while an attack runs (the attacks themselves run for up to seconds). */
const HEALTHY_MS = 1_000;

beforeAll(async () => {
  data = tempDataDir();
  // The attacks come one after another from one learner: the per-learner rate limit would refuse them.
  server = await startServer({ DATA_DIR: data.dir, LABS_RATE_BURST: '1000', LABS_RATE_PER_SECOND: '1000' });
  const signIn = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'student@demo.test', password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  token = ((await signIn.json()) as { access_token: string }).access_token;
  const labs = (await api('GET', '/api/labs?course=html-css-foundations')).body as { id: string; slug: string }[];
  labId = labs.find((l) => l.slug === 'sum')!.id;
  expect(labId).toBeTruthy();
});
afterAll(async () => {
  await server?.stop();
  data?.remove();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.headers.get('content-type') ?? '', `${method} ${path}`).toContain('application/json');
  return { status: res.status, body: JSON.parse(text) };
}

interface Health {
  ms: number;
  status: number;
  /** Answered before the attack's own answer came back. */
  beforeAttack: boolean;
}

/** Submits `code` and asks /api/health every 50 ms until the submission answers. */
async function attackWhileCheckingHealth(code: string) {
  let done = false;
  const checks: Promise<Health>[] = [];
  const submission = api('POST', `/api/labs/${labId}/submissions`, { code }).finally(() => {
    done = true;
  });
  const probe = async (): Promise<Health> => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/health`);
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status, beforeAttack: !done };
  };
  checks.push(probe());
  while (!done) {
    await new Promise((r) => setTimeout(r, 50));
    if (!done) checks.push(probe());
  }
  return { answer: await submission, health: await Promise.all(checks) };
}

interface Answer {
  status: string;
  score: number;
  points: number;
  tests: { name: string; passed: boolean; message: string | null }[];
  output: string;
}

describe('code-lab attacks through the API', () => {
  it('has the cases the issue asks for', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(30);
  });

  for (const attack of ATTACKS.filter((a) => !a.refusedByApi)) {
    it(`contains: ${attack.name}`, async () => {
      const { answer, health } = await attackWhileCheckingHealth(attack.code);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const result = answer.body as Answer;
      expect(attack.expect, `${attack.name}: ${JSON.stringify(result).slice(0, 400)}`).toContain(result.status);
      expect(result.score).toBeLessThanOrEqual(attack.maxScore ?? 0);
      // A case allowed no score (tampering among them) earns no points either.
      expect(attack.maxScore ? 0 : result.points).toBe(0);
      expect(result.output.length).toBeLessThanOrEqual(20_000);
      for (const h of health) expect(h.status).toBe(200);
      const slowest = Math.max(...health.map((h) => h.ms));
      expect(slowest, `slowest /api/health during "${attack.name}"`).toBeLessThan(HEALTHY_MS);
    });
  }

  for (const attack of ATTACKS.filter((a) => a.refusedByApi)) {
    it(`refuses before running: ${attack.name}`, async () => {
      const { answer, health } = await attackWhileCheckingHealth(attack.code);
      expect(answer.status).toBe(attack.refusedByApi!.status);
      expect((answer.body as { error: { code: string } }).error.code).toBe(attack.refusedByApi!.code);
      for (const h of health) expect(h.status).toBe(200);
    });
  }

  it('still grades a correct solution after every attack, and only cases allowed to pass did', async () => {
    const history = (await api('GET', `/api/labs/${labId}/submissions`)).body as { status: string }[];
    // The history lists the latest 50.
    expect(history.length).toBe(Math.min(50, ATTACKS.filter((a) => !a.refusedByApi).length));
    const mayPass = ATTACKS.filter((a) => a.expect.includes('passed')).length;
    expect(history.filter((h) => h.status === 'passed').length).toBeLessThanOrEqual(mayPass);
    const { answer } = await attackWhileCheckingHealth('function sum(a, b) {\n  return a + b;\n}\n');
    expect((answer.body as Answer).status).toBe('passed');
  });
});
