/**
 * Port between the edge (routes) and the code-lab runner (sandbox/ on the Node host,
 * or a remote runner over HTTP from an Edge Function). No runtime dependencies: it loads
 * under Node and Deno alike.
 */
export type LabLanguage = 'javascript' | 'typescript';
export type LabRunStatus = 'passed' | 'failed' | 'error' | 'timeout' | 'memory';

export interface LabTestFile {
  source: string;
  hidden: boolean;
}

export interface LabJob {
  /** For the per-user rate limit and fairness. */
  userId: string;
  language: LabLanguage;
  /** The learner's (or reference) code, <= 100,000 chars. */
  code: string;
  /** Visible first, then hidden. */
  tests: LabTestFile[];
  /** CPU limit for the whole run (all tests). */
  timeLimitMs: number;
  memoryLimitMb: number;
  /**
   * For a course manager's check: the hidden tests keep their messages and the console output
   * goes on while they run (results are still marked hidden). Never for a learner's run.
   */
  revealHidden?: boolean;
}

export interface LabTestResult {
  name: string;
  passed: boolean;
  message: string | null;
  hidden: boolean;
}

export interface LabRunResult {
  status: LabRunStatus;
  /** 0..100, percentage of tests passed (2 decimals); 0 unless status passed/failed. */
  score: number;
  tests: LabTestResult[];
  /** Console output, capped (<= 16 KiB), "…[output truncated]" marker at the cap. */
  output: string;
  durationMs: number;
}

export interface LabQueueStats {
  workers: number;
  busy: number;
  queued: number;
  maxQueue: number;
  completed: number;
  crashed: number;
  restarts: number;
  rejected: number;
  /** Last 60 samples, one per second, for a chart. */
  recent: { at: string; queued: number; busy: number }[];
}

export type LabQueueErrorCode = 'rate_limited' | 'queue_full' | 'runner_unavailable';

/** The only way LabRunner.run rejects. Fields are plain (erasableSyntaxOnly: no parameter properties). */
export class LabQueueError extends Error {
  readonly code: LabQueueErrorCode;
  readonly retryAfterSeconds: number;
  constructor(code: LabQueueErrorCode, message: string, retryAfterSeconds: number) {
    super(message);
    this.name = 'LabQueueError';
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface LabRunner {
  /** Rejects only with LabQueueError. */
  run(job: LabJob): Promise<LabRunResult>;
  stats(): LabQueueStats;
  /**
   * Optional: fresh stats when they live elsewhere (the remote runner asks the Node service;
   * its stats() answers the last ones it saw). The admin queue route prefers it when present.
   */
  statsNow?(): Promise<LabQueueStats>;
  close(): Promise<void>;
}
