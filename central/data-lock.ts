// Runs: node (central platform). One platform per data folder: a second instance on the same folder
// would open its own copy of the embedded database and never see the first one's writes (an enroll
// code minted on one is unknown to the other). The lock is a file holding the owner's pid, created
// exclusively; a lock left by a process that no longer runs (kill -9, power cut) is taken over.
import fs from 'node:fs';
import path from 'node:path';

export interface DataLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataLock {
  const file = path.join(dataDir, 'platform.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return {
        release() {
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new Error(`Another platform (pid ${owner}) is using the data folder ${dataDir}; stop it first, or give this one its own --data-dir.`);
    }
    if (owner === process.pid) throw new Error(`This process already runs a platform on ${dataDir}.`);
    fs.rmSync(file, { force: true }); // stale: its owner is gone
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}
