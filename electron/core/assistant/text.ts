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
  if (latin / letters.length < 0.5) return 'foreign_script';
  const words = text.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  // Keyboard mashing or one endless "word": no real word in it at all.
  if (words.length > 0 && words.every((w) => w.length > 30)) return 'no_words';
  // Latin script but another language: its function words and none of English's.
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w)).length;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return foreign >= 2 && english === 0 ? 'foreign_script' : 'text';
}

// A few of the commonest function words of the languages shoppers most often type in at a US
// kiosk (Spanish, French, German, Portuguese, Italian, Vietnamese, Tagalog), chosen so none is an
// English word too.
const FOREIGN_WORDS = new Set(
  (
    'dónde donde está esta están hay el los las una del por qué cuánto cuesta tienen baño baños ' +
    'où est les des une combien coûte avez vous toilettes ' +
    'wo ist sind die der das ein eine haben sie wieviel kostet ' +
    'onde fica quanto custa vocês banheiro ' +
    'dove sono quanto costa avete bagno ' +
    'ở đâu bao nhiêu không có ' +
    'saan nasaan magkano ang mga po'
  ).split(/\s+/),
);
const ENGLISH_WORDS = new Set('the is are where what how do does you have a an of to in for and my i can'.split(' '));

/** Text for the model: bounded, and with markup tags removed so "<b>hours</b>" reads as "hours". */
export function modelText(text: string): string {
  return text.replace(/<\/?[a-z][^>]{0,200}>/gi, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_MODEL_CHARS);
}
