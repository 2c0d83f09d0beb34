import { defineConfig } from 'vitest/config';

// Browser tests: the system Chromium driven by playwright-core against a running server
// (E2E_BASE_URL, default http://127.0.0.1:8000) with the demo accounts (DEMO_PASSWORD).
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A real browser on a loaded CI machine: a test that fails is run once more before it counts.
    retry: 1,
    reporters: ['default', new URL('../summary-reporter.ts', import.meta.url).pathname],
  },
});
