// argon2id with the OWASP-recommended minimum parameters (19 MiB, 2 iterations, 1 lane).
import { hash, verify } from '@node-rs/argon2'

const ARGON2ID = 2 // Algorithm.Argon2id; the const enum cannot be imported under isolatedModules

const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash of a random password, verified against when the account does not exist, so that the
 * response time does not tell whether an email is registered. */
let dummyHash: Promise<string> | undefined
export function getDummyHash(): Promise<string> {
  dummyHash ??= hash('not-a-real-password-' + Math.random(), options)
  return dummyHash
}
