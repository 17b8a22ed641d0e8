import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Badge, Card, Col, Empty, Row, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Area } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useLabels } from '../../app/labels.ts';
import { isLeafLevel, useLazyAreaTree } from './useLazyAreaTree.ts';
import { AreaDetailCard } from './AreaDetailCard.tsx';

interface TreeNode {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}

function AreaTitle({ area }: { area: Area }) {
  const label = useLabels();
  return (
    <Space size={6} data-testid="area-node">
      <Tag style={{ marginInlineEnd: 0 }}>{label('area', area.level)}</Tag>
      <span>{area.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {area.code}
      </Typography.Text>
      {area.siteCount !== undefined && <Badge count={area.siteCount} showZero overflowCount={999999} color="#8c9bb0" />}
    </Space>
  );
}

export default function AreasPage() {
  const { t } = useTranslation();
  const tree = useLazyAreaTree();
  const { build } = tree;
  const [selected, setSelected] = useState<string | null>(null);

  const treeData = useMemo(
    () => build<TreeNode>((area, kids) => ({ key: area.id, title: <AreaTitle area={area} />, isLeaf: isLeafLevel(area), children: kids })),
    [build],
  );

  // After a change, reload the branch that holds the area so the tree shows the new name or child.
  const refreshBranch = async (parentId: string | null) => {
    if (parentId && tree.byId.has(parentId)) await tree.loadChildren(parentId, true);
    else await tree.roots.refetch();
  };

  let content: ReactNode;
  if (tree.roots.isPending) content = <Spin style={{ display: 'block', padding: 48 }} />;
  else if (tree.roots.isError) content = <LoadError error={tree.roots.error} onRetry={() => void tree.roots.refetch()} />;
  else if (!treeData.length) content = <Empty description={t('areas.empty')} />;
  else
    content = (
      <Tree<TreeNode>
        blockNode
        showLine={{ showLeafIcon: false }}
        height={640}
        treeData={treeData}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => setSelected(keys[0] === undefined ? null : String(keys[0]))}
        loadData={async (node) => {
          await tree.loadChildren(String(node.key));
        }}
      />
    );

  return (
    <>
      <PageHeader title={t('areas.title')} subtitle={t('areas.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={t('areas.treeTitle')} styles={{ body: { padding: 12 } }} data-testid="area-tree">
            {content}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          {selected ? (
            <AreaDetailCard id={selected} onChanged={refreshBranch} />
          ) : (
            <Card>
              <Empty description={t('areas.selectHint')} style={{ padding: 48 }} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
