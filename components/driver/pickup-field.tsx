'use client'
// Where riders meet: a <select> of the origin city's curated points (enough on its own, by
// keyboard too) or "my own place" with a name and a pin, which the map sets by a tap and the
// coordinate fields take by hand.
import { useTranslations } from 'next-intl'
import { useState, type InputHTMLAttributes } from 'react'
import { PickupPicker, type PickupValue } from '@/components/map/pickup-picker'
import { Field } from '@/components/ui/field'
import type { OriginOption, PickupPointOption } from './route-options'

type Props = {
  idPrefix: string
  city: OriginOption
  points: PickupPointOption[]
  value: PickupValue
  onChange: (value: PickupValue) => void
  errors: Record<string, string[]>
  tileUrl: string
  tileAttribution: string
}

export const CUSTOM = ''

export function PickupField({ idPrefix, city, points, value, onChange, errors, tileUrl, tileAttribution }: Props) {
  const t = useTranslations('publish')
  const custom = 'pointId' in value ? null : value
  const selectValue = 'pointId' in value ? value.pointId : CUSTOM
  const general = [...(errors.pickup ?? []), ...(errors['pickup.pointId'] ?? [])]
  const onSelect = (id: string) => {
    if (id !== CUSTOM) onChange({ pointId: id })
    else onChange({ label: '', lat: city.lat, lng: city.lng })
  }
  const setCustom = (patch: Partial<{ label: string; lat: number; lng: number }>) => {
    const base = custom ?? { label: '', lat: city.lat, lng: city.lng }
    onChange({ ...base, ...patch })
  }
  return (
    <fieldset className="stack-sm">
      <legend>{t('pickup')}</legend>
      <Field id={`${idPrefix}-pickup`} label={t('pickupPoint')} hint={t('pickupHint')} errors={general.length ? general : undefined}>
        <select name="pickupPointId" value={selectValue} onChange={(e) => onSelect(e.target.value)}>
          {points.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
          <option value={CUSTOM}>{t('pickupCustom')}</option>
        </select>
      </Field>
      {custom ? (
        <div className="grid grid-3">
          <Field id={`${idPrefix}-pickup-label`} label={t('pickupLabel')} hint={t('pickupLabelHint')} errors={errors['pickup.label']}>
            <input name="pickupLabel" value={custom.label} maxLength={80} onChange={(e) => setCustom({ label: e.target.value })} />
          </Field>
          <Field id={`${idPrefix}-pickup-lat`} label={t('pickupLat')} errors={errors['pickup.lat']}>
            <CoordinateInput name="pickupLat" value={custom.lat} onValue={(lat) => setCustom({ lat })} />
          </Field>
          <Field id={`${idPrefix}-pickup-lng`} label={t('pickupLng')} errors={errors['pickup.lng']}>
            <CoordinateInput name="pickupLng" value={custom.lng} onValue={(lng) => setCustom({ lng })} />
          </Field>
        </div>
      ) : null}
      <PickupPicker
        cityCenter={{ lat: city.lat, lng: city.lng }}
        points={points.map((p) => ({ id: p.id, label: p.name, lat: p.lat, lng: p.lng }))}
        value={value}
        onChange={onChange}
        tileUrl={tileUrl}
        tileAttribution={tileAttribution}
        height={260}
      />
    </fieldset>
  )
}

/** A coordinate typed by hand: the text is kept while it is being typed ("43.") and follows the
 * map when the pin moves. */
function CoordinateInput({
  name,
  value,
  onValue,
  ...rest
}: { name: string; value: number; onValue: (v: number) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>) {
  const [text, setText] = useState(String(value))
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    if (Number(text) !== value) setText(String(value))
  }
  return (
    <input
      {...rest}
      name={name}
      type="number"
      step="0.00001"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        const n = Number(e.target.value)
        if (e.target.value.trim() !== '' && Number.isFinite(n)) {
          setShown(n)
          onValue(n)
        }
      }}
    />
  )
}
