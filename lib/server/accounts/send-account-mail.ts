import { logger } from "../log";

const log = logger("mail");

/**
 * Tells the owner of an address that someone tried to register it again (when SMTP_URL is set).
 * The registration answers alike either way; this mail is how the real owner learns of it.
 */
export async function sendAccountExistsMail(to: string): Promise<boolean> {
  const smtp = process.env.SMTP_URL;
  const base = process.env.NEXTAUTH_URL;
  if (!smtp || !base) return false;
  try {
    const nodemailer = await import("nodemailer");
    await nodemailer.createTransport(smtp).sendMail({
      from: process.env.MAIL_FROM ?? "Synoptic <no-reply@localhost>",
      to,
      subject: "Synoptic: account / アカウント",
      text: `Someone tried to create a Synoptic account with this address, which already has one. Sign in here: ${new URL("/signin", base).toString()}\nこのアドレスで Synoptic のアカウントを作成しようとした人がいます（既にアカウントがあります）。ログイン: ${new URL("/signin", base).toString()}\n`,
    });
    return true;
  } catch (e) {
    log.warn({ err: e }, "account mail not sent");
    return false;
  }
}
