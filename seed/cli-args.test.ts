import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './cli-args.ts';

describe('npm run seed arguments', () => {
  it('seeds the demo data alone without arguments', () => {
    expect(parseSeedArgs([])).toEqual({});
  });

  it('takes --scale N and --scale=N', () => {
    expect(parseSeedArgs(['--scale', '100'])).toEqual({ scale: 100 });
    expect(parseSeedArgs(['--scale=3'])).toEqual({ scale: 3 });
  });

  it('refuses a missing, fractional, negative or huge scale, and unknown arguments', () => {
    const bad = [
      ['--scale'],
      ['--scale', '1.5'],
      ['--scale', '-2'],
      ['--scale', '0'],
      ['--scale=20000'],
      ['--scale', 'x'],
    ];
    for (const argv of bad) {
      expect(() => parseSeedArgs(argv), argv.join(' ')).toThrow(/--scale wants a whole number/);
    }
    expect(() => parseSeedArgs(['--scael', '5'])).toThrow(/unknown argument --scael/);
  });
});
