/** Structured logs of the connection and document life cycle, with documentName and userId. */
import type {
  Extension,
  afterStoreDocumentPayload,
  connectedPayload,
  onDisconnectPayload,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
} from "@hocuspocus/server";
import { logger } from "../../../infra/log";
import type { CollabContext } from "../context";

const log = logger("collab");

export function logEvents(): Extension {
  return {
    extensionName: "logEvents",
    priority: 10,
    async connected({ documentName, context, connectionConfig }: connectedPayload<CollabContext>) {
      log.info({ documentName, userId: context.userId, role: context.role, readOnly: connectionConfig.readOnly }, "connected");
    },
    async onDisconnect({ documentName, context, clientsCount }: onDisconnectPayload<CollabContext>) {
      log.info({ documentName, userId: context?.userId, clientsCount }, "disconnected");
    },
    async afterLoadDocument({ documentName, context }: afterLoadDocumentPayload<CollabContext>) {
      log.debug({ documentName, userId: context?.userId }, "document loaded");
    },
    async afterStoreDocument({ documentName, lastContext }: afterStoreDocumentPayload<CollabContext>) {
      log.debug({ documentName, userId: lastContext?.userId }, "store hooks done");
    },
    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      log.debug({ documentName }, "document unloaded");
    },
  };
}
