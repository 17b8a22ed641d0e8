import type { ThemeConfig } from 'antd';

/** A sober government blue; compact radii read as an office tool, not a consumer app. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456a8',
    colorInfo: '#1456a8',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2747', bodyBg: '#f3f5f8', headerPadding: '0 24px' },
    Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1f3a', darkItemSelectedBg: '#1456a8' },
  },
};

export const FIVE_COLOURS: Record<string, string> = {
  grey: '#bfbfbf',
  green: '#389e0d',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#cf1322',
  black: '#141414',
};

export const RISK_TAG_COLOURS: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };
