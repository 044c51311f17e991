// Journey: a visitor registers, signs out and in, switches to English and back, signs out.
import { randomUUID } from 'node:crypto'
import { e2eDb, expect, keepScreenshot, test } from './fixtures'

test('a visitor registers, signs in and out, and switches language both ways', async ({ page }) => {
  const email = `new-${randomUUID().slice(0, 8)}@test.poputka.kz`
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Общая машина до границы')

  await page.getByRole('link', { name: 'Регистрация' }).click()
  await page.getByLabel('Имя').fill('Мария Иванова')
  await page.getByLabel('Электронная почта').fill(email)
  await page.getByLabel('Пароль').fill('correct-horse-battery')
  await page.getByLabel(/Телефон/).fill('+7 701 555 12 34')
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  // The same answer as for a registered address: check your email, then sign in.
  await expect(page.getByTestId('registered')).toContainText(`Мы отправили письмо на ${email}`)
  await page.getByTestId('registered').getByRole('link', { name: 'Войти' }).click()
  await page.getByLabel('Электронная почта').fill(email)
  await page.getByLabel('Пароль').fill('correct-horse-battery')
  await page.getByRole('button', { name: 'Войти' }).click()

  const signOut = page.getByRole('button', { name: 'Выйти' })
  await expect(signOut).toBeVisible()
  await expect(page.getByRole('link', { name: 'Профиль' })).toBeVisible()
  const { rows } = await e2eDb().query('SELECT name, roles, phone FROM users WHERE email = $1', [email])
  expect(rows).toEqual([{ name: 'Мария Иванова', roles: '{PASSENGER}', phone: '+77015551234' }])

  await signOut.click()
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible()

  await page.getByRole('link', { name: 'Войти' }).click()
  await page.getByLabel('Электронная почта').fill(email)
  await page.getByLabel('Пароль').fill('correct-horse-battery')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()

  // English, and the choice is remembered on the next visit to "/".
  await page.getByRole('link', { name: 'Switch to English' }).click()
  await expect(page).toHaveURL(/\/en$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A shared car to the border')
  await page.goto('/')
  await expect(page).toHaveURL(/\/en$/)
  await keepScreenshot(page, 'home-en')

  await page.getByRole('link', { name: 'Переключить на русский' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Общая машина до границы')
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible()
})

test('a bad registration shows each field error beside its field and creates nothing', async ({ page }) => {
  await page.goto('/register')
  await page.getByLabel('Имя').fill('Пётр')
  await page.getByLabel('Электронная почта').fill('not-an-email')
  await page.getByLabel('Пароль').fill('short')
  await page.getByLabel(/Телефон/).fill('12345')
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()

  await expect(page.locator('#email-error')).toHaveText('Введите адрес почты, например name@example.com.')
  await expect(page.locator('#password-error')).toHaveText('Пароль должен быть не короче 10 символов.')
  await expect(page.locator('#phone-error')).toContainText('с кодом страны')
  await expect(page.getByLabel('Электронная почта')).toHaveAttribute('aria-invalid', 'true')
  // What the user typed is still there to correct.
  await expect(page.getByLabel('Имя')).toHaveValue('Пётр')
  const { rows } = await e2eDb().query(`SELECT count(*)::int AS n FROM users WHERE name = 'Пётр'`)
  expect(rows[0].n).toBe(0)
  await keepScreenshot(page, 'register-errors')
})

test('registering with a taken email answers as for a new one, and its owner is told by email instead', async ({ page }) => {
  const { rows: [owner] } = await e2eDb().query<{ id: string }>(`SELECT id FROM users WHERE email = 'passenger@poputka.kz'`)
  await page.goto('/register')
  await page.getByLabel('Имя').fill('Дубль')
  await page.getByLabel('Электронная почта').fill('PASSENGER@poputka.kz')
  await page.getByLabel('Пароль').fill('long-enough-password')
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  await expect(page.getByTestId('registered')).toContainText('Мы отправили письмо на passenger@poputka.kz')
  const { rows } = await e2eDb().query(`SELECT count(*)::int AS n FROM users WHERE name = 'Дубль'`)
  expect(rows[0].n).toBe(0)
  const told = await e2eDb().query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'ACCOUNT_EXISTS'`, [owner!.id])
  expect(told.rowCount).toBeGreaterThan(0)
})

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Электронная почта').fill('driver@poputka.kz')
  await page.getByLabel('Пароль').fill('wrong-password')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByTestId('form-message')).toHaveText('Неверная почта или пароль.')
})
