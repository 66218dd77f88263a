"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LIMITS } from "@/lib/core/validation";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";

interface Props {
  workspaceId: string;
  name: string;
  canRename: boolean;
  canDelete: boolean;
  rename: (i: { workspaceId: string; name: string }) => Promise<ActionResult<unknown>>;
  remove: (i: { workspaceId: string; confirmName: string }) => Promise<ActionResult<unknown>>;
  leave: (i: { workspaceId: string }) => Promise<ActionResult<unknown>>;
}

export function WorkspaceSettings(p: Props) {
  const t = useTranslations("settings");
  const router = useRouter();
  const rename = useAction(p.rename);
  const remove = useAction(p.remove);
  const leave = useAction(p.leave);
  const [saved, setSaved] = useState(false);
  const [confirm, setConfirm] = useState("");
  return (
    <>
      {p.canRename && (
        <section className="card">
          <h2>{t("rename")}</h2>
          <form
            className="stack"
            onSubmit={async (e) => {
              e.preventDefault();
              setSaved(false);
              const ok = await rename.run({ workspaceId: p.workspaceId, name: String(new FormData(e.currentTarget).get("name") ?? "") });
              setSaved(ok !== null);
            }}
          >
            <label>
              {t("renameLabel")}
              <input name="name" defaultValue={p.name} required maxLength={LIMITS.nameMax * 2} />
            </label>
            <FormError error={rename.error} />
            {saved && <p className="alert ok" role="status">{t("saved")}</p>}
            <div>
              <button className="btn primary" type="submit" disabled={rename.busy}>{t("save")}</button>
            </div>
          </form>
        </section>
      )}
      <section className="card danger">
        <h2>{t("danger")}</h2>
        <div className="stack">
          <p className="muted small">{t("leaveHelp")}</p>
          <FormError error={leave.error} />
          <div>
            <button
              className="btn"
              type="button"
              disabled={leave.busy}
              onClick={async () => {
                if (!window.confirm(t("leaveConfirm"))) return;
                if (await leave.run({ workspaceId: p.workspaceId })) router.push("/w");
              }}
            >
              {t("leave")}
            </button>
          </div>
        </div>
        {p.canDelete && (
          <form
            className="stack"
            style={{ marginTop: "1.5rem" }}
            onSubmit={async (e) => {
              e.preventDefault();
              if (await remove.run({ workspaceId: p.workspaceId, confirmName: confirm })) router.push("/w");
            }}
          >
            <p className="muted small">{t("deleteHelp")}</p>
            <label>
              {t("deleteConfirmLabel", { name: p.name })}
              <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
            </label>
            <FormError error={remove.error} />
            <div>
              <button className="btn danger" type="submit" disabled={remove.busy || confirm.trim() !== p.name}>{t("delete")}</button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
