import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-jp/700.css";
import "./globals.css";
import { ZodJitless } from "./_shell/ZodJitless";
import { CollabLimitNotice } from "./_shell/CollabLimitNotice";

const DESCRIPTION = "Read sources side by side, annotate them together and link the arguments across papers.";

export const metadata: Metadata = {
  // Absolute URLs for the Open Graph image: the public address when configured.
  metadataBase: new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000"),
  title: "Synoptic",
  description: DESCRIPTION,
  applicationName: "Synoptic",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
  openGraph: {
    type: "website",
    siteName: "Synoptic",
    title: "Synoptic",
    description: DESCRIPTION,
    images: [{ url: "/og.png", width: 1200, height: 630, alt: "Synoptic" }],
  },
  twitter: { card: "summary_large_image", title: "Synoptic", description: DESCRIPTION, images: ["/og.png"] },
};

export const viewport: Viewport = { themeColor: "#2f5d8a", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <head>
        <ZodJitless />
      </head>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages}>
          {children}
          <CollabLimitNotice />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
