import { useMemo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { TreeSelect, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { areaKeys, fetchArea } from '../../features/areas/api.ts';
import { isLeafLevel, useLazyAreaTree } from '../../features/areas/useLazyAreaTree.ts';
import { useLabels } from '../labels.ts';

interface TreeOption {
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  children?: TreeOption[];
}

interface LabeledValue {
  value: string;
  label?: ReactNode;
}

interface AreaTreeSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** Area picker that loads branches on expand and names selected areas that are not loaded yet. */
export function AreaTreeSelect({ value, onChange, multiple, placeholder, allowClear = true, disabled, style, id }: AreaTreeSelectProps) {
  const { t } = useTranslation();
  const label = useLabels();
  const { byId, build, loadChildren, roots } = useLazyAreaTree();
  const ids = useMemo(() => (value ? (Array.isArray(value) ? value : [value]) : []), [value]);
  const unknownIds = ids.filter((areaId) => !byId.has(areaId));
  const details = useQueries({
    queries: unknownIds.map((areaId) => ({
      queryKey: areaKeys.detail(areaId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchArea(areaId, signal),
      staleTime: 5 * 60_000,
    })),
  });

  const treeData = useMemo(
    () =>
      build<TreeOption>((area, kids) => ({
        value: area.id,
        label: area.name,
        title: (
          <span>
            {area.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label('area', area.level)}
            </Typography.Text>
          </span>
        ),
        isLeaf: isLeafLevel(area),
        children: kids,
      })),
    [build, label],
  );

  const nameOf = (areaId: string) =>
    byId.get(areaId)?.name ?? details[unknownIds.indexOf(areaId)]?.data?.name ?? t('common.loading');
  const labeled: LabeledValue[] = ids.map((areaId) => ({ value: areaId, label: nameOf(areaId) }));

  const handleChange = (next: LabeledValue | LabeledValue[] | null | undefined) => {
    if (multiple) onChange?.(((next as LabeledValue[] | null) ?? []).map((item) => item.value));
    else onChange?.((next as LabeledValue | null)?.value ?? undefined);
  };

  return (
    <TreeSelect<LabeledValue | LabeledValue[]>
      id={id}
      style={{ width: '100%', ...style }}
      value={multiple ? labeled : labeled[0]}
      onChange={handleChange}
      labelInValue
      multiple={multiple}
      treeCheckStrictly={false}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isLoading}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeNodeFilterProp="label"
      showSearch
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420, overflow: 'auto' } } }}
      loadData={async (node) => {
        await loadChildren(String(node.value));
      }}
    />
  );
}
