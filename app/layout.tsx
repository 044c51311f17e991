// The real root layout is app/[locale]/layout.tsx (it owns <html lang>); this one only exists so
// that routes outside a locale (API) have a parent.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children
}
