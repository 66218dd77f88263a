// Preloaded into the Next.js process (`node --import`): stamps every request with the address of
// the socket it arrived on, overwriting any `x-synoptic-peer` a client sent. Next keeps a client's
// own X-Forwarded-For and adds the socket address only when there is none, so without this the
// app could not tell a client's real address from one it made up (sign-in throttling needs it).
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") {
    const req = args[0];
    req.headers["x-synoptic-peer"] = req.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, ...args);
};
