import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, makeEdgeHarness } from '../tests/support/edge-harness.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

describe('system routes', () => {
  it('reports health', async () => {
    const res = await h.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the public config the web app needs, with configured URLs, never the Host header', async () => {
    const res = await h.app.request('http://evil.example/api/config', { headers: { host: 'evil.example' } });
    const body = await res.json();
    expect(body).toMatchObject({ mode: 'embedded', supabaseUrl: 'http://localhost:8787', devOutbox: true });
    expect(typeof body.supabaseAnonKey).toBe('string');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await h.app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'route not found' } });
  });
});
