"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useTour } from "./use-tour";
import s from "./tour.module.css";

/** Each step points at a part of the view (the first match of its selector), or at the middle. */
const STEPS = [
  { id: "panes", target: "[data-testid=compare-pane]" },
  { id: "select", target: "[data-testid=compare-pane] [data-kind=paragraph]" },
  { id: "sidebar", target: "[data-testid=sidebar]" },
  { id: "link", target: "[data-testid=sidebar]" },
  { id: "bar", target: "[data-testid=compare-bar]" },
] as const;

type Box = { top: number; left: number; width: number; height: number };

function boxOf(selector: string): Box | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

/**
 * A short tour of the compare view for a first visit: a card beside each part (panes, selecting
 * text, the sidebar, links, the bar), with Back / Next / Close. Dismissed for good per user
 * (localStorage); the shortcuts dialog's "Show the tour" reopens it.
 */
export function CompareTour({ userId }: { userId: string }) {
  const t = useTranslations("compare.tour");
  const { open, close } = useTour(userId);
  const [step, setStep] = useState(0);
  const [box, setBox] = useState<Box | null>(null);
  const current = STEPS[step]!;
  useEffect(() => {
    if (!open) return;
    const place = () => setBox(boxOf(current.target));
    const id = setTimeout(place, 0);
    window.addEventListener("resize", place);
    return () => {
      clearTimeout(id);
      window.removeEventListener("resize", place);
    };
  }, [open, current.target]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, close]);
  if (!open) return null;
  const finish = () => {
    close();
    setStep(0);
  };
  // The card sits below the target when there is room, else inside its top, always on screen.
  const vw = typeof window === "undefined" ? 1280 : window.innerWidth;
  const vh = typeof window === "undefined" ? 800 : window.innerHeight;
  const width = Math.min(340, vw - 24);
  const left = box ? Math.min(Math.max(12, box.left + 16), vw - width - 12) : (vw - width) / 2;
  const top = box ? Math.min(box.top + Math.min(box.height, 120) + 8, vh - 240) : vh / 3;
  return (
    <>
      {box && <div className={s.ring} style={{ top: box.top - 4, left: box.left - 4, width: box.width + 8, height: Math.min(box.height + 8, vh - box.top) }} aria-hidden="true" />}
      <div className={s.card} role="dialog" aria-modal="false" aria-labelledby="tour-title" style={{ top: Math.max(12, top), left, width }} data-testid="compare-tour" data-step={current.id}>
        <p className="muted small" style={{ margin: 0 }}>{t("progress", { step: step + 1, total: STEPS.length })}</p>
        <h2 id="tour-title" className={s.title}>{t(`${current.id}.title`)}</h2>
        <p className={s.body}>{t(`${current.id}.body`)}</p>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <button type="button" className="btn link small" onClick={finish} data-testid="tour-close">{t("close")}</button>
          <span className="row" style={{ gap: "0.4rem" }}>
            {step > 0 && <button type="button" className="btn" onClick={() => setStep(step - 1)} data-testid="tour-back">{t("back")}</button>}
            {step < STEPS.length - 1 ? (
              <button type="button" className="btn primary" onClick={() => setStep(step + 1)} data-testid="tour-next">{t("next")}</button>
            ) : (
              <button type="button" className="btn primary" onClick={finish} data-testid="tour-done">{t("done")}</button>
            )}
          </span>
        </div>
      </div>
    </>
  );
}
