// Builders for the diagnosis tests: real-shaped series and events, nothing mocked.
import { contextFor, type RuleContext } from './rules/context';
import type { DiagnosisInput, Series, StreamEventInput } from './types';

export const T0 = Date.parse('2026-12-02T12:00:00Z');
export const PERIOD = 5_000;
export const MIN = 60_000;

/** A 5-second series starting at T0 with these values. */
export const series = (values: number[], start = T0, period = PERIOD): Series => ({
  timestamps: values.map((_, i) => start + i * period),
  values,
});

/** `n` points of `value`, then `m` of `other`: ten minutes is 120 points. */
export const steps = (...runs: [count: number, value: number][]): number[] => runs.flatMap(([n, v]) => Array<number>(n).fill(v));

/** An event as the SDK's StreamEvent has it (eventTime a Date), which is also a StreamEventInput. */
type SdkEvent = StreamEventInput & { eventTime: Date };
export const event = (name: string, atMs: number, extra: { type?: string; code?: string } = {}): SdkEvent => ({
  name,
  eventTime: new Date(atMs),
  ...extra,
});

export const ctx = (input: Partial<DiagnosisInput>): RuleContext => contextFor({ channelType: 'STANDARD', ...input });
