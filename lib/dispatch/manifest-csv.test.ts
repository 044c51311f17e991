import { describe, expect, test } from 'vitest'
import { BOM, csvCell, manifestCsv, toCsv, type ManifestCsvLabels } from './manifest-csv'

describe('csvCell', () => {
  test.each([
    { label: 'plain text stays as it is', value: 'Анна Смирнова', cell: 'Анна Смирнова' },
    { label: 'Cyrillic with a comma is quoted', value: 'Алматы, Сайран', cell: '"Алматы, Сайран"' },
    { label: 'double quotes are doubled inside quotes', value: 'Автовокзал «Сайран» "главный"', cell: '"Автовокзал «Сайран» ""главный"""' },
    { label: 'a newline is quoted', value: 'line 1\nline 2', cell: '"line 1\nline 2"' },
    { label: 'CRLF is quoted', value: 'a\r\nb', cell: '"a\r\nb"' },
    { label: '=formula is neutralised', value: '=cmd|\' /C calc\'!A0', cell: "'=cmd|' /C calc'!A0" },
    { label: '+ is neutralised (a phone number too)', value: '+77010000001', cell: "'+77010000001" },
    { label: '- is neutralised', value: '-2+3', cell: "'-2+3" },
    { label: '@ is neutralised', value: '@SUM(A1:A2)', cell: "'@SUM(A1:A2)" },
    { label: 'a leading tab is neutralised', value: '\t=1+1', cell: "'\t=1+1" },
    { label: 'a neutralised formula with a comma is also quoted', value: '=HYPERLINK("http://x","y")', cell: '"\'=HYPERLINK(""http://x"",""y"")"' },
    { label: 'an = inside the text is harmless', value: 'a=b', cell: 'a=b' },
    { label: 'a number is written as is', value: 4500, cell: '4500' },
    { label: 'zero', value: 0, cell: '0' },
    { label: 'a negative number is text, neutralised', value: -5, cell: "'-5" },
    { label: 'null is empty', value: null, cell: '' },
    { label: 'undefined is empty', value: undefined, cell: '' },
    { label: 'an empty string is empty', value: '', cell: '' },
  ])('$label', ({ value, cell }) => expect(csvCell(value)).toBe(cell))
})

describe('toCsv', () => {
  test('a UTF-8 BOM first, commas between fields, CRLF after every record', () => {
    expect(toCsv([['a', 'b'], ['c, d', 1]])).toBe(`${BOM}a,b\r\n"c, d",1\r\n`)
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n')
  })
})

const labels: ManifestCsvLabels = {
  headers: { run: 'Рейс', driver: 'Водитель', car: 'Машина', pickup: 'Посадка', party: 'Бронь', traveller: 'Пассажир', partySize: 'Мест', phone: 'Телефон', payment: 'Оплата', amount: 'Сумма', verdict: 'Проверка', checkIn: 'Посадка отмечена' },
  payment: { OWED: 'не оплачено', PAID: 'оплачено', CONFIRMED: 'получено', DISPUTED: 'спор' },
  verdict: { OK: 'ок', WARN: 'внимание', BLOCKED: 'нельзя' },
  boarding: { PENDING: '', BOARDED: 'сел', NO_SHOW: 'не пришёл' },
}

describe('manifestCsv', () => {
  test('one row per traveller, the party repeated but its amount on its first row only, in the labels’ language', () => {
    const csv = manifestCsv(
      [{
        runLabel: '07:00 Алматы → Бишкек', driverName: 'Айдар', car: 'Toyota Camry 123ABC02', pickupLabel: 'Автовокзал «Сайран»',
        parties: [
          { seats: 2, riderName: 'Анна', riderPhone: '+77010000001', paymentState: 'PAID', amountTenge: 9000, travellers: [{ name: 'Анна', verdict: 'OK', boarding: 'BOARDED' }, { name: '=Пётр, сын', verdict: 'WARN', boarding: 'NO_SHOW' }] },
        ],
      }],
      labels,
    )
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Рейс,Водитель,Машина,Посадка,Бронь,Пассажир,Мест,Телефон,Оплата,Сумма,Проверка,Посадка отмечена',
      "07:00 Алматы → Бишкек,Айдар,Toyota Camry 123ABC02,Автовокзал «Сайран»,Анна,Анна,2,'+77010000001,оплачено,9000,ок,сел",
      "07:00 Алматы → Бишкек,Айдар,Toyota Camry 123ABC02,Автовокзал «Сайран»,Анна,\"'=Пётр, сын\",2,'+77010000001,оплачено,,внимание,не пришёл",
      '',
    ])
  })

  test('the amount column sums to what the parties owe (three travellers on one 13,500 booking)', () => {
    const party = (amountTenge: number, names: string[]) => ({
      seats: names.length, riderName: names[0]!, riderPhone: null, paymentState: 'OWED' as const, amountTenge,
      travellers: names.map((name) => ({ name, verdict: 'OK' as const, boarding: 'PENDING' as const })),
    })
    const csv = manifestCsv([{ runLabel: 'r', driverName: 'd', car: 'c', pickupLabel: 'p', parties: [party(13500, ['А', 'Б', 'В']), party(4500, ['Г'])] }], labels)
    const amountColumn = 9
    const amounts = csv.slice(1).split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[amountColumn] || 0))
    expect(amounts).toEqual([13500, 0, 0, 4500])
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(18000)
  })

  test('no runs: the header row only', () => {
    expect(manifestCsv([], labels)).toBe(`${BOM}Рейс,Водитель,Машина,Посадка,Бронь,Пассажир,Мест,Телефон,Оплата,Сумма,Проверка,Посадка отмечена\r\n`)
  })
})
