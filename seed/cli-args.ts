/** The seed CLI's arguments: `npm run seed [-- --scale N]`. */

export interface SeedArgs {
  /** Also write the scale fixture at this scale (seed/scale.ts). */
  scale?: number;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--scale=(.*)$/.exec(arg);
    if (arg === '--scale' || inline) {
      const value = inline ? inline[1]! : argv[++i];
      const n = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || n < 1 || n > 10_000) {
        const got = value ?? 'nothing';
        throw new Error(`--scale wants a whole number from 1 to 10000 (100 gives about 1,500 courses), got ${got}`);
      }
      args.scale = n;
    } else {
      throw new Error(`unknown argument ${arg}; usage: npm run seed [-- --scale N]`);
    }
  }
  return args;
}
