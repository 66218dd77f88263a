import { redirect } from "next/navigation";
import { currentActor } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await currentActor()) ? "/w" : "/signin");
}
