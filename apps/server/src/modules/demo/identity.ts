import { usccCheckChar } from '@anxun/contracts';
import type { Rng } from './random.ts';

/**
 * Demo mobile numbers are 1990000XXXX: well-formed, in a block unlikely to reach a real person.
 * 0001 belongs to the first site (the demo party's login), 9000+ to the demo staff accounts.
 */
export const DEMO_PHONE_PREFIX = '1990000';
export const DEMO_PARTY_PHONE = `${DEMO_PHONE_PREFIX}0001`;
export const demoStaffPhone = (n: number) => `${DEMO_PHONE_PREFIX}${9000 + n}`;

export function sitePhone(rng: Rng): string {
  return DEMO_PHONE_PREFIX + String(rng.int(2, 8999)).padStart(4, '0');
}

// GB 11714 organisation code: 8 body characters and a mod-11 check character.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCheck(body: string): string {
  const sum = [...body].reduce((s, ch, i) => s + Number.parseInt(ch, 36) * ORG_WEIGHTS[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

// x → (A·x + offset) mod 10^8 is a bijection (A is coprime with 10^8), so distinct serials never collide.
const BODY_SPACE = 100_000_000;
const A = 48_271;

/**
 * Unified social credit codes for demo enterprises registered in Xiaoshan (91 = enterprise,
 * 330109 = the district): unique per serial, random-looking, with valid check characters.
 */
export function creditCodeMaker(rng: Rng): (serial: number) => string {
  const offset = rng.int(0, BODY_SPACE - 1);
  return (serial) => {
    if (serial < 0 || serial >= BODY_SPACE) throw new Error(`credit code serial out of range: ${serial}`);
    const body = String((A * serial + offset) % BODY_SPACE).padStart(8, '0');
    const first17 = `91330109${body}${orgCheck(body)}`;
    return first17 + usccCheckChar(first17)!;
  };
}
