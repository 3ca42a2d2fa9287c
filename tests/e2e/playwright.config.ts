import { defineConfig, devices } from '@playwright/test';

/** Where the apps listen; scripts/e2e.sh starts them before Playwright runs. */
export const PATIENT_URL = process.env.PATIENT_URL ?? 'http://127.0.0.1:4200';
export const DASHBOARD_URL = process.env.DASHBOARD_URL ?? 'http://127.0.0.1:4300';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // The specs share one seeded database; one worker keeps them from racing on it.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser in this project.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'patient', testMatch: 'patient/**/*.e2e.ts', use: { baseURL: PATIENT_URL } },
    {
      name: 'patient-mobile',
      testMatch: 'patient/**/*.e2e.ts',
      use: {
        baseURL: PATIENT_URL,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
    },
    { name: 'dashboard', testMatch: 'dashboard/**/*.e2e.ts', use: { baseURL: DASHBOARD_URL } },
    // A journey crosses both apps, so its pages name their addresses in full.
    { name: 'journeys', testMatch: 'journeys/**/*.e2e.ts' },
  ],
});
