import type { Awareness } from "y-protocols/awareness";
import type { StoreKind } from "./observed-store";

/**
 * A store kind over the other clients' awareness states (this tab's own excluded), each parsed
 * by `parse`: awareness is client-asserted, so anything malformed is dropped (null), never shown.
 */
export function peersOf<T>(parse: (clientId: number, raw: Record<string, unknown>) => T | null): StoreKind<Awareness, T[]> {
  return {
    observe: (awareness, fn) => {
      awareness.on("change", fn);
      return () => awareness.off("change", fn);
    },
    read: (awareness) => {
      const out: T[] = [];
      for (const [id, raw] of awareness.getStates()) {
        if (id === awareness.clientID) continue;
        const p = parse(id, raw);
        if (p) out.push(p);
      }
      return out;
    },
  };
}

/** A presence colour as sent, or grey when it is not a plain hex colour. */
export function peerColour(v: unknown): string {
  return typeof v === "string" && /^#[0-9a-fA-F]{6}$/.test(v) ? v : "#5d6470";
}
