import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../../edge/api-types.ts';
import { CODE_PATTERN, linkedInAddUrl, normaliseCode, shareLinks, verifyUrl } from './certificates.ts';

const cert: CertificateSummary = {
  id: '70000000-0000-4000-8000-000000000001',
  code: '3F9A-0C1D-77E2-B4A8-19C0-5D6E',
  course: { slug: 'intro-to-html', title: 'Intro to HTML & CSS' },
  learnerName: 'Stu Dent',
  instructorName: 'Tea Cher',
  issuedAt: '2026-01-31T23:30:00.000Z',
  revoked: false,
};

describe('certificate links', () => {
  it('builds the verification URL on the given origin', () => {
    expect(verifyUrl('https://learn.example.com/', cert.code)).toBe(
      'https://learn.example.com/verify/3F9A-0C1D-77E2-B4A8-19C0-5D6E',
    );
  });

  it("fills LinkedIn's add-to-profile form: name, organization, issue month (UTC), URL and id", () => {
    const url = new URL(linkedInAddUrl(cert, 'Learnwell', 'https://learn.example.com'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Intro to HTML & CSS',
      organizationName: 'Learnwell',
      issueYear: '2026',
      issueMonth: '1',
      certUrl: 'https://learn.example.com/verify/3F9A-0C1D-77E2-B4A8-19C0-5D6E',
      certId: cert.code,
    });
  });

  it('shares the verification URL, encoded', () => {
    const links = shareLinks(cert, 'https://learn.example.com');
    expect(links.map((l) => l.label)).toEqual(['LinkedIn', 'X', 'Facebook']);
    for (const l of links) {
      expect(l.href.startsWith('https://')).toBe(true);
      expect(decodeURIComponent(l.href)).toContain('https://learn.example.com/verify/3F9A-0C1D-77E2-B4A8-19C0-5D6E');
    }
    expect(new URL(links[1]!.href).searchParams.get('text')).toBe('I completed "Intro to HTML & CSS".');
  });

  it('normalises a typed code', () => {
    expect(normaliseCode('  3f9a-0c1d-77e2-b4a8-19c0-5d6e ')).toBe(cert.code);
    expect(CODE_PATTERN.test(normaliseCode('3f9a-0c1d-77e2-b4a8-19c0-5d6e'))).toBe(true);
    expect(CODE_PATTERN.test('3F9A0C1D')).toBe(false);
  });
});
