"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import s from "./search.module.css";

/** Keys typed into these are text, not shortcuts. */
function typing(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(e.tagName));
}

/**
 * The top bar's search box: a plain GET form to the search page, so it works before hydration.
 * `/` focuses it anywhere outside a text field. From the compare view, the view's query goes
 * along (`in`) so that a result opens in, or beside, the panes that were open.
 */
export function SearchBox({ slug }: { slug: string }) {
  const t = useTranslations("search");
  const input = useRef<HTMLInputElement>(null);
  const from = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const onSubmit = () => {
    const path = window.location.pathname;
    if (from.current) from.current.value = path.endsWith("/compare") ? window.location.search.slice(1) : (new URLSearchParams(window.location.search).get("in") ?? "");
  };
  return (
    <form role="search" action={`/w/${encodeURIComponent(slug)}/search`} method="get" className={s.box} onSubmit={onSubmit}>
      <input ref={input} type="search" name="q" className={s.boxInput} placeholder={t("placeholder")} aria-label={t("label")} title={t("shortcut")} data-testid="search-box" maxLength={1000} />
      <input ref={from} type="hidden" name="in" />
    </form>
  );
}
