import type { SmsProvider } from '../provider.ts';

export interface HttpProviderOptions {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
}

/**
 * Generic webhook for an in-house SMS gateway: POST JSON {phone, template, params, body, idempotencyKey}.
 * Any 2xx is a send; the gateway may answer {"messageId": "..."}; idempotencyKey lets it drop repeats.
 */
export function httpProvider({ url, token, timeoutMs = 10_000 }: HttpProviderOptions): SmsProvider {
  return {
    name: 'http',
    async send({ phone, template, params, body, idempotencyKey }) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ phone, template, params, body, idempotencyKey }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(describeFetchError(error, timeoutMs), { cause: error });
      }
      const text = await response.text().catch(() => '');
      if (!response.ok) throw new Error(`SMS HTTP ${response.status}: ${text.slice(0, 300)}`);
      return { messageId: messageIdFrom(text) };
    },
  };
}

function messageIdFrom(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as { messageId?: unknown };
    return typeof json.messageId === 'string' || typeof json.messageId === 'number' ? String(json.messageId) : undefined;
  } catch {
    return undefined;
  }
}

export function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `SMS request timed out after ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `SMS request failed: ${e.message}${cause ? ` (${cause})` : ''}`;
}
