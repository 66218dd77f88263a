import { redirect } from "next/navigation";
import { TopBar } from "@/components/shell/TopBar";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentActor } from "@/lib/server/auth/session";
import { enabledOAuthProviders } from "@/lib/server/auth/options";
import { safeCallback } from "../_shell/safe-callback";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error.slice(0, 60) : null;
  return (
    <>
      <TopBar userName={null} workspaces={[]} />
      <main id="main" className="narrow">
        <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} initialError={error} />
      </main>
    </>
  );
}
