import { AppError } from '../../http/errors.ts';

/**
 * The admin screens' refusals. A 422 carries `details` as validation errors do
 * (`[{path, message}]`), so a form can show the message beside the field it is about.
 */
export const unprocessable = (code: string, message: string, path?: string) =>
  new AppError(422, code, message, path === undefined ? undefined : [{ path, message }]);

interface PgError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** The SQLSTATE (and constraint) of a database error, when it is one. */
export function pgError(err: unknown): { code: string; constraint: string; message: string } | null {
  if (!err || typeof err !== 'object' || typeof (err as PgError).code !== 'string') return null;
  const e = err as PgError;
  return {
    code: e.code as string,
    constraint: typeof e.constraint === 'string' ? e.constraint : '',
    message: typeof e.message === 'string' ? e.message : '',
  };
}

/**
 * Runs `fn`, turning the database errors named in `map` (by SQLSTATE) into the given AppError;
 * anything else is rethrown as it is (errors.ts maps the rest).
 */
export async function mapDbErrors<T>(fn: () => Promise<T>, map: Partial<Record<string, AppError>>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const pg = pgError(err);
    const mapped = pg ? map[pg.code] : undefined;
    if (mapped) throw mapped;
    throw err;
  }
}
