'use client'

import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import type { DayBoard } from '@/lib/dispatch/get-day-board'
import { useBoardAction } from './use-board-action'

export type OpenRunOptions = {
  origins: { id: string; name: string }[]
  pickupPoints: { id: string; cityId: string; name: string }[]
  /** Checkpoints open to passenger runs on the board's date. */
  checkpoints: { id: string; name: string; countryCode: string; destinationCityId: string }[]
  destinations: { id: string; name: string; countryCode: string }[]
}

/** Fields shown beside their input; any other error goes under the form. */
const PLACED = ['driverId', 'carId', 'originCityId', 'pickup', 'checkpointId', 'destinationCityId', 'departureTime', 'returnTime', 'roundTrip', 'seatsTotal', 'pricePerSeatTenge', 'totalCostTenge', 'approvalMode', 'requestTtlHours']

/** Open a run on the board's date for one of the group's drivers, in one of their cars. */
export function OpenRunForm({ groupId, date, drivers, options }: { groupId: string; date: string; drivers: DayBoard['drivers']; options: OpenRunOptions }) {
  const t = useTranslations('board.openRun')
  const action = useBoardAction(groupId, date)
  const withCars = drivers.filter((d) => d.cars.length > 0)
  const [driverId, setDriverId] = useState(withCars[0]?.id ?? '')
  const driver = withCars.find((d) => d.id === driverId) ?? withCars[0]
  const [carId, setCarId] = useState(driver?.cars[0]?.id ?? '')
  const car = driver?.cars.find((c) => c.id === carId) ?? driver?.cars[0]
  const [originId, setOriginId] = useState(options.origins[0]?.id ?? '')
  const points = options.pickupPoints.filter((p) => p.cityId === originId)
  const [pointId, setPointId] = useState(points[0]?.id ?? '')
  const [checkpointId, setCheckpointId] = useState(options.checkpoints[0]?.id ?? '')
  const checkpoint = options.checkpoints.find((c) => c.id === checkpointId)
  const destinations = options.destinations.filter((d) => d.countryCode === checkpoint?.countryCode)
  const [destinationId, setDestinationId] = useState(checkpoint?.destinationCityId ?? '')
  const [roundTrip, setRoundTrip] = useState(true)
  const [pricingMode, setPricingMode] = useState<'PER_SEAT' | 'SHARED_COST'>('PER_SEAT')
  const [approvalMode, setApprovalMode] = useState<'INSTANT' | 'MANUAL'>('INSTANT')
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [done, setDone] = useState<string | undefined>()

  if (!driver || !car) return <p className="notice info">{t('noDrivers')}</p>

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (k: string) => String(form.get(k) ?? '').trim()
    const number = (k: string) => (text(k) === '' ? undefined : /^\d+$/.test(text(k).replace(/\s/g, '')) ? Number(text(k).replace(/\s/g, '')) : text(k))
    const body = {
      driverId: driver.id,
      carId: car.id,
      originCityId: originId,
      pickup: { pointId },
      checkpointId,
      destinationCityId: destinationId,
      departureTime: text('departureTime'),
      roundTrip,
      ...(roundTrip ? { returnOn: date, returnTime: text('returnTime') } : {}),
      seatsTotal: number('seatsTotal'),
      pricingMode,
      ...(pricingMode === 'PER_SEAT' ? { pricePerSeatTenge: number('pricePerSeatTenge') } : { totalCostTenge: number('totalCostTenge'), driverShares: false }),
      approvalMode,
      ...(approvalMode === 'MANUAL' ? { requestTtlHours: number('requestTtlHours') } : {}),
      notes: text('notes'),
    }
    setDone(undefined)
    const result = await action.run(`/api/dispatch/${groupId}/${date}/runs`, body)
    if (result.ok) {
      setFields({})
      setDone(t('opened', { time: body.departureTime, driver: driver.name }))
    } else {
      const byField: Record<string, string[]> = {}
      for (const [key, messages] of Object.entries(result.fields)) {
        const field = key.startsWith('pickup') ? 'pickup' : key
        byField[field] = [...(byField[field] ?? []), ...messages]
      }
      setFields(byField)
    }
  }
  const unplaced = Object.entries(fields).filter(([k]) => !PLACED.includes(k)).flatMap(([, v]) => v)
  const failure = action.message?.tone === 'block' ? [action.message.text, ...unplaced].join(' ') : undefined

  return (
    <form className="dx-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('title')}>
      <div className="grid grid-2">
        <Field id="open-driver" label={t('driver')} errors={fields.driverId}>
          <select value={driver.id} onChange={(e) => { setDriverId(e.target.value); setCarId(withCars.find((d) => d.id === e.target.value)?.cars[0]?.id ?? '') }}>
            {withCars.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </Field>
        <Field id="open-car" label={t('car')} errors={fields.carId}>
          <select value={car.id} onChange={(e) => setCarId(e.target.value)}>
            {driver.cars.map((c) => <option key={c.id} value={c.id}>{t('carOption', { make: c.make, model: c.model, plate: c.plate, seats: c.seats })}</option>)}
          </select>
        </Field>
      </div>
      <div className="grid grid-2">
        <Field id="open-origin" label={t('origin')} errors={fields.originCityId}>
          <select value={originId} onChange={(e) => { setOriginId(e.target.value); setPointId(options.pickupPoints.find((p) => p.cityId === e.target.value)?.id ?? '') }}>
            {options.origins.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </Field>
        <Field id="open-pickup" label={t('pickup')} errors={fields.pickup}>
          <select value={pointId} onChange={(e) => setPointId(e.target.value)}>
            {points.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
      </div>
      <div className="grid grid-2">
        <Field id="open-checkpoint" label={t('checkpoint')} hint={t('checkpointHint')} errors={fields.checkpointId}>
          <select value={checkpointId} onChange={(e) => { setCheckpointId(e.target.value); setDestinationId(options.checkpoints.find((c) => c.id === e.target.value)?.destinationCityId ?? '') }}>
            {options.checkpoints.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="open-destination" label={t('destination')} errors={fields.destinationCityId}>
          <select value={destinationId} onChange={(e) => setDestinationId(e.target.value)}>
            {destinations.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </Field>
      </div>
      <div className="grid grid-2">
        <Field id="open-departure" label={t('departureTime')} hint={t('timeZoneHint')} errors={fields.departureTime}>
          <input name="departureTime" type="time" defaultValue="08:00" required />
        </Field>
        <div className="field">
          <span className="label">{t('tripType')}</span>
          <label className="checkbox">
            <input type="checkbox" checked={roundTrip} onChange={(e) => setRoundTrip(e.target.checked)} />
            <span>{t('roundTrip')}</span>
          </label>
        </div>
      </div>
      {roundTrip ? (
        <Field id="open-return" label={t('returnTime')} hint={t('returnHint')} errors={fields.returnTime ?? fields.returnOn}>
          <input name="returnTime" type="time" defaultValue="19:00" required />
        </Field>
      ) : null}
      <div className="grid grid-2">
        <Field id="open-seats" label={t('seats')} hint={t('seatsHint', { max: car.seats })} errors={fields.seatsTotal}>
          <input key={car.id} name="seatsTotal" type="number" min={1} max={car.seats} defaultValue={car.seats} inputMode="numeric" required />
        </Field>
        <div className="field">
          <span className="label">{t('pricing')}</span>
          <div className="dx-inline">
            {(['PER_SEAT', 'SHARED_COST'] as const).map((mode) => (
              <label key={mode} className="checkbox">
                <input type="radio" name="pricingMode" value={mode} checked={pricingMode === mode} onChange={() => setPricingMode(mode)} />
                <span>{t(`pricingMode.${mode}`)}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
      {pricingMode === 'PER_SEAT' ? (
        <Field id="open-price" label={t('pricePerSeat')} errors={fields.pricePerSeatTenge}>
          <input name="pricePerSeatTenge" type="number" min={100} step={100} inputMode="numeric" defaultValue={4500} required />
        </Field>
      ) : (
        <Field id="open-total" label={t('totalCost')} hint={t('totalCostHint')} errors={fields.totalCostTenge}>
          <input name="totalCostTenge" type="number" min={100} step={100} inputMode="numeric" required />
        </Field>
      )}
      <div className="grid grid-2">
        <div className="field">
          <span className="label">{t('approval')}</span>
          <div className="dx-inline">
            {(['INSTANT', 'MANUAL'] as const).map((mode) => (
              <label key={mode} className="checkbox">
                <input type="radio" name="approvalMode" value={mode} checked={approvalMode === mode} onChange={() => setApprovalMode(mode)} />
                <span>{t(`approvalMode.${mode}`)}</span>
              </label>
            ))}
          </div>
        </div>
        {approvalMode === 'MANUAL' ? (
          <Field id="open-ttl" label={t('requestTtlHours')} errors={fields.requestTtlHours}>
            <input name="requestTtlHours" type="number" min={1} max={72} defaultValue={3} inputMode="numeric" />
          </Field>
        ) : null}
      </div>
      <Field id="open-notes" label={t('notes')}>
        <input name="notes" maxLength={1000} />
      </Field>
      <div>
        <button type="submit" className="button" disabled={action.pending}>{t('submit')}</button>
      </div>
      <FormMessage message={failure ?? done} tone={failure ? 'block' : 'ok'} />
    </form>
  )
}
