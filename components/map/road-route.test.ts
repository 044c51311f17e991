import { describe, expect, test } from 'vitest'
import basemap from './basemap.json'
import { buildRoadGraph, routeAlongRoads, type LatLng, type LngLat } from './road-route'

const roads = (basemap as { features: { properties: { kind: string }; geometry: { coordinates: unknown } }[] }).features
  .filter((f) => f.properties.kind === 'road')
  .map((f) => f.geometry.coordinates as LngLat[])
const graph = buildRoadGraph(roads)

// Reference points (prisma/reference-data.ts): pickup, checkpoint and destination of the demo runs.
const sairan: LatLng = [43.2406, 76.8625]
const korday: LatLng = [43.0369, 74.7114]
const bishkek: LatLng = [42.8746, 74.5698]
const samal: LatLng = [42.3185, 69.6215]
const kaplanbek: LatLng = [41.4, 69.1]
const zhibekZholy: LatLng = [41.4772, 69.3667]
const tashkent: LatLng = [41.2995, 69.2401]

describe('routeAlongRoads', () => {
  test('Almaty → Korday → Bishkek follows the A2 through Kaskelen and Uzynagash', () => {
    const { line, onRoad } = routeAlongRoads(graph, [sairan, korday, bishkek])
    expect(onRoad).toBe(true)
    expect(line.length).toBeGreaterThan(6)
    // Passes Uzynagash (43.223, 76.319): the road, not the straight line (which runs south of it).
    expect(line.some(([lat, lng]) => Math.abs(lat - 43.223) < 0.01 && Math.abs(lng - 76.319) < 0.01)).toBe(true)
    expect(line[0]).toEqual(sairan)
    expect(line.at(-1)).toEqual(bishkek)
  })

  test.each([
    { label: 'Kaplanbek', checkpoint: kaplanbek, via: [41.46, 69.168] },
    { label: 'Zhibek Zholy', checkpoint: zhibekZholy, via: [41.756, 69.384] },
  ])('Shymkent → $label → Tashkent runs on roads through the right crossing', ({ checkpoint, via }) => {
    const { line, onRoad } = routeAlongRoads(graph, [samal, checkpoint, tashkent])
    expect(onRoad).toBe(true)
    expect(line.some(([lat, lng]) => Math.abs(lat - checkpoint[0]) < 0.001 && Math.abs(lng - checkpoint[1]) < 0.001)).toBe(true)
    expect(line.some(([lat, lng]) => Math.abs(lat - via[0]!) < 0.01 && Math.abs(lng - via[1]!) < 0.01)).toBe(true)
  })

  test('a stop far from every road is joined by a straight line and the route says so', () => {
    const { line, onRoad } = routeAlongRoads(graph, [sairan, [47.0, 51.9]])
    expect(onRoad).toBe(false)
    expect(line).toEqual([sairan, [47.0, 51.9]])
  })
})
