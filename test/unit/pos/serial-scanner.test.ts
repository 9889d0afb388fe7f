import { describe, expect, it } from 'vitest';
import { serialCodes } from '../../../renderer/src/components/SerialScanner.ts';

describe('serial scanner framing', () => {
  it('ends a code at CR, LF or CRLF, across chunks, and keeps the unfinished rest', () => {
    let r = serialCodes('', '40123455');
    expect(r).toEqual({ codes: [], rest: '40123455' });
    r = serialCodes(r.rest, '\r\n0012345678905\r(01)09501101530003(17)261231\n95');
    expect(r.codes).toEqual(['40123455', '0012345678905', '(01)09501101530003(17)261231']);
    expect(r.rest).toBe('95');
  });
  it('keeps GS (FNC1) inside a GS1 string and drops line noise and a runaway line', () => {
    expect(serialCodes('', '0109501101530003\x1d10AB12\r').codes).toEqual(['0109501101530003\x1d10AB12']);
    expect(serialCodes('', '\x00\xff\x01\r\n\r\nab\r').codes).toEqual([]);
    expect(serialCodes('', 'x'.repeat(600)).rest).toBe('');
  });
});
