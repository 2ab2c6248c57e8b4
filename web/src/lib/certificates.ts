import type { CertificateList, CertificateSummary, CertificateVerification } from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { DOWNLOAD_FAILED, downloadFile } from './download.ts';

/**
 * The learner's certificates and the public verification: API calls, the verification URL and
 * the links that share a certificate (LinkedIn's add-to-profile URL, posts on LinkedIn, X and
 * Facebook). Pure functions beside the calls, tested in certificates.test.ts.
 */

/** What a typed code looks like, once trimmed and upper-cased: six groups of four hex digits. */
export const CODE_PATTERN = /^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/;

export function normaliseCode(input: string): string {
  return input.trim().toUpperCase();
}

export function verifyUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;
}

/**
 * LinkedIn's "Add to profile" link for a certification: the form on LinkedIn opens filled in
 * (name, issuing organization, issue year and month, credential URL and ID).
 */
export function linkedInAddUrl(cert: CertificateSummary, organizationName: string, origin: string): string {
  const issued = new Date(cert.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: cert.course.title,
    organizationName,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: verifyUrl(origin, cert.code),
    certId: cert.code,
  });
  return `https://www.linkedin.com/profile/add?${params}`;
}

export interface ShareLink {
  label: string;
  href: string;
}

export function shareLinks(cert: CertificateSummary, origin: string): ShareLink[] {
  const url = verifyUrl(origin, cert.code);
  const text = `I completed "${cert.course.title}".`;
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?${q({ url })}` },
    { label: 'X', href: `https://x.com/intent/post?${q({ text, url })}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?${q({ u: url })}` },
  ];
}

export function certificatesApi(api: Api) {
  const seg = encodeURIComponent;
  return {
    list: () => api.getJson<CertificateList>('/api/certificates'),
    verify: (code: string) => api.getJson<CertificateVerification>(`/api/certificates/verify/${seg(code)}`),
    downloadPdf: (cert: CertificateSummary) =>
      download(api, `/api/certificates/${seg(cert.id)}/pdf`, `certificate-${cert.code}.pdf`),
    downloadCredential: (cert: CertificateSummary) =>
      download(api, `/api/certificates/${seg(cert.id)}/credential`, `certificate-${cert.code}.jwt`),
  };
}

/** The message for a certificate file that could not be fetched. */
function certificateFailure(code: string, status: number): string {
  if (code === 'certificate_revoked') return 'This certificate has been revoked.';
  return status === 404 ? 'That certificate is not available.' : DOWNLOAD_FAILED;
}

function download(api: Api, path: string, fileName: string): Promise<void> {
  return downloadFile(api, path, fileName, certificateFailure);
}
