#!/usr/bin/env node
// Runs: node (test launcher). The first stage of `npm test`: the system packages the tests run on
// (what .ci/run installs on a fresh Debian machine). A missing one is named in one line with the
// apt command, instead of a failure deep inside a test minutes later.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const anyOf = (...paths) => paths.some((p) => fs.existsSync(p));
const postgres = () => fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
// find_spec looks a module up without importing it (importing torch alone takes seconds).
const found = spawnSync('/usr/bin/python3', ['-c', "import importlib.util as u; print(' '.join(m for m in ('torch', 'onnx', 'numpy') if u.find_spec(m)))"], { encoding: 'utf8' });
const pythonModules = new Set(found.status === 0 ? found.stdout.trim().split(' ') : []);
const python = (mod) => pythonModules.has(mod);

/** Each check, and the Debian packages that satisfy it. */
const CHECKS = [
  { what: 'Chromium (e2e tests)', packages: ['chromium'], ok: () => anyOf('/usr/bin/chromium') },
  { what: 'PostgreSQL (platform tests)', packages: ['postgresql'], ok: postgres },
  { what: 'Python torch (model factory tests)', packages: ['python3-torch', 'libopenblas0-openmp'], ok: () => python('torch') },
  { what: 'Python onnx (model factory tests)', packages: ['python3-onnx'], ok: () => python('onnx') },
  { what: 'Python numpy', packages: ['python3-numpy'], ok: () => python('numpy') },
  { what: 'CJK and Latin fonts (receipt images, screenshots)', packages: ['fonts-droid-fallback', 'fonts-dejavu-core', 'fonts-wqy-microhei'],
    ok: () => anyOf('/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', '/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf') && anyOf('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') },
];

const missing = CHECKS.filter((c) => !c.ok());
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap((c) => c.packages))];
  console.error(`npm test needs: ${missing.map((c) => c.what).join('; ')}. Install with: sudo apt-get install ${packages.join(' ')}`);
  process.exit(1);
}
