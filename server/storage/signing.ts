import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { errors } from './errors.ts';

/**
 * Signed links, as Supabase Storage makes them: an HS256 JWT signed with the project's JWT
 * secret, `{url: "<bucket>/<name>", iat, exp}` for a download, plus `owner` and `upsert` for an
 * upload. The link is valid for exactly that object: the route checks `url` against the path.
 * Access tokens (which carry a role and no `url`) are refused here, and these tokens (no role)
 * are refused as access tokens.
 */

export interface DownloadClaims {
  url: string;
}

export interface UploadClaims {
  url: string;
  owner: string | null;
  upsert: boolean;
}

/** Signed upload links live two hours, as on Supabase. */
export const UPLOAD_LINK_SECONDS = 2 * 60 * 60;

export class LinkSigner {
  private readonly key: Uint8Array;
  private readonly now: () => Date;

  constructor(secret: string, now: () => Date = () => new Date()) {
    this.key = new TextEncoder().encode(secret);
    this.now = now;
  }

  private sign(payload: Record<string, unknown>, expiresIn: number): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(this.key);
  }

  signDownload(url: string, expiresIn: number): Promise<string> {
    return this.sign({ url }, expiresIn);
  }

  signUpload(claims: UploadClaims): Promise<string> {
    return this.sign({ ...claims }, UPLOAD_LINK_SECONDS);
  }

  private async verify(token: string | undefined, url: string): Promise<Record<string, unknown>> {
    if (!token) throw errors.invalidRequest('Missing token');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: this.now(),
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw errors.invalidJwt('jwt expired');
      throw errors.invalidJwt('invalid signature');
    }
    if (typeof payload.url !== 'string' || 'role' in payload) throw errors.invalidJwt('invalid token');
    if (payload.url !== url) throw errors.invalidSignature();
    return payload;
  }

  async verifyDownload(token: string | undefined, url: string): Promise<DownloadClaims> {
    const payload = await this.verify(token, url);
    if ('upsert' in payload) throw errors.invalidJwt('invalid token');
    return { url };
  }

  async verifyUpload(token: string | undefined, url: string): Promise<UploadClaims> {
    const payload = await this.verify(token, url);
    if (typeof payload.upsert !== 'boolean') throw errors.invalidJwt('invalid token');
    const owner = typeof payload.owner === 'string' ? payload.owner : null;
    return { url, owner, upsert: payload.upsert };
  }
}
