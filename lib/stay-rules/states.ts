// The codes of states (and of the few territories issuing their own passports: HK, MO, PS, TW)
// whose citizens can be travellers — the same list as lib/travellers/countries.ts, kept here as
// plain data so the engine stays self-contained. A code on this list that no regime entry covers
// is 'visa_required'; a code not on it is not a state's and stays 'unknown'.
const CODES =
  'RU BY AM KG KZ UZ TJ AZ GE UA MD TM MN CN TR IL DE US GB FR IT PL KR IN AU AT AL DZ AO AD AG AR AF BS BD BB BH BZ BE BJ BG BO BA BW BR BN BF BI BT ' +
  'VU VA HU VE TL VN GA HT GY GM GH GT GN GW HN HK GD GR DK DJ DM DO EG ZM ZW ID JO IQ IR IE IS ES YE CV KH CM CA QA KE CY KI KP CO KM CG CD ' +
  'CR CI CU KW LA LV LS LR LB LY LT LI LU MU MR MG MO MW MY ML MV MT MA MH MX MZ MC MM NA NR NP NE NG NL NI NZ NO AE OM PK PW PS PA PG PY PE ' +
  'PT RW RO SV WS SM ST SA MK SC SN VC KN LC RS SG SY SK SI SB SO SD SR SL TH TW TZ TG TO TT TV TN UG UY FM FJ PH FI HR CF TD ME CZ CL CH SE LK ' +
  'EC GQ ER SZ EE ET ZA SS JM JP'

/** ISO 3166-1 alpha-2 codes of passports the engine knows are a state's. */
export const STATE_CODES: ReadonlySet<string> = new Set(CODES.split(' '))
