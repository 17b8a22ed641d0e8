import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const ANTD = 'antd|@ant-design|@rc-component|rc-[^\\\\/]+|@emotion|stylis|dayjs|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|@babel';
const nm = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's core (form, layout, overlays, CSS-in-JS) is needed on the first screen and cached as one chunk.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        // Vendors change far less often than the app, so the code every page needs gets long-cached
        // chunks of its own; components used only by lazy pages (Table, Tree, Upload…) load with them.
        codeSplitting: {
          groups: [
            { name: 'react', test: nm('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'), priority: 30 },
            // The inspector app's (/m) own vendors, cached apart from its code; never part of the desktop's first load.
            { name: 'mobile-vendor', test: nm('antd-mobile|antd-mobile-icons|ahooks|tslib|staged-components|use-sync-external-store'), priority: 25 },
            { name: 'antd', test: nm(ANTD), tags: ['$initial'], priority: 20 },
            { name: 'vendor', test: nm('[^\\\\/]+'), tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
});
