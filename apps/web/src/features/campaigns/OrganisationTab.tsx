import { useState } from 'react';
import { App, Button, Card, Col, Empty, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { CrownOutlined, DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignMember, CampaignUnit, CampaignUnitKind } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { useOrgChange, type OrgChange } from './api.ts';
import { MemberModal, UnitModal, type UnitDraft } from './OrgModals.tsx';

const KIND_COLOUR: Record<CampaignUnitKind, string> = { office: 'red', working_group: 'volcano', zone: 'blue', squad: 'cyan', village_team: 'green' };

interface Ctx {
  editable: boolean;
  run(change: OrgChange): Promise<unknown>;
  editUnit(draft: UnitDraft): void;
  editMember(unitId: string, member?: CampaignMember): void;
}

function Members({ unit, ctx }: { unit: CampaignUnit; ctx: Ctx }) {
  const { t } = useTranslation();
  if (unit.members.length === 0) return <Typography.Text type="secondary">{t('campaigns.org.noMembers')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={unit.members}
      data-testid={`unit-members-${unit.id}`}
      renderItem={(m) => (
        <List.Item
          actions={
            ctx.editable
              ? [
                  <Button key="edit" size="small" type="link" icon={<EditOutlined />} onClick={() => ctx.editMember(unit.id, m)} aria-label={t('campaigns.org.editUnit')} />,
                  <Popconfirm key="remove" title={t('campaigns.org.removeConfirm', { name: m.name })} onConfirm={() => ctx.run({ kind: 'removeMember', memberId: m.id })}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('campaigns.org.removeMember')} />
                  </Popconfirm>,
                ]
              : []
          }
        >
          <Space size={4} wrap>
            {m.isLeader && <CrownOutlined style={{ color: '#d48806' }} title={t('campaigns.org.leader')} />}
            <Typography.Text strong={m.isLeader}>{m.name}</Typography.Text>
            {m.duty && <Tag>{m.duty}</Tag>}
            {m.phone && <Typography.Text type="secondary">{m.phone}</Typography.Text>}
            {m.username && <Typography.Text type="secondary">@{m.username}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

function UnitActions({ unit, ctx, add }: { unit: CampaignUnit; ctx: Ctx; add?: { kind: CampaignUnitKind; label: string } }) {
  const { t } = useTranslation();
  if (!ctx.editable) return null;
  return (
    <Space size={0} wrap style={{ display: 'flex', marginTop: 4 }}>
      {add && (
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => ctx.editUnit({ kind: add.kind, parentId: unit.id })} data-testid={`unit-add-child-${unit.id}`}>
          {add.label}
        </Button>
      )}
      <Button size="small" type="link" icon={<UserAddOutlined />} onClick={() => ctx.editMember(unit.id)} data-testid={`unit-add-member-${unit.id}`}>
        {t('campaigns.org.addMember')}
      </Button>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => ctx.editUnit({ unit, kind: unit.kind, parentId: unit.parentId })}>
        {t('campaigns.org.editUnit')}
      </Button>
      <Popconfirm title={t('campaigns.org.deleteConfirm', { name: unit.name })} onConfirm={() => ctx.run({ kind: 'deleteUnit', unitId: unit.id })}>
        <Button size="small" type="link" danger icon={<DeleteOutlined />}>
          {t('campaigns.org.deleteUnit')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function UnitTitle({ unit }: { unit: CampaignUnit }) {
  const { t } = useTranslation();
  const leader = unit.members.find((m) => m.isLeader);
  return (
    <Space size={6} wrap>
      <Tag color={KIND_COLOUR[unit.kind]}>{t(`campaigns.unitKind.${unit.kind}`)}</Tag>
      <span data-testid={`unit-name-${unit.id}`}>{unit.name}</span>
      {unit.areaName && <Typography.Text type="secondary">{unit.areaName}</Typography.Text>}
      {(unit.kind === 'squad' || unit.kind === 'village_team') && <Typography.Text type="secondary">{t('campaigns.org.sites', { count: unit.siteCount })}</Typography.Text>}
      <Typography.Text type={leader ? undefined : 'secondary'} style={{ fontWeight: 'normal', fontSize: 12 }}>
        {leader ? `${t('campaigns.org.leader')}：${leader.name}` : t('campaigns.org.noLeader')}
      </Typography.Text>
    </Space>
  );
}

export function OrganisationTab({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const change = useOrgChange(campaign.id);
  const [unitDraft, setUnitDraft] = useState<UnitDraft | null>(null);
  const [memberDraft, setMemberDraft] = useState<{ unitId: string; member?: CampaignMember } | null>(null);
  const units = campaign.units;
  const childrenOf = (id: string | null, kind: CampaignUnitKind) => units.filter((u) => u.parentId === id && u.kind === kind);
  const command = units.filter((u) => u.kind === 'office' || u.kind === 'working_group').sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'office' ? -1 : 1));
  const zones = childrenOf(null, 'zone');
  const hasOffice = units.some((u) => u.kind === 'office');

  // Modals put errors on their fields; inline actions (delete, remove) show them as a message.
  const run = async (c: OrgChange) => {
    await change.mutateAsync(c);
    void message.success(t('campaigns.org.saved'));
  };
  const ctx: Ctx = { editable: campaign.allowed.organise === true, run: (c) => run(c).catch((error: unknown) => void message.error(errorText(error))), editUnit: setUnitDraft, editMember: (unitId, member) => setMemberDraft({ unitId, member }) };
  const parentsFor = (kind: CampaignUnitKind) => units.filter((u) => u.kind === (kind === 'squad' ? 'zone' : 'squad'));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('campaigns.org.command')}
        extra={
          ctx.editable && (
            <Space>
              {!hasOffice && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitDraft({ kind: 'office', parentId: null })} data-testid="org-add-office">
                  {t('campaigns.org.addOffice')}
                </Button>
              )}
              <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitDraft({ kind: 'working_group', parentId: null })} data-testid="org-add-group">
                {t('campaigns.org.addGroup')}
              </Button>
            </Space>
          )
        }
      >
        {command.length === 0 ? (
          <Empty description={t('campaigns.org.emptyCommand')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Row gutter={[12, 12]}>
            {command.map((unit) => (
              <Col xs={24} md={12} xl={8} key={unit.id}>
                <Card size="small" type="inner" title={<UnitTitle unit={unit} />} data-testid={`unit-${unit.id}`}>
                  <Members unit={unit} ctx={ctx} />
                  <UnitActions unit={unit} ctx={ctx} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>

      <Card
        size="small"
        title={t('campaigns.org.field')}
        extra={
          ctx.editable && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitDraft({ kind: 'zone', parentId: null })} data-testid="org-add-zone">
              {t('campaigns.org.addZone')}
            </Button>
          )
        }
      >
        {zones.length === 0 && <Empty description={t('campaigns.org.emptyField')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {zones.map((zone) => (
            <Card key={zone.id} size="small" type="inner" title={<UnitTitle unit={zone} />} data-testid={`unit-${zone.id}`}>
              <Members unit={zone} ctx={ctx} />
              <UnitActions unit={zone} ctx={ctx} add={{ kind: 'squad', label: t('campaigns.org.addSquad') }} />
              <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
                {childrenOf(zone.id, 'squad').map((squad) => (
                  <Col xs={24} lg={12} key={squad.id}>
                    <Card size="small" title={<UnitTitle unit={squad} />} data-testid={`unit-${squad.id}`} style={{ background: '#fafcff' }}>
                      <Members unit={squad} ctx={ctx} />
                      <UnitActions unit={squad} ctx={ctx} add={{ kind: 'village_team', label: t('campaigns.org.addTeam') }} />
                      {childrenOf(squad.id, 'village_team').map((team) => (
                        <Card key={team.id} size="small" type="inner" title={<UnitTitle unit={team} />} style={{ marginTop: 8 }} data-testid={`unit-${team.id}`}>
                          <Members unit={team} ctx={ctx} />
                          <UnitActions unit={team} ctx={ctx} />
                        </Card>
                      ))}
                    </Card>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
        </Space>
      </Card>

      <UnitModal
        draft={unitDraft}
        parents={unitDraft ? parentsFor(unitDraft.kind) : []}
        saving={change.isPending}
        onClose={() => setUnitDraft(null)}
        onSubmit={(values) =>
          run(
            unitDraft!.unit
              ? { kind: 'updateUnit', unitId: unitDraft!.unit.id, body: { name: values.name, sortOrder: values.sortOrder, areaId: values.areaId, parentId: values.parentId } }
              : { kind: 'createUnit', body: { kind: unitDraft!.kind, parentId: unitDraft!.parentId, name: values.name, areaId: values.areaId ?? null, sortOrder: values.sortOrder ?? 0 } },
          )
        }
      />
      <MemberModal
        open={!!memberDraft}
        member={memberDraft?.member}
        saving={change.isPending}
        onClose={() => setMemberDraft(null)}
        onSubmit={(body) => run(memberDraft!.member ? { kind: 'updateMember', memberId: memberDraft!.member.id, body } : { kind: 'addMember', unitId: memberDraft!.unitId, body })}
      />
    </Space>
  );
}
