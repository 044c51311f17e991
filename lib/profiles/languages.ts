// Languages a member may say they speak: ISO 639-1 codes, the ones heard on these roads first.
// Their names are under `profile.languageNames.<code>` in messages/*.json.
export const LANGUAGE_CODES = ['ru', 'kk', 'ky', 'uz', 'tg', 'en', 'tr', 'zh', 'uk', 'be', 'hy', 'az', 'ka', 'de', 'fr', 'es', 'fa', 'ar', 'ko', 'hi'] as const

export type LanguageCode = (typeof LANGUAGE_CODES)[number]

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value)
}
