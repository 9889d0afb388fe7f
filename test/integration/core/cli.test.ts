// The CLI as a user runs it: a real process, a real data folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('storemind CLI', () => {
  const dir = tempDir();

  it('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/status/);
  });

  it('status --json reports the seeded demo store', () => {
    const r = cli(['status', '--json', '--data-dir', path.join(dir, 't1')]);
    // Nothing on stderr but the slow-query log, whose lines depend on how busy the machine is (a
    // loaded CI box once logged one seeding INSERT at 54 ms): only they may appear.
    const noise = /^\[db\] slow query [\d.]+ ms: .*$/gm;
    expect(r.stderr.replace(noise, '').trim()).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.products).toBeGreaterThanOrEqual(500);
    expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(s.database).toBe(path.join(dir, 't1', 'storemind.db'));
    // Every model it runs, and what waits to sync and why (not enrolled yet).
    expect(s.models.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['storemind-bert-mini', 'fraud-risk', 'kiosk-intent']));
    expect(s.enrolled).toBeNull();
    expect(Object.values(s.pendingByKind as Record<string, number>).reduce((a, n) => a + n, 0)).toBe(s.pendingOutbox);
    // Seeding is idempotent: a second start adds nothing.
    const again = JSON.parse(cli(['status', '--json', '--data-dir', path.join(dir, 't1')]).stdout);
    expect(again.products).toBe(s.products);
  });

  it('an unknown flag or command is one clear line and a non-zero exit', () => {
    const r = cli(['status', '--bogus', '--data-dir', path.join(dir, 't2')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Unknown option '--bogus'/);
    const u = cli(['frobnicate']);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('a corrupt database is one clear line, not a stack trace', () => {
    const d = path.join(dir, 'corrupt');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'storemind.db'), 'this is not sqlite'.repeat(500));
    const r = cli(['status', '--data-dir', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/corrupt or not a StoreMind database/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unwritable data folder is a clear error', () => {
    // Root ignores permission bits, so make the folder impossible: a path under a regular file.
    const file = path.join(dir, 'plain-file');
    fs.writeFileSync(file, 'x');
    const r = cli(['status', '--data-dir', path.join(file, 'data')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot be created or written/);
  });

  it('serve refuses a port in use and a non-loopback address without a token', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = cli(['serve', '--port', String(port), '--data-dir', path.join(dir, 't3')]);
    blocker.close();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already in use/);
    const remote = cli(['serve', '--host', '0.0.0.0', '--data-dir', path.join(dir, 't3')]);
    expect(remote.status).toBe(2);
    expect(remote.stderr).toMatch(/loopback-only/);
  });

  it('serve prints its URL and answers the API', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', path.join(dir, 't4')], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += String(c);
          const m = /serving (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      const res = await fetch(`${url}api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = await res.json();
      expect(body.ok).toBe(true);
      expect(body.data.storeName).toMatch(/StoreMind/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
