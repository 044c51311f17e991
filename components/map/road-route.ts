// Routes that follow the basemap's roads: the shortest way along them from a run's pickup to its
// checkpoint and on to its destination. Pure (no Leaflet), so server code and tests can use it.
// The roads are few (basemap.json, scripts/build-basemap.ts), so a plain Dijkstra is instant.

export type LngLat = [number, number]
/** [lat, lng], as Leaflet takes them. */
export type LatLng = [number, number]

/** Farther than this from every road (km), a point joins the route by a straight line only. */
const SNAP_KM = 40

function km(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLng = (b[0] - a[0]) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}

export interface RoadGraph {
  nodes: LngLat[]
  edges: Map<number, { to: number; km: number }[]>
}

/** Joins the roads where they share a point exactly. */
export function buildRoadGraph(roads: readonly LngLat[][]): RoadGraph {
  const nodes: LngLat[] = []
  const index = new Map<string, number>()
  const edges = new Map<number, { to: number; km: number }[]>()
  const id = (p: LngLat) => {
    const key = `${p[0]},${p[1]}`
    let n = index.get(key)
    if (n === undefined) {
      n = nodes.push(p) - 1
      index.set(key, n)
      edges.set(n, [])
    }
    return n
  }
  for (const road of roads) {
    for (let i = 1; i < road.length; i++) {
      const a = id(road[i - 1]!)
      const b = id(road[i]!)
      const d = km(road[i - 1]!, road[i]!)
      edges.get(a)!.push({ to: b, km: d })
      edges.get(b)!.push({ to: a, km: d })
    }
  }
  return { nodes, edges }
}

function nearest(graph: RoadGraph, p: LngLat): { node: number; km: number } | null {
  let best: { node: number; km: number } | null = null
  graph.nodes.forEach((n, i) => {
    const d = km(n, p)
    if (!best || d < best.km) best = { node: i, km: d }
  })
  return best
}

function shortestPath(graph: RoadGraph, from: number, to: number): number[] | null {
  const dist = new Map<number, number>([[from, 0]])
  const previous = new Map<number, number>()
  const done = new Set<number>()
  while (true) {
    let current = -1
    let currentDist = Infinity
    for (const [n, d] of dist) if (!done.has(n) && d < currentDist) [current, currentDist] = [n, d]
    if (current === -1) return null
    if (current === to) break
    done.add(current)
    for (const edge of graph.edges.get(current) ?? []) {
      const d = currentDist + edge.km
      if (d < (dist.get(edge.to) ?? Infinity)) {
        dist.set(edge.to, d)
        previous.set(edge.to, current)
      }
    }
  }
  const path = [to]
  while (path[0] !== from) path.unshift(previous.get(path[0]!)!)
  return path
}

/**
 * The line to draw through `stops` ([lat, lng] each, in order): along the roads between stops that
 * are near one, straight where a stop is off the road network. `onRoad` says whether every leg
 * found a road (the map draws a solid line then, a dashed one otherwise).
 */
export function routeAlongRoads(graph: RoadGraph, stops: readonly LatLng[]): { line: LatLng[]; onRoad: boolean } {
  const line: LatLng[] = [stops[0]!]
  let onRoad = true
  for (let i = 1; i < stops.length; i++) {
    const a: LngLat = [stops[i - 1]![1], stops[i - 1]![0]]
    const b: LngLat = [stops[i]![1], stops[i]![0]]
    const na = nearest(graph, a)
    const nb = nearest(graph, b)
    const path = na && nb && na.km <= SNAP_KM && nb.km <= SNAP_KM ? shortestPath(graph, na.node, nb.node) : null
    if (path) for (const n of path) line.push([graph.nodes[n]![1], graph.nodes[n]![0]])
    else onRoad = false
    line.push(stops[i]!)
  }
  return { line: line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]), onRoad }
}
