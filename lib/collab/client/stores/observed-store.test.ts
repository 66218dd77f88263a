import { describe, expect, it } from "vitest";
import { storeOf, type StoreKind } from "./observed-store";

/** A source that counts its observers and reads. */
function counter() {
  const source = { value: 1, observers: new Set<() => void>(), reads: 0 };
  const kind: StoreKind<typeof source, { value: number }> = {
    observe: (s, fn) => {
      s.observers.add(fn);
      return () => s.observers.delete(fn);
    },
    read: (s) => {
      s.reads++;
      return { value: s.value };
    },
  };
  const change = (v: number) => {
    source.value = v;
    for (const fn of [...source.observers]) fn();
  };
  return { source, kind, change };
}

describe("storeOf", () => {
  it("is one store per kind and source, reading once per change for every subscriber", () => {
    const { source, kind, change } = counter();
    const store = storeOf(kind, source);
    expect(storeOf(kind, source)).toBe(store);
    let heard = 0;
    const offA = store.subscribe(() => heard++);
    const offB = store.subscribe(() => heard++);
    expect(source.observers.size).toBe(1);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    change(2);
    expect(heard).toBe(2);
    expect(store.getSnapshot()).toEqual({ value: 2 });
    expect(store.getSnapshot()).not.toBe(first);
    expect(source.reads).toBe(2);
    offA();
    offB();
    expect(source.observers.size).toBe(0);
  });

  it("never hands out a value read before a change it did not observe", () => {
    const { source, kind, change } = counter();
    const store = storeOf(kind, source);
    const off = store.subscribe(() => {});
    expect(store.getSnapshot().value).toBe(1);
    off();
    change(5); // nobody listens: the store does not observe
    expect(store.getSnapshot().value).toBe(5);
  });
});
