/**
 * The performance guard's detector: reads one EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) plan and
 * says where work is done once per row that a set-based policy would do once per statement.
 *
 * Findings, with `maxLoops` (default 50) the most repetitions tolerated:
 * - per-row subplan: a node whose parent relationship is 'SubPlan' (a correlated subquery; an
 *   InitPlan runs once, a hashed SubPlan once) that ran more than maxLoops times. That is what
 *   `(select private.f(course_id))` compiles to: wrapping a call that takes a column of the row
 *   in `(select ...)` caches nothing, the subplan runs for every row scanned.
 * - per-row helper: a Function Scan of a private.* function that ran more than maxLoops times,
 *   or a per-row expression of a node (Filter, Join Filter, Hash/Merge Cond, Output) that calls
 *   a private.* function and was evaluated on more than maxLoops rows (a bare `private.f(...)`
 *   without `(select ...)`, even without arguments, runs once per row).
 * The subplan and the helpers are named, so a failure can point at the policy.
 */

export interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Function Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Filter?: string;
  'Join Filter'?: string;
  'Hash Cond'?: string;
  'Merge Cond'?: string;
  Output?: string[];
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface Explained {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

export interface Finding {
  kind: 'per-row subplan' | 'per-row helper';
  /** The offending node, in words: what it is, how often it ran, and under which node. */
  node: string;
  /** How many times it ran (subplans, function scans) or how many rows it was evaluated on. */
  times: number;
  /** private.* functions the offending node or subplan calls. */
  helpers: string[];
  /** Tables the offending subplan reads. */
  relations: string[];
}

export const DEFAULT_MAX_LOOPS = 50;

/** EXPLAIN's JSON, as PGlite or pg hand it back (parsed, or as text), reduced to its one entry. */
export function parseExplain(value: unknown): Explained {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const entry = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!entry || typeof entry !== 'object' || !('Plan' in entry)) throw new Error('not an EXPLAIN (FORMAT JSON) result');
  return entry as Explained;
}

/** Planning plus execution time, in ms: what a caller waits for, less the network. */
export const totalMs = (e: Explained) => (e['Planning Time'] ?? 0) + (e['Execution Time'] ?? 0);

const HELPER = /\bprivate\.(\w+)\s*\(/g;
const PER_ROW_EXPRESSIONS = ['Filter', 'Join Filter', 'Hash Cond', 'Merge Cond'] as const;

function helpersIn(text: string): string[] {
  return [...new Set([...text.matchAll(HELPER)].map((m) => `private.${m[1]}`))];
}

function expressionsOf(node: PlanNode): string {
  return [...PER_ROW_EXPRESSIONS.map((k) => node[k] ?? ''), ...(node.Output ?? [])].join('\n');
}

/** Visits a plan depth-first; `visit` returns false to leave the node's children out. */
function walk(node: PlanNode, visit: (node: PlanNode, parent: PlanNode | undefined) => unknown, parent?: PlanNode) {
  if (visit(node, parent) === false) return;
  for (const child of node.Plans ?? []) walk(child, visit, node);
}

/** Every expression and relation of a subtree, for naming what a subplan does. */
function subtree(node: PlanNode): { helpers: string[]; relations: string[] } {
  const texts: string[] = [];
  const relations = new Set<string>();
  walk(node, (n) => {
    texts.push(expressionsOf(n), n['Index Cond'] ? String(n['Index Cond']) : '');
    if (n['Relation Name']) relations.add(`${n.Schema ? `${n.Schema}.` : ''}${n['Relation Name']}`);
    if (n['Function Name']) texts.push(`${n.Schema ?? ''}.${n['Function Name']}(`);
  });
  return { helpers: helpersIn(texts.join('\n')), relations: [...relations] };
}

export function describeNode(node: PlanNode): string {
  const what = node['Relation Name']
    ? `${node['Node Type']} on ${node.Schema ? `${node.Schema}.` : ''}${node['Relation Name']}`
    : node['Function Name']
      ? `${node['Node Type']} of ${node.Schema ? `${node.Schema}.` : ''}${node['Function Name']}()`
      : node['Node Type'];
  return node['Subplan Name'] ? `${node['Subplan Name']} (${what})` : what;
}

const loopsOf = (n: PlanNode) => n['Actual Loops'] ?? 1;
/**
 * Rows a node's per-row expressions were evaluated on, over all its loops. A ProjectSet
 * evaluates its set-returning calls once per input row (its child's), not per row it emits.
 */
function rowsSeen(n: PlanNode): number {
  if (n['Node Type'] === 'ProjectSet') {
    const input = (n.Plans ?? []).filter((c) => c['Parent Relationship'] === 'Outer');
    return loopsOf(n) * (input.length ? input.reduce((sum, c) => sum + (c['Actual Rows'] ?? 0), 0) : 1);
  }
  return (
    loopsOf(n) *
    ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Join Filter'] ?? 0))
  );
}

export function perRowFindings(plan: PlanNode, maxLoops = DEFAULT_MAX_LOOPS): Finding[] {
  const findings: Finding[] = [];
  walk(plan, (node, parent) => {
    const under = parent ? ` under ${describeNode(parent)}` : '';
    const loops = loopsOf(node);
    if (node['Parent Relationship'] === 'SubPlan' && loops > maxLoops) {
      const what = `${describeNode(node)} ran ${loops} times${under}`;
      findings.push({ kind: 'per-row subplan', node: what, times: loops, ...subtree(node) });
      return false; // what runs inside it is part of this finding
    }
    if (node['Node Type'] === 'Function Scan' && node.Schema === 'private' && loops > maxLoops) {
      const helpers = [`private.${node['Function Name']}`];
      const what = `${describeNode(node)} ran ${loops} times${under}`;
      findings.push({ kind: 'per-row helper', node: what, times: loops, helpers, relations: [] });
      return false;
    }
    const helpers = helpersIn(expressionsOf(node));
    const rows = rowsSeen(node);
    if (helpers.length && rows > maxLoops) {
      findings.push({
        kind: 'per-row helper',
        node: `${describeNode(node)} calls ${helpers.join(', ')} on each of ${rows} rows${under}`,
        times: rows,
        helpers,
        relations: [],
      });
    }
    return true;
  });
  return findings;
}

/** The read is too slow: more than `factor` times the owner's time and more than `floorMs`. */
export function tooSlow(roleMs: number, ownerMs: number, factor = 3, floorMs = 25): boolean {
  return roleMs > factor * ownerMs && roleMs > floorMs;
}

export interface Policy {
  name: string;
  /** USING, or WITH CHECK where there is no USING */
  expression: string;
}

/**
 * The policies a finding points at: those whose expression calls one of its helpers or reads
 * one of its tables; all candidates when none does (the plan does not always say).
 */
export function blame(finding: Finding, candidates: Policy[]): Policy[] {
  const names = [...finding.helpers, ...finding.relations];
  // Expressions name tables without their schema when it is on the search_path.
  const mentions = (p: Policy, n: string) => p.expression.includes(n) || p.expression.includes(n.replace(/^\w+\./, ''));
  const hit = candidates.filter((p) => names.some((n) => mentions(p, n)));
  return hit.length ? hit : candidates;
}
