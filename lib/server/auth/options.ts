import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { isAppError } from "../../core/errors";
import { verifyCredentials } from "../accounts/verify-credentials";
import { linkOAuthAccount } from "../accounts/link-oauth-account";
import { clientKeyFromHeaders } from "../http/client-key";
import { logger } from "../../infra/log";
import { endSessions, sessionVersionOf } from "./end-sessions";

const log = logger("auth");

/** OAuth providers are switched on only when their credentials are configured. */
function oauthProviders(): NextAuthOptions["providers"] {
  const providers: NextAuthOptions["providers"] = [];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET)
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET)
    providers.push(GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }));
  return providers;
}

export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          const clientKey = clientKeyFromHeaders(new Headers(req?.headers as Record<string, string> | undefined));
          return await verifyCredentials(credentials?.email, credentials?.password, clientKey);
        } catch (e) {
          // next-auth passes the thrown message to the client as `error`: only i18n keys go there.
          if (isAppError(e)) throw new Error(e.message);
          log.error({ err: e }, "credentials check failed");
          throw new Error("internal");
        }
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.type !== "oauth") return true;
      const linked = await linkOAuthAccount({
        email: user.email ?? (profile as { email?: string } | undefined)?.email ?? null,
        name: user.name ?? null,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      });
      if (!linked) return "/signin?error=oauth_no_email";
      user.id = linked.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (await sessionVersionOf(user.id)) ?? -1;
        return token;
      }
      // Every request: a session whose version was bumped (sign-out elsewhere, "sign out
      // everywhere", password change) or whose user is gone loses its identity.
      if (typeof token.uid === "string" && (await sessionVersionOf(token.uid)) !== token.sv) {
        delete token.uid;
        delete token.sv;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user: a copy of this cookie must not outlive it.
    async signOut({ token }) {
      if (typeof token?.uid === "string") await endSessions(token.uid);
    },
  },
  logger: {
    error: (code, metadata) => log.error({ code, metadata }, "next-auth error"),
    warn: (code) => log.warn({ code }, "next-auth warning"),
    debug: () => undefined,
  },
};
