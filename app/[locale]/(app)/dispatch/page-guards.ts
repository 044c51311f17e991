// Dispatch pages show "not found" for anything the visitor may not see (another group's board, a
// run they do not manage): like the API, they do not reveal that it exists.
import { notFound } from 'next/navigation'
import { isAppError } from '@/lib/errors'

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound()
    throw error
  }
}
