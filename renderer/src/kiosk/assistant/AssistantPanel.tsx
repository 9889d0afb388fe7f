// Runs: dom (renderer). The kiosk's "Ask a question" panel: a touch-first chat with the on-device
// assistant. Suggestion chips, an on-screen keyboard, product cards with aisle, bay and shelf,
// "Was this helpful?" on every answer, and an always-visible Call staff button; once someone on any
// terminal of the store claims the call, the shopper sees who is coming. Everything the
// shopper or the core wrote is rendered as React text (never as HTML). The conversation lives in
// this component: the kiosk's idle reset remounts it, and unmounting tells the core to forget it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../../common/api/index.ts';
import { call, subscribe } from '../../api.ts';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { KioskPanelProps } from '../panels.tsx';
import { intentChips, starterChips, type Chip } from './chips.ts';
import { ProductCards } from './ProductCards.tsx';
import { ProductPage } from '../find/ProductPage.tsx';
import { useStoreMap } from '../find/FindPanel.tsx';
import './assistant.css';

type Reply = OpOutput<'assistant.ask'>;

interface Turn {
  key: number;
  who: 'shopper' | 'assistant';
  text: string;
  reply?: Reply;
  feedback?: 1 | -1;
  error?: boolean;
}

function newSessionId(): string {
  return `kiosk-${crypto.randomUUID()}`;
}

export function AssistantPanel(_props: KioskPanelProps) {
  const { t } = useI18n();
  const [sessionId, setSessionId] = useState(newSessionId);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [keyboard, setKeyboard] = useState(true);
  // A tapped product card opens its page (aisle, shelf and the store map) over the conversation.
  const [productId, setProductId] = useState<string | null>(null);
  const map = useStoreMap();
  const nextKey = useRef(1);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Ready the model when the panel opens; forget the conversation in the core when it closes.
  useEffect(() => {
    call('assistant.start', { sessionId }).catch(() => {});
    return () => {
      call('assistant.end', { sessionId }).catch(() => {});
    };
  }, [sessionId]);

  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [turns, busy]);

  const push = useCallback((turn: Omit<Turn, 'key'>) => setTurns((ts) => [...ts, { ...turn, key: nextKey.current++ }]), []);

  const send = useCallback(
    async (question: string, shown?: string) => {
      const q = question.trim();
      if (busy) return;
      push({ who: 'shopper', text: shown ?? q });
      setText('');
      setBusy(true);
      try {
        const reply = await call('assistant.ask', { sessionId, text: q.slice(0, 20_000) });
        push({ who: 'assistant', text: reply.answer, reply });
      } catch {
        push({ who: 'assistant', text: t('assistant.error'), error: true });
      } finally {
        setBusy(false);
      }
    },
    [busy, push, sessionId, t],
  );

  const callStaff = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      const reply = await call('assistant.callStaff', { sessionId });
      push({ who: 'assistant', text: reply.answer, reply });
    } catch {
      push({ who: 'assistant', text: t('assistant.error'), error: true });
    } finally {
      setBusy(false);
    }
  }, [busy, push, sessionId, t]);

  const rate = useCallback(
    (turn: Turn, helpful: boolean) => {
      if (!turn.reply) return;
      setTurns((ts) => ts.map((x) => (x.key === turn.key ? { ...x, feedback: helpful ? 1 : -1 } : x)));
      call('assistant.feedback', { sessionId, interactionId: turn.reply.interactionId, helpful }).catch(() => {});
    },
    [sessionId],
  );

  const startOver = useCallback(() => {
    setTurns([]);
    setText('');
    setKeyboard(true);
    setSessionId(newSessionId());
  }, []);

  const last = turns[turns.length - 1];
  const chips: Chip[] =
    last?.reply?.kind === 'clarify' && last.reply.options.length > 0
      ? last.reply.options.map((o) => intentChips[o]).filter((c): c is Chip => c !== undefined)
      : turns.length === 0 || last?.reply?.kind === 'deflect' || last?.reply?.kind === 'prompt' || last?.reply?.kind === 'language'
        ? [...starterChips]
        : [];
  const staffComing = turns.some((x) => x.reply?.handoff);
  const [staffName, setStaffName] = useState<string | null>(null);
  useEffect(() => {
    setStaffName(null);
    if (!staffComing) return;
    let live = true;
    const load = () => {
      call('assistant.staffStatus', { sessionId })
        .then((s) => live && setStaffName(s.staffName))
        .catch(() => {});
    };
    load();
    let off = () => {};
    try {
      off = subscribe('tickets.changed', load);
    } catch {
      // No event channel: the generic "on the way" stays.
    }
    return () => {
      live = false;
      off();
    };
  }, [staffComing, sessionId]);

  if (productId) return <ProductPage key={productId} id={productId} map={map} onBack={() => setProductId(null)} onOpen={setProductId} />;

  return (
    <div className="assistant" data-testid="assistant">
      <div className="assistant__bar">
        <p className="assistant__intro">{t('assistant.intro')}</p>
        {turns.length > 0 && (
          <button type="button" className="btn assistant__restart" onClick={startOver} data-testid="assistant-start-over">
            {t('assistant.startOver')}
          </button>
        )}
        <button type="button" className="btn assistant__staff" onClick={callStaff} disabled={busy} data-testid="assistant-call-staff">
          {t('assistant.callStaff')}
        </button>
      </div>

      {staffComing && (
        <p className="assistant__coming" role="status" data-testid="assistant-staff-coming">
          {staffName ? t('assistant.staffNamedComing', { name: staffName }) : t('assistant.staffComing')}
        </p>
      )}

      <div className="assistant__log" ref={logRef} aria-live="polite" data-testid="assistant-log">
        {turns.length === 0 && <p className="assistant__hello">{t('assistant.hello')}</p>}
        {turns.map((turn) => (
          <TurnView key={turn.key} turn={turn} onRate={rate} onOpen={setProductId} />
        ))}
        {busy && <p className="assistant__thinking">{t('assistant.thinking')}</p>}
      </div>

      {chips.length > 0 && (
        <div className="assistant__chips" role="group" aria-label={t('assistant.suggestions')}>
          {chips.map((c) => (
            <button key={c.labelKey} type="button" className="assistant__chip" onClick={() => void send(c.query, t(c.labelKey))} disabled={busy} data-testid="assistant-chip">
              {t(c.labelKey)}
            </button>
          ))}
        </div>
      )}

      <form
        className="assistant__input"
        onSubmit={(e) => {
          e.preventDefault();
          void send(text);
        }}
      >
        <input
          ref={inputRef}
          className="assistant__box"
          value={text}
          maxLength={5000}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => setKeyboard(true)}
          placeholder={t('assistant.placeholder')}
          aria-label={t('assistant.placeholder')}
          autoComplete="off"
          spellCheck={false}
          data-testid="assistant-input"
        />
        <button type="button" className="btn assistant__kbd" onClick={() => setKeyboard((k) => !k)} aria-pressed={keyboard} data-testid="assistant-keyboard">
          {t('assistant.keyboard')}
        </button>
        <button type="submit" className="btn btn--primary assistant__send" disabled={busy} data-testid="assistant-send">
          {t('assistant.send')}
        </button>
      </form>
      {keyboard && <OnScreenKeyboard value={text} onChange={setText} onEnter={() => void send(text)} />}
    </div>
  );
}

function TurnView({ turn, onRate, onOpen }: { turn: Turn; onRate: (turn: Turn, helpful: boolean) => void; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  if (turn.who === 'shopper') {
    return (
      <div className="assistant__turn assistant__turn--shopper" data-testid="assistant-shopper">
        <p className="assistant__bubble">{turn.text}</p>
      </div>
    );
  }
  const r = turn.reply;
  const rateable = r && !['prompt', 'handoff'].includes(r.kind);
  return (
    <div className={`assistant__turn assistant__turn--bot${r?.handoff ? ' assistant__turn--handoff' : ''}`} data-testid="assistant-answer" data-kind={r?.kind ?? 'error'} data-intent={r?.intent ?? ''}>
      <AnswerText text={turn.text} />
      {r && r.products.length > 0 && <ProductCards products={r.products} onOpen={onOpen} />}
      {rateable && (
        <div className="assistant__rate">
          {turn.feedback ? (
            <span className="assistant__thanks">{t('assistant.feedbackThanks')}</span>
          ) : (
            <>
              <span>{t('assistant.helpful')}</span>
              <button type="button" className="assistant__rate-btn" onClick={() => onRate(turn, true)} data-testid="assistant-helpful-yes">
                {t('assistant.yes')}
              </button>
              <button type="button" className="assistant__rate-btn" onClick={() => onRate(turn, false)} data-testid="assistant-helpful-no">
                {t('assistant.no')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** Where a long answer leads: its first sentence (the one-line answer); the rest waits behind "More". */
export function leadSentence(text: string): { lead: string; rest: string } {
  if (text.length <= 220) return { lead: text, rest: '' };
  const m = /^(.{20,220}?[.!?。！？])\s+(.+)$/su.exec(text);
  return m ? { lead: m[1]!, rest: m[2]! } : { lead: text, rest: '' };
}

function AnswerText({ text }: { text: string }) {
  const { t } = useI18n();
  const [more, setMore] = useState(false);
  const { lead, rest } = leadSentence(text);
  return (
    <p className="assistant__bubble" data-testid="assistant-answer-text">
      {lead}
      {rest && (more ? <> {rest}</> : (
        <>
          {' '}
          <button type="button" className="assistant__more" onClick={() => setMore(true)} data-testid="assistant-more">{t('assistant.more')}</button>
        </>
      ))}
    </p>
  );
}
