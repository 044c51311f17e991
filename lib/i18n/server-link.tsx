// A link to one of our pages in the request's language, rendered on the server: next/link with the
// localised path, and no next-intl client code (its Link reads the locale on the client and brings
// the client-side translator along). For the header and the pages without a translator (the home
// page, not-found, forbidden, offline); client components keep Link from ./navigation.
import NextLink from 'next/link'
import { getLocale } from 'next-intl/server'
import type { ComponentProps } from 'react'
import { localizePath } from './localize-path'
import type { Locale } from './routing'

type Props = Omit<ComponentProps<typeof NextLink>, 'href'> & { href: string }

export async function Link({ href, ...rest }: Props) {
  const locale = (await getLocale()) as Locale
  return <NextLink href={localizePath(href, locale)} {...rest} />
}
