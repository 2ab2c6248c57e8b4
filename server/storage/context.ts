import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import type { Disk } from './disk.ts';
import type { OwnerDatabase } from './objects.ts';
import type { LinkSigner } from './signing.ts';

/** What every storage route needs, built once by createStorageApp. */
export interface StorageContext {
  db: OwnerDatabase;
  disk: Disk;
  verifier: JwtVerifier;
  signer: LinkSigner;
  /** The largest object any bucket may hold, in bytes (a bucket's own limit may be lower). */
  maxFileSize: number;
}
