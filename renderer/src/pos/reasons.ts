// Runs: dom (renderer). A fraud reason in the reader's language. The core sends each reason as
// data (a code, its English text, the value behind it); a rule is translated only while its
// English still reads as the translation was written for, because a store's rules can be edited
// on the platform (a new threshold) and a stale translation would state the old one.
import en from '../i18n/en.json';
import type { MessageKey, Translate } from '../i18n/index.tsx';
import type { OpOutput } from '../../../common/api/index.ts';

export type Reason = OpOutput<'fraud.queue'>['items'][number]['explain'][number];

export function reasonText(t: Translate, r: Reason): string {
  const key = `fraud.${r.code}`;
  if (!(key in en)) return r.text;
  if (r.code.startsWith('rule.') && en[key as MessageKey] !== r.text) return r.text;
  return t(key as MessageKey, { v: r.value ?? '' });
}
