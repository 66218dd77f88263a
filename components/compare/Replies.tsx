"use client";

import { useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { DocumentCommands } from "@/lib/collab/client";
import { useReplies } from "@/lib/collab/client/react";
import type { CollabActor, ReplyEntry } from "@/lib/core/collab";
import { COLLAB_LIMITS } from "@/lib/core/collab";
import { useErrorReason } from "./use-error-reason";
import s from "./compare.module.css";

interface Props {
  commands: DocumentCommands;
  annotationId: string;
  actor: CollabActor;
  canReply: boolean;
}

/** Replies of one annotation, threaded (a reply may answer another), with author and time. */
export function Replies({ commands, annotationId, actor, canReply }: Props) {
  const t = useTranslations("compare.replies");
  const all = useReplies(commands, annotationId);
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
      <Thread parent="" depth={0} children={children} commands={commands} actor={actor} canReply={canReply} annotationId={annotationId} />
      {canReply && <ReplyForm commands={commands} annotationId={annotationId} />}
    </section>
  );
}

function Thread(props: { parent: string; depth: number; children: Map<string, ReplyEntry[]>; commands: DocumentCommands; actor: CollabActor; canReply: boolean; annotationId: string }) {
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

function Reply({ reply, commands, actor, canReply, annotationId }: { reply: ReplyEntry; commands: DocumentCommands; actor: CollabActor; canReply: boolean; annotationId: string }) {
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
      commands.editReply(reply.id, draft);
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
            <button type="button" className="btn link small" onClick={() => { try { commands.deleteReply(reply.id); } catch (e) { setError(t("failed", { reason: reason(e) })); } }}>
              {t("delete")}
            </button>
          )}
        </div>
      )}
      {answering && <ReplyForm commands={commands} annotationId={annotationId} parent={reply} onDone={() => setAnswering(false)} />}
    </article>
  );
}

function ReplyForm({ commands, annotationId, parent, onDone }: { commands: DocumentCommands; annotationId: string; parent?: ReplyEntry; onDone?: () => void }) {
  const t = useTranslations("compare.replies");
  const reason = useErrorReason();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const tooLong = body.length > COLLAB_LIMITS.replyMax;
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim() || tooLong) return;
    try {
      commands.reply(annotationId, body, parent);
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
