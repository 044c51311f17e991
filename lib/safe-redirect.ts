/** Only same-site paths are followed after sign-in ("/x", never "//evil.com" or "https://…"). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/'
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  // The locale prefix is added by the router; strip one if present.
  return value.replace(/^\/(ru|en|kk)(?=\/|$)/, '') || '/'
}
