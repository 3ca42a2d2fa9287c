import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';

const port = Number(process.env.DASHBOARD_PORT ?? 4300);
const host = '127.0.0.1';

// The browser only ever talks to this origin, so the API needs no CORS in dev, preview or e2e.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000' },
};

export default defineConfig({
  root: import.meta.dirname,
  // One tsconfig for every file, the shared contracts included, instead of the workspace's solution file.
  tsconfig: 'tsconfig.json',
  plugins: [react()],
  resolve: {
    // Read the shared contracts from source so a change shows up without building the library.
    conditions: ['@ivks/source', ...defaultClientConditions],
  },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // react-admin and Material UI make one large bundle; staff use it on desktop connections.
    chunkSizeWarningLimit: 1500,
  },
});
