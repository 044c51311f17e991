// Every user-facing string exists in Russian, English and Kazakh, parses as ICU, and takes the same
// arguments in all three languages; plurals have the categories their language needs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, test } from 'vitest'
import en from './en.json'
import kk from './kk.json'
import ru from './ru.json'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value)
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into)
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`)
      argumentsOf(el.children, into)
    }
  }
  return into
}

/** Plural categories used anywhere in a message (exact matches like =0 aside). */
function pluralCategories(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      for (const [key, option] of Object.entries(el.options)) {
        if (!key.startsWith('=')) into.add(key)
        pluralCategories(option.value, into)
      }
    }
    if (el.type === TYPE.select) for (const option of Object.values(el.options)) pluralCategories(option.value, into)
    if (el.type === TYPE.tag) pluralCategories(el.children, into)
  }
  return into
}

const catalogues = { ru: flatten(ru as Tree), en: flatten(en as Tree), kk: flatten(kk as Tree) }
const languages = Object.keys(catalogues) as (keyof typeof catalogues)[]
const ruKeys = catalogues.ru

describe('messages', () => {
  test.each(languages.flatMap((a) => languages.filter((b) => b !== a).map((b) => ({ a, b }))))('every key in $a.json exists in $b.json', ({ a, b }) => {
    expect([...catalogues[a].keys()].filter((k) => !catalogues[b].has(k))).toEqual([])
  })

  test('no message is empty', () => {
    const empty = languages.flatMap((l) => [...catalogues[l]].filter(([, v]) => v.trim() === '').map(([k]) => `${l}:${k}`))
    expect(empty).toEqual([])
  })

  test.each([...ruKeys.keys()].map((key) => ({ key })))('$key: same ICU arguments and tags in every language', ({ key }) => {
    const expected = [...argumentsOf(parse(ruKeys.get(key)!))].sort()
    for (const l of languages) {
      const message = catalogues[l].get(key)
      if (message === undefined) continue // reported by the key tests above
      expect({ language: l, args: [...argumentsOf(parse(message))].sort() }).toEqual({ language: l, args: expected })
    }
  })

  // CLDR plural rules: Russian one/few/many/other, English and Kazakh one/other. A missing
  // category falls back to `other`, which in Russian reads wrong ("1 места"); an extra one is dead.
  const needed = { ru: ['few', 'many', 'one', 'other'], en: ['one', 'other'], kk: ['one', 'other'] }
  test.each(languages)('%s: plurals use exactly the categories of the language', (l) => {
    const rules = new Intl.PluralRules(l === 'kk' ? 'kk' : l).resolvedOptions().pluralCategories
    const wrong: string[] = []
    for (const [key, message] of catalogues[l]) {
      const used = pluralCategories(parse(message))
      if (!used.size) continue
      if (!used.has('other') || [...used].some((c) => !rules.includes(c as Intl.LDMLPluralRule))) wrong.push(`${key}: ${[...used].join(',')}`)
    }
    expect(wrong).toEqual([])
    expect([...rules].sort()).toEqual(needed[l])
  })

  // A Kazakh message identical to the Russian one is almost always a forgotten translation. These
  // are the same in both languages on purpose (names, formats, symbols).
  const SAME_IN_KK_AND_RU = new Set([
    'common.appName', 'common.footer', 'account.title', 'nav.account', 'auth.phone', 'map.routeRegion', 'tripPage.map',
    'publish.route', 'stayReasons.documents.visa', 'stay.documents.kind.VISA', 'myTrips.series', 'groups.code',
    'board.demand.onRun', 'manifestPage.columns.run', 'manifestPage.columns.phone', 'summary.col.run', 'audit.runLabel',
  ])
  test('Kazakh messages are translated (not copies of the Russian)', () => {
    const copies = [...catalogues.kk].filter(([k, v]) => v === ruKeys.get(k) && !SAME_IN_KK_AND_RU.has(k) && /[а-яё]{3}/i.test(v)).map(([k]) => k)
    expect(copies).toEqual([])
  })
})
