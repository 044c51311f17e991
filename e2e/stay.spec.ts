// Journey: a rider keeps a travel log on "My stay" and reads their legal stay in plain words —
// days used, the latest legal exit, the earliest re-entry — and checks a run with the planner.
// Dates are offsets from today in Kazakhstan, so the expectations hold on any day.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { e2eDb, expect, keepScreenshot, test, type TestUser } from './fixtures'

const todayKz = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10)
function day(offset: number): string {
  const d = new Date(`${todayKz()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}
/** How the page writes a date in Russian: "30 ноября 2026 г." */
const ruDate = (on: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${on}T12:00:00Z`))

async function addSelfTraveller(user: TestUser, citizenship = 'RU'): Promise<string> {
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, $3, now()) RETURNING id`,
    [user.id, user.name, citizenship],
  )
  return rows[0]!.id
}

async function addStayRow(travellerId: string, entryOn: string, exitOn: string | null): Promise<void> {
  await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2, $3, now())`, [travellerId, entryOn, exitOn])
}

async function stayCount(travellerId: string): Promise<number> {
  const { rows } = await e2eDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM stays WHERE traveller_id = $1`, [travellerId])
  return rows[0]!.n
}

async function addStay(page: Page, entryOn: string, exitOn: string | null) {
  const form = page.getByRole('form', { name: 'Добавить период' })
  await form.getByLabel('Дата въезда в Казахстан').fill(entryOn)
  await form.getByLabel('Дата выезда').fill(exitOn ?? '')
  await form.getByRole('button', { name: 'Добавить' }).click()
}

test('fills a travel log for a Russian rider who has used 85 days, sees the right latest legal exit and earliest re-entry on My stay, and sees a blocked what-if', async ({ signedInAs }) => {
  const { page, user } = await signedInAs()
  await page.goto('/stay')
  await expect(page.getByRole('heading', { level: 1, name: 'Мой срок' })).toBeVisible()

  // First visit: the citizenship is asked, never guessed.
  await page.getByLabel('Ваше гражданство', { exact: true }).selectOption({ label: 'Россия' })
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByRole('heading', { name: `Срок: ${user.name}` })).toBeVisible()

  // 50 days ending 101 days ago, and in Kazakhstan for the last 35 days: 85 days in the window.
  await addStay(page, day(-150), day(-101))
  await expect(page.getByTestId('stay-row')).toHaveCount(1)
  await addStay(page, day(-34), null)
  await expect(page.getByTestId('stay-row')).toHaveCount(2)

  const summary = page.getByTestId('stay-summary')
  await expect(summary.getByTestId('days-used')).toHaveText('85 из 90')
  await expect(summary.getByTestId('days-remaining')).toHaveText('5')
  // Nothing rolls out of the window for a month, so the 90th day is today + 5 …
  await expect(summary.getByText('Выехать не позднее')).toBeVisible()
  await expect(summary.getByTestId('latest-exit')).toContainText(ruDate(day(5)))
  // … and after leaving then, the 90th most recent day (today − 150) leaves the window on today + 30;
  // a stay from then may last 50 days (until today − 101 rolls out as well).
  await expect(summary.getByText(`Ближайший въезд после выезда ${ruDate(day(5))}`)).toBeVisible()
  await expect(summary.getByTestId('next-entry')).toContainText(ruDate(day(30)))
  await expect(summary.getByTestId('next-entry')).toContainText('на 50 дней')
  await expect(page.getByTestId('calendar-summary')).toContainText('85 дней')
  // In Kazakhstan for 35 days with nothing ticked: the registration reminder shows.
  await expect(page.getByTestId('registration-reminder')).toBeVisible()

  // Leaving on the last legal day and coming back the next: the border would refuse entry.
  const planner = page.getByRole('form', { name: 'Что если поехать?' })
  await planner.getByLabel('Выезжаю из Казахстана').fill(day(5))
  await planner.getByLabel('Возвращаюсь').fill(day(6))
  await planner.getByRole('button', { name: 'Проверить' }).click()
  const verdict = page.getByTestId('run-verdict')
  await expect(verdict).toHaveAttribute('data-verdict', 'blocked')
  await expect(verdict).toContainText('Так ехать нельзя')
  await expect(verdict.locator('[data-code="RETURN_REFUSED"]')).toContainText(`Во въезде ${ruDate(day(6))} откажут`)
  await expect(verdict.locator('[data-code="RETURN_REFUSED"]')).toContainText(`позволит въезд с ${ruDate(day(30))}`)
  await expect(verdict.locator('[data-code="NO_RESET"]')).toBeVisible()

  const { rows } = await e2eDb().query<{ entry_on: string; exit_on: string | null }>(
    `SELECT to_char(s.entry_on, 'YYYY-MM-DD') AS entry_on, to_char(s.exit_on, 'YYYY-MM-DD') AS exit_on
       FROM stays s JOIN travellers t ON t.id = s.traveller_id WHERE t.account_id = $1 ORDER BY s.entry_on`,
    [user.id],
  )
  expect(rows).toEqual([{ entry_on: day(-150), exit_on: day(-101) }, { entry_on: day(-34), exit_on: null }])
  await keepScreenshot(page, 'my-stay')
})

test('bad stay input shows each error beside its field and saves nothing', async ({ signedInAs }) => {
  const { page, user } = await signedInAs()
  const travellerId = await addSelfTraveller(user)
  await page.goto('/stay')

  // An entry in the future and an exit before it.
  await addStay(page, day(3), day(-1))
  await expect(page.locator('#stay-entry-error')).toHaveText('Дата ещё не наступила: здесь записываются прошедшие поездки. Для планов есть «Что если поехать?».')
  await expect(page.locator('#stay-exit-error')).toHaveText('Дата выезда раньше даты въезда.')
  await expect(page.getByRole('form', { name: 'Добавить период' }).getByLabel('Дата въезда в Казахстан')).toHaveAttribute('aria-invalid', 'true')
  // What the rider typed is still there to correct.
  await expect(page.getByRole('form', { name: 'Добавить период' }).getByLabel('Дата выезда')).toHaveValue(day(-1))
  expect(await stayCount(travellerId)).toBe(0)

  // One open stay (still in Kazakhstan) is fine; a second one is refused on the exit field.
  await addStay(page, day(-10), null)
  await expect(page.getByTestId('stay-row')).toHaveCount(1)
  await addStay(page, day(-5), null)
  await expect(page.locator('#stay-exit-error')).toContainText('Уже есть период без даты выезда')
  expect(await stayCount(travellerId)).toBe(1)
})

test('axe finds no serious or critical violation on /stay', async ({ signedInAs }) => {
  const { page, user } = await signedInAs()
  const travellerId = await addSelfTraveller(user)
  await addStayRow(travellerId, day(-150), day(-101))
  await addStayRow(travellerId, day(-34), null)
  await page.goto('/stay')
  await expect(page.getByTestId('stay-summary')).toBeVisible()
  const planner = page.getByRole('form', { name: 'Что если поехать?' })
  await planner.getByLabel('Выезжаю из Казахстана').fill(day(5))
  await planner.getByLabel('Возвращаюсь').fill(day(6))
  await planner.getByRole('button', { name: 'Проверить' }).click()
  await expect(page.getByTestId('run-verdict')).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('/stay fits a 360 px wide phone without sideways scrolling', async ({ signedInAs }) => {
  const { page, user } = await signedInAs()
  const travellerId = await addSelfTraveller(user)
  await addStayRow(travellerId, day(-150), day(-101))
  await addStayRow(travellerId, day(-34), null)
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/stay')
  await expect(page.getByTestId('stay-summary')).toBeVisible()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)
  await keepScreenshot(page, 'my-stay-360')
})
