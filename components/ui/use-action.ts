"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/core/action-result";

/**
 * Runs a server action with a busy flag and an error key; refreshes the page's
 * server data on success so lists show the change.
 */
export function useAction<I, O>(action: (input: I) => Promise<ActionResult<O>>) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(input: I): Promise<O | null> {
    setBusy(true);
    setError(null);
    try {
      const res = await action(input);
      if (!res.ok) {
        setError(res.error.message);
        return null;
      }
      router.refresh();
      return res.data;
    } catch {
      setError("generic");
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, setError };
}
