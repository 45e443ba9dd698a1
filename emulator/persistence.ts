import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { PersistedState } from './records';

// Reads a state file. A missing file means "start empty"; anything unreadable is an error the
// caller must surface, because silently starting empty would wipe the user's data on next save.
export function loadStateFile(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read state file ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`State file ${file} is not valid JSON (${(err as Error).message}). Fix or move it away; it was left untouched.`);
  }
  const d = data as Partial<PersistedState>;
  if (typeof d !== 'object' || d === null || d.version !== 1 || typeof d.regions !== 'object' || d.regions === null) {
    throw new Error(`State file ${file} is not a Local IVS state file (expected {"version":1,"regions":{...}}). It was left untouched.`);
  }
  return d as PersistedState;
}

// Debounced, atomic saver: the snapshot is written to a temp file then renamed over the target,
// so a crash mid-write never leaves a half-written state file.
export class StateWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  lastError: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => unknown,
    private readonly debounceMs = 150,
  ) {}

  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref?.();
  }

  // Writes now if anything changed; resolves once the data is on disk.
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const json = JSON.stringify(this.snapshot());
    this.writing = this.writing.then(() => this.write(json));
    return this.writing;
  }

  private async write(json: string): Promise<void> {
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
      await writeFile(tmp, json, 'utf8');
      await rename(tmp, this.file);
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err as Error;
      await unlink(tmp).catch(() => {});
      process.stderr.write(`Local IVS: could not save state to ${this.file}: ${(err as Error).message}\n`);
    }
  }
}
