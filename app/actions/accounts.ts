"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { registerUserOp } from "@/lib/server/accounts/register-user";
import { endSessionsOp } from "@/lib/server/auth/end-sessions";

export const registerUser = serverAction(registerUserOp);
export const signOutEverywhere = serverAction(endSessionsOp);
