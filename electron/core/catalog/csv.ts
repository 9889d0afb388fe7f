// Runs: node (core). A small RFC 4180 CSV reader: quoted fields with doubled quotes and embedded
// newlines, CRLF or LF line ends, a UTF-8 byte-order mark. Bytes must be valid UTF-8: we decode
// with fatal:true so a Latin-1 or UTF-16 file is refused with a clear message instead of being
// imported as mojibake.
import { CoreError } from '../db/errors.ts';

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    // ignoreBOM false (the default) drops a leading BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let hint = '';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) hint = ' (it looks like UTF-16; save it as UTF-8)';
    throw new CoreError('BAD_INPUT', `${file} is not valid UTF-8 text${hint}. Save it as UTF-8 CSV and import again.`);
  }
}

export function parseCsv(text: string, file = 'CSV'): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CoreError('BAD_INPUT', `${file}: a quoted field opened on line ${recordLine} is never closed.`);
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}
