import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The dev server proxies the API to a running case-api (./clearance up), so `npm run dev`
// serves the UI with hot reload on http://localhost:5173 against the real platform.
const api = process.env.CLEARANCE_API_URL ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/api": api, "/q": api },
  },
  build: {
    outDir: process.env.CLEARANCE_UI_OUT ?? "target/classes/META-INF/resources",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
