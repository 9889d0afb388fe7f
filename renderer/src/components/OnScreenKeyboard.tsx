// Runs: dom (renderer). A touch keyboard for kiosk text boxes (product search, the assistant): digits,
// letters with a one-shot Shift for capitals, the punctuation questions need (' , . ? -), space,
// backspace, clear and Enter, every key at least 56 px. It edits a value it is
// given rather than a DOM input, so it works with any box; a physical keyboard keeps working too.
import { useState } from 'react';
import { useT } from '../i18n/index.tsx';
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

export function OnScreenKeyboard({ value, onChange, onEnter }: OnScreenKeyboardProps) {
  const t = useT();
  const [shift, setShift] = useState(false);
  const type = (ch: string) => {
    onChange(value + (shift ? ch.toUpperCase() : ch));
    setShift(false);
  };
  // A leading space or a double space is never what a shopper means.
  const space = () => value !== '' && !value.endsWith(' ') && onChange(value + ' ');

  return (
    <div className="osk" role="group" aria-label={t('keyboard.label')} onPointerDown={keepFocus} onMouseDown={keepFocus}>
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
