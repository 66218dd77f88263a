"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { registerUserOp } from "@/lib/server/accounts/register-user";

export const registerUser = serverAction(registerUserOp);
