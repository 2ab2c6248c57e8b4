/**
 * The key that signs certificate credentials (credential.ts): an ES256 (P-256) or EdDSA
 * (Ed25519) private JWK, from CERTIFICATE_SIGNING_KEY, or generated once by the Node host and
 * kept in its data dir (server/certificate-key.ts). Its public half is published as a JWKS
 * (GET /.well-known/jwks.json) under a stable kid: the key's RFC 7638 thumbprint, so anyone can
 * check a credential offline. Web-standard code (jose on WebCrypto): runs on Node and Deno.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';

export type SigningAlg = 'ES256' | 'EdDSA';

export interface SigningKey {
  alg: SigningAlg;
  kid: string;
  privateKey: CryptoKey;
  /** The public JWK as published: kty, crv, x (and y), kid, alg, use. */
  publicJwk: JWK;
}

export interface Jwks {
  keys: JWK[];
}

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const privateJwk = z.union([
  z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url, y: b64url, d: b64url }).passthrough(),
  z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: b64url, d: b64url }).passthrough(),
]);

/** Parses a private JWK (an object or its JSON text); throws a clear Error on anything else. */
export function parsePrivateJwk(value: unknown): JWK {
  let raw = value;
  if (typeof value === 'string') {
    try {
      raw = JSON.parse(value);
    } catch {
      throw new Error('the certificate signing key must be a private JWK as JSON');
    }
  }
  const parsed = privateJwk.safeParse(raw);
  if (!parsed.success) {
    throw new Error('the certificate signing key must be a private EC P-256 or OKP Ed25519 JWK (with "d")');
  }
  return parsed.data as JWK;
}

export async function importSigningKey(jwk: unknown): Promise<SigningKey> {
  const parsed = parsePrivateJwk(jwk);
  const alg: SigningAlg = parsed.kty === 'EC' ? 'ES256' : 'EdDSA';
  const publicOnly: JWK =
    parsed.kty === 'EC'
      ? { kty: 'EC', crv: parsed.crv, x: parsed.x, y: parsed.y }
      : { kty: 'OKP', crv: parsed.crv, x: parsed.x };
  const kid = await calculateJwkThumbprint(publicOnly, 'sha256');
  const privateKey = (await importJWK({ ...publicOnly, d: parsed.d }, alg)) as CryptoKey;
  return { alg, kid, privateKey, publicJwk: { ...publicOnly, kid, alg, use: 'sig' } };
}

/** A new ES256 private JWK (for the host to keep, or for tests). */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}

export function jwksOf(key: SigningKey): Jwks {
  return { keys: [key.publicJwk] };
}

let ephemeral: Promise<SigningKey> | undefined;

/**
 * A key made on first use and kept for this process: for an app built without one (tests). A
 * credential it signed stops verifying when the process ends, so hosts always pass their own.
 */
export function ephemeralSigningKey(): Promise<SigningKey> {
  ephemeral ??= generateSigningJwk().then(importSigningKey);
  return ephemeral;
}

/** CERTIFICATE_SIGNING_KEY in both hosts' env schemas (server/env.ts, edge/env.ts). */
export const signingKeyEnv = z.string().refine(
  (value) => {
    try {
      parsePrivateJwk(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a private EC P-256 or OKP Ed25519 JWK as JSON (with "d")' },
);
