import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-jp/700.css";
import "./globals.css";
import { ZodJitless } from "./_shell/ZodJitless";
import { CollabLimitNotice } from "./_shell/CollabLimitNotice";

export const metadata: Metadata = {
  title: "Synoptic",
  description: "Read sources side by side and annotate them together.",
};

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
