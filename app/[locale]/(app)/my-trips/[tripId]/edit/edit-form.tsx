'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { CheckpointField } from '@/components/driver/checkpoint-field'
import { PickupField } from '@/components/driver/pickup-field'
import { PricingFields } from '@/components/driver/pricing-fields'
import type { CheckpointOption, OriginOption, PickupPointOption } from '@/components/driver/route-options'
import type { PickupValue } from '@/components/map/types'
import { ApprovalFields } from '@/components/driver/approval-fields'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { Link } from '@/lib/i18n/navigation'
import { editTripAction } from './actions'

export type EditableTrip = {
  id: string
  departureOn: string
  departureTime: string
  roundTrip: boolean
  returnOn: string | null
  returnTime: string | null
  pickup: PickupValue
  checkpointId: string
  seatsTotal: number
  seatsTaken: number
  carSeats: number
  pricingMode: 'PER_SEAT' | 'SHARED_COST'
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  driverShares: boolean
  minRiders: number
  approvalMode: 'INSTANT' | 'MANUAL'
  requestTtlHours: number | null
  notes: string
  liveBookings: number
}

type Props = {
  trip: EditableTrip
  origin: OriginOption
  points: PickupPointOption[]
  checkpoints: CheckpointOption[]
  tileUrl: string
  tileAttribution: string
}

const PLACED = new Set([
  'departureOn', 'departureTime', 'returnOn', 'returnTime', 'pickup', 'pickup.pointId', 'pickup.label', 'pickup.lat', 'pickup.lng',
  'checkpointId', 'seatsTotal', 'pricePerSeatTenge', 'totalCostTenge', 'minRiders', 'driverShares', 'approvalMode', 'requestTtlHours', 'notes',
])

export function EditTripForm({ trip, origin, points, checkpoints, tileUrl, tileAttribution }: Props) {
  const t = useTranslations('editTrip')
  const tp = useTranslations('publish')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(editTripAction)
  const [pickup, setPickup] = useState<PickupValue>(trip.pickup)
  const [checkpointId, setCheckpointId] = useState(trip.checkpointId)
  const [seats, setSeats] = useState(String(trip.seatsTotal))
  const seatsNumber = Math.min(Math.max(Number(seats) || 1, 1), trip.carSeats)

  const unplaced = Object.entries(fieldErrors).filter(([k]) => !PLACED.has(k)).flatMap(([, v]) => v)
  let message: string | undefined
  if (state?.ok) {
    const changes = state.data.changes.map((c) => t(`change.${c === 'time' || c === 'price' || c === 'checkpoint' || c === 'pickup' ? c : 'other'}`))
    message = [t('saved', { notified: state.data.notified }), changes.length && state.data.notified ? t('changesTold', { changes: changes.join(', ') }) : '']
      .filter(Boolean)
      .join(' ')
  } else if (state) {
    message = [state.message, ...unplaced].join(' ')
  }

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="edit-title">
      <input type="hidden" name="tripId" value={trip.id} />
      <p className="notice info">
        {t('hurtExplain')}{' '}
        {trip.liveBookings > 0 ? t('bookedNow', { count: trip.liveBookings }) : t('nobodyBooked')}
      </p>

      <fieldset className="stack-sm">
        <legend>{tp('when')}</legend>
        <p className="small muted">{tp('timeZoneHint')}</p>
        <div className="grid grid-2">
          <Field
            id="edit-departure-on"
            label={tp('departureOn')}
            hint={trip.liveBookings > 0 ? t('dateLocked') : t('dateFree')}
            errors={fieldErrors.departureOn}
          >
            <input name="departureOn" type="date" defaultValue={trip.departureOn} required />
          </Field>
          <Field id="edit-departure-time" label={tp('departureTime')} errors={fieldErrors.departureTime}>
            <input name="departureTime" type="time" defaultValue={trip.departureTime} required />
          </Field>
        </div>
        {trip.roundTrip ? (
          <div className="grid grid-2">
            <Field id="edit-return-on" label={tp('returnOn')} errors={fieldErrors.returnOn}>
              <input name="returnOn" type="date" defaultValue={trip.returnOn ?? undefined} required />
            </Field>
            <Field id="edit-return-time" label={tp('returnTime')} errors={fieldErrors.returnTime}>
              <input name="returnTime" type="time" defaultValue={trip.returnTime ?? undefined} required />
            </Field>
          </div>
        ) : null}
      </fieldset>

      <PickupField
        idPrefix="edit"
        city={origin}
        points={points}
        value={pickup}
        onChange={setPickup}
        errors={fieldErrors}
        tileUrl={tileUrl}
        tileAttribution={tileAttribution}
      />

      <CheckpointField id="edit-checkpoint" checkpoints={checkpoints} value={checkpointId} onChange={setCheckpointId} errors={fieldErrors.checkpointId} />

      <fieldset className="stack-sm">
        <legend>{tp('seatsAndPrice')}</legend>
        <Field
          id="edit-seats"
          label={tp('seats')}
          hint={trip.seatsTaken > 0 ? t('seatsHint', { min: trip.seatsTaken, max: trip.carSeats }) : tp('seatsHint', { max: trip.carSeats })}
          errors={fieldErrors.seatsTotal}
        >
          <input name="seatsTotal" type="number" min={Math.max(trip.seatsTaken, 1)} max={trip.carSeats} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} />
        </Field>
        <PricingFields
          idPrefix="edit"
          modeFixed
          seatsTotal={seatsNumber}
          initial={{
            pricingMode: trip.pricingMode,
            pricePerSeatTenge: trip.pricePerSeatTenge === null ? '' : String(trip.pricePerSeatTenge),
            totalCostTenge: trip.totalCostTenge === null ? '' : String(trip.totalCostTenge),
            driverShares: trip.driverShares,
            minRiders: String(trip.minRiders),
          }}
          errors={fieldErrors}
        />
      </fieldset>

      <ApprovalFields idPrefix="edit" initialMode={trip.approvalMode} initialTtlHours={trip.requestTtlHours ?? 3} errors={fieldErrors} />

      <Field id="edit-notes" label={tp('notes')} hint={tp('notesHint')} errors={fieldErrors.notes}>
        <textarea name="notes" rows={3} maxLength={1000} defaultValue={trip.notes} />
      </Field>

      <FormMessage message={message} tone={state?.ok ? 'ok' : 'block'} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>{t('submit')}</button>
        <Link href={`/my-trips/${trip.id}`} className="back-link">{t('backToRun')}</Link>
      </div>
    </form>
  )
}
