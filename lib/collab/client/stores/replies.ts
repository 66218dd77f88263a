import type * as Y from "yjs";
import { listReplies, observeReplies, type ReplyEntry } from "@/lib/collab/model";
import type { StoreKind } from "./observed-store";

/** Every reply of a discussion doc (the card picks those of its annotation). */
export const REPLIES: StoreKind<Y.Doc, ReplyEntry[]> = { observe: observeReplies, read: (doc) => listReplies(doc) };
