import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

// next-auth's own handler: it authenticates, so it is the one route outside the operation wrappers.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
