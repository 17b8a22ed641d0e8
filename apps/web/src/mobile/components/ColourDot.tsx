import { useTranslation } from 'react-i18next';

export const COLOUR_HEX: Record<string, string> = {
  grey: '#bfbfbf',
  green: '#389e0d',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#cf1322',
  black: '#141414',
};

/** The site's 五色 as a dot; its name is the accessible label. */
export function ColourDot({ colour, withLabel = false }: { colour: string; withLabel?: boolean }) {
  const { t } = useTranslation();
  const label = t(`enum.colour.${colour}`, { defaultValue: colour });
  return (
    <>
      <span className="axm-dot" style={{ background: COLOUR_HEX[colour] ?? COLOUR_HEX.grey }} role="img" aria-label={label} title={label} data-colour={colour} />
      {withLabel && <span style={{ marginInlineStart: 6 }}>{label}</span>}
    </>
  );
}
