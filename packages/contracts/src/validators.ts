/**
 * GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from a
 * 31-character alphabet without I, O, Z, S, V; the last one is a check character.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/** Mainland mobile numbers: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export function isValidMobile(phone: string): boolean {
  return MOBILE_PATTERN.test(phone);
}

/** Official division codes are 12 digits (省2 市2 县2 乡3 村3). */
export const DIVISION_CODE_PATTERN = /^\d{12}$/;

/** Custom validation messages are "中文 | English"; the server splits them into message and messageEn. */
export const MESSAGES = {
  uscc: '统一社会信用代码校验不通过 | Invalid unified social credit code (GB 32100 check failed)',
  mobile: '手机号码格式不正确 | Invalid mobile phone number',
  username: '用户名只能包含字母、数字、下划线、点和连字符 | Usernames may hold letters, digits, _ . and - only',
} as const;
