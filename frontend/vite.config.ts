/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: read by scripts/bundle-budget.mjs (npm run build) for the bundle budgets
    manifest: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // @rc-component/form declares no "sideEffects", so antd's ContextIsolator (used by Modal, Popover,
      // Dropdown …, via form/context's FormProvider) kept the whole form engine and its validator in the
      // main bundle; its modules only set up their own exports.
      treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/]form[\\/]/, sideEffects: false }] },
      output: {
        // Long-lived vendor chunks (cached across app releases), holding only what the first page needs
        // anyway: a group pulls every module it matches into the chunk the entry imports. Ant Design and
        // dayjs (whose plugins only the date pickers use) are left to automatic splitting, so each lazy
        // page loads what it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'vendor', test: /node_modules[\\/](i18next|react-i18next|@tanstack|openapi-fetch)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
