// The Playwright test object the security specs share: one cast of signed-in audiences per worker
// (`cast`), and one set of rows they act on (`world`), removed when the worker ends.
import { test as base } from '@playwright/test'
import { closeCast, createCast, createWorld, dropWorld, type Cast, type World } from './world'

export const worldTest = base.extend<object, { cast: Cast; world: World }>({
  cast: [
    async ({ browser }, use, workerInfo) => {
      const cast = await createCast(browser, String(workerInfo.project.use.baseURL))
      await use(cast)
      await closeCast(cast)
    },
    { scope: 'worker' },
  ],
  world: [
    async ({ cast }, use) => {
      const world = await createWorld(cast)
      await use(world)
      await dropWorld(cast, world)
    },
    { scope: 'worker' },
  ],
})
