import { useMemo, useState } from 'react';
import { Collapse, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail } from '@anxun/contracts';
import { useFormatters } from '../../app/labels.ts';
import { PhotoGrid } from '../hazards/Photos.tsx';
import '../hazards/hazards.css';
import './inspections.css';

type Answer = InspectionDetail['answers'][number];

const RESULT_COLOURS: Record<Answer['result'], string> = { pass: 'success', fail: 'error', na: 'default' };

export function ResultTag({ result }: { result: Answer['result'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESULT_COLOURS[result]} data-result={result}>
      {t(`inspections.result.${result}`)}
    </Tag>
  );
}

/** The checklist answers, one panel per responsible department, failures highlighted. */
export function AnswersByDepartment({ answers }: { answers: Answer[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const failedTotal = answers.filter((a) => a.result === 'fail').length;

  const groups = useMemo(() => {
    const byDepartment = new Map<string, Answer[]>();
    for (const answer of answers) {
      if (onlyFailed && answer.result !== 'fail') continue;
      byDepartment.set(answer.departmentName, [...(byDepartment.get(answer.departmentName) ?? []), answer]);
    }
    return [...byDepartment];
  }, [answers, onlyFailed]);

  const count = (list: Answer[], result: Answer['result']) => list.filter((a) => a.result === result).length;
  const dash = t('common.none');

  return (
    <div data-testid="inspection-answers">
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<'all' | 'fail'>
          value={onlyFailed ? 'fail' : 'all'}
          onChange={(value) => setOnlyFailed(value === 'fail')}
          options={[
            { value: 'all', label: t('inspections.answers.all', { count: answers.length }) },
            { value: 'fail', label: t('inspections.answers.failed', { count: failedTotal }) },
          ]}
        />
      </Space>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.answers.empty')} />
      ) : (
        <Collapse
          key={onlyFailed ? 'fail' : 'all'}
          defaultActiveKey={groups.map(([name]) => name)}
          items={groups.map(([department, list]) => {
            const failed = count(list, 'fail');
            return {
              key: department,
              label: (
                <Space size={8} wrap>
                  <Typography.Text strong>{department}</Typography.Text>
                  <Typography.Text type="secondary">{t('inspections.answers.items', { count: list.length })}</Typography.Text>
                </Space>
              ),
              extra: (
                <Space size={4}>
                  {failed > 0 && <Tag color="error">{t('inspections.answers.failCount', { count: failed })}</Tag>}
                  {!onlyFailed && <Tag color="success">{t('inspections.answers.passCount', { count: count(list, 'pass') })}</Tag>}
                  {!onlyFailed && count(list, 'na') > 0 && <Tag>{t('inspections.answers.naCount', { count: count(list, 'na') })}</Tag>}
                </Space>
              ),
              styles: { body: { padding: 0 } },
              children: (
                <Table<Answer>
                  size="small"
                  rowKey="checkItemId"
                  pagination={false}
                  dataSource={list}
                  scroll={{ x: 640 }}
                  rowClassName={(a) => (a.result === 'fail' ? 'ax-answer-fail' : '')}
                  columns={[
                    {
                      key: 'code',
                      title: t('inspections.answers.code'),
                      width: 96,
                      render: (_, a) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{a.code}</Typography.Text>,
                    },
                    {
                      key: 'text',
                      title: t('inspections.answers.text'),
                      render: (_, a) => (
                        <>
                          <div>{a.text}</div>
                          {a.note && <div className="ax-reason">{a.note}</div>}
                        </>
                      ),
                    },
                    { key: 'result', title: t('inspections.answers.result'), width: 84, render: (_, a) => <ResultTag result={a.result} /> },
                    {
                      key: 'value',
                      title: t('inspections.answers.value'),
                      width: 100,
                      render: (_, a) => (a.value !== null ? format.number(a.value) : (a.choice ?? dash)),
                    },
                    {
                      key: 'photos',
                      title: t('inspections.answers.photos'),
                      width: 124,
                      render: (_, a) => <PhotoGrid photos={a.photos} size={36} empty={dash} />,
                    },
                  ]}
                />
              ),
            };
          })}
        />
      )}
    </div>
  );
}
