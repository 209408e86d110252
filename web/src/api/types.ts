export type Role = 'user' | 'moderator' | 'admin';
export type Tier = 'free' | 'pro' | 'lifetime';

export const ROLES: readonly Role[] = ['user', 'moderator', 'admin'];
export const TIERS: readonly Tier[] = ['free', 'pro', 'lifetime'];

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
}

export interface RegisteredUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tier: Tier;
}

export interface Quota {
  /** null means unlimited */
  limit: number | null;
  used: number;
  remaining: number | null;
  resetsAt: string;
}

export interface Me extends RegisteredUser {
  quota: Quota;
}

export interface Project {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tier: Tier;
  createdAt: string;
  lockedUntil: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  details: unknown;
  hash: string;
  keyId: string | null;
  prevHash?: string;
  signature?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  headHash: string | null;
  firstBadSeq: number | null;
  reason: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  stage: string | null;
  createdAt: string;
  updatedAt: string;
  error: string | null;
  /** The handler's result JSON once succeeded (the server's JobView.Result). */
  result?: string | null;
}

/** The result of a `blobs.sweep` job (`POST /api/admin/blobs/sweep`). */
export interface BlobSweepReport {
  dryRun: boolean;
  cutoff: string;
  stored: number;
  referenced: number;
  orphans: number;
  orphanBytes: number;
  deleted: number;
  deletedBytes: number;
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
