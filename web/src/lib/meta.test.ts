import { describe, expect, it } from 'vitest';
import { DEFAULT_DESCRIPTION, setCanonical, setDescription, shortText } from './meta.ts';

/** A head of plain objects: enough Document for meta.ts (tags as `{tag, name|rel, content|href}`). */
type FakeEl = { tag: string; name?: string; rel?: string; content?: string; href?: string };
function doc(...tags: FakeEl[]) {
  const els = [...tags];
  const d = {
    head: { append: (el: FakeEl) => els.push(el) },
    createElement: (tag: string) => ({ tag }),
    querySelector: (sel: string) => {
      if (sel === 'meta[name="description"]')
        return els.find((e) => e.tag === 'meta' && e.name === 'description') ?? null;
      if (sel === 'link[rel="canonical"]') return els.find((e) => e.tag === 'link' && e.rel === 'canonical') ?? null;
      throw new Error(`unexpected selector ${sel}`);
    },
  };
  return { d: d as unknown as Document, els };
}

describe('the head on client navigation', () => {
  it("sets the page's description, or the site's", () => {
    const { d, els } = doc({ tag: 'meta', name: 'description', content: 'x' });
    setDescription(d, 'Build **your** first_page in [HTML](https://x.example).');
    expect(els[0]!.content).toBe('Build your first_page in HTML.');
    setDescription(d, undefined);
    expect(els[0]!.content).toBe(DEFAULT_DESCRIPTION);
    const bare = doc();
    setDescription(bare.d, 'Hello');
    expect(bare.els).toEqual([{ tag: 'meta', name: 'description', content: 'Hello' }]);
  });

  it("points the canonical link at the path on the host's origin", () => {
    const { d, els } = doc({ tag: 'link', rel: 'canonical', href: 'https://learn.example.org/courses?page=2' });
    setCanonical(d, '/courses', 'http://localhost:8787');
    expect(els[0]!.href).toBe('https://learn.example.org/courses?page=2');
    setCanonical(d, '/courses/intro', 'http://localhost:8787');
    expect(els[0]!.href).toBe('https://learn.example.org/courses/intro');
    const bare = doc();
    setCanonical(bare.d, '/about', 'http://localhost:8787');
    expect(bare.els).toEqual([{ tag: 'link', rel: 'canonical', href: 'http://localhost:8787/about' }]);
  });

  it('cuts long text on a word', () => {
    expect(shortText('a '.repeat(200)).length).toBeLessThanOrEqual(160);
  });
});
