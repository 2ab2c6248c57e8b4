import { describe, expect, it } from 'vitest';
import { blame, type PlanNode, parseExplain, perRowFindings, tooSlow, totalMs } from './plan.ts';

/** Today's anon read of lessons at N = 100 (PostgreSQL 15, trimmed): two helpers per row. */
const PER_ROW_LESSONS = [
  {
    Plan: {
      'Node Type': 'Seq Scan',
      'Relation Name': 'lessons',
      Schema: 'public',
      Alias: 'lessons',
      'Actual Rows': 12455,
      'Actual Loops': 1,
      Output: ['lessons.id', 'lessons.course_id'],
      Filter: "(((lessons.status = 'published'::lesson_status) AND (SubPlan 1)) OR (SubPlan 2))",
      'Rows Removed by Filter': 2553,
      Plans: [
        {
          'Node Type': 'Result',
          'Parent Relationship': 'SubPlan',
          'Subplan Name': 'SubPlan 1',
          'Actual Rows': 1,
          'Actual Loops': 14632,
          Output: ['private.course_is_published(lessons.course_id)'],
        },
        {
          'Node Type': 'Result',
          'Parent Relationship': 'SubPlan',
          'Subplan Name': 'SubPlan 2',
          'Actual Rows': 1,
          'Actual Loops': 2553,
          Output: ['private.can_manage_course(lessons.course_id)'],
        },
      ],
    },
    'Planning Time': 0.954,
    Triggers: [],
    'Execution Time': 3226.9,
  },
];

/** A set-based policy: an InitPlan for is_admin(), a hashed subplan over the visible ids. */
const SET_BASED: PlanNode = {
  'Node Type': 'Seq Scan',
  'Relation Name': 'lessons',
  Schema: 'public',
  'Actual Rows': 12455,
  'Actual Loops': 1,
  Filter: '((hashed SubPlan 2) OR $0)',
  'Rows Removed by Filter': 2553,
  Plans: [
    {
      'Node Type': 'Result',
      'Parent Relationship': 'InitPlan',
      'Subplan Name': 'InitPlan 1 (returns $0)',
      'Actual Rows': 1,
      'Actual Loops': 1,
      Output: ['private.is_admin()'],
    },
    {
      'Node Type': 'Function Scan',
      'Parent Relationship': 'SubPlan',
      'Subplan Name': 'SubPlan 2',
      'Function Name': 'visible_course_ids',
      Schema: 'private',
      'Actual Rows': 1275,
      'Actual Loops': 1,
      Output: ['visible_course_ids.visible_course_ids'],
    },
  ],
};

/** A correlated EXISTS on company_members, looping per profile, with a helper inside. */
const PER_ROW_EXISTS: PlanNode = {
  'Node Type': 'Seq Scan',
  'Relation Name': 'profiles',
  Schema: 'public',
  'Actual Rows': 2,
  'Actual Loops': 1,
  Filter: "((id = '...'::uuid) OR $0 OR (SubPlan 2))",
  'Rows Removed by Filter': 20055,
  Plans: [
    {
      'Node Type': 'Index Scan',
      'Parent Relationship': 'SubPlan',
      'Subplan Name': 'SubPlan 2',
      'Relation Name': 'company_members',
      Schema: 'public',
      'Actual Rows': 0,
      'Actual Loops': 20056,
      'Index Cond': '(m.user_id = profiles.id)',
      Filter: '(SubPlan 1)',
      Plans: [
        {
          'Node Type': 'Result',
          'Parent Relationship': 'SubPlan',
          'Subplan Name': 'SubPlan 1',
          'Actual Rows': 1,
          'Actual Loops': 5005,
          Output: ['private.is_company_admin(m.company_id)'],
        },
      ],
    },
  ],
};

const POLICIES = [
  {
    name: 'anyone reads published lessons',
    expression: "((status = 'published') AND (SELECT private.course_is_published(lessons.course_id)))",
  },
  { name: 'managers read their lessons', expression: '(SELECT private.can_manage_course(lessons.course_id))' },
  { name: 'admins read all', expression: '(SELECT private.is_admin())' },
];

describe('perRowFindings', () => {
  it('finds each subplan that loops once per row, names its helper and the node above it', () => {
    const findings = perRowFindings(parseExplain(PER_ROW_LESSONS).Plan);
    expect(findings).toEqual([
      {
        kind: 'per-row subplan',
        node: 'SubPlan 1 (Result) ran 14632 times under Seq Scan on public.lessons',
        times: 14632,
        helpers: ['private.course_is_published'],
        relations: [],
      },
      {
        kind: 'per-row subplan',
        node: 'SubPlan 2 (Result) ran 2553 times under Seq Scan on public.lessons',
        times: 2553,
        helpers: ['private.can_manage_course'],
        relations: [],
      },
    ]);
  });

  it('passes InitPlans and hashed subplans, which run once per statement', () => {
    expect(perRowFindings(SET_BASED)).toEqual([]);
  });

  it('reports a correlated EXISTS once, with the table it reads and the helper inside it', () => {
    const findings = perRowFindings(PER_ROW_EXISTS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'per-row subplan',
      node: 'SubPlan 2 (Index Scan on public.company_members) ran 20056 times under Seq Scan on public.profiles',
      helpers: ['private.is_company_admin'],
      relations: ['public.company_members'],
    });
  });

  it('counts a set-returning helper in a ProjectSet once per input row, not per row it returns', () => {
    // PostgreSQL 17 (PGlite): `n in (select private.allowed())` is a hashed subplan over a ProjectSet.
    const projectSet = (inputRows: number): PlanNode => ({
      'Node Type': 'Seq Scan',
      'Relation Name': 'g',
      Schema: 'tests',
      'Actual Rows': 1000,
      'Actual Loops': 1,
      Filter: '(ANY (g.n = (hashed SubPlan 1).col1))',
      'Rows Removed by Filter': 1000,
      Plans: [
        {
          'Node Type': 'ProjectSet',
          'Parent Relationship': 'SubPlan',
          'Subplan Name': 'SubPlan 1',
          'Actual Rows': 1001,
          'Actual Loops': 1,
          Output: ['private.allowed()'],
          Plans: [
            { 'Node Type': 'Result', 'Parent Relationship': 'Outer', 'Actual Rows': inputRows, 'Actual Loops': 1 },
          ],
        },
      ],
    });
    expect(perRowFindings(projectSet(1))).toEqual([]);
    expect(perRowFindings(projectSet(500))).toMatchObject([
      { kind: 'per-row helper', helpers: ['private.allowed'], times: 500 },
    ]);
  });

  it('tolerates up to maxLoops repetitions (a handful of rows is no pattern)', () => {
    const small: PlanNode = structuredClone(PER_ROW_LESSONS[0]!.Plan);
    small.Plans![0]!['Actual Loops'] = 50;
    small.Plans![1]!['Actual Loops'] = 12;
    expect(perRowFindings(small)).toEqual([]);
    expect(perRowFindings(small, 10)).toHaveLength(2);
  });

  it('finds a bare helper call in a filter, evaluated on every row scanned', () => {
    const bare: PlanNode = {
      'Node Type': 'Seq Scan',
      'Relation Name': 'categories',
      Schema: 'public',
      'Actual Rows': 3,
      'Actual Loops': 1,
      'Rows Removed by Filter': 997,
      Filter: '(is_active OR private.is_admin())',
    };
    expect(perRowFindings(bare)).toEqual([
      {
        kind: 'per-row helper',
        node: 'Seq Scan on public.categories calls private.is_admin on each of 1000 rows',
        times: 1000,
        helpers: ['private.is_admin'],
        relations: [],
      },
    ]);
    expect(perRowFindings({ ...bare, 'Rows Removed by Filter': 7 })).toEqual([]);
  });

  it('finds a private function scan repeated inside a nested loop', () => {
    const nested: PlanNode = {
      'Node Type': 'Nested Loop',
      'Actual Rows': 400,
      'Actual Loops': 1,
      Plans: [
        {
          'Node Type': 'Seq Scan',
          'Relation Name': 'enrollments',
          Schema: 'public',
          'Actual Rows': 400,
          'Actual Loops': 1,
        },
        {
          'Node Type': 'Function Scan',
          'Function Name': 'my_course_ids',
          Schema: 'private',
          'Parent Relationship': 'Inner',
          'Actual Rows': 1,
          'Actual Loops': 400,
        },
      ],
    };
    expect(perRowFindings(nested)).toEqual([
      {
        kind: 'per-row helper',
        node: 'Function Scan of private.my_course_ids() ran 400 times under Nested Loop',
        times: 400,
        helpers: ['private.my_course_ids'],
        relations: [],
      },
    ]);
  });
});

describe('blame', () => {
  it('names the policy whose expression calls the helper', () => {
    const [first, second] = perRowFindings(parseExplain(PER_ROW_LESSONS).Plan);
    expect(blame(first!, POLICIES).map((p) => p.name)).toEqual(['anyone reads published lessons']);
    expect(blame(second!, POLICIES).map((p) => p.name)).toEqual(['managers read their lessons']);
  });

  it('names the policy that reads the subplan table, or every candidate when nothing matches', () => {
    const [finding] = perRowFindings(PER_ROW_EXISTS);
    const exists = {
      name: 'company admins read members',
      expression: '(EXISTS ( SELECT 1 FROM company_members m WHERE ...))',
    };
    expect(blame({ ...finding!, helpers: [] }, [...POLICIES, exists]).map((p) => p.name)).toEqual([
      'company admins read members',
    ]);
    expect(blame({ ...finding!, helpers: ['private.unknown'], relations: [] }, POLICIES)).toEqual(POLICIES);
  });
});

describe('timing', () => {
  it('is too slow only above 3x the owner and above 25 ms', () => {
    expect(tooSlow(438, 12)).toBe(true);
    expect(tooSlow(30, 12)).toBe(false); // under 3x
    expect(tooSlow(20, 2)).toBe(false); // under 25 ms
    expect(tooSlow(26, 8)).toBe(true);
  });

  it('reads EXPLAIN JSON as text or parsed and adds planning to execution', () => {
    const e = parseExplain(JSON.stringify(PER_ROW_LESSONS));
    expect(totalMs(e)).toBeCloseTo(3227.854, 3);
    expect(() => parseExplain('[{"nope": 1}]')).toThrow(/EXPLAIN/);
  });
});
