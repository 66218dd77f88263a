import type { Awareness } from "y-protocols/awareness";

/**
 * After a reconnect the server re-sends everyone's awareness, but y-protocols ignores a state
 * whose clock it has already seen, even though the provider dropped that state on disconnect:
 * others would stay invisible until they next changed something. Forgetting their clocks on
 * reconnect lets the re-sent states in (Hocuspocus sends them when the connection is set up).
 * The same holds the other way: others dropped our state when we left and would ignore it at
 * its old clock. Re-setting it bumps the clock, so the state sent on sync is taken.
 */
export function forgetRemoteAwareness(aw: Awareness): void {
  for (const id of [...aw.meta.keys()]) if (id !== aw.clientID && !aw.states.has(id)) aw.meta.delete(id);
  const own = aw.getLocalState();
  if (own) aw.setLocalState({ ...own });
}
