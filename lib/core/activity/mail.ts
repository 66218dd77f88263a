/**
 * Notification e-mail text (pure). Everything a user controls (display names, quotes, notes)
 * goes only into the plain-text body, never into a header: the subject is fixed text and a
 * count, and the recipient is a bare address. Even so, line breaks and control characters are
 * stripped from every interpolated value, so a hostile name cannot forge lines in the body.
 */
export interface MailItem {
  kind: string;
  actorName: string | null;
  workspaceName: string;
  quote: string;
  excerpt: string;
  url: string;
}

const LABEL: Record<string, [string, string]> = {
  mention: ["mentioned you", "があなたをメンションしました"],
  reply: ["replied to your annotation", "があなたの注釈に返信しました"],
  assignment: ["asked you to review", "があなたにレビューを依頼しました"],
  "assignment.due": ["a review is due", "レビューの期限です"],
  "share.comment": ["commented through a share link", "が共有リンクからコメントしました"],
};

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of safe text: control characters and line breaks become a space. */
export function oneLine(s: string, max = 200): string {
  const flat = s.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return Array.from(flat).length > max ? `${Array.from(flat).slice(0, max - 1).join("")}…` : flat;
}

export function mailSubject(count: number): string {
  return `Synoptic: ${count} new notification${count === 1 ? "" : "s"} / 新しい通知 ${count} 件`;
}

export function mailBody(items: readonly MailItem[], unsubscribeUrl: string): string {
  const lines: string[] = [];
  for (const it of items) {
    const who = oneLine(it.actorName ?? "Someone", 80);
    const [en, ja] = LABEL[it.kind] ?? [it.kind, it.kind];
    lines.push(`[${oneLine(it.workspaceName, 80)}] ${who} ${en} / ${who} ${ja}`);
    if (it.quote) lines.push(`  「${oneLine(it.quote)}」`);
    if (it.excerpt) lines.push(`  ${oneLine(it.excerpt)}`);
    lines.push(`  ${it.url}`, "");
  }
  lines.push("—", `Unsubscribe / 配信停止: ${unsubscribeUrl}`);
  return `${lines.join("\n")}\n`;
}
