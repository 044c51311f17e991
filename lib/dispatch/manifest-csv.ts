// Manifests as CSV for Excel and Google Sheets. Pure: values in, text out.
// - RFC 4180: fields separated by commas, records by CRLF; a field containing a comma, a double
//   quote, CR or LF is enclosed in double quotes, with its quotes doubled.
// - Formula injection (OWASP "CSV Injection"): a cell starting with = + - @ (or a tab / CR, which
//   some spreadsheets skip before looking) is prefixed with a single quote, so a rider named
//   "=HYPERLINK(…)" stays text. Phone numbers (+7…) get the quote too: Excel shows it as text.
// - A UTF-8 byte order mark first, or Excel opens Cyrillic as mojibake.
export const BOM = '\uFEFF'

export type CsvValue = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    // Our numbers are counts and whole tenge; a negative one would start with "-" like a formula.
    return Number.isFinite(value) && value >= 0 ? String(value) : csvCell(String(value))
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: CsvValue[][], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
  return (options.bom === false ? '' : BOM) + body
}

export type ManifestCsvTraveller = { name: string; verdict: 'OK' | 'WARN' | 'BLOCKED'; boarding: 'PENDING' | 'BOARDED' | 'NO_SHOW' }

export type ManifestCsvParty = {
  seats: number
  riderName: string | null
  riderPhone: string | null
  paymentState: 'OWED' | 'PAID' | 'CONFIRMED' | 'DISPUTED'
  amountTenge: number | null
  travellers: ManifestCsvTraveller[]
}

export type ManifestCsvRun = {
  /** e.g. "07:00 → Бишкек" as the reader's language puts it */
  runLabel: string
  driverName: string
  car: string
  pickupLabel: string
  parties: ManifestCsvParty[]
}

export type ManifestCsvLabels = {
  headers: { run: string; driver: string; car: string; pickup: string; party: string; traveller: string; partySize: string; phone: string; payment: string; amount: string; verdict: string; checkIn: string }
  payment: Record<ManifestCsvParty['paymentState'], string>
  verdict: Record<ManifestCsvTraveller['verdict'], string>
  boarding: Record<ManifestCsvTraveller['boarding'], string>
}

export const MANIFEST_COLUMNS = ['run', 'driver', 'car', 'pickup', 'party', 'traveller', 'partySize', 'phone', 'payment', 'amount', 'verdict', 'checkIn'] as const

/** One row per traveller (check-in is per person), the party's details repeated on each — except
 *  the amount, which is the whole party's and stands on its first row only, so that summing the
 *  column gives what is owed (a party of three at 4,500 a seat is 13,500, not 3 × 13,500). */
export function manifestCsv(runs: ManifestCsvRun[], labels: ManifestCsvLabels): string {
  const rows: CsvValue[][] = [MANIFEST_COLUMNS.map((c) => labels.headers[c])]
  for (const run of runs) {
    for (const party of run.parties) {
      for (const [index, traveller] of party.travellers.entries()) {
        rows.push([
          run.runLabel, run.driverName, run.car, run.pickupLabel,
          party.riderName ?? '', traveller.name, party.seats, party.riderPhone ?? '',
          labels.payment[party.paymentState], index === 0 ? party.amountTenge : null, labels.verdict[traveller.verdict], labels.boarding[traveller.boarding],
        ])
      }
    }
  }
  return toCsv(rows)
}
