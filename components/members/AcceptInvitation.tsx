"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";

export function AcceptInvitation(p: { token: string; accept: (i: { token: string }) => Promise<ActionResult<{ workspaceSlug: string }>> }) {
  const t = useTranslations("invite");
  const { run, busy, error } = useAction(p.accept);
  return (
    <div className="stack">
      <FormError error={error} />
      <div>
        <button
          type="button"
          className="btn primary"
          disabled={busy}
          onClick={async () => {
            const done = await run({ token: p.token });
            if (done) window.location.assign(`/w/${done.workspaceSlug}`);
          }}
        >
          {t("accept")}
        </button>
      </div>
    </div>
  );
}
