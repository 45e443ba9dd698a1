import 'server-only';
import type { Queryable } from '@/lib/store';

// What the intake did with each delivery, counted in the store (migration 10), never the deliveries
// themselves: a refused body is not kept anywhere. Shown on /alerts.
export const INTAKE_OUTCOMES = ['recorded', 'duplicate', 'ignored', 'unauthorized', 'malformed', 'too-large'] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

export async function countIntake(db: Queryable, outcome: IntakeOutcome, now = new Date()): Promise<void> {
  await db.query(
    `INSERT INTO eventbridge_intake (outcome, count, last_at) VALUES ($1, 1, $2)
     ON CONFLICT (outcome) DO UPDATE SET count = eventbridge_intake.count + 1, last_at = GREATEST(eventbridge_intake.last_at, $2)`,
    [outcome, now],
  );
}

export interface IntakeCount {
  outcome: IntakeOutcome;
  count: number;
  lastAt: Date | null;
}

export async function intakeCounts(db: Queryable): Promise<IntakeCount[]> {
  const { rows } = await db.query<{ outcome: string; count: string | number; last_at: Date | string }>(
    'SELECT outcome, count, last_at FROM eventbridge_intake',
  );
  const byOutcome = new Map(rows.map((r) => [r.outcome, r]));
  return INTAKE_OUTCOMES.map((outcome) => {
    const row = byOutcome.get(outcome);
    return { outcome, count: row ? Number(row.count) : 0, lastAt: row ? new Date(row.last_at) : null };
  });
}
