import type * as Y from "yjs";
import { listArgumentLinks, observeLinks } from "@/lib/collab/model";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";
import type { StoreKind } from "./observed-store";

/** The workspace's live links (`links` map of the meta doc), shared by the cards' chips and the connectors. */
export const LINKS: StoreKind<Y.Doc, ArgumentLink[]> = { observe: observeLinks, read: listArgumentLinks };
