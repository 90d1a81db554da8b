import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

// The admin web UI. Source lives in src/web; the server serves the build from dist/web
// (with an SPA fallback to index.html) and answers the API same-origin under /api/v1.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Pages are lazy-loaded (src/web/app/router.tsx). React, i18next and the icon set get stable
    // vendor chunks; antd is left to automatic splitting so that each page only pulls the
    // components it uses (one antd chunk would be ~1 MB on the login page).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 40 },
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
