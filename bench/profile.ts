/**
 * Top frames of a V8 CPU profile (`node --cpu-prof`, written by the bench's server when
 * BENCH_CPU_PROF names a folder): self time per function, summed over the profile's nodes,
 * as a share of all samples. `node bench/profile.ts <file.cpuprofile> [n]` prints them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
}

export interface Frame {
  name: string;
  share: number;
}

const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return m ? m[1]! : url ? basename(url) : '';
};

/** Self time by function (name and package or file), largest first. Pure. */
export function topFrames(profile: CpuProfile, n = 15): Frame[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const place = where(frame.url);
    const name = `${frame.functionName || '(anonymous)'}${place ? ` ${place}` : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ name, share: count / total }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/profile.ts <file.cpuprofile> [n]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const f of topFrames(profile, Number(n ?? 15)))
    process.stdout.write(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}\n`);
}
