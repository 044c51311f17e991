// Reference data every installation needs: cities, checkpoints with dated, sourced statuses, and
// curated pickup points. Sources: ../shared/research/legal-stay-rules.md §4 (checkpoints) — each
// status row names its source. Coordinates are labelled by precision: SETTLEMENT = sourced
// coordinates of the village the checkpoint is named after; ESTIMATE = estimated crossing, ±2 km;
// ROUGH = no sourced position, placed for the map only. Pickup points are approximate meeting
// points (±300 m), to be confirmed by the first drivers who use them.

export const cities = [
  { id: 'almaty', nameRu: 'Алматы', nameEn: 'Almaty', countryCode: 'KZ', lat: 43.2389, lng: 76.8897, isOrigin: true, sortOrder: 1 },
  { id: 'shymkent', nameRu: 'Шымкент', nameEn: 'Shymkent', countryCode: 'KZ', lat: 42.3417, lng: 69.5901, isOrigin: true, sortOrder: 2 },
  { id: 'taraz', nameRu: 'Тараз', nameEn: 'Taraz', countryCode: 'KZ', lat: 42.9, lng: 71.3667, isOrigin: true, sortOrder: 3 },
  { id: 'bishkek', nameRu: 'Бишкек', nameEn: 'Bishkek', countryCode: 'KG', lat: 42.8746, lng: 74.5698, isOrigin: false, sortOrder: 10 },
  { id: 'tashkent', nameRu: 'Ташкент', nameEn: 'Tashkent', countryCode: 'UZ', lat: 41.2995, lng: 69.2401, isOrigin: false, sortOrder: 11 },
  { id: 'talas', nameRu: 'Талас', nameEn: 'Talas', countryCode: 'KG', lat: 42.5228, lng: 72.2427, isOrigin: false, sortOrder: 12 },
] as const

export const checkpoints = [
  {
    id: 'korday', nameRu: 'Кордай', nameEn: 'Korday', otherSideRu: 'Ак-Жол (Кыргызстан)', otherSideEn: 'Ak-Zhol (Kyrgyzstan)',
    countryCode: 'KG', destinationCityId: 'bishkek', lat: 43.0369, lng: 74.7114, coordinatePrecision: 'SETTLEMENT', sortOrder: 1,
  },
  {
    id: 'kaplanbek', nameRu: 'Капланбек', nameEn: 'Kaplanbek', otherSideRu: 'Навои / Зангиата (Узбекистан)', otherSideEn: 'Navoi / Zangiata (Uzbekistan)',
    countryCode: 'UZ', destinationCityId: 'tashkent', lat: 41.4, lng: 69.1, coordinatePrecision: 'ESTIMATE', sortOrder: 2,
  },
  {
    id: 'zhibek-zholy', nameRu: 'Жибек жолы', nameEn: 'Zhibek Zholy', otherSideRu: 'Гишт-Куприк (Узбекистан)', otherSideEn: 'Gisht Kuprik (Uzbekistan)',
    countryCode: 'UZ', destinationCityId: 'tashkent', lat: 41.4772, lng: 69.3667, coordinatePrecision: 'SETTLEMENT', sortOrder: 3,
  },
  {
    id: 'konysbayeva', nameRu: 'Б. Конысбаева', nameEn: 'B. Konysbayeva', otherSideRu: 'Яллама (Узбекистан)', otherSideEn: 'Yallama (Uzbekistan)',
    countryCode: 'UZ', destinationCityId: 'tashkent', lat: 41.1, lng: 68.95, coordinatePrecision: 'ROUGH', sortOrder: 4,
  },
  {
    id: 'karasu', nameRu: 'Карасу', nameEn: 'Karasu', otherSideRu: 'Ак-Тилек (Кыргызстан)', otherSideEn: 'Ak-Tilek (Kyrgyzstan)',
    countryCode: 'KG', destinationCityId: 'bishkek', lat: 42.95, lng: 74.9, coordinatePrecision: 'ESTIMATE', sortOrder: 5,
  },
  {
    id: 'aisha-bibi', nameRu: 'Айша-Биби', nameEn: 'Aisha-Bibi', otherSideRu: 'Чон-Капка (Кыргызстан)', otherSideEn: 'Chon-Kapka (Kyrgyzstan)',
    countryCode: 'KG', destinationCityId: 'talas', lat: 42.8, lng: 71.2, coordinatePrecision: 'ESTIMATE', sortOrder: 6,
  },
] as const

type StatusRow = {
  checkpointId: string
  state: 'OPEN' | 'CLOSED' | 'CARGO_ONLY'
  fromOn: string
  toOn: string | null
  verified: boolean
  noteRu: string
  noteEn: string
  source: string
}

export const checkpointStatuses: StatusRow[] = [
  {
    checkpointId: 'korday', state: 'OPEN', fromOn: '2021-04-02', toOn: null, verified: true,
    noteRu: 'Многосторонний пункт пропуска, реконструирован и открыт 2 апреля 2021 года; основной переход на Бишкек.',
    noteEn: 'Multilateral checkpoint, reconstructed and reopened on 2 April 2021; the main crossing to Bishkek.',
    source: 'khabar.kz 132586; shymkent.city 10790',
  },
  {
    checkpointId: 'kaplanbek', state: 'OPEN', fromOn: '2025-01-27', toOn: null, verified: true,
    noteRu: 'Открыт после модернизации 27 января 2025 года, пешеходы допускаются. Основной переход на Ташкент, пока закрыт «Жибек жолы».',
    noteEn: 'Reopened after modernisation on 27 January 2025; pedestrians allowed. The default Tashkent crossing while Zhibek Zholy is closed.',
    source: 'ca-news.online 29.01.2025; trend.az 12.12.2025',
  },
  {
    checkpointId: 'zhibek-zholy', state: 'OPEN', fromOn: '2018-01-01', toOn: '2025-02-04', verified: true,
    noteRu: 'Работал до закрытия на реконструкцию.', noteEn: 'Operated until it closed for reconstruction.',
    source: 'en.inform.kz 28.03.2018',
  },
  {
    checkpointId: 'zhibek-zholy', state: 'CLOSED', fromOn: '2025-02-05', toOn: null, verified: true,
    noteRu: 'Закрыт на реконструкцию с 5 февраля 2025 года.', noteEn: 'Closed for reconstruction since 5 February 2025.',
    source: 'trans.ru 05.02.2025; news.org.kz',
  },
  {
    checkpointId: 'zhibek-zholy', state: 'OPEN', fromOn: '2026-07-31', toOn: null, verified: false,
    noteRu: 'Открытие объявлено на 31 июля 2026 года, но не подтверждено. Пока не подтверждено — поездки через этот пункт не продаются.',
    noteEn: 'Reopening announced for 31 July 2026 but not confirmed. Until it is confirmed, no runs through it are sold.',
    source: 'inform.kz (opening date); trend.az 12.12.2025; spot.uz 13.12.2025',
  },
  {
    checkpointId: 'konysbayeva', state: 'OPEN', fromOn: '2025-02-05', toOn: null, verified: true,
    noteRu: 'Работает круглосуточно; пешеходы допускаются на время закрытия «Жибек жолы».',
    noteEn: 'Open day and night; pedestrians allowed while Zhibek Zholy is closed.',
    source: 'diyor24.uz 33107; news.org.kz; 24.kz 614384',
  },
  {
    checkpointId: 'karasu', state: 'CARGO_ONLY', fromOn: '2019-01-01', toOn: null, verified: true,
    noteRu: 'По данным погранслужбы КР пропускает только грузовой транспорт; не для пассажирских поездок.',
    noteEn: 'Cargo vehicles only according to the Kyrgyz Border Service; not for passenger runs.',
    source: 'vb.kg/doc/384263; 24.kg/english/138692; dala-info.com 2025',
  },
  {
    checkpointId: 'aisha-bibi', state: 'OPEN', fromOn: '2022-01-01', toOn: null, verified: false,
    noteRu: 'Работает, но допуск иностранцев (не граждан КЗ и КР) не подтверждён.',
    noteEn: 'Operating, but access for foreigners (other than KZ and KG citizens) is not confirmed.',
    source: 'barometr.kg; caravan.kz 272049',
  },
]

export const pickupPoints = [
  { cityId: 'almaty', nameRu: 'Автовокзал «Сайран»', nameEn: 'Sairan bus station', lat: 43.2406, lng: 76.8625, sortOrder: 1 },
  { cityId: 'almaty', nameRu: 'Рынок «Алтын Орда»', nameEn: 'Altyn Orda market', lat: 43.2397, lng: 76.7617, sortOrder: 2 },
  { cityId: 'almaty', nameRu: 'Автостанция «Саяхат»', nameEn: 'Sayakhat bus station', lat: 43.2777, lng: 76.9517, sortOrder: 3 },
  { cityId: 'almaty', nameRu: 'Метро «Москва»', nameEn: 'Moskva metro station', lat: 43.2296, lng: 76.8676, sortOrder: 4 },
  { cityId: 'shymkent', nameRu: 'Автовокзал «Самал»', nameEn: 'Samal bus station', lat: 42.3185, lng: 69.6215, sortOrder: 1 },
  { cityId: 'shymkent', nameRu: 'Центральный рынок', nameEn: 'Central market', lat: 42.3155, lng: 69.5961, sortOrder: 2 },
  { cityId: 'taraz', nameRu: 'Автовокзал Тараза', nameEn: 'Taraz bus station', lat: 42.8935, lng: 71.3781, sortOrder: 1 },
] as const
