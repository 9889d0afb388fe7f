// Runs: node (test). `npm ci` on a fresh clone is the README's first promise: it must not warn,
// every package in the tree must run on the Node floor package.json states, and every install
// script must be a decision (allowed or denied) rather than a surprise.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean; optional?: boolean; os?: string[] }>;
};

const installed = Object.entries(lock.packages).filter(([where]) => where !== '');
const nameOf = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the install', () => {
  it('every locked package supports the Node floor in package.json', () => {
    const floor = semver.minVersion(pkg.engines.node)!.version;
    const tooNew = installed
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(floor, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([where, p]) => `${nameOf(where)}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(tooNew).toEqual([]);
  });

  it('every package with an install script is allowed or denied in allowScripts', () => {
    const unreviewed = installed
      .filter(([, p]) => p.hasInstallScript && !(p.optional && p.os && !p.os.includes(process.platform)))
      .map(([where]) => nameOf(where))
      .filter((name) => !(name in pkg.allowScripts));
    expect(unreviewed).toEqual([]);
  });

  it('npm reads the project .npmrc without an unknown-config warning', () => {
    // npm prints its config warnings on stderr for any command; `config get` is the cheapest one.
    const out = execFileSync('npm', ['config', 'get', 'fund'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.trim()).toBe('false');
    const err = execFileSync('sh', ['-c', 'npm config get fund 2>&1 >/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(err).not.toMatch(/Unknown (project|user) config/);
  });
});
