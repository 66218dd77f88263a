import { redirect } from "next/navigation";
import { TopBar } from "@/components/shell/TopBar";
import { RegisterForm } from "@/components/auth/RegisterForm";
import { currentActor } from "@/lib/server/auth/session";
import { registerUser } from "../actions/accounts";
import { safeCallback } from "../_shell/safe-callback";

export const dynamic = "force-dynamic";

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  return (
    <>
      <TopBar userName={null} workspaces={[]} />
      <main id="main" className="narrow">
        <RegisterForm callbackUrl={callbackUrl} register={registerUser} />
      </main>
    </>
  );
}
