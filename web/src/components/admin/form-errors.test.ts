import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-errors.ts';

describe('field errors of a refused form', () => {
  it("reads a refusal's per-field messages, the first per field", () => {
    expect(
      fieldErrors([
        { path: 'email', message: 'enter a valid email address' },
        { path: 'email', message: 'second' },
        { path: 'message', message: 'too short' },
        { nope: 1 },
      ]),
    ).toEqual({ email: 'enter a valid email address', message: 'too short' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});
