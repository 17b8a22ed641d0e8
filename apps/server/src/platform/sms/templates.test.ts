import { describe, expect, it } from 'vitest';
import { SMS_TEMPLATES, SMS_TEMPLATE_NAMES, URGENT_TEMPLATES, isUrgentTemplate, renderSms } from './templates.ts';

const samples = {
  login_code: renderSms('login_code', { code: '482913' }),
  hazard_notice: renderSms('hazard_notice', {
    site: '杭州市西湖区某某餐馆',
    count: '3',
    items: '灭火器过期等3项',
    deadline: '11月30日',
    link: 'https://ax.example.cn/n/8K2F',
  }),
  deadline_reminder: renderSms('deadline_reminder', { site: '某某五金店', item: '疏散通道堵塞', deadline: '11月30日' }),
  overdue_notice: renderSms('overdue_notice', { site: '某某五金店', item: '疏散通道堵塞', deadline: '11月30日' }),
  close_out: renderSms('close_out', { site: '某某五金店', item: '疏散通道堵塞' }),
};

describe('SMS templates', () => {
  it('covers every template in the samples', () => {
    expect(Object.keys(samples).sort()).toEqual([...SMS_TEMPLATE_NAMES].sort());
  });

  it('starts with the signature and keeps to one segment for typical values', () => {
    for (const [name, text] of Object.entries(samples)) {
      expect(text.startsWith('【安巡】'), name).toBe(true);
      // The hazard notice carries a list and a link; it may take a second segment.
      expect(text.length, `${name}: ${text}`).toBeLessThanOrEqual(name === 'hazard_notice' ? 134 : 70);
    }
  });

  it('puts every parameter into the hazard notice', () => {
    expect(samples.hazard_notice).toContain('杭州市西湖区某某餐馆发现3项隐患：灭火器过期等3项');
    expect(samples.hazard_notice).toContain('11月30日前');
    expect(samples.hazard_notice).toContain('https://ax.example.cn/n/8K2F');
  });

  it('marks only login codes urgent', () => {
    expect(URGENT_TEMPLATES).toEqual(['login_code']);
    expect(isUrgentTemplate('login_code')).toBe(true);
    expect(isUrgentTemplate('hazard_notice')).toBe(false);
    expect(isUrgentTemplate('no_such_template')).toBe(false);
    expect(SMS_TEMPLATES.login_code.expiresAfterMinutes).toBe(5);
  });

  it('keeps the login code text the auth module parses', () => {
    expect(/验证码为 (\d{6})/.exec(samples.login_code)?.[1]).toBe('482913');
  });
});
