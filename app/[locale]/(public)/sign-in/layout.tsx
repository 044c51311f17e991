import { NextIntlClientProvider } from 'next-intl'

// The client-side translator (next-intl's provider with the catalogue) for the pages below, whose
// client components translate; the root layout has none so that the home page ships without it.
export default function TranslatedLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>
}
