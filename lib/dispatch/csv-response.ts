// A CSV download: UTF-8 with its BOM (lib/dispatch/manifest-csv.ts), a file name, never cached
// (it lists people and phone numbers).
export function csvResponse(file: { filename: string; csv: string }): Response {
  return new Response(file.csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
