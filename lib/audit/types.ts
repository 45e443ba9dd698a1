// One audit record: who did what to which resource, and how it ended. Never a secret.
export interface AuditEntry {
  id: string;
  at: string; // ISO 8601
  user: string; // email
  role: string;
  region: string;
  action: string; // 'channel.create', 'stream-key.reveal', …
  resourceArn?: string;
  outcome: 'success' | 'failure' | 'denied';
  error?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditFilter {
  user?: string;
  action?: string;
  resource?: string;
  from?: string; // ISO
  to?: string; // ISO
  limit?: number;
  /** Matching records to skip (newest first), for paging. */
  offset?: number;
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  query(filter: AuditFilter): Promise<AuditEntry[]>;
}
