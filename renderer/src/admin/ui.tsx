// Runs: dom (renderer). Small pieces every back-office panel uses: a call wrapper that keeps the
// core's message, a status note, date formatting in the terminal's language.
import { useCallback, useEffect, useState } from 'react';
import { call, errorText, subscribe } from '../api.ts';
import type { OpInput, OpName, OpOutput } from '../../../common/api/index.ts';
import { useI18n } from '../i18n/index.tsx';

export type Note = { kind: 'ok' | 'err' | 'info'; text: string } | null;

export { errorText } from '../api.ts';

/** Loads one operation's result and reloads on demand; errors become a note, not a crash. */
export function useLoad<K extends OpName>(op: K, input: OpInput<K>, deps: readonly unknown[]) {
  const [data, setData] = useState<OpOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call(op, input)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload, setData };
}

/** Calls `reload` whenever a sync pass ends (what it shows may have changed); no event channel, no calls. */
export function useReloadAfterSync(reload: () => void): void {
  useEffect(() => {
    try {
      return subscribe('sync.state', (p) => {
        if (p.state !== 'syncing') reload();
      });
    } catch {
      return undefined;
    }
  }, [reload]);
}

export function NoteBar({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p className={`adm-note adm-note--${note.kind}`} role={note.kind === 'err' ? 'alert' : 'status'} data-testid="admin-note">
      {note.text}
    </p>
  );
}

export function useDateTime() {
  const { locale } = useI18n();
  return useCallback(
    (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    },
    [locale],
  );
}
