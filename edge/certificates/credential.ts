/**
 * A certificate as an Open Badges 3.0 OpenBadgeCredential, secured as a JWT (VC-JWT, OB 3.0
 * section 8.2): JOSE header {alg, kid, typ: 'JWT'}; registered claims iss (the issuer's id), sub
 * (the learner, urn:uuid:<user id>), nbf (validFrom), jti (the credential's id,
 * urn:uuid:<certificate id>) and iat; the credential itself in the `vc` claim. Signed with the
 * platform's key (keys.ts), whose public half is at <siteUrl>/.well-known/jwks.json.
 * The learner's name and email are not in it: the subject is their account id only.
 */
import { SignJWT } from 'jose';
import type { SigningKey } from './keys.ts';

export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

export interface CredentialInput {
  certificateId: string;
  userId: string;
  courseSlug: string;
  courseTitle: string;
  instructorName: string;
  issuedAt: Date | string;
  /** The public site's origin: the issuer's id and the base of the achievement's id. */
  siteUrl: string;
  platformName: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      description: string;
      criteria: { narrative: string };
    };
  };
}

const origin = (url: string) => new URL(url).origin;

export function openBadgeCredential(input: CredentialInput): OpenBadgeCredential {
  const site = origin(input.siteUrl);
  const issued = new Date(input.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new TypeError(`issuedAt is not a date: ${String(input.issuedAt)}`);
  const by = input.instructorName ? `, taught by ${input.instructorName}` : '';
  return {
    '@context': [...OB3_CONTEXT],
    id: `urn:uuid:${input.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${input.courseTitle} - certificate of completion`,
    issuer: { id: site, type: ['Profile'], name: input.platformName, url: site },
    validFrom: issued.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `urn:uuid:${input.userId}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${site}/courses/${encodeURIComponent(input.courseSlug)}#certificate`,
        type: ['Achievement'],
        name: input.courseTitle,
        description: `Completion of the course "${input.courseTitle}" on ${input.platformName}${by}.`,
        criteria: {
          narrative:
            'Complete every required lesson, pass every required quiz and have every required assignment graded.',
        },
      },
    },
  };
}

/** The signed credential: a compact JWS. */
export async function signCredential(key: SigningKey, input: CredentialInput): Promise<string> {
  const vc = openBadgeCredential(input);
  const nbf = Math.floor(new Date(vc.validFrom).getTime() / 1000);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(vc.issuer.id)
    .setSubject(vc.credentialSubject.id)
    .setJti(vc.id)
    .setNotBefore(nbf)
    .setIssuedAt(nbf)
    .sign(key.privateKey);
}
