import { SignJWT } from 'jose';

/**
 * The API keys Supabase derives from the JWT secret: long-lived HS256 JWTs with
 * `iss: supabase` and a role. Deterministic (fixed iat/exp), so one secret always gives the
 * same keys and a restart does not invalidate a key baked into a built web app.
 * The anon key is public (the publishable key); the service-role key is a server secret.
 */
const ISSUED_AT = 1_700_000_000; // 2023-11-14
const EXPIRES_AT = 4_102_444_800; // 2100-01-01

function roleKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('supabase')
    .setIssuedAt(ISSUED_AT)
    .setExpirationTime(EXPIRES_AT)
    .sign(new TextEncoder().encode(secret));
}

export function anonKey(secret: string): Promise<string> {
  return roleKey(secret, 'anon');
}

export function serviceRoleKey(secret: string): Promise<string> {
  return roleKey(secret, 'service_role');
}
