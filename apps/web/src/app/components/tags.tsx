import { Tag } from 'antd';
import type { RiskLevel, SiteColour, SiteFlag, SiteKind } from '@anxun/contracts';
import { useLabels } from '../labels.ts';
import { FIVE_COLOURS, RISK_TAG_COLOURS } from '../theme.ts';

export function ColourDot({ colour }: { colour: SiteColour }) {
  return <span className="ax-dot" style={{ background: FIVE_COLOURS[colour] }} />;
}

export function ColourTag({ colour }: { colour: SiteColour }) {
  const label = useLabels();
  return (
    <Tag variant="outlined" data-colour={colour}>
      <ColourDot colour={colour} />
      {label('colour', colour)}
    </Tag>
  );
}

export function RiskTag({ risk }: { risk: RiskLevel | null }) {
  const label = useLabels();
  if (!risk) return <>{label('risk', null)}</>;
  return (
    <Tag color={RISK_TAG_COLOURS[risk]} data-risk={risk}>
      {label('risk', risk)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: SiteKind }) {
  const label = useLabels();
  return <Tag color="geekblue">{label('siteKind', kind)}</Tag>;
}

export function FlagTags({ flags }: { flags: readonly SiteFlag[] }) {
  const label = useLabels();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color="purple">
          {label('siteFlag', flag)}
        </Tag>
      ))}
    </>
  );
}
