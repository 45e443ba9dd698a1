// One audit record: who did what to which resource, and how it ended. Never a secret.
export interface AuditEntry {
  id: string;
  at: string; // ISO 8601
  user: string; // email
  role: string;
  region: string;
  action: string; // 'channel.create', 'stream-key.reveal', …
  resourceArn?: string;
  /** The resource it belongs to, when that is another one: a stream key's channel. A filter by either finds it. */
  parentArn?: string;
  outcome: 'success' | 'failure' | 'denied';
  error?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Where a page ended: the next (older) page starts after this record. */
export interface AuditCursor {
  at: string; // ISO
  id: string;
}

// Exact matches, so every filter is an index lookup in (at, id) order: user ignores case (emails do),
// action and resource (a full ARN) are compared as written; resource matches a record's own ARN or the
// ARN it belongs to (parentArn), so filtering by a channel finds its stream key's reveals too.
export interface AuditFilter {
  user?: string;
  action?: string;
  resource?: string;
  outcome?: AuditEntry['outcome'];
  from?: string; // ISO
  to?: string; // ISO
  limit?: number;
  /** Keyset paging: only records older than this one. */
  before?: AuditCursor;
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  query(filter: AuditFilter): Promise<AuditEntry[]>;
  /** Deletes records older than `cutoff`, at most `batch` of them; returns how many went. */
  deleteOlderThan(cutoff: Date, batch: number): Promise<number>;
}
