import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are stored as argon2id hashes (@node-rs/argon2: prebuilt binaries from npm, nothing
 * compiled at install), with the library's defaults (OWASP's m=19 MiB, t=2, p=1), which the hash
 * string records, so raising them later still verifies old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // not a hash this library reads
  }
}

/** A one-time password: 18 random bytes, 24 characters of base64url, easy to paste. */
export function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

/** A hash of a password nobody has, verified against when a name is unknown, so both take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
