import { encoderune, decoderune, decodedRune, decodedWidth, runelen, RUNE_ERROR } from "../../assembly/runtime/string";

const buf = memory.data(16);

function bytes(a: i32[]): i32 {
  for (let i = 0; i < a.length; i++) store<u8>(buf + i, <u8>a[i]);
  return a.length;
}

describe("UTF-8 (go unicode/utf8 rules)", () => {
  it("encodes runes of every length", () => {
    expect(encoderune(buf, 0x41)).toBe(1);
    expect(load<u8>(buf)).toBe(0x41);
    expect(encoderune(buf, 0xe9)).toBe(2);
    expect(load<u8>(buf)).toBe(0xc3);
    expect(load<u8>(buf + 1)).toBe(0xa9);
    expect(encoderune(buf, 0x4e16)).toBe(3);
    expect(encoderune(buf, 0x1f600)).toBe(4);
    expect(load<u8>(buf)).toBe(0xf0);
  });
  it("encodes invalid runes as U+FFFD", () => {
    expect(encoderune(buf, 0xd800)).toBe(3);
    expect(load<u8>(buf)).toBe(0xef);
    expect(load<u8>(buf + 1)).toBe(0xbf);
    expect(load<u8>(buf + 2)).toBe(0xbd);
    expect(runelen(-1)).toBe(3);
    expect(runelen(0x110000)).toBe(3);
  });
  it("decodes what it encodes", () => {
    let n = encoderune(buf, 0x1f600);
    decoderune(buf, n, 0);
    expect(decodedRune).toBe(0x1f600);
    expect(decodedWidth).toBe(4);
  });
  it("decodes invalid UTF-8 as U+FFFD width 1", () => {
    decoderune(buf, bytes([0xff]), 0);
    expect(decodedRune).toBe(RUNE_ERROR);
    expect(decodedWidth).toBe(1);
    decoderune(buf, bytes([0xc0, 0x80]), 0); // overlong
    expect(decodedRune).toBe(RUNE_ERROR);
    expect(decodedWidth).toBe(1);
    decoderune(buf, bytes([0xe4, 0xb8]), 0); // truncated
    expect(decodedRune).toBe(RUNE_ERROR);
    expect(decodedWidth).toBe(1);
    decoderune(buf, bytes([0xed, 0xa0, 0x80]), 0); // surrogate
    expect(decodedRune).toBe(RUNE_ERROR);
  });
});
