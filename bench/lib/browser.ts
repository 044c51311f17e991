// Debian's Chromium through Playwright (the library, not the test runner), with the flags that work on these machines
// (../shared/STACK.md). CHROME_PATH overrides the binary.
import { chromium, type Browser } from '@playwright/test'

export type { Browser }

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS })
}
