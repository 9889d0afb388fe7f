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

describe('HID-POS scanner reports', () => {
  it('read the code after its length and AIM symbology id', async () => {
    const { hidPosCode } = await import('../../../renderer/src/components/HidScanner.ts');
    const report = (code: string, aim = ']E0', pad = 8) => Uint8Array.from([code.length, ...[...aim].map((c) => c.charCodeAt(0)), ...[...code].map((c) => c.charCodeAt(0)), ...new Array<number>(pad).fill(0)]);
    expect(hidPosCode(report('4006381333931'))).toBe('4006381333931');
    expect(hidPosCode(report('0109501101530003\x1d10AB12', ']C1'))).toBe('0109501101530003\x1d10AB12');
  });
  it('ignore empty, truncated and binary reports', async () => {
    const { hidPosCode } = await import('../../../renderer/src/components/HidScanner.ts');
    expect(hidPosCode(Uint8Array.from([0, 0x5d, 0x45, 0x30, 0, 0]))).toBeNull();
    expect(hidPosCode(Uint8Array.from([20, 0x5d, 0x45, 0x30, 0x31]))).toBeNull();
    expect(hidPosCode(Uint8Array.from([5, 0x5d, 0x45, 0x30, 0xff, 0xfe, 0x01, 0x02, 0x03]))).toBeNull();
  });
});
