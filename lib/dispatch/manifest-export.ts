// A run's or a day's manifest as a CSV file in the reader's language (Russian or English headers).
import { formatTime } from '@/lib/format'
import type { Actor } from '@/lib/auth/permissions'
import { getDayManifest } from '@/lib/dispatch/get-day-manifest'
import { manifestCsv, type ManifestCsvLabels, type ManifestCsvRun } from '@/lib/dispatch/manifest-csv'
import { translatorFor } from '@/lib/i18n/messages'
import type { Locale } from '@/lib/i18n/routing'
import { getManifest, type Manifest } from '@/lib/trips/get-manifest'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export function manifestCsvLabels(locale: Locale): ManifestCsvLabels {
  const t = translatorFor(locale)
  const h = (key: string) => t(`manifestPage.columns.${key}` as never)
  return {
    headers: {
      run: h('run'), driver: h('driver'), car: h('car'), pickup: h('pickup'), party: h('party'), traveller: h('traveller'),
      partySize: h('partySize'), phone: h('phone'), payment: h('payment'), amount: h('amount'), verdict: h('verdict'), checkIn: h('checkIn'),
    },
    payment: { OWED: t('board.payment.OWED'), PAID: t('board.payment.PAID'), CONFIRMED: t('board.payment.CONFIRMED'), DISPUTED: t('board.payment.DISPUTED') },
    verdict: { OK: t('board.verdict.OK'), WARN: t('board.verdict.WARN'), BLOCKED: t('board.verdict.BLOCKED') },
    boarding: { PENDING: t('board.boarding.PENDING'), BOARDED: t('board.boarding.BOARDED'), NO_SHOW: t('board.boarding.NO_SHOW') },
  }
}

export function manifestRunForCsv(locale: Locale, manifest: Manifest): ManifestCsvRun {
  const { trip } = manifest
  const name = (v: PlaceNames) => placeName(locale, v)
  return {
    runLabel: `${formatTime(locale, trip.departureAt)} ${name(trip.originCity)} → ${name(trip.destinationCity)}`,
    driverName: trip.driver.name,
    car: `${trip.car.make} ${trip.car.model} ${trip.car.plate}`,
    pickupLabel: trip.pickupPoint ? name(trip.pickupPoint) : trip.pickupLabel,
    parties: manifest.confirmed.map((p) => ({
      seats: p.seats, riderName: p.riderName, riderPhone: p.riderPhone, paymentState: p.paymentState, amountTenge: p.amountTenge,
      travellers: p.travellers.map((t) => ({ name: t.name, verdict: t.verdict, boarding: t.boarding })),
    })),
  }
}

export async function runManifestCsv(actor: Actor, tripId: string, locale: Locale): Promise<{ filename: string; csv: string }> {
  const manifest = await getManifest(actor, tripId)
  const on = manifest.trip.departureOn.toISOString().slice(0, 10)
  const time = formatTime('ru', manifest.trip.departureAt).replace(':', '')
  return { filename: `manifest-${on}-${time}.csv`, csv: manifestCsv([manifestRunForCsv(locale, manifest)], manifestCsvLabels(locale)) }
}

export async function dayManifestCsv(actor: Actor, groupId: string, date: string, locale: Locale): Promise<{ filename: string; csv: string }> {
  const day = await getDayManifest(actor, groupId, date)
  return { filename: `manifest-${date}.csv`, csv: manifestCsv(day.runs.map((m) => manifestRunForCsv(locale, m)), manifestCsvLabels(locale)) }
}
