import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/http/page";
import { listWorkspacesOp } from "@/lib/server/workspaces/list-workspaces";
import { CreateWorkspaceForm } from "@/components/workspaces/CreateWorkspaceForm";
import { AppFrame } from "../_shell/AppFrame";
import { createWorkspace } from "../actions/workspaces";

export const dynamic = "force-dynamic";

export default async function WorkspacesPage() {
  const actor = await requireActor("/w");
  const t = await getTranslations();
  const workspaces = await listWorkspacesOp.execute(actor, {});
  return (
    <AppFrame actor={actor}>
      <h1>{t("workspaces.title")}</h1>
      {workspaces.length === 0 && <p className="muted">{t("workspaces.empty")}</p>}
      <ul className="grid" style={{ listStyle: "none", padding: 0 }} data-testid="workspace-list">
        {workspaces.map((w) => (
          <li key={w.id} className="card stack">
            <h2>
              <Link href={`/w/${w.slug}`}>{w.name}</Link>
            </h2>
            <p className="muted small">
              {t("workspaces.documents", { count: w.documentCount })} · {t("workspaces.members", { count: w.memberCount })}
            </p>
            <p className="small">
              {t("workspaces.role")}: <span className="badge">{t(`roles.${w.role}`)}</span>
            </p>
          </li>
        ))}
      </ul>
      <section className="card" style={{ maxWidth: 480 }}>
        <h2>{t("workspaces.createTitle")}</h2>
        <CreateWorkspaceForm create={createWorkspace} />
      </section>
    </AppFrame>
  );
}
