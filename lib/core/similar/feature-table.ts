/**
 * Feature numbering for the index build: a growing open-addressing hash table from numeric
 * features (packed n-grams, below 2^48) to dense numbers, plus a Map for the few word features.
 * A Map keyed by such numbers boxes each one; on 10 MB of Japanese (5 million unit–feature
 * pairs) it took seconds where this takes a few hundred milliseconds.
 */
import type { Feature } from "./features";

const EMPTY = -1;
const TWO_32 = 0x100000000;

export class FeatureTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private readonly words = new Map<string, number>();
  /** Features in numbering order. */
  readonly features: Feature[] = [];

  constructor(capacityBits = 16) {
    this.keys = new Float64Array(1 << capacityBits);
    this.ids = new Int32Array(1 << capacityBits).fill(EMPTY);
    this.mask = (1 << capacityBits) - 1;
  }

  get size(): number {
    return this.features.length;
  }

  /** The number of `feature`, or -1 when the table does not hold it. */
  find(feature: Feature): number {
    if (typeof feature === "string") return this.words.get(feature) ?? EMPTY;
    return this.ids[this.slotOf(feature)]!;
  }

  /** The number of `feature`, assigning the next one when it is new. */
  intern(feature: Feature): number {
    if (typeof feature === "string") {
      let id = this.words.get(feature);
      if (id === undefined) {
        id = this.features.length;
        this.words.set(feature, id);
        this.features.push(feature);
      }
      return id;
    }
    let slot = this.slotOf(feature);
    if (this.ids[slot] !== EMPTY) return this.ids[slot]!;
    // Kept at most half full so that probes stay short.
    if ((this.features.length + 1) * 2 > this.ids.length) {
      this.grow();
      slot = this.slotOf(feature);
    }
    const id = this.features.length;
    this.keys[slot] = feature;
    this.ids[slot] = id;
    this.features.push(feature);
    return id;
  }

  /** The slot holding `key`, or the empty slot where it belongs (linear probing). */
  private slotOf(key: number): number {
    const lo = key >>> 0;
    const hi = (key / TWO_32) >>> 0;
    // murmur3's finaliser over both halves: every bit of the key reaches the low bits.
    let h = lo ^ Math.imul(hi, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = (h ^ (h >>> 16)) & this.mask;
    while (this.ids[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(EMPTY);
    this.mask = this.ids.length - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === EMPTY) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.ids[slot] = ids[i]!;
    }
  }
}
