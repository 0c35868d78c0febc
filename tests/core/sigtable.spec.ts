import { notematch, noteflags } from "../../assembly/runtime/sigtable";
import { ignoredNote } from "../../assembly/runtime/sighandler";
import { SigFlag, NOTE_TABLE_LEN } from "../../assembly/abi";
import { M, setm } from "../../assembly/runtime/runtime2";

const buf = memory.data(256);

function put(s: string): i32 {
  for (let i = 0; i < s.length; i++) store<u8>(buf + i, <u8>s.charCodeAt(i));
  return s.length;
}

function match(s: string): i32 {
  return notematch(buf, put(s));
}

describe("the note table (go runtime/signal_plan9.go)", () => {
  it("has the 15 entries of Go's table", () => {
    expect(NOTE_TABLE_LEN).toBe(15);
  });
  it("matches the first prefix in table order", () => {
    expect(match("sys: trap: fault read addr=0x0 pc=0x1234")).toBe(2);
    expect(match("sys: trap: page fault")).toBe(6);
    expect(match("sys: write on closed pipe pc=0x1")).toBe(7);
    expect(match("sys: bad address")).toBe(8);
    expect(match("go: exit 2")).toBe(9);
    expect(match("kill")).toBe(10);
    expect(match("interrupt")).toBe(11);
    expect(match("hangup")).toBe(12);
    expect(match("alarm")).toBe(13);
    expect(match("abort")).toBe(14);
  });
  it("matches prefixes, as Go does: killjoy, interrupted, hangup\\n, alarm clock", () => {
    expect(match("killjoy")).toBe(10);
    expect(match("interrupted")).toBe(11);
    expect(match("hangup\n")).toBe(12);
    expect(match("alarm clock")).toBe(13);
  });
  it("does not match a shorter text or an unknown note", () => {
    expect(match("hang")).toBe(-1);
    expect(match("go: exit")).toBe(-1); // the pattern has a trailing space
    expect(match("something else")).toBe(-1);
    expect(match("")).toBe(-1);
  });
  it("gives each entry Go's flags; unknown notes count as Notify", () => {
    expect(noteflags(-1)).toBe(SigFlag.NOTIFY);
    expect(noteflags(12)).toBe(SigFlag.NOTIFY | SigFlag.KILL);
    expect(noteflags(10)).toBe(SigFlag.KILL);
    expect(noteflags(9)).toBe(SigFlag.GOEXIT);
    expect(noteflags(14)).toBe(SigFlag.NOTIFY | SigFlag.THROW);
    expect(noteflags(2)).toBe(SigFlag.PANIC);
  });
});

describe("ignoredNote (go runtime/os_plan9.go)", () => {
  const mp = memory.data(offsetof<M>());
  it("is false while the M does not ignore hangup", () => {
    setm(mp);
    changetype<M>(mp).ignoreHangup = 0;
    expect(ignoredNote(buf, put("hangup"))).toBe(false);
  });
  it("is true only for exactly \"hangup\" on an M that ignores it", () => {
    setm(mp);
    changetype<M>(mp).ignoreHangup = 1;
    expect(ignoredNote(buf, put("hangup"))).toBe(true);
    expect(ignoredNote(buf, put("hangup\n"))).toBe(false);
    expect(ignoredNote(buf, put("hangupx"))).toBe(false);
    expect(ignoredNote(buf, put("hang"))).toBe(false);
    expect(ignoredNote(buf, put("interrupt"))).toBe(false);
    changetype<M>(mp).ignoreHangup = 0;
    setm(0);
  });
});
