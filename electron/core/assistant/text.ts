// Runs: node (core). What the assistant does with raw shopper text before any model sees it:
// bound its length, collapse whitespace, and sort out input that no intent model should guess on
// (empty, only emoji or punctuation, written in a script the English model cannot read).
/** Longest text the classifier and slot extraction look at; the rest of a pasted essay is noise. */
export const MAX_MODEL_CHARS = 400;

export type InputShape = 'empty' | 'no_words' | 'foreign_script' | 'text';

export function cleanText(raw: string): string {
  // Control characters (except whitespace) never help and can upset terminals in logs.
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function inputShape(text: string): InputShape {
  if (text === '') return 'empty';
  const letters = text.match(/\p{L}/gu) ?? [];
  const digits = text.match(/\p{N}/gu) ?? [];
  if (letters.length === 0 && digits.length === 0) return 'no_words';
  if (letters.length === 0) return 'text'; // a bare number: maybe an order or card number
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  // Mostly another script (Chinese, Arabic, Cyrillic...): the encoder's vocabulary is English.
  return latin / letters.length < 0.5 ? 'foreign_script' : 'text';
}

/** Text for the model: bounded, and with markup tags removed so "<b>hours</b>" reads as "hours". */
export function modelText(text: string): string {
  return text.replace(/<\/?[a-z][^>]{0,200}>/gi, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_MODEL_CHARS);
}
