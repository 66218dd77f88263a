"use client";

import { useErrorText } from "./use-error-text";

/** An error line announced to screen readers. */
export function FormError({ error, id }: { error: string | null; id?: string }) {
  const text = useErrorText()(error);
  if (!text) return null;
  return (
    <p className="alert error" role="alert" id={id}>
      {text}
    </p>
  );
}
