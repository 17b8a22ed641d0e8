/** A unique-constraint violation by that constraint's name, on PGlite and pg alike (drizzle may wrap the driver error). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505' && (name === constraint || (name === undefined && message?.includes(constraint)))) return true;
  }
  return false;
}
