"use client";

import { useCallback, useState } from "react";

/** A short status message at the bottom of the view, gone after six seconds. */
export function useToast(): [string | null, (message: string) => void] {
  const [toast, setToast] = useState<string | null>(null);
  const show = useCallback((message: string) => {
    setToast(message);
    window.setTimeout(() => setToast((m) => (m === message ? null : m)), 6000);
  }, []);
  return [toast, show];
}
