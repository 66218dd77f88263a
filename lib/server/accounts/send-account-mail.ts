import { sendMail } from "../members/send-invitation-mail";

/**
 * Tells the owner of an address that someone tried to register it again (when SMTP_URL is set).
 * The registration answers alike either way; this mail is how the real owner learns of it.
 */
export async function sendAccountExistsMail(to: string): Promise<boolean> {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return false;
  const signIn = new URL("/signin", base).toString();
  return sendMail(
    to,
    "Synoptic: account / アカウント",
    `Someone tried to create a Synoptic account with this address, which already has one. Sign in here: ${signIn}\nこのアドレスで Synoptic のアカウントを作成しようとした人がいます（既にアカウントがあります）。ログイン: ${signIn}\n`,
  );
}
