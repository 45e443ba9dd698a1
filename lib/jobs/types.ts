// Bulk work the server runs (lib/jobs): what the store keeps and the pages show. Client-safe.

export type JobKind = 'tags' | 'rotate-keys' | 'delete-channels' | 'detach-delete' | 'clone';
export type JobStatus = 'running' | 'cancelled' | 'finished';
export type ItemState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** A bulk tag change: tags to add or overwrite, and keys to remove, on every item. */
export interface TagJobParams {
  set: Record<string, string>;
  remove: string[];
}

/** A bulk stream key rotation: whether to stop each live stream too. */
export interface RotateJobParams {
  stopStream: boolean;
}

/** Deleting channels takes no settings. */
export type DeleteJobParams = Record<string, never>;

/** The resources channels reference, which IVS refuses to delete while any channel does. */
export type ReferencedResource = 'recording-configuration' | 'restriction-policy' | 'ad-configuration';

/**
 * Detaching a resource from every channel that uses it, then deleting it. Its items run in order, the
 * resource last; the first channel that refuses (a live one) stops the run and nothing is deleted.
 */
export interface DetachDeleteParams {
  resource: ReferencedResource;
  resourceArn: string;
  label: string;
}

/**
 * Copying channels and the resources they reference into another region. Its items are the references
 * first, then the channels; a channel starts once every reference has ended, and uses their copies.
 */
export interface CloneParams {
  targetRegion: string;
  /** The S3 bucket in the target region for each recording configuration (by source ARN). */
  buckets: Record<string, string>;
  /** The MediaTailor playback configurations in the target region for each ad configuration (by source ARN). */
  playbackConfigurations: Record<string, string[]>;
}

export type JobParams = TagJobParams | RotateJobParams | DeleteJobParams | DetachDeleteParams | CloneParams;

export interface JobItem {
  seq: number;
  /** The resource's ARN. */
  target: string;
  /** Its name, as the operator saw it when starting the job. */
  label: string;
  state: ItemState;
  attempts: number;
  message: string;
}

export interface JobSummary {
  id: string;
  kind: JobKind;
  region: string;
  params: JobParams;
  startedBy: string;
  status: JobStatus;
  createdAt: number;
  finishedAt: number | null;
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  /** IVS calls made, and ThrottlingExceptions met (each retried after a pause, never a failure). */
  calls: number;
  throttled: number;
}

export interface Job extends JobSummary {
  items: JobItem[];
}
