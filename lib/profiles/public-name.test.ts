import { describe, expect, test } from 'vitest'
import { publicName } from './public-name'

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
