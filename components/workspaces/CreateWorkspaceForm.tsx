"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LIMITS } from "@/lib/core/validation";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";

type Create = (input: { name: string }) => Promise<ActionResult<{ slug: string }>>;

export function CreateWorkspaceForm({ create }: { create: Create }) {
  const t = useTranslations("workspaces");
  const router = useRouter();
  const { run, busy, error } = useAction(create);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const ws = await run({ name: String(new FormData(e.currentTarget).get("name") ?? "") });
        if (ws) router.push(`/w/${ws.slug}`);
      }}
    >
      <label>
        {t("name")}
        <input name="name" required maxLength={LIMITS.nameMax * 2} />
      </label>
      <FormError error={error} />
      <button className="btn primary" type="submit" disabled={busy}>
        {t("create")}
      </button>
    </form>
  );
}
