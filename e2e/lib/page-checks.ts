// Checks every journey makes of a page: no serious or critical axe violation, and it fits a phone.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The page at `width` px (320 by default: the narrowest phone we support) scrolls no sideways. */
export async function expectFitsPhone(page: Page, width = 320) {
  const before = page.viewportSize()
  await page.setViewportSize({ width, height: 740 })
  await page.waitForTimeout(200)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
  if (before) await page.setViewportSize(before)
}
