import { getTranslations } from 'next-intl/server'
import { Link } from '@/lib/i18n/server-link'

export default async function Forbidden() {
  const t = await getTranslations('forbidden')
  return (
    <div className="card stack-sm">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/">{t('home')}</Link>
    </div>
  )
}
