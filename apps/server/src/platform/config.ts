import path from 'node:path';
import { z } from 'zod';

/** Every setting comes from the environment; README lists them all. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  DEMO_SCALE: z.enum(['town', 'guali', 'city']).default('town'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  SMS_PROVIDER: z.enum(['console', 'http', 'aliyun']).default('console'),
  SMS_HTTP_URL: z.string().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  ALIYUN_SMS_ENDPOINT: z.string().default('https://dysmsapi.aliyuncs.com/'),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().optional(),
  /** JSON object: template name → approved TemplateCode, e.g. {"login_code":"SMS_123"}. */
  ALIYUN_SMS_TEMPLATES: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON 不是有效的 JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string().min(1))),
  WEB_DIST: z.string().optional(),
  /** XYZ tile URL template for the map's basemap; unset, the map draws area polygons on a plain background. */
  MAP_TILE_URL: z.string().optional(),
  MAP_TILE_CRS: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration 配置错误:\n${lines}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    /** Base of links sent by SMS; unset, the address each request came in on is used. */
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    /** Login and SMS-code requests per minute per client address. */
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    seedDemo: e.SEED_DEMO,
    demoScale: e.DEMO_SCALE,
    storage: {
      driver: e.STORAGE_DRIVER,
      localDir: path.join(dataDir, 'files'),
      s3: {
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        bucket: e.S3_BUCKET,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      },
    },
    sms: {
      provider: e.SMS_PROVIDER,
      httpUrl: e.SMS_HTTP_URL,
      httpToken: e.SMS_HTTP_TOKEN,
      aliyun: {
        endpoint: e.ALIYUN_SMS_ENDPOINT,
        accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID,
        accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET,
        signName: e.ALIYUN_SMS_SIGN_NAME,
        templates: e.ALIYUN_SMS_TEMPLATES,
      },
    },
    map: { tileUrl: e.MAP_TILE_URL || null, crs: e.MAP_TILE_CRS, attribution: e.MAP_TILE_ATTRIBUTION || null, maxZoom: e.MAP_TILE_MAX_ZOOM },
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : path.resolve(import.meta.dirname, '../../../web/dist'),
  };
}
