import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // never bundled (webpack breaks them; Turbopack would copy them into public static files).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // scripts/server.mjs compresses, and leaves answers under a kilobyte as they are
  // (lib/http/compress-by-size.ts); Next's own compression gzips every streamed answer.
  compress: false,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Imports upload CSV, Excel and e-mail files of up to 5 MB through a server action.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);
