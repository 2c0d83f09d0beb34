// Prints the closing line "N passed, N failed[, N skipped]" after a vitest run, preceded by one line per
// failed test and per test that passed only when run again (the browser tests' retry: a flake to fix),
// each with the first line of its error and where it was thrown. CI keeps only the last lines of a long
// log, so what failed must be said last; with SUMMARY_FAILURES_FILE set the same lines are also written
// there, for a script to print again after the server log it shows on failure (scripts/e2e.sh).
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Where in the tests the error was thrown: the innermost two lines of our own files in its stack
 * (a page object's, then the spec's that called it). */
function place(stack: string | undefined): string {
  const lines = (stack ?? '').split('\n').filter((l) => !l.includes('node_modules'));
  const at = lines.flatMap((l) => l.match(/(?:[\w-]+\/)?[\w.-]+\.ts:\d+(?=:\d+\)?$)/) ?? []);
  return at.length ? ` (at ${at.slice(0, 2).join(' ← ')})` : '';
}

function fileName(module: TestModule): string {
  return module.moduleId.split('/').pop() ?? '';
}

function reportLine(what: string, test: TestCase): string {
  const error = (test.result().errors ?? [])[0];
  const name = `${fileName(test.module)} › ${test.fullName}`;
  return `${what} ${name}: ${firstLine(error?.message)}${place(error?.stack)}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failures: string[] = [];
    const flaky: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') {
          passed += 1;
          if (test.diagnostic()?.retryCount) flaky.push(reportLine('PASSED ON RETRY', test));
        } else if (state === 'failed') {
          failed += 1;
          failures.push(reportLine('FAILED', test));
        } else skipped += 1;
      }
      // a file that failed to load (syntax error, failing beforeAll) counts as a failure
      if (mod.state() === 'failed' && [...mod.children.allTests()].every((t) => t.result().state !== 'failed')) {
        failed += 1;
        const error = mod.errors()[0];
        failures.push(`FAILED ${fileName(mod)} (did not run): ${firstLine(error?.message)}`);
      }
    }
    for (const error of unhandledErrors) {
      failed += 1;
      failures.push(`FAILED unhandled error: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    }
    const tail = skipped ? `, ${skipped} skipped` : '';
    const report = [...flaky, ...failures, `${passed} passed, ${failed} failed${tail}`].join('\n');
    process.stdout.write(`\n${report}\n`);
    const file = process.env.SUMMARY_FAILURES_FILE;
    if (file) writeFileSync(file, [...flaky, ...failures].map((line) => `${line}\n`).join(''));
  }
}
