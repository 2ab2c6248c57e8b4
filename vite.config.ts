import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The web app lives in web/ and builds to dist/web, which the Node host serves.
// In development, `vite` serves it on :5173 and forwards the API, auth and dev
// routes to the Node host on :8787.
const backend = 'http://localhost:8787';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: backend },
      '/auth': { target: backend },
      '/dev/api': { target: backend },
    },
  },
  preview: { port: 4173 },
});
