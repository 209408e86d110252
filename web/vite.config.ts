import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev server proxies /api to the ASP.NET backend (override with LOOM_API).
const apiTarget = process.env.LOOM_API ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // hls.js (about 580 kB, imported only when the scene player mounts) is the one chunk over Vite's 500 kB default;
    // the main bundle is about 360 kB since the heavier pages load on first visit (src/App.tsx).
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      // ws: the chat WebSocket (/api/chat/ws) goes through the same proxy.
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
      '/health': { target: apiTarget },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Vitest's 5 s default is a wall-clock limit: the zip-bomb test of src/lib/bundle.test.ts took 5.4 s on a 2-core
    // machine at load 20. A hung test still fails, just later.
    testTimeout: 30_000,
  },
});
