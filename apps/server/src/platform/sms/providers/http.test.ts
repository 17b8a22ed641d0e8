import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProvider } from './http.ts';

const TOKEN = 'gateway-token';
const bodies: unknown[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/hang') return; // never answers: the provider must time out
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end('bad token');
      bodies.push(JSON.parse(data));
      if (req.url === '/fail') return void res.writeHead(503).end('gateway down');
      if (req.url === '/plain') return void res.writeHead(204).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ messageId: `gw-${bodies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const message = {
  phone: '13957100077',
  template: 'close_out',
  params: { site: '某某五金店', item: '疏散通道堵塞' },
  body: '【安巡】某某五金店隐患“疏散通道堵塞”已复查合格，予以销号。感谢配合！',
  idempotencyKey: 'close_out:h1',
};

describe('HTTP provider', () => {
  it('posts the message with the bearer token and returns the gateway messageId', async () => {
    const { messageId } = await httpProvider({ url: `${base}/sms`, token: TOKEN }).send(message);
    expect(messageId).toMatch(/^gw-\d+$/);
    expect(bodies.at(-1)).toEqual(message);
  });

  it('accepts a 2xx without a body', async () => {
    expect(await httpProvider({ url: `${base}/plain`, token: TOKEN }).send(message)).toEqual({ messageId: undefined });
  });

  it('fails with status and text on a wrong token', async () => {
    await expect(httpProvider({ url: `${base}/sms`, token: 'nope' }).send(message)).rejects.toThrow('SMS HTTP 401: bad token');
    await expect(httpProvider({ url: `${base}/sms` }).send(message)).rejects.toThrow(/401/);
  });

  it('fails on a server error', async () => {
    await expect(httpProvider({ url: `${base}/fail`, token: TOKEN }).send(message)).rejects.toThrow('SMS HTTP 503: gateway down');
  });

  it('fails on a timeout', async () => {
    await expect(httpProvider({ url: `${base}/hang`, token: TOKEN, timeoutMs: 200 }).send(message)).rejects.toThrow(/timed out/);
  });

  it('fails when nothing listens', async () => {
    await expect(httpProvider({ url: 'http://127.0.0.1:1/sms' }).send(message)).rejects.toThrow(/SMS request failed/);
  });
});
