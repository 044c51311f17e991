// The web app manifest (/manifest.webmanifest): Poputka installs to a phone's home screen and opens
// full screen. Russian names: the default language (a manifest has one language).
import type { MetadataRoute } from 'next'

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Попутка — общие машины на визаран',
    short_name: 'Попутка',
    description: 'Поездки на границу с Кыргызстаном и Узбекистаном и проверка правила 90/180 до брони.',
    lang: 'ru',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: '#0b5cad',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}
