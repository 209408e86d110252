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
  },
});
