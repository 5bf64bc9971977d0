// Web build and dev server. Workspace libs resolve to their TypeScript sources through the
// "@vetted/source" export condition, so the web never waits for a lib build.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@vetted/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: API_TARGET,
        changeOrigin: false,
        // The API refuses state changes whose Origin is not its own (CSRF defence). A page of this dev
        // server is its own origin, so its requests are forwarded as if from the API's origin; any other
        // Origin (another site posting to the dev server) is forwarded untouched, and refused.
        configure: (proxy) =>
          proxy.on('proxyReq', (proxyReq, req) => {
            if (req.headers.origin && req.headers.origin === `http://${req.headers.host}`) proxyReq.setHeader('origin', new URL(API_TARGET).origin);
          }),
      },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
