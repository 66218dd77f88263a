import { logger } from "../../infra/log";

const log = logger("mail");

/**
 * Sends a plain-text mail when SMTP_URL and NEXTAUTH_URL are configured. Returns false when
 * no mail server is configured or sending failed (logged, never thrown).
 */
export async function sendMail(to: string, subject: string, text: string, headers?: Record<string, string>): Promise<boolean> {
  const smtp = process.env.SMTP_URL;
  if (!smtp || !process.env.NEXTAUTH_URL) return false;
  try {
    const nodemailer = await import("nodemailer");
    await nodemailer.createTransport(smtp).sendMail({ from: process.env.MAIL_FROM ?? "Synoptic <no-reply@localhost>", to, subject, text, ...(headers ? { headers } : {}) });
    return true;
  } catch (e) {
    log.warn({ err: e, subject }, "mail not sent");
    return false;
  }
}

/**
 * Mails an invitation link when SMTP_URL is configured. Returns false when no mail
 * server is configured or sending failed; the UI then shows the link to copy.
 */
export async function sendInvitationMail(to: string, path: string, inviterName: string): Promise<boolean> {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return false;
  return sendMail(
    to,
    "Synoptic: invitation / 招待",
    `${inviterName} invited you to a Synoptic workspace.\n${inviterName} さんが Synoptic のワークスペースに招待しました。\n\n${new URL(path, base).toString()}\n`,
  );
}
