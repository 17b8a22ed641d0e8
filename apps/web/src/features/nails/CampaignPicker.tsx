import { useEffect, useMemo } from 'react';
import { Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaignOptions } from './api.ts';

const STORAGE_KEY = 'anxun.nails.campaign';

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The campaign whose nails a page shows: `?campaign=` in the URL, else the one chosen last, else
 * the first active campaign. Kept in the URL so a link shows the same campaign.
 */
export function useSelectedCampaign() {
  const campaigns = useCampaignOptions();
  const [params, setParams] = useSearchParams();
  const items = useMemo(() => campaigns.data?.items ?? [], [campaigns.data]);
  const fromUrl = params.get('campaign');
  const fallback = useMemo(() => {
    const last = remembered();
    return items.find((c) => c.id === last) ?? items.find((c) => c.status === 'active') ?? items[0];
  }, [items]);
  const selected = items.find((c) => c.id === fromUrl) ?? (fromUrl ? undefined : fallback);

  const select = (id: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Private mode: the URL still carries the choice.
    }
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('campaign', id);
      return next;
    }, { replace: true });
  };

  useEffect(() => {
    if (!fromUrl && fallback) select(fallback.id);
    // Only when the list arrives or the URL loses its campaign.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromUrl, fallback?.id]);

  return { campaigns, items, selected, select };
}

export function CampaignPicker({ selection }: { selection: ReturnType<typeof useSelectedCampaign> }) {
  const { t } = useTranslation();
  const { campaigns, items, selected, select } = selection;
  return (
    <span className="nails-campaign-picker">
      <Typography.Text type="secondary">{t('nails.campaign')}</Typography.Text>
      <Select
        data-testid="nails-campaign"
        style={{ minWidth: 260 }}
        loading={campaigns.isPending}
        value={selected?.id}
        onChange={select}
        placeholder={t('nails.noCampaign')}
        options={items.map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} ~ ${c.endsOn}）` }))}
      />
    </span>
  );
}
