/**
 * In-progress inspections live in sessionStorage as one plain JSON object per site, so a reload,
 * a lost session or a failed submit never loses the inspector's work, and a later offline outbox
 * can pick the same objects up unchanged.
 */
export function loadJson<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** False when the browser refuses (private mode, quota): the caller may warn, the work goes on in memory. */
export function saveJson(key: string, value: unknown): boolean {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeJson(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

/**
 * crypto.randomUUID exists only in secure contexts (HTTPS, localhost); field tests over plain
 * HTTP on a LAN still need ids, and getRandomValues works everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A moment's calendar day (default: today) as YYYY-MM-DD in China: deadlines are Asia/Shanghai days. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
