import { memo } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { CombinedForm } from '@anxun/contracts';
import { resultOf } from '../draft.ts';
import type { AnswerDraft } from '../draft.ts';
import { ChevronIcon } from '../components/icons.tsx';
import { ItemRow } from './ItemRow.tsx';
import type { AnswerUpdate } from './ItemRow.tsx';

type Group = CombinedForm['groups'][number];

interface Props {
  group: Group;
  siteId: string;
  answers: Record<string, AnswerDraft>;
  today: string;
  showIssues: boolean;
  serverErrors: Map<string, string[]>;
  /** Items that block the submit (shown once showIssues is on). */
  invalid: ReadonlySet<string>;
  collapsed: boolean;
  onToggle: (departmentId: string) => void;
  onChange: AnswerUpdate;
  onAllPass: (group: Group) => void;
}

/** One department's items under a sticky header with its count, 全部合格 and a collapse toggle. */
export const GroupSection = memo(function GroupSection({ group, siteId, answers, today, showIssues, serverErrors, invalid, collapsed, onToggle, onChange, onAllPass }: Props) {
  const { t } = useTranslation();
  const answered = group.items.filter((item) => resultOf(item, answers[item.id]) !== undefined).length;
  const complete = answered === group.items.length;
  const problems = showIssues && group.items.some((item) => invalid.has(item.id));
  return (
    <section className={`axm-group${collapsed ? ' collapsed' : ''}`} data-testid="m-group" data-department={group.departmentId}>
      <div className="axm-group-head">
        <button type="button" className="axm-group-toggle" aria-expanded={!collapsed} onClick={() => onToggle(group.departmentId)}>
          <ChevronIcon />
          <span className="axm-group-name">{group.departmentName}</span>
          <span className="axm-group-count" style={problems ? { color: 'var(--axm-fail)' } : complete ? { color: 'var(--axm-pass)' } : undefined}>
            {answered}/{group.items.length}
          </span>
        </button>
        <Button size="small" color="success" fill="outline" disabled={complete} onClick={() => onAllPass(group)} data-testid="m-group-all-pass">
          {t('mobile.inspect.allPass')}
        </Button>
      </div>
      {!collapsed &&
        group.items.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            siteId={siteId}
            answer={answers[item.id]}
            today={today}
            showIssues={showIssues}
            serverErrors={serverErrors.get(item.id)}
            onChange={onChange}
          />
        ))}
    </section>
  );
});
