/**
 * What the activity log and the inbox record. Pure (no I/O): shared by the recorder, the feed,
 * the API and the UI. Kinds are stored as strings (ActivityEvent.kind, Notification.kind), so a
 * kind is only ever added here, never renamed: old rows must keep parsing.
 */
import { z } from "zod";

export const ACTIVITY_KINDS = [
  // From the projection of the collaborative documents (lib/collab/server/projection).
  "annotation.create",
  "annotation.delete",
  "note.edit",
  "reply.create",
  "status.change",
  "theme.tag",
  "theme.untag",
  "link.create",
  "link.remove",
  "node.add",
  // From operations (lib/server/**).
  "document.create",
  "document.version",
  "document.update",
  "document.delete",
  "member.join",
  "member.role",
  "member.remove",
  "member.leave",
  "invitation.create",
  "invitation.revoke",
  "workspace.create",
  "workspace.rename",
  // Review (issue 16 items 3–5).
  "assignment.create",
  "assignment.update",
  "assignment.done",
  "share.create",
  "share.open",
  "share.revoke",
  "snapshot.create",
] as const;

export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** Groups the feed's kind filter offers (a group stands for several kinds). */
export const ACTIVITY_GROUPS = {
  annotations: ["annotation.create", "annotation.delete", "note.edit", "status.change"],
  replies: ["reply.create"],
  themes: ["theme.tag", "theme.untag"],
  links: ["link.create", "link.remove", "node.add"],
  documents: ["document.create", "document.version", "document.update", "document.delete"],
  members: ["member.join", "member.role", "member.remove", "member.leave", "invitation.create", "invitation.revoke", "workspace.create", "workspace.rename"],
  review: ["assignment.create", "assignment.update", "assignment.done", "share.create", "share.open", "share.revoke", "snapshot.create"],
} as const satisfies Record<string, readonly ActivityKind[]>;
export type ActivityGroup = keyof typeof ACTIVITY_GROUPS;
export const activityGroupSchema = z.enum(Object.keys(ACTIVITY_GROUPS) as [ActivityGroup, ...ActivityGroup[]]);

export const NOTIFICATION_KINDS = ["mention", "reply", "assignment", "assignment.due", "share.comment"] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** How a user wants notification e-mail. */
export const EMAIL_MODES = ["off", "immediate", "digest"] as const;
export const emailModeSchema = z.enum(EMAIL_MODES);
export type EmailMode = z.infer<typeof emailModeSchema>;

/** A note edit within this long of the same person's previous edit of the same note is one event. */
export const NOTE_EDIT_BURST_MS = 5 * 60_000;
/** Quote excerpt kept in an event's data (the passage). */
export const EXCERPT_MAX = 160;

/** The passage an event names, cut to EXCERPT_MAX code points (never splitting a surrogate pair). */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}
