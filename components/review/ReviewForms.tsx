"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "@/components/ui/use-action";
import s from "./review.module.css";

/** The page's server actions (app/actions/review.ts), handed down: components do not import routes. */
export interface ReviewActions {
  createAssignment: (input: { workspaceId: string; documentId: string; assigneeIds: string[]; due: string }) => Promise<ActionResult<unknown>>;
  markAssignmentDone: (input: { workspaceId: string; assignmentId: string; done: boolean }) => Promise<ActionResult<unknown>>;
  createShareLink: (input: { workspaceId: string; view: "compare"; documentIds: string[]; expiresInDays: number; allowComments: boolean }) => Promise<ActionResult<unknown>>;
  revokeShareLink: (input: { workspaceId: string; linkId: string }) => Promise<ActionResult<unknown>>;
  takeSnapshot: (input: { workspaceId: string; name: string }) => Promise<ActionResult<unknown>>;
}

function Problem({ error }: { error: string | null }) {
  const t = useTranslations("review.errors");
  if (!error) return null;
  return <p role="alert" className="error">{t.has(error) ? t(error) : error}</p>;
}

export function AssignForm({ workspaceId, documents, members, actions }: { workspaceId: string; documents: { id: string; title: string }[]; members: { id: string; name: string }[]; actions: ReviewActions }) {
  const t = useTranslations("review.board");
  const a = useAction(actions.createAssignment);
  const [doc, setDoc] = useState(documents[0]?.id ?? "");
  const [who, setWho] = useState(members[0]?.id ?? "");
  const [due, setDue] = useState("");
  return (
    <form className={s.row} data-testid="assign-form" onSubmit={(e) => { e.preventDefault(); void a.run({ workspaceId, documentId: doc, assigneeIds: [who], due }); }}>
      <label>{t("document")} <select name="document" value={doc} onChange={(e) => setDoc(e.target.value)}>{documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}</select></label>
      <label>{t("assignee")} <select name="assignee" value={who} onChange={(e) => setWho(e.target.value)}>{members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select></label>
      <label>{t("due")} <input name="due" type="date" required value={due} onChange={(e) => setDue(e.target.value)} /></label>
      <button type="submit" className="btn primary" disabled={a.busy}>{t("submitAssign")}</button>
      <Problem error={a.error} />
    </form>
  );
}

export function DoneButton({ workspaceId, assignmentId, done, actions }: { workspaceId: string; assignmentId: string; done: boolean; actions: ReviewActions }) {
  const t = useTranslations("review.board");
  const a = useAction(actions.markAssignmentDone);
  return <button type="button" className="btn" disabled={a.busy} onClick={() => void a.run({ workspaceId, assignmentId, done: !done })}>{done ? t("reopen") : t("markDone")}</button>;
}

export function SnapshotForm({ workspaceId, actions }: { workspaceId: string; actions: ReviewActions }) {
  const t = useTranslations("review.snapshots");
  const a = useAction(actions.takeSnapshot);
  const [name, setName] = useState("");
  return (
    <form className={s.row} data-testid="snapshot-form" onSubmit={(e) => { e.preventDefault(); void a.run({ workspaceId, name }).then((r) => r && setName("")); }}>
      <label>{t("name")} <input name="snapshot-name" value={name} placeholder={t("namePlaceholder")} maxLength={120} onChange={(e) => setName(e.target.value)} /></label>
      <button type="submit" className="btn primary" disabled={a.busy}>{t("take")}</button>
      <Problem error={a.error} />
    </form>
  );
}

export function ShareForm({ workspaceId, documents, actions }: { workspaceId: string; documents: { id: string; title: string }[]; actions: ReviewActions }) {
  const t = useTranslations("review.share");
  const a = useAction(actions.createShareLink);
  const [picked, setPicked] = useState<string[]>([]);
  const [days, setDays] = useState(7);
  const [comments, setComments] = useState(false);
  return (
    <form className={s.row} data-testid="share-form" onSubmit={(e) => { e.preventDefault(); void a.run({ workspaceId, view: "compare", documentIds: picked, expiresInDays: days, allowComments: comments }); }}>
      <fieldset>
        <legend>{t("documents")}</legend>
        {documents.map((d) => (
          <label key={d.id}><input type="checkbox" name="share-doc" value={d.id} checked={picked.includes(d.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, d.id] : picked.filter((x) => x !== d.id))} /> {d.title}</label>
        ))}
      </fieldset>
      <label>{t("days")} <input name="days" type="number" min={1} max={90} value={days} onChange={(e) => setDays(Number(e.target.value))} /></label>
      <label><input type="checkbox" name="comments" checked={comments} onChange={(e) => setComments(e.target.checked)} /> {t("allowComments")}</label>
      <button type="submit" className="btn primary" disabled={a.busy}>{t("create")}</button>
      <Problem error={a.error} />
    </form>
  );
}

export function RevokeButton({ workspaceId, linkId, actions }: { workspaceId: string; linkId: string; actions: ReviewActions }) {
  const t = useTranslations("review.share");
  const a = useAction(actions.revokeShareLink);
  return <button type="button" className="btn" data-testid="share-revoke" disabled={a.busy} onClick={() => void a.run({ workspaceId, linkId })}>{t("revoke")}</button>;
}
