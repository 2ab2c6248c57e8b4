import { describe, expect, it } from 'vitest';
import { freshPglite } from '../tests/support/db.ts';
import { benchQuizDatabase, formatQuizBench } from './quizzes.ts';

describe('quiz submission bench', () => {
  it('grades real submissions through the function and writes the floor, then prints the ratio', async () => {
    const t = await freshPglite();
    try {
      const rows = await benchQuizDatabase('pglite', t.db, 0.2, 5);
      expect(rows.map((r) => r.path)).toEqual(['submit_quiz_attempt', 'bare SQL floor']);
      for (const r of rows) {
        expect(r.measure.count).toBeGreaterThan(0);
        expect(r.measure.count).toBeLessThanOrEqual(5);
      }
      const [graded] = await t.db.asOwner((sql) =>
        sql.query<{ n: number }>(
          "select count(*)::int as n from public.quiz_attempts where status = 'submitted' and score_percent = 100",
        ),
      );
      expect(graded!.n).toBeGreaterThanOrEqual(rows[0]!.measure.count + rows[1]!.measure.count);
      const out = formatQuizBench(rows);
      expect(out).toMatch(/pglite: ratio submit_quiz_attempt \/ floor \(subs\/s\): \d+\.\d\d/);
    } finally {
      await t.drop();
    }
  });
});
