"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type * as Y from "yjs";
import { addReply, deleteReply, editReply, listReplies, observeReplies, type CollabActor, type ReplyEntry } from "@/lib/collab/model";
import { COLLAB_LIMITS } from "@/lib/core/collab";
import { useErrorReason } from "./use-error-reason";
import s from "./compare.module.css";

interface Props {
  doc: Y.Doc;
  annotationId: string;
  actor: CollabActor;
  canReply: boolean;
}

/** Replies of one annotation, threaded (a reply may answer another), with author and time. */
export function Replies({ doc, annotationId, actor, canReply }: Props) {
  const t = useTranslations("compare.replies");
  const version = useSyncExternalStore(
    (fn) => observeReplies(doc, fn),
    () => replyVersion(doc),
    () => 0,
  );
  // Deleted replies stay in the thread (as a stub) while they have answers.
  const all = useMemo(() => (version >= 0 ? listReplies(doc, annotationId) : []), [doc, annotationId, version]);
  const children = useMemo(() => {
    const by = new Map<string, ReplyEntry[]>();
    for (const r of all) {
      const k = r.parentId && all.some((p) => p.id === r.parentId) ? r.parentId : "";
      by.set(k, [...(by.get(k) ?? []), r]);
    }
    return by;
  }, [all]);
  return (
    <section className={s.replies} aria-label={t("title")} data-testid="replies">
      <h3 className={s.cardHeading}>{t("count", { count: all.length })}</h3>
      <Thread parent="" depth={0} children={children} doc={doc} actor={actor} canReply={canReply} annotationId={annotationId} />
      {canReply && <ReplyForm doc={doc} annotationId={annotationId} actor={actor} />}
    </section>
  );
}

// observeReplies gives no version; a counter per doc bumped by our own subscription does.
const versions = new WeakMap<Y.Doc, { n: number; off: () => void }>();
function replyVersion(doc: Y.Doc): number {
  let v = versions.get(doc);
  if (!v) {
    const box = { n: 0, off: () => {} };
    box.off = observeReplies(doc, () => void box.n++);
    versions.set(doc, box);
    v = box;
  }
  return v.n;
}

function Thread(props: { parent: string; depth: number; children: Map<string, ReplyEntry[]>; doc: Y.Doc; actor: CollabActor; canReply: boolean; annotationId: string }) {
  const list = props.children.get(props.parent) ?? [];
  if (!list.length) return null;
  return (
    <ol className={s.thread} style={{ marginLeft: props.depth ? "0.9rem" : 0 }}>
      {list.map((r) => (
        <li key={r.id}>
          <Reply reply={r} {...props} />
          <Thread {...props} parent={r.id} depth={Math.min(props.depth + 1, 3)} />
        </li>
      ))}
    </ol>
  );
}

function Reply({ reply, doc, actor, canReply, annotationId }: { reply: ReplyEntry; doc: Y.Doc; actor: CollabActor; canReply: boolean; annotationId: string }) {
  const t = useTranslations("compare.replies");
  const format = useFormatter();
  const reason = useErrorReason();
  const [editing, setEditing] = useState(false);
  const [answering, setAnswering] = useState(false);
  const [draft, setDraft] = useState(reply.body);
  const [error, setError] = useState<string | null>(null);
  const own = reply.author.id === actor.id;
  const save = () => {
    try {
      editReply(doc, reply.id, draft, actor, new Date());
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(t("failed", { reason: reason(e) }));
    }
  };
  return (
    <article className={s.reply} data-testid="reply">
      <p className={`${s.replyMeta} small muted`}>
        <strong>{reply.author.name}</strong> · <time dateTime={reply.createdAt}>{format.dateTime(new Date(reply.createdAt), { dateStyle: "short", timeStyle: "short" })}</time>
        {reply.editedAt && <> · {t("edited")}</>}
      </p>
      {editing ? (
        <div className="stack">
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={3} maxLength={COLLAB_LIMITS.replyMax} aria-label={t("edit")} />
          <div className="row">
            <button type="button" className="btn primary small" onClick={save} disabled={!draft.trim()}>{t("save")}</button>
            <button type="button" className="btn small" onClick={() => setEditing(false)}>{t("cancel")}</button>
          </div>
        </div>
      ) : (
        <p className={s.replyBody} data-testid="reply-body">{reply.body}</p>
      )}
      {error && <p className="alert error small" role="alert">{error}</p>}
      {!editing && (
        <div className={s.replyActions}>
          {canReply && <button type="button" className="btn link small" onClick={() => setAnswering(!answering)}>{t("reply")}</button>}
          {own && <button type="button" className="btn link small" onClick={() => { setDraft(reply.body); setEditing(true); }}>{t("edit")}</button>}
          {own && (
            <button type="button" className="btn link small" onClick={() => { try { deleteReply(doc, reply.id, actor, new Date()); } catch (e) { setError(t("failed", { reason: reason(e) })); } }}>
              {t("delete")}
            </button>
          )}
        </div>
      )}
      {answering && <ReplyForm doc={doc} annotationId={annotationId} actor={actor} parent={reply} onDone={() => setAnswering(false)} />}
    </article>
  );
}

function ReplyForm({ doc, annotationId, actor, parent, onDone }: { doc: Y.Doc; annotationId: string; actor: CollabActor; parent?: ReplyEntry; onDone?: () => void }) {
  const t = useTranslations("compare.replies");
  const reason = useErrorReason();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const tooLong = body.length > COLLAB_LIMITS.replyMax;
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim() || tooLong) return;
    try {
      addReply(doc, { annotationId, body, ...(parent ? { parentId: parent.id } : {}) }, actor, new Date());
      setBody("");
      setError(null);
      onDone?.();
    } catch (err) {
      setError(t("failed", { reason: reason(err) }));
    }
  };
  return (
    <form className={s.replyForm} onSubmit={send}>
      <textarea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        placeholder={parent ? t("replyTo", { name: parent.author.name }) : t("placeholder")}
        aria-label={parent ? t("replyTo", { name: parent.author.name }) : t("placeholder")}
        aria-invalid={tooLong}
        data-testid="reply-input"
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) send(e);
        }}
      />
      {tooLong && <p className="alert error small" role="alert">{t("tooLong", { max: COLLAB_LIMITS.replyMax })}</p>}
      {error && <p className="alert error small" role="alert">{error}</p>}
      <button type="submit" className="btn small" disabled={!body.trim() || tooLong} data-testid="reply-send">{t("send")}</button>
    </form>
  );
}
