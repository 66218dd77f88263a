import { listWorkspacesOp } from "@/lib/server/workspaces/list-workspaces";
import type { Actor } from "@/lib/server/ops/define";
import { TopBar, type Tab } from "@/components/shell/TopBar";

/** Page frame for signed-in pages: top bar with the actor's workspaces, then the page. */
export async function AppFrame(props: { actor: Actor; current?: { slug: string; tab: Tab }; children: React.ReactNode }) {
  const workspaces = await listWorkspacesOp.execute(props.actor, {});
  return (
    <>
      <TopBar userName={props.actor.name} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} {...(props.current ? { current: props.current } : {})} />
      <main id="main" className="page">
        {props.children}
      </main>
    </>
  );
}
