import type { Context } from 'hono';
import { z } from 'zod';
import { LAB_CODE_MAX_CHARS } from '../contract/labs.ts';
import type { Env } from '../http/context.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { jsonBody, param, uuid } from '../http/validate.ts';
import { LabsUnavailableError } from './errors.ts';
import type { LabRunner, LabTestFile } from './runner.ts';

/** Request helpers shared by the learner's and the editor's lab routes. */

type C = Context<Env>;

/** Any string: the length is checked apart, so an oversized program is a 413, not a 400. */
const codeBodySchema = z.strictObject({ code: z.string() });
const optionalCodeSchema = z.strictObject({ code: z.string().optional() });

function checkLength(code: string): string {
  if (code.length > LAB_CODE_MAX_CHARS) {
    throw new AppError(413, 'code_too_large', `code is limited to ${LAB_CODE_MAX_CHARS} characters`);
  }
  return code;
}

/** `{ code }` from a strict JSON body: 400 when malformed, 413 code_too_large past 100,000 characters. */
export async function codeBody(c: C): Promise<string> {
  const { code } = await jsonBody(c, codeBodySchema);
  return checkLength(code);
}

/** `{ code? }`, or no body at all: undefined when no code is given. */
export async function optionalCodeBody(c: C): Promise<string | undefined> {
  const noBody = !c.req.header('content-type') && !Number(c.req.header('content-length') ?? 0);
  if (noBody) return undefined;
  const { code } = await jsonBody(c, optionalCodeSchema);
  return code === undefined ? undefined : checkLength(code);
}

export const labIdParam = (c: C) => param(c, 'id', uuid, badRequest('lab id must be a UUID'));

/** The runner, or a 503 labs_unavailable when this host has none. */
export function requireRunner(runner: LabRunner | undefined): LabRunner {
  if (!runner) throw new LabsUnavailableError();
  return runner;
}

/** The test files of a run: visible first, then hidden (empty files are left out). */
export function testFiles(visible: string, hidden: string | null): LabTestFile[] {
  const files: LabTestFile[] = [];
  if (visible.trim()) files.push({ source: visible, hidden: false });
  if (hidden?.trim()) files.push({ source: hidden, hidden: true });
  return files;
}
