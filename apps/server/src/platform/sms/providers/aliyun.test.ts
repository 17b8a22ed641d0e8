import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunProvider, canonicalQuery, percentEncode, sendSmsParams, signAliyun } from './aliyun.ts';

const FIXED: Record<string, string> = {
  AccessKeyId: 'LTAI-test',
  Action: 'SendSms',
  Format: 'JSON',
  PhoneNumbers: '13957100077',
  RegionId: 'cn-hangzhou',
  SignName: '安巡',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_123',
  TemplateParam: `{"site":"A(B) C*D!E'F~G"}`,
  Timestamp: '2026-11-22T12:00:00Z',
  Version: '2017-05-25',
};

describe('Alibaba Cloud request signing', () => {
  it('percent-encodes per the POP rules', () => {
    expect(percentEncode('a b')).toBe('a%20b');
    expect(percentEncode('+*~')).toBe('%2B%2A~');
    expect(percentEncode(`!'()`)).toBe('%21%27%28%29');
    expect(percentEncode('-_.AZaz09')).toBe('-_.AZaz09');
    expect(percentEncode('/=&:')).toBe('%2F%3D%26%3A');
    expect(percentEncode('安')).toBe('%E5%AE%89');
  });

  it('matches a hand-written string-to-sign (known answer)', () => {
    const canonical =
      'AccessKeyId=LTAI-test&Action=SendSms&Format=JSON&PhoneNumbers=13957100077&RegionId=cn-hangzhou' +
      '&SignName=%E5%AE%89%E5%B7%A1&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf' +
      '&SignatureVersion=1.0&TemplateCode=SMS_123&TemplateParam=%7B%22site%22%3A%22A%28B%29%20C%2AD%21E%27F~G%22%7D' +
      '&Timestamp=2026-11-22T12%3A00%3A00Z&Version=2017-05-25';
    const toSign =
      'GET&%2F&AccessKeyId%3DLTAI-test%26Action%3DSendSms%26Format%3DJSON%26PhoneNumbers%3D13957100077' +
      '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E5%25AE%2589%25E5%25B7%25A1%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_123' +
      '%26TemplateParam%3D%257B%2522site%2522%253A%2522A%2528B%2529%2520C%252AD%2521E%2527F~G%2522%257D' +
      '%26Timestamp%3D2026-11-22T12%253A00%253A00Z%26Version%3D2017-05-25';
    const expected = createHmac('sha1', 'test-secret&').update(toSign, 'utf8').digest('base64');
    expect(canonicalQuery(FIXED)).toBe(canonical);
    expect(signAliyun(FIXED, 'test-secret')).toBe(expected);
  });

  it('ignores parameter order and an existing Signature', () => {
    const shuffled = Object.fromEntries(Object.entries(FIXED).reverse());
    expect(signAliyun({ ...shuffled, Signature: 'old' }, 'test-secret')).toBe(signAliyun(FIXED, 'test-secret'));
  });

  it("reproduces Alibaba Cloud's published SendSms example", () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(signAliyun(params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it("reproduces the RPC signature documentation's DescribeRegions example", () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(signAliyun(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('builds the SendSms parameters', () => {
    const at = new Date('2026-11-22T12:00:00.123Z');
    const params = sendSmsParams(
      { accessKeyId: 'LTAI-test', signName: '安巡' },
      { phone: '13957100077', templateCode: 'SMS_123', params: { site: `A(B) C*D!E'F~G` } },
      at,
      '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    );
    expect(params).toEqual(FIXED);
  });
});

// The stub verifies with its own byte-wise encoder, so a shared mistake in percentEncode cannot pass.
function stubEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const SECRET = 'stub-secret';
const received: Record<string, string>[] = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const query = Object.fromEntries(new URL(req.url!, 'http://stub').searchParams);
    received.push(query);
    const { Signature, ...rest } = query;
    const canonical = Object.keys(rest)
      .sort()
      .map((k) => `${stubEncode(k)}=${stubEncode(rest[k]!)}`)
      .join('&');
    const expected = createHmac('sha1', `${SECRET}&`).update(`GET&%2F&${stubEncode(canonical)}`).digest('base64');
    res.setHeader('content-type', 'application/json');
    if (query.PhoneNumbers === '10000000502') {
      res.writeHead(502).end('<html>Bad Gateway</html>');
    } else if (Signature !== expected) {
      res.writeHead(400).end(JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched.', RequestId: 'r-1' }));
    } else if (query.PhoneNumbers === '10000000000') {
      res.end(JSON.stringify({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'r-2' }));
    } else {
      res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz-${received.length}`, RequestId: 'r-3' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function provider(secret = SECRET) {
  return aliyunProvider({
    endpoint,
    accessKeyId: 'LTAI-test',
    accessKeySecret: secret,
    signName: '安巡',
    templates: { hazard_notice: 'SMS_200', login_code: 'SMS_100' },
  });
}

const message = {
  phone: '13957100077',
  template: 'hazard_notice',
  params: { site: '某某(杭州)餐饮有限公司', count: '2', items: "灭火器过期*、通道堵塞!'", deadline: '11月30日', link: 'https://ax.example.cn/n/1?a=b&c=d' },
  body: '…',
  idempotencyKey: 'k1',
};

describe('Alibaba Cloud provider against a local stub', () => {
  it('sends a request the stub can verify and returns the BizId', async () => {
    const { messageId } = await provider().send(message);
    expect(messageId).toMatch(/^biz-\d+$/);
    const query = received.at(-1)!;
    expect(query).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      PhoneNumbers: '13957100077',
      SignName: '安巡',
      TemplateCode: 'SMS_200',
    });
    expect(JSON.parse(query.TemplateParam!)).toEqual(message.params);
    expect(query.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('uses a fresh nonce per request', async () => {
    await provider().send(message);
    await provider().send(message);
    const [a, b] = received.slice(-2);
    expect(a!.SignatureNonce).not.toBe(b!.SignatureNonce);
  });

  it('fails with the Code when the signature is wrong', async () => {
    await expect(provider('wrong-secret').send(message)).rejects.toThrow(/SignatureDoesNotMatch/);
  });

  it('fails with Code and Message on a business error', async () => {
    await expect(provider().send({ ...message, phone: '10000000000' })).rejects.toThrow(/isv\.MOBILE_NUMBER_ILLEGAL: 非法手机号/);
  });

  it('fails with the HTTP status when the answer is not JSON', async () => {
    await expect(provider().send({ ...message, phone: '10000000502' })).rejects.toThrow(/HTTP 502/);
  });

  it('fails for a template without a TemplateCode', async () => {
    await expect(provider().send({ ...message, template: 'close_out' })).rejects.toThrow(/close_out/);
  });
});
