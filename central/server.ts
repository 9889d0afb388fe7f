// Runs: node (central platform). The platform's HTTP API (Fastify): terminal routes are signed by
// the terminal's enrolled key, admin routes need the admin token. Bodies are read raw so the
// signature covers the exact bytes, then gunzipped under a size cap (a gzip bomb is a 413 with a
// reason, not an out-of-memory), parsed and checked with zod. Every refusal is logged.
import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ChangesResponse, EnrollRequest, HEADER_SERVER_TIME, ModelReport, PublishChangesRequest, UploadRequest, UploadResponse,
} from '../common/api/sync.ts';
import { publishChanges, readChanges } from './changes.ts';
import type { CentralDb } from './db.ts';
import { createEnrollCode, enrollTerminal, revokeTerminal } from './enrollment.ts';
import { HttpError, badRequest, forbidden, unauthorized } from './errors.ts';
import { allStoreIds, fleet, recordsSummary, stats } from './fleet.ts';
import { ingestBatch } from './ingest.ts';
import { tokenMatches } from './keys.ts';
import { artifactPath, currentTargets, isPublishedArtifact, publishModel, recordModelReports, updateModelVersion, type ModelsConfig } from './models.ts';
import { authenticateTerminal, type TerminalIdentity } from './terminal-auth.ts';
import { dashboardHtml, dashboardJs } from './dashboard.ts';
import { createLiveHub, type LiveHub } from './live.ts';
import type { Upstream } from './hub-link.ts';
import { storeOverview, type HubStatus } from './store-view.ts';
import type { HubEncoder } from './hub-encode.ts';
import { EncodeRequest } from '../common/api/live.ts';
import { zodIssue } from '../common/zod-issue.ts';

const gunzip = promisify(zlib.gunzip);

export interface ServerConfig {
  db: CentralDb;
  adminToken: string;
  models: ModelsConfig;
  /** Largest request body as sent (compressed), bytes. */
  maxBodyBytes?: number;
  /** Largest body after gunzip, bytes. */
  maxDecompressedBytes?: number;
  /** Largest model artifact an admin may upload, bytes. */
  maxArtifactBytes?: number;
  logLevel?: string;
  /** Live push to terminals (one per process; created when not given). */
  live?: LiveHub;
  /** Set when this instance is a store hub: what it serves differently from the platform. */
  hub?: HubRoutes;
}

/** A store hub serves one store, relays upward and serves the platform's model files from its cache. */
export interface HubRoutes {
  storeId: string;
  upstream: Upstream;
  /** The platform's signed targets as last fetched (terminals verify the platform's signature). */
  targets(): Promise<unknown>;
  /** The cached artifact's path, or null when the hub does not hold it (yet). */
  artifactFile(sha256: string): Promise<string | null>;
  /** Records were accepted: relay them upward soon. */
  onIngest(): void;
  status(): Promise<HubStatus>;
  /** Hybrid compute: the hub's own encoder for kiosks that ask. */
  encoder?: HubEncoder;
}

declare module 'fastify' {
  interface FastifyRequest {
    terminal?: TerminalIdentity;
  }
}

export const DEFAULT_MAX_BODY = 8 * 1024 * 1024;
export const DEFAULT_MAX_DECOMPRESSED = 32 * 1024 * 1024;

/** Loopback, or the machine's own address (the CLI on the hub box reaching its LAN address). */
export function fromThisMachine(req: Pick<FastifyRequest, 'socket'>): boolean {
  const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  return remote === '127.0.0.1' || remote === '::1' || (remote !== '' && remote === local);
}

export function buildServer(cfg: ServerConfig): FastifyInstance {
  const maxBody = cfg.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxDecompressed = cfg.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED;
  const maxArtifact = cfg.maxArtifactBytes ?? 1024 * 1024 * 1024;
  const { db } = cfg;
  const live = cfg.live ?? createLiveHub();
  const app = Fastify({ logger: { level: cfg.logLevel ?? 'info' }, logController: new LogController({ disableRequestLogging: true }), bodyLimit: maxBody, return503OnClosing: true });

  // Raw bytes for every body: the signature is over what was sent, and we decompress ourselves.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // Open live streams would hold close() open until they time out.
  app.addHook('preClose', async () => live.close());

  app.addHook('onSend', async (_req, reply) => {
    reply.header(HEADER_SERVER_TIME, String(Date.now()));
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const e = err as { statusCode?: number; code?: string; message?: string };
    let status = 500;
    let code = 'INTERNAL';
    let message = 'The platform failed to handle this request; the error was logged.';
    if (err instanceof HttpError) ({ status, code, message } = err);
    else if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') [status, code, message] = [413, 'BODY_TOO_LARGE', `The request body is larger than ${maxBody} bytes.`];
    else if (e.code === '23505') [status, code, message] = [409, 'CONFLICT', 'That already exists.'];
    else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) [status, code, message] = [e.statusCode, e.code ?? 'BAD_REQUEST', e.message ?? 'Bad request'];
    if (status >= 500) req.log.error({ err, url: req.url }, 'request failed');
    else req.log.warn({ url: req.url, method: req.method, status, code, reason: message, terminal: req.terminal?.id }, 'request refused');
    void reply.status(status).send({ code, message });
  });

  async function body<T extends z.ZodType>(req: FastifyRequest, schema: T): Promise<z.output<T>> {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let buf = raw;
    const enc = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (enc === 'gzip') {
      try {
        buf = await gunzip(raw, { maxOutputLength: maxDecompressed });
      } catch (e) {
        const err = e as { code?: string };
        if (err.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          throw new HttpError(413, 'DECOMPRESSED_TOO_LARGE', `The body decompresses to more than ${maxDecompressed} bytes.`);
        }
        throw badRequest('BAD_GZIP', 'The body is not valid gzip.');
      }
    } else if (enc !== 'identity') throw new HttpError(415, 'UNSUPPORTED_ENCODING', `Content-Encoding ${enc.slice(0, 20)} is not supported; use gzip.`);
    if (buf.length > maxDecompressed) throw new HttpError(413, 'DECOMPRESSED_TOO_LARGE', `The body is more than ${maxDecompressed} bytes.`);
    let json: unknown;
    try {
      json = JSON.parse(buf.length ? buf.toString('utf8') : '{}');
    } catch {
      throw badRequest('BAD_JSON', 'The body is not valid JSON.');
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      const issue = zodIssue(r.error);
      throw badRequest('BAD_REQUEST', `Invalid request${issue.at}: ${issue.message}`);
    }
    return r.data;
  }

  const terminalAuth = async (req: FastifyRequest) => {
    req.terminal = await authenticateTerminal(db.pool, {
      method: req.method, url: req.url, headers: req.headers, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
  };
  const adminAuth = async (req: FastifyRequest) => {
    // A hub serves the store's LAN over plain HTTP: its admin token must never cross that wire, so
    // its admin routes answer only connections from the hub's own machine (loopback, or its own address).
    if (cfg.hub && !fromThisMachine(req)) throw forbidden('ADMIN_LOCAL_ONLY', "The hub's admin routes answer only on the hub's own machine: run `storemind hub …` there.");
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7) : undefined;
    if (!tokenMatches(cfg.adminToken, token)) throw unauthorized('ADMIN_TOKEN', 'A valid admin token is required.');
  };

  // --- public ---------------------------------------------------------------------------------
  app.get('/v1/time', async () => ({ serverTime: Date.now() }));
  app.get('/healthz', async () => ({ ok: true, db: db.kind }));
  app.post('/v1/enroll', async (req) => enrollTerminal(db, await body(req, EnrollRequest), { hubsAllowed: !cfg.hub }));
  app.get('/dashboard', async (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'").send(dashboardHtml));
  app.get('/dashboard.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(dashboardJs));
  // Browsers ask for a favicon; answer "none" rather than a 404 in the admin's console.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  // --- terminal (signed) ----------------------------------------------------------------------
  app.post('/v1/upload', { preHandler: terminalAuth }, async (req) => {
    const res = await ingestBatch(db, req.terminal!, await body(req, UploadRequest), { relay: !!cfg.hub });
    if (res.liveChanges) live.poke(req.terminal!.storeId);
    if (res.accepted) cfg.hub?.onIngest();
    return UploadResponse.parse(res);
  });
  app.get('/v1/live', { preHandler: terminalAuth }, async (req, reply) => live.serve(req.terminal!.storeId, reply));
  app.get('/v1/store', { preHandler: terminalAuth }, async (req) => storeOverview(db, req.terminal!.storeId, cfg.hub?.upstream ?? null));
  app.get('/v1/changes', { preHandler: terminalAuth }, async (req) => {
    const q = z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(1000) }).safeParse(req.query);
    if (!q.success) throw badRequest('BAD_REQUEST', 'after and limit must be whole numbers.');
    return ChangesResponse.parse(await readChanges(db, req.terminal!.storeId, req.terminal!.id, q.data.after, q.data.limit));
  });
  app.post('/v1/encode', { preHandler: terminalAuth }, async (req) => {
    if (!cfg.hub?.encoder) throw new HttpError(404, 'NOT_A_HUB', 'Only a store hub embeds text for its kiosks.');
    const b = await body(req, EncodeRequest);
    return cfg.hub.encoder.encode(b.model, b.texts);
  });
  app.post('/v1/report', { preHandler: terminalAuth }, async (req) => {
    const b = await body(req, z.object({ models: z.array(ModelReport).max(20) }).strict());
    for (const m of b.models) if (m.status === 'failed') req.log.warn({ terminal: req.terminal!.id, model: m }, 'terminal reports a failed model');
    await recordModelReports(db, req.terminal!.id, b.models);
    return { ok: true };
  });
  app.get('/v1/targets', { preHandler: terminalAuth }, async () => {
    if (!cfg.hub) return currentTargets(db, cfg.models);
    const t = await cfg.hub.targets();
    if (!t) throw new HttpError(503, 'NO_TARGETS_YET', 'The store hub has not reached the platform yet; model updates come once it has.');
    return t;
  });
  app.get('/v1/artifacts/:sha256', { preHandler: terminalAuth }, async (req, reply) => sendArtifact(req, reply));

  async function sendArtifact(req: FastifyRequest, reply: FastifyReply) {
    const sha = (req.params as { sha256: string }).sha256;
    if (!/^[0-9a-f]{64}$/.test(sha)) throw badRequest('BAD_REQUEST', 'An artifact is named by its sha256.');
    const file = cfg.hub ? await cfg.hub.artifactFile(sha) : await platformArtifact(sha);
    // 503 at a hub: the hub is still fetching it from the platform, so the terminal retries later.
    if (!file || !fs.existsSync(file)) throw cfg.hub ? new HttpError(503, 'NOT_CACHED_YET', 'The store hub is still fetching this model file.') : new HttpError(404, 'NOT_FOUND', 'No such artifact.');
    const size = fs.statSync(file).size;
    reply.header('accept-ranges', 'bytes').type('application/octet-stream');
    const range = req.headers.range;
    if (range) {
      const m = /^bytes=(\d+)-(\d*)$/.exec(range);
      if (!m) throw new HttpError(416, 'BAD_RANGE', 'Only one "bytes=START-[END]" range is supported.');
      const start = Number(m[1]);
      const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start >= size || end < start) {
        reply.header('content-range', `bytes */${size}`);
        throw new HttpError(416, 'BAD_RANGE', `The artifact has ${size} bytes.`);
      }
      reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`).header('content-length', String(end - start + 1));
      return reply.send(fs.createReadStream(file, { start, end }));
    }
    reply.header('content-length', String(size));
    return reply.send(fs.createReadStream(file));
  }

  async function platformArtifact(sha: string): Promise<string | null> {
    return (await isPublishedArtifact(db, sha)) ? artifactPath(cfg.models.dataDir, sha) : null;
  }

  // --- admin ----------------------------------------------------------------------------------
  app.post('/v1/admin/enroll-codes', { preHandler: adminAuth }, async (req) => {
    const b = await body(req, z.object({ store: z.string().min(1).max(64), ttlMinutes: z.number().int().min(1).max(60 * 24 * 30).optional() }).strict());
    if (cfg.hub && b.store !== cfg.hub.storeId) throw new HttpError(403, 'OTHER_STORE', `This store hub serves store ${cfg.hub.storeId} only.`);
    return createEnrollCode(db, b.store, b.ttlMinutes);
  });
  app.get('/v1/admin/hub', { preHandler: adminAuth }, async () => {
    if (!cfg.hub) throw new HttpError(404, 'NOT_A_HUB', 'This is the central platform, not a store hub.');
    return { ...(await cfg.hub.status()), liveStreams: live.count() };
  });
  app.get('/v1/admin/stats', { preHandler: adminAuth }, async () => stats(db));
  app.get('/v1/admin/fleet', { preHandler: adminAuth }, async () => fleet(db));
  app.get('/v1/admin/stores/:store/records', { preHandler: adminAuth }, async (req) => recordsSummary(db, (req.params as { store: string }).store));
  app.post('/v1/admin/terminals/:id/revoke', { preHandler: adminAuth }, async (req) => revokeTerminal(db, (req.params as { id: string }).id));
  app.post('/v1/admin/changes', { preHandler: adminAuth }, async (req) => {
    const b = await body(req, PublishChangesRequest);
    const res = await publishChanges(db, b);
    if (b.store === '*') for (const s of await allStoreIds(db)) live.poke(s);
    else live.poke(b.store);
    return res;
  });
  app.post('/v1/admin/models/:name/:version', { preHandler: adminAuth, bodyLimit: maxArtifact }, async (req) => {
    const p = req.params as { name: string; version: string };
    const q = z.object({ rollout: z.coerce.number().min(0).max(100).default(100) }).safeParse(req.query);
    if (!q.success) throw badRequest('BAD_ROLLOUT', 'rollout is a percentage from 0 to 100.');
    return publishModel(db, cfg.models, p.name, p.version, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), q.data.rollout);
  });
  app.post('/v1/admin/models/:name/:version/rollout', { preHandler: adminAuth }, async (req) => {
    const p = req.params as { name: string; version: string };
    const b = await body(req, z.object({ rollout: z.number().min(0).max(100) }).strict());
    return (await updateModelVersion(db, cfg.models, p.name, p.version, { rollout: b.rollout })).signed;
  });
  app.post('/v1/admin/models/:name/:version/rollback', { preHandler: adminAuth }, async (req) => {
    const p = req.params as { name: string; version: string };
    return (await updateModelVersion(db, cfg.models, p.name, p.version, { revoked: true })).signed;
  });
  return app;
}
