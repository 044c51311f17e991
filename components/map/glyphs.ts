// The marker pictures as SVG markup, shared by the Leaflet icons (icons.ts, lazy) and the legend
// under a map (route-map.tsx, server-rendered). No Leaflet import here.

export const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">${body}</svg>`

/** Blue disc. */
export const PICKUP_GLYPH = svg(24, 24, '<circle cx="12" cy="12" r="9" fill="#0b5cad" stroke="#fff" stroke-width="3"/>')

/** A white badge with a red-and-white boom barrier on a post. */
export const CHECKPOINT_GLYPH = svg(
  30,
  30,
  '<rect x="1.5" y="1.5" width="27" height="27" rx="7" fill="#fff" stroke="#7a4b00" stroke-width="2"/>' +
    '<rect x="6" y="9" width="3.2" height="14" rx="1" fill="#3b3f46"/>' +
    '<rect x="5" y="21.5" width="5.2" height="2.5" rx="1" fill="#3b3f46"/>' +
    '<g transform="rotate(-8 7.6 10.5)"><rect x="7" y="8.8" width="17.5" height="3.6" rx="1.2" fill="#fff" stroke="#b42318" stroke-width="1"/>' +
    '<rect x="10" y="8.8" width="3" height="3.6" fill="#b42318"/><rect x="16" y="8.8" width="3" height="3.6" fill="#b42318"/>' +
    '<rect x="22" y="8.8" width="2.5" height="3.6" fill="#b42318"/></g>',
)

/** Dark dot with a white ring. */
export const DESTINATION_GLYPH = svg(22, 22, '<circle cx="11" cy="11" r="8" fill="#16181d" stroke="#fff" stroke-width="3"/><circle cx="11" cy="11" r="2.6" fill="#fff"/>')
