"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/core/roles";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

interface Props {
  workspaceId: string;
  selfId: string;
  members: MemberRow[];
  assignable: Role[];
  canManage: boolean;
  changeRole: (i: { workspaceId: string; userId: string; role: Role }) => Promise<ActionResult<unknown>>;
  remove: (i: { workspaceId: string; userId: string }) => Promise<ActionResult<unknown>>;
}

export function MemberList(p: Props) {
  const t = useTranslations();
  const change = useAction(p.changeRole);
  const remove = useAction(p.remove);
  return (
    <>
      <FormError error={change.error ?? remove.error} />
      <div className="table-wrap">
        <table className="list" data-testid="member-list">
          <thead>
            <tr>
              <th scope="col">{t("auth.name")}</th>
              <th scope="col" className="hide-narrow">{t("auth.email")}</th>
              <th scope="col">{t("workspaces.roleColumn")}</th>
              {p.canManage && <th scope="col"><span className="muted">—</span></th>}
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr key={m.userId} data-testid={`member-${m.email}`}>
                <td>
                  {m.name} {m.userId === p.selfId && <span className="muted small">({t("members.you")})</span>}
                </td>
                <td className="hide-narrow">{m.email}</td>
                <td>
                  {p.canManage && m.userId !== p.selfId ? (
                    <select
                      aria-label={t("members.changeRole", { name: m.name })}
                      value={m.role}
                      disabled={change.busy}
                      onChange={(e) => void change.run({ workspaceId: p.workspaceId, userId: m.userId, role: e.target.value as Role })}
                    >
                      {p.assignable.map((r) => (
                        <option key={r} value={r}>{t(`roles.${r}`)}</option>
                      ))}
                    </select>
                  ) : (
                    <span className="badge">{t(`roles.${m.role}`)}</span>
                  )}
                </td>
                {p.canManage && (
                  <td>
                    {m.userId !== p.selfId && (
                      <button
                        type="button"
                        className="btn link"
                        disabled={remove.busy}
                        onClick={() => {
                          if (window.confirm(t("members.removeConfirm", { name: m.name }))) void remove.run({ workspaceId: p.workspaceId, userId: m.userId });
                        }}
                      >
                        {t("members.remove")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
