// Page weight and Lighthouse: the compressed JavaScript a first visit downloads (measured in the
// browser: the Resource Timing sizes of every script), whether the map's code (Leaflet) came with
// it, and Lighthouse's mobile scores (lighthouse 12, Debian's Chromium, its default simulated
// throttling of a mid-range phone on a slow 4G connection).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { openBrowser, CHROME_FLAGS, CHROME_PATH, type Browser } from './lib/browser'

/** Next.js's and React's own scripts, which every page loads (the build's rootMainFiles): the floor
 * under a page's JavaScript that the app's code cannot lower. */
function frameworkScripts(): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] }
    return new Set((manifest.rootMainFiles ?? []).map((f) => f.split('/').pop()!))
  } catch {
    return new Set()
  }
}

export type PageSpec = { name: string; path: string; cookie?: string; public: boolean; showsMap: boolean }

export type PageWeight = {
  name: string
  path: string
  public: boolean
  showsMap: boolean
  status: number
  scripts: number
  /** Compressed bytes of JavaScript (Resource Timing encodedBodySize). */
  jsEncoded: number
  /** The same, uncompressed. */
  jsDecoded: number
  /** Of jsEncoded, Next.js's and React's own scripts (rootMainFiles): the baseline every page pays. */
  jsFrameworkEncoded: number
  /** Leaflet's code was among the scripts. */
  mapCode: boolean
  /** The HTML document, compressed and as parsed. */
  htmlEncoded: number
  htmlDecoded: number
  /** The largest scripts (compressed kB), to see what a page pays for. */
  largest: { file: string; kB: number; leaflet: boolean }[]
  consoleErrors: string[]
  error?: string
}

export async function measurePageWeights(url: string, pages: PageSpec[], browser?: Browser): Promise<PageWeight[]> {
  const own = browser ? null : await openBrowser()
  const b = browser ?? own!
  const scriptText = new Map<string, Promise<string>>()
  const framework = frameworkScripts()
  try {
    const results: PageWeight[] = []
    for (const spec of pages) {
      const context = await b.newContext({ viewport: { width: 412, height: 823 }, isMobile: true })
      if (spec.cookie) {
        const [name, ...rest] = spec.cookie.split('=')
        await context.addCookies([{ name: name!, value: rest.join('='), url }])
      }
      const page = await context.newPage()
      const consoleErrors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200))
      })
      page.on('pageerror', (e) => consoleErrors.push(String(e).slice(0, 200)))
      try {
        const response = await page.goto(url + spec.path, { waitUntil: 'load', timeout: 30_000 })
        // Anything loaded lazily right after (a map behind dynamic import) counts too.
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
        await page.waitForTimeout(500)
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
        const { entries, html, htmlDecoded } = await page.evaluate(() => ({
          entries: performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(new URL(e.name).pathname))
            .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
          html: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).encodedBodySize,
          htmlDecoded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).decodedBodySize,
        }))
        const unique = new Map(entries.map((e) => [e.name, e]))
        let mapCode = false
        const leafletFiles = new Set<string>()
        for (const name of unique.keys()) {
          if (!scriptText.has(name)) scriptText.set(name, fetch(name).then((r) => r.text()).catch(() => ''))
          // Leaflet's own source names its container class; nothing else of ours does.
          if ((await scriptText.get(name)!).includes('leaflet-container')) {
            mapCode = true
            leafletFiles.add(name)
          }
        }
        const largest = [...unique.values()]
          .sort((a, b) => b.encoded - a.encoded)
          .slice(0, 6)
          .map((e) => ({ file: new URL(e.name).pathname.split('/').pop()!, kB: Math.round(e.encoded / 102.4) / 10, leaflet: leafletFiles.has(e.name) }))
        results.push({
          name: spec.name,
          path: spec.path,
          public: spec.public,
          showsMap: spec.showsMap,
          status: response?.status() ?? 0,
          scripts: unique.size,
          jsEncoded: [...unique.values()].reduce((n, e) => n + e.encoded, 0),
          jsDecoded: [...unique.values()].reduce((n, e) => n + e.decoded, 0),
          jsFrameworkEncoded: [...unique.values()].filter((e) => framework.has(new URL(e.name).pathname.split('/').pop()!)).reduce((n, e) => n + e.encoded, 0),
          mapCode,
          htmlEncoded: html,
          htmlDecoded,
          largest,
          consoleErrors,
        })
      } catch (error) {
        results.push({ name: spec.name, path: spec.path, public: spec.public, showsMap: spec.showsMap, status: 0, scripts: 0, jsEncoded: NaN, jsDecoded: NaN, jsFrameworkEncoded: NaN, mapCode: false, htmlEncoded: NaN, htmlDecoded: NaN, largest: [], consoleErrors, error: String(error).split('\n')[0] })
      }
      await context.close()
    }
    return results
  } finally {
    await own?.close()
  }
}

export type LighthouseScores = {
  name: string
  performance: number | null
  accessibility: number | null
  bestPractices: number | null
  /** Audits that lost points in accessibility and best practices (ids), and the slowest metrics. */
  failing: string[]
  lcpMs: number | null
  tbtMs: number | null
  error?: string
}

type LighthouseResult = {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>
    audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>
    runtimeError?: { message: string }
  }
}

/** Pages heavier than this are not given to Lighthouse (it would time out on them anyway). */
const LIGHTHOUSE_MAX_HTML_BYTES = 5 * 1024 * 1024
const LIGHTHOUSE_PAGE_SECONDS = 75

export async function runLighthouse(url: string, pages: PageSpec[], weights: PageWeight[] = []): Promise<LighthouseScores[]> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: (url: string, flags: object) => Promise<LighthouseResult | undefined> }
  const chromeLauncher = await import('chrome-launcher')
  const launch = () => chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  let chrome = await launch()
  const scores: LighthouseScores[] = []
  const empty = { performance: null, accessibility: null, bestPractices: null, failing: [], lcpMs: null, tbtMs: null }
  try {
    for (const spec of pages) {
      const weight = weights.find((w) => w.name === spec.name)
      if (weight && weight.htmlDecoded > LIGHTHOUSE_MAX_HTML_BYTES) {
        scores.push({ name: spec.name, ...empty, error: `not run: the page's HTML is ${(weight.htmlDecoded / 1024 / 1024).toFixed(1)} MB` })
        continue
      }
      let timer: NodeJS.Timeout | undefined
      try {
        const run = lighthouse(url + spec.path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          extraHeaders: spec.cookie ? { Cookie: spec.cookie } : undefined,
          maxWaitForLoad: 30_000,
        })
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`more than ${LIGHTHOUSE_PAGE_SECONDS} s`)), LIGHTHOUSE_PAGE_SECONDS * 1000)
        })
        const result = await Promise.race([run, timeout])
        if (!result) throw new Error('lighthouse returned nothing')
        const { categories, audits } = result.lhr
        const score = (id: string) => (categories[id]?.score === null || categories[id] === undefined ? null : Math.round(categories[id]!.score! * 100))
        const failing: string[] = []
        for (const id of ['accessibility', 'best-practices']) {
          for (const ref of categories[id]?.auditRefs ?? []) {
            const audit = audits[ref.id]
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(ref.id)
          }
        }
        scores.push({
          name: spec.name,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          failing,
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? null,
          tbtMs: audits['total-blocking-time']?.numericValue ?? null,
          error: result.lhr.runtimeError?.message,
        })
      } catch (error) {
        scores.push({ name: spec.name, ...empty, error: String(error).split('\n')[0] })
        // A run that hung leaves Chrome in an unknown state: start a fresh one for the next page.
        chrome.kill()
        chrome = await launch()
      } finally {
        clearTimeout(timer)
      }
    }
    return scores
  } finally {
    chrome.kill()
  }
}
