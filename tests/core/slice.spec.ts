import { growcap, roundupsize } from "../../assembly/runtime/slice";

describe("growslice capacities (Go 1.19 growslice + size classes)", () => {
  it("rounds to malloc size classes", () => {
    expect(roundupsize(1)).toBe(8);
    expect(roundupsize(33)).toBe(48);
    expect(roundupsize(32768)).toBe(32768);
    expect(roundupsize(32769)).toBe(40960);
  });
  it("doubles small slices and rounds up", () => {
    // append to []int: cap 0 -> 1 -> 2 -> 4 -> 8, as Go prints
    expect(growcap(0, 1, 8)).toBe(1);
    expect(growcap(1, 2, 8)).toBe(2);
    expect(growcap(2, 3, 8)).toBe(4);
    expect(growcap(4, 5, 8)).toBe(8);
    // []byte: append of 1 byte to nil gets 8
    expect(growcap(0, 1, 1)).toBe(8);
    // appending 5 ints to a nil slice: 5 rounded up to the 48-byte class
    expect(growcap(0, 5, 8)).toBe(6);
  });
  it("grows by about 1.25x past 256 elements", () => {
    expect(growcap(256, 257, 8)).toBe(512);
    expect(growcap(512, 513, 8)).toBe(848);
  });
});
