// Runs: node (central CLI, tests, benchmarks). The admin side of the platform API over HTTP, with
// the admin token as a Bearer. Errors carry the platform's code and message.
export class AdminApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export class AdminClient {
  constructor(readonly server: string, readonly token: string) {}

  async call<T>(method: string, path: string, body?: unknown, raw?: Buffer): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.server), {
        method,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': raw ? 'application/octet-stream' : 'application/json' },
        body: raw ? new Uint8Array(raw) : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new AdminApiError(0, 'UNREACHABLE', `Cannot reach the platform at ${this.server}: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const e = (json ?? {}) as { code?: string; message?: string };
      throw new AdminApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? text.slice(0, 200));
    }
    return json as T;
  }

  enrollCode(store: string, ttlMinutes?: number) {
    return this.call<{ code: string; store: string; expiresAt: string }>('POST', '/v1/admin/enroll-codes', { store, ...(ttlMinutes ? { ttlMinutes } : {}) });
  }
  stats() {
    return this.call<{ terminals: number; revoked: number; records: Record<string, number>; duplicates: number; rejected: number }>('GET', '/v1/admin/stats');
  }
  recordsSummary(store: string) {
    return this.call<{ records: number; distinctRecords: number; rejections: number; byTerminal: Record<string, { records: number; distinctIds: number; minSeq: number; maxSeq: number }> }>(
      'GET', `/v1/admin/stores/${encodeURIComponent(store)}/records`,
    );
  }
  fleet() {
    return this.call<Record<string, unknown>>('GET', '/v1/admin/fleet');
  }
  revoke(terminalId: string) {
    return this.call<{ id: string; revokedAt: string }>('POST', `/v1/admin/terminals/${encodeURIComponent(terminalId)}/revoke`, {});
  }
  publishChanges(store: string, changes: Array<{ kind: string; key: string; op: 'upsert' | 'delete'; data?: unknown }>) {
    return this.call<{ stores: number; changes: number }>('POST', '/v1/admin/changes', { store, changes });
  }
  publishModel(name: string, version: string, artifact: Buffer, rollout = 100) {
    return this.call<{ name: string; version: string; sha256: string; length: number; metadataVersion: number }>(
      'POST', `/v1/admin/models/${encodeURIComponent(name)}/${encodeURIComponent(version)}?rollout=${rollout}`, undefined, artifact,
    );
  }
  setRollout(name: string, version: string, rollout: number) {
    return this.call<unknown>('POST', `/v1/admin/models/${encodeURIComponent(name)}/${encodeURIComponent(version)}/rollout`, { rollout });
  }
  rollback(name: string, version: string) {
    return this.call<unknown>('POST', `/v1/admin/models/${encodeURIComponent(name)}/${encodeURIComponent(version)}/rollback`, {});
  }
}
