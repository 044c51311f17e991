// npx tsx scripts/build-basemap.ts: regenerates components/map/basemap.json, the offline basemap
// (land and country borders of Central Asia) that maps draw when no tile server is configured.
//
// Source: world-atlas 2.0.2 (a devDependency, ISC), Natural Earth 1:50m admin-0 countries, which are
// in the public domain. The app never imports world-atlas: only the small committed JSON.
//
// Steps: decode the TopoJSON arcs; simplify each arc once with its end points fixed (shared borders
// stay shared, so neighbouring fills meet without gaps); keep the countries that reach into BBOX and
// clip them to it; write borders (arcs shared by two countries) as lines of their own, so they are
// drawn once and coasts (the Caspian, the Aral) stay unstroked; round to 3 decimals (about 100 m,
// finer than the 1:50m source).
import fs from 'node:fs'
import path from 'node:path'

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

/** Labels: the three countries first, then quieter neighbours, then cities (public coordinates). */
const LABELS: { kind: 'country' | 'neighbour' | 'city'; ru: string; en: string; at: Position }[] = [
  { kind: 'country', ru: 'Казахстан', en: 'Kazakhstan', at: [67.5, 48.3] },
  { kind: 'country', ru: 'Кыргызстан', en: 'Kyrgyzstan', at: [74.6, 41.55] },
  { kind: 'country', ru: 'Узбекистан', en: 'Uzbekistan', at: [63.2, 41.9] },
  { kind: 'neighbour', ru: 'Таджикистан', en: 'Tajikistan', at: [70.9, 38.7] },
  { kind: 'neighbour', ru: 'Туркменистан', en: 'Turkmenistan', at: [58.6, 39.3] },
  { kind: 'neighbour', ru: 'Китай', en: 'China', at: [84.5, 41.2] },
  { kind: 'neighbour', ru: 'Россия', en: 'Russia', at: [65.5, 55.3] },
  { kind: 'neighbour', ru: 'Монголия', en: 'Mongolia', at: [88.0, 48.3] },
  { kind: 'neighbour', ru: 'Афганистан', en: 'Afghanistan', at: [66.0, 36.0] },
  { kind: 'city', ru: 'Алматы', en: 'Almaty', at: [76.946, 43.238] },
  { kind: 'city', ru: 'Астана', en: 'Astana', at: [71.43, 51.128] },
  { kind: 'city', ru: 'Шымкент', en: 'Shymkent', at: [69.596, 42.317] },
  { kind: 'city', ru: 'Тараз', en: 'Taraz', at: [71.367, 42.9] },
  { kind: 'city', ru: 'Караганда', en: 'Karaganda', at: [73.088, 49.807] },
  { kind: 'city', ru: 'Бишкек', en: 'Bishkek', at: [74.59, 42.875] },
  { kind: 'city', ru: 'Ош', en: 'Osh', at: [72.8, 40.53] },
  { kind: 'city', ru: 'Ташкент', en: 'Tashkent', at: [69.279, 41.311] },
  { kind: 'city', ru: 'Самарканд', en: 'Samarkand', at: [66.96, 39.654] },
  { kind: 'city', ru: 'Душанбе', en: 'Dushanbe', at: [68.787, 38.56] },
  { kind: 'city', ru: 'Урумчи', en: 'Ürümqi', at: [87.617, 43.825] },
]

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

  for (const label of LABELS) {
    features.push({
      type: 'Feature',
      properties: { kind: label.kind, ru: label.ru, en: label.en },
      geometry: { type: 'Point', coordinates: label.at },
    })
  }

  const collection = {
    type: 'FeatureCollection',
    // Leaflet order: [south, west], [north, east].
    bbox: [BBOX[0], BBOX[1], BBOX[2], BBOX[3]],
    source: 'Natural Earth 1:50m admin-0 (public domain) via world-atlas 2.0.2; scripts/build-basemap.ts',
    features,
  }
  const json = JSON.stringify(collection)
  fs.writeFileSync(target, `${json}\n`)
  console.log(`${path.relative(root, target)}: ${(json.length / 1024).toFixed(1)} kB, ${kept.length} countries (${kept.join(', ')}), ${borders.length} border lines`)
}

main()
