// Every user-facing string exists in Russian and English, parses as ICU, and takes the same
// arguments in both languages.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, test } from 'vitest'
import en from './en.json'
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
    if (el.type === TYPE.tag) argumentsOf(el.children, into)
  }
  return into
}

const ruKeys = flatten(ru as Tree)
const enKeys = flatten(en as Tree)

describe('messages', () => {
  test('every key in ru.json exists in en.json', () => {
    expect([...ruKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([])
  })
  test('every key in en.json exists in ru.json', () => {
    expect([...enKeys.keys()].filter((k) => !ruKeys.has(k))).toEqual([])
  })
  test('no message is empty', () => {
    const empty = [...ruKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })
  test.each([...ruKeys.keys()].filter((k) => enKeys.has(k)).map((key) => ({ key })))('$key: same ICU arguments in both languages', ({ key }) => {
    const ruArgs = [...argumentsOf(parse(ruKeys.get(key)!))].sort()
    const enArgs = [...argumentsOf(parse(enKeys.get(key)!))].sort()
    expect(enArgs).toEqual(ruArgs)
  })
})
