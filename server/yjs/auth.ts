import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import { type Identity, TokenError, verifyToken } from '../realtime/tokens.ts';

export const YJS_PATH_PREFIX = '/yjs/';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The documents there are: a learner's own note on a lesson, and the lesson's cohort note. */
const DOCUMENT = new RegExp(`^(?:note:${UUID}:${UUID}|cohort-note:${UUID})$`);

/** A refusal before the upgrade, answered as plain HTTP. */
export interface Refusal {
  status: 401 | 403 | 404;
  code: string;
  message: string;
}

/**
 * The document named by an upgrade's path `/yjs/<document>` (y-websocket appends the room name
 * to the server URL), or null when the path names no document there can be.
 */
export function documentOf(pathname: string): string | null {
  if (!pathname.startsWith(YJS_PATH_PREFIX)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(YJS_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return DOCUMENT.test(name) ? name : null;
}

/** The identity of the `token` query parameter (an access token, as for Realtime), or a 401. */
export async function identityOf(
  verifier: JwtVerifier,
  token: string | null,
): Promise<{ identity: Identity; exp?: number } | Refusal> {
  try {
    return await verifyToken(verifier, token ?? '');
  } catch (err) {
    if (err instanceof TokenError) {
      const expired = err.code === 'InvalidJWTToken';
      return {
        status: 401,
        code: expired ? 'token_expired' : 'invalid_token',
        message: expired ? 'the access token has expired' : 'a valid access token is required (token parameter)',
      };
    }
    throw err;
  }
}
