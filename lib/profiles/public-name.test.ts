import { describe, expect, test } from 'vitest'
import { hasVisibleLetter, publicName } from './public-name'

describe('publicName', () => {
  test.each([
    { label: 'first name and the initial of the last', name: 'Айгерим Бекова', expected: 'Айгерим Б.' },
    { label: 'a middle name is dropped', name: 'Aidar Serikuly Nurlanov', expected: 'Aidar N.' },
    { label: 'one word stays as it is', name: 'Марат', expected: 'Марат' },
    { label: 'extra spaces', name: '  Anna   smith ', expected: 'Anna S.' },
    { label: 'a last part without letters gives no initial', name: 'Ivan 2', expected: 'Ivan' },
    { label: 'the initial is the first letter, not a quote', name: 'Dana «Орлова»', expected: 'Dana О.' },
  ])('$label', ({ name, expected }) => {
    expect(publicName(name)).toBe(expected)
  })
})

describe('hasVisibleLetter', () => {
  test.each([
    { label: 'zero-width spaces only', name: '\u200b\u200b', expected: false },
    { label: 'a dash', name: '—', expected: false },
    { label: 'digits only', name: '123', expected: false },
    { label: 'Cyrillic', name: 'Ая', expected: true },
    { label: 'Kazakh letters', name: 'Әлия', expected: true },
    { label: 'Chinese', name: '王', expected: true },
  ])('$label', ({ name, expected }) => {
    expect(hasVisibleLetter(name)).toBe(expected)
  })
})
