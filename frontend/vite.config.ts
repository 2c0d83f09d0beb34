/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CATALOGUE_PARTS, isCataloguePart, pickPart } from './src/i18n/parts.mjs';

/**
 * `import('./zh-CN.json?part=shell')`: that part of the catalogue (src/i18n/parts.mjs), cut out of the
 * one catalogue file, as a module whose default export is the part.
 */
function i18nParts(): Plugin {
  const catalogueFile = /[\\/]src[\\/]i18n[\\/](?:zh-CN|en)\.json$/;
  return {
    name: 'i18n-parts',
    enforce: 'pre',
    load(id) {
      const [file, query = ''] = id.split('?', 2);
      // the dev server adds its own parameters (?import&part=shell)
      const part = new URLSearchParams(query).get('part');
      if (part === null || !catalogueFile.test(file)) return null;
      if (!isCataloguePart(part)) this.error(`unknown catalogue part "${part}" (src/i18n/parts.mjs)`);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(pickPart(JSON.parse(readFileSync(file, 'utf8')), CATALOGUE_PARTS[part]))};`;
    },
  };
}

/**
 * antd's ConfigProvider imports its tooltip UniqueProvider, which it renders only for
 * `tooltip.unique` (never set here), and with it the popup engine, into every page's first load: the
 * build gives it a stand-in that throws if it is ever rendered (src/app/NoTooltipUniqueProvider.tsx).
 * Pages with tooltips, popovers or dropdowns load the engine with them, as any other component.
 */
function withoutTooltipUniqueProvider(): Plugin {
  const standIn = fileURLToPath(new URL('./src/app/NoTooltipUniqueProvider.tsx', import.meta.url));
  const importer = /[\\/]antd[\\/]es[\\/]config-provider[\\/]index\.js$/;
  let replaced = false;
  return {
    name: 'without-tooltip-unique-provider',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, from) {
      if (source !== '../tooltip/UniqueProvider' || !from || !importer.test(from)) return null;
      replaced = true;
      return standIn;
    },
    buildEnd() {
      // after an antd upgrade that moved it: the bundle budgets would grow by the popup engine
      if (!replaced) this.warn("antd's ConfigProvider no longer imports ../tooltip/UniqueProvider: the stand-in is unused");
    },
  };
}

export default defineConfig({
  plugins: [react(), i18nParts(), withoutTooltipUniqueProvider()],
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
