import { logger } from "../log";

const log = logger("mail");

/**
 * Mails an invitation link when SMTP_URL is configured. Returns false when no mail
 * server is configured or sending failed; the UI then shows the link to copy.
 */
export async function sendInvitationMail(to: string, path: string, inviterName: string): Promise<boolean> {
  const smtp = process.env.SMTP_URL;
  const base = process.env.NEXTAUTH_URL;
  if (!smtp || !base) return false;
  try {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(smtp);
    await transport.sendMail({
      from: process.env.MAIL_FROM ?? "Synoptic <no-reply@localhost>",
      to,
      subject: "Synoptic: invitation / 招待",
      text: `${inviterName} invited you to a Synoptic workspace.\n${inviterName} さんが Synoptic のワークスペースに招待しました。\n\n${new URL(path, base).toString()}\n`,
    });
    return true;
  } catch (e) {
    log.warn({ err: e, to }, "invitation mail not sent");
    return false;
  }
}
