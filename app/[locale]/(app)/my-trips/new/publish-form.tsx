'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { CheckpointField } from '@/components/driver/checkpoint-field'
import { PickupField } from '@/components/driver/pickup-field'
import { PricingFields } from '@/components/driver/pricing-fields'
import { nearestOpenCheckpoint, type RouteOptions } from '@/components/driver/route-options'
import type { PickupValue } from '@/components/map/types'
import { ApprovalFields } from '@/components/driver/approval-fields'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { publishTripAction } from './actions'

type Car = { id: string; make: string; model: string; colour: string; plate: string; seats: number }

type Props = {
  cars: Car[]
  options: RouteOptions
  defaultDepartureOn: string
  tileUrl: string
  tileAttribution: string
}

/** Errors the form shows beside a field; anything else goes to the message under the form. */
const PLACED = new Set([
  'carId', 'originCityId', 'pickup', 'pickup.pointId', 'pickup.label', 'pickup.lat', 'pickup.lng', 'checkpointId', 'destinationCityId',
  'departureOn', 'departureTime', 'roundTrip', 'returnOn', 'returnTime', 'seatsTotal', 'pricingMode', 'pricePerSeatTenge', 'totalCostTenge',
  'driverShares', 'minRiders', 'approvalMode', 'requestTtlHours', 'notes', 'repeat', 'repeat.weekdays', 'repeat.untilOn',
])

const weekdayOf = (on: string) => {
  const day = new Date(`${on}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

export function PublishForm({ cars, options, defaultDepartureOn, tileUrl, tileAttribution }: Props) {
  const t = useTranslations('publish')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(publishTripAction)

  const firstOrigin = options.origins[0]!
  const firstCheckpoint = nearestOpenCheckpoint(options.checkpoints, firstOrigin) ?? options.checkpoints[0]!
  const [carId, setCarId] = useState(cars[0]!.id)
  const [originId, setOriginId] = useState(firstOrigin.id)
  const [pickup, setPickup] = useState<PickupValue>(() => {
    const point = options.pickupPoints.find((p) => p.cityId === firstOrigin.id)
    return point ? { pointId: point.id } : { label: '', lat: firstOrigin.lat, lng: firstOrigin.lng }
  })
  const [checkpointId, setCheckpointId] = useState(firstCheckpoint.id)
  const [destinationId, setDestinationId] = useState(firstCheckpoint.destinationCityId)
  const [departureOn, setDepartureOn] = useState(defaultDepartureOn)
  const [roundTrip, setRoundTrip] = useState(true)
  const car = cars.find((c) => c.id === carId) ?? cars[0]!
  const [seats, setSeats] = useState(String(car.seats))
  const [repeat, setRepeat] = useState(false)

  const origin = options.origins.find((o) => o.id === originId) ?? firstOrigin
  const points = options.pickupPoints.filter((p) => p.cityId === origin.id)
  const checkpoint = options.checkpoints.find((c) => c.id === checkpointId)
  const destinations = options.destinations.filter((d) => !checkpoint || d.countryCode === checkpoint.countryCode)
  const seatsNumber = Math.min(Math.max(Number(seats) || 1, 1), car.seats)

  const onOrigin = (id: string) => {
    const next = options.origins.find((o) => o.id === id)
    if (!next) return
    setOriginId(id)
    const point = options.pickupPoints.find((p) => p.cityId === id)
    setPickup(point ? { pointId: point.id } : { label: '', lat: next.lat, lng: next.lng })
    const nearest = nearestOpenCheckpoint(options.checkpoints, next)
    if (nearest) {
      setCheckpointId(nearest.id)
      setDestinationId(nearest.destinationCityId)
    }
  }
  const onCheckpoint = (id: string) => {
    setCheckpointId(id)
    const next = options.checkpoints.find((c) => c.id === id)
    if (next) setDestinationId(next.destinationCityId)
  }
  const onCar = (id: string) => {
    setCarId(id)
    const next = cars.find((c) => c.id === id)
    if (next && Number(seats) > next.seats) setSeats(String(next.seats))
  }

  const unplaced = Object.entries(fieldErrors).filter(([k]) => !PLACED.has(k)).flatMap(([, v]) => v)
  const message = state && !state.ok ? [state.message, ...unplaced].join(' ') : undefined

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="publish-title">
      <fieldset className="stack-sm">
        <legend>{t('route')}</legend>
        <div className="grid grid-2">
          <Field id="car" label={t('car')} errors={fieldErrors.carId}>
            <select name="carId" value={carId} onChange={(e) => onCar(e.target.value)}>
              {cars.map((c) => (
                <option key={c.id} value={c.id}>{t('carOption', { make: c.make, model: c.model, plate: c.plate, seats: c.seats })}</option>
              ))}
            </select>
          </Field>
          <Field id="origin" label={t('origin')} errors={fieldErrors.originCityId}>
            <select name="originCityId" value={originId} onChange={(e) => onOrigin(e.target.value)}>
              {options.origins.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid grid-2">
          <CheckpointField id="checkpoint" checkpoints={options.checkpoints} value={checkpointId} onChange={onCheckpoint} errors={fieldErrors.checkpointId} />
          <Field id="destination" label={t('destination')} hint={t('destinationHint')} errors={fieldErrors.destinationCityId}>
            <select name="destinationCityId" value={destinationId} onChange={(e) => setDestinationId(e.target.value)}>
              {destinations.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <PickupField
        idPrefix="publish"
        city={origin}
        points={points}
        value={pickup}
        onChange={setPickup}
        errors={fieldErrors}
        tileUrl={tileUrl}
        tileAttribution={tileAttribution}
      />

      <fieldset className="stack-sm">
        <legend>{t('when')}</legend>
        <p className="small muted">{t('timeZoneHint')}</p>
        <div className="grid grid-2">
          <Field id="departure-on" label={t('departureOn')} errors={fieldErrors.departureOn}>
            <input name="departureOn" type="date" min={options.today} value={departureOn} onChange={(e) => setDepartureOn(e.target.value)} required />
          </Field>
          <Field id="departure-time" label={t('departureTime')} errors={fieldErrors.departureTime}>
            <input name="departureTime" type="time" defaultValue="07:00" required />
          </Field>
        </div>
        <fieldset>
          <legend>{t('tripType')}</legend>
          <div className="choice-row two">
            <label className="choice">
              <input type="radio" name="roundTrip" value="off" checked={!roundTrip} onChange={() => setRoundTrip(false)} />
              <span><strong>{t('oneWay')}</strong><span className="small muted"> — {t('oneWayHint')}</span></span>
            </label>
            <label className="choice">
              <input type="radio" name="roundTrip" value="on" checked={roundTrip} onChange={() => setRoundTrip(true)} />
              <span><strong>{t('roundTrip')}</strong><span className="small muted"> — {t('roundTripHint')}</span></span>
            </label>
          </div>
          {fieldErrors.roundTrip ? <p className="field-error">{fieldErrors.roundTrip.join(' ')}</p> : null}
        </fieldset>
        {roundTrip ? (
          <div className="grid grid-2">
            <Field id="return-on" label={t('returnOn')} hint={t('returnOnHint')} errors={fieldErrors.returnOn}>
              <input name="returnOn" type="date" min={departureOn} defaultValue={departureOn} required />
            </Field>
            <Field id="return-time" label={t('returnTime')} errors={fieldErrors.returnTime}>
              <input name="returnTime" type="time" defaultValue="19:00" required />
            </Field>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="stack-sm">
        <legend>{t('seatsAndPrice')}</legend>
        <Field id="seats" label={t('seats')} hint={t('seatsHint', { max: car.seats })} errors={fieldErrors.seatsTotal}>
          <input name="seatsTotal" type="number" min={1} max={car.seats} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} required />
        </Field>
        <PricingFields
          idPrefix="publish"
          modeFixed={false}
          seatsTotal={seatsNumber}
          initial={{ pricingMode: 'PER_SEAT', pricePerSeatTenge: '', totalCostTenge: '', driverShares: false, minRiders: String(Math.ceil(seatsNumber / 2)) }}
          errors={fieldErrors}
        />
      </fieldset>

      <ApprovalFields idPrefix="publish" initialMode="INSTANT" initialTtlHours={3} errors={fieldErrors} />

      <Field id="notes" label={t('notes')} hint={t('notesHint')} errors={fieldErrors.notes}>
        <textarea name="notes" rows={3} maxLength={1000} />
      </Field>

      <fieldset className="stack-sm">
        <legend>{t('repeatLegend')}</legend>
        <label className="checkbox">
          <input type="checkbox" name="repeat" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} />
          <span>{t('repeat')}<span className="small muted"> — {t('repeatHint', { days: 14 })}</span></span>
        </label>
        {repeat ? (
          <>
            <fieldset>
              <legend>{t('weekdays')}</legend>
              <div className="weekdays">
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <label key={d}>
                    <input type="checkbox" name="weekdays[]" value={d} defaultChecked={d === weekdayOf(departureOn)} />
                    <span>{t(`weekday.${d}`)}</span>
                  </label>
                ))}
              </div>
              {fieldErrors['repeat.weekdays'] ? <p className="field-error">{fieldErrors['repeat.weekdays'].join(' ')}</p> : null}
            </fieldset>
            <Field id="repeat-until" label={t('repeatUntil')} hint={t('repeatUntilHint')} errors={fieldErrors['repeat.untilOn']}>
              <input name="repeatUntilOn" type="date" min={departureOn} />
            </Field>
          </>
        ) : null}
        {fieldErrors.repeat ? <p className="field-error" role="alert">{fieldErrors.repeat.join(' ')}</p> : null}
      </fieldset>

      <FormMessage message={message} tone="block" />
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>{pending ? t('publishing') : t('submit')}</button>
      </div>
    </form>
  )
}
