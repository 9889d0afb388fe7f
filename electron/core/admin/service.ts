// Runs: node (core). What the admin domain starts with the core: the daily retention purge, and a
// guard that ends the session of an account that was deactivated (the dispatcher asks the session
// store for every call, so wrapping its lookup revokes a fired admin's token at once, not after
// the idle timeout).
import type { CoreServices } from '../api/context.ts';
import { startRetentionJob } from './retention.ts';
import { isActiveUser } from './staff.ts';

export function startAdmin(services: CoreServices): { stop: () => void } {
  const { db, sessions } = services;
  const touch = sessions.touch;
  sessions.touch = (token, now) => {
    const s = touch(token, now);
    if (s && token && !isActiveUser(db, s.user.id)) {
      sessions.close(token);
      return null;
    }
    return s;
  };
  const retention = startRetentionJob(db);
  services.extensions.admin = { retention };
  return { stop: () => retention.stop() };
}
