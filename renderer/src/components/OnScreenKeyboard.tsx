// Runs: dom (renderer). A touch keyboard for kiosk text boxes (product search, the assistant): digits,
// letters with a one-shot Shift for capitals, the punctuation questions need (' , . ? -), space,
// backspace, clear and Enter, every key at least 56 px. It edits a value it is
// given rather than a DOM input, so it works with any box; a physical keyboard keeps working too.
// In Chinese it is also the kiosk's input method: letters typed at the end of the box are pinyin,
// and a candidate bar offers the catalog's words that read that way (catalog.pinyin); a tap puts
// the word in place of the letters. 中/EN turns it off for English words.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { useI18n, useT } from '../i18n/index.tsx';
import { BackspaceIcon } from './Icons.tsx';
import './OnScreenKeyboard.css';

export interface OnScreenKeyboardProps {
  value: string;
  onChange: (next: string) => void;
  onEnter?: () => void;
}

const rows: readonly string[][] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', "'"],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '?', '-'],
];

/** A test id for every key, punctuation included. */
const keyId = (ch: string) => ({ "'": 'apostrophe', ',': 'comma', '.': 'period', '?': 'question', '-': 'hyphen' })[ch] ?? ch;

/** Keeps the focus (and the caret) in the text box the shopper is typing into. */
const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();

/** The pinyin being typed: the letters at the end of the box. */
const composing = (value: string) => /[a-z]+$/i.exec(value)?.[0] ?? '';

/** Candidates for the letters being typed, fetched as they change (the last answer wins). */
function usePinyinCandidates(typed: string, on: boolean): string[] {
  const [found, setFound] = useState<{ typed: string; words: string[] }>({ typed: '', words: [] });
  useEffect(() => {
    if (!on || typed === '') return;
    let stale = false;
    call('catalog.pinyin', { q: typed.slice(0, 40) })
      .then((r) => !stale && setFound({ typed, words: r.candidates }))
      .catch(() => !stale && setFound({ typed, words: [] }));
    return () => {
      stale = true;
    };
  }, [typed, on]);
  return on && found.typed === typed ? found.words : [];
}

export function OnScreenKeyboard({ value, onChange, onEnter }: OnScreenKeyboardProps) {
  const t = useT();
  const { locale } = useI18n();
  const [shift, setShift] = useState(false);
  const [pinyin, setPinyin] = useState(locale === 'zh-CN');
  useEffect(() => setPinyin(locale === 'zh-CN'), [locale]);
  const typed = composing(value);
  const candidates = usePinyinCandidates(typed, pinyin);
  const pick = (word: string) => onChange(value.slice(0, value.length - typed.length) + word);
  const type = (ch: string) => {
    onChange(value + (shift ? ch.toUpperCase() : ch));
    setShift(false);
  };
  // A leading space or a double space is never what a shopper means.
  const space = () => value !== '' && !value.endsWith(' ') && onChange(value + ' ');

  return (
    <div className="osk" role="group" aria-label={t('keyboard.label')} onPointerDown={keepFocus} onMouseDown={keepFocus}>
      {pinyin && (
        <div className="osk__candidates" aria-label={t('keyboard.candidates')} data-testid="osk-candidates">
          {candidates.map((w) => (
            <button key={w} type="button" className="osk__candidate" lang="zh-CN" onClick={() => pick(w)} data-testid="osk-candidate">
              {w}
            </button>
          ))}
        </div>
      )}
      {rows.map((row, i) => (
        <div key={i} className={`osk__row osk__row--${i}`}>
          {i === rows.length - 1 && (
            <button type="button" className="osk__key osk__key--aux" aria-pressed={shift} aria-label={t('keyboard.shift')} onClick={() => setShift((v) => !v)} data-testid="osk-shift">
              ⇧
            </button>
          )}
          {row.map((ch) => (
            <button key={ch} type="button" className="osk__key" onClick={() => type(ch)} data-testid={`osk-key-${keyId(ch)}`}>
              {shift ? ch.toUpperCase() : ch}
            </button>
          ))}
          {i === rows.length - 1 && (
            <button type="button" className="osk__key osk__key--wide osk__key--aux" onClick={() => onChange(value.slice(0, -1))} aria-label={t('keyboard.backspace')} data-testid="osk-backspace">
              <BackspaceIcon size={30} />
            </button>
          )}
        </div>
      ))}
      <div className="osk__row">
        <button type="button" className="osk__key osk__key--wide osk__key--aux" onClick={() => onChange('')} data-testid="osk-clear">
          {t('keyboard.clear')}
        </button>
        {locale === 'zh-CN' && (
          <button type="button" className="osk__key osk__key--wide osk__key--aux" aria-pressed={pinyin} aria-label={t('keyboard.pinyin')} onClick={() => setPinyin((v) => !v)} data-testid="osk-pinyin">
            {pinyin ? '中' : 'EN'}
          </button>
        )}
        <button type="button" className="osk__key osk__key--space" onClick={space} data-testid="osk-space">
          {t('keyboard.space')}
        </button>
        <button type="button" className="osk__key osk__key--wide osk__key--enter" onClick={() => onEnter?.()} data-testid="osk-enter">
          {t('keyboard.enter')}
        </button>
      </div>
    </div>
  );
}
