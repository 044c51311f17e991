// How a member is named to other members: the first name and the initial of the last one
// ("Айгерим Бекова" → "Айгерим Б."), as BlaBlaCar does. The full name stays with the member, the
// drivers they ride with (manifest) and the admins.

export function publicName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean)
  const first = parts[0] ?? ''
  if (parts.length < 2) return first
  const last = parts[parts.length - 1]!
  const initial = Array.from(last).find((ch) => /\p{L}/u.test(ch))
  return initial ? `${first} ${initial.toLocaleUpperCase()}.` : first
}
