// GET /api/openapi.json – the API description, generated from the zod schemas
import { NextResponse } from 'next/server'
import { buildOpenApiDocument } from '@/lib/api/openapi'
import { route } from '@/lib/route'

export const GET = route(async () => NextResponse.json(buildOpenApiDocument()))
