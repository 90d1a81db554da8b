// The service's material list at the counter: one line per material with what is
// asked (原件/复印件 份数, form, source), a box to tick when handed in, a 适用 switch for a
// conditional material, and a way to mark a handed-in material defective with its reason.
// Keyboard: Tab moves from line to line, Space ticks.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ChecklistDraft, type ChecklistItem, rowState, setApplicable, setDefect, setSubmitted } from './checklist';
import { amountText } from './MaterialAmount';

export function MaterialChecklist({
  items,
  draft,
  onChange,
  readOnly = false,
}: {
  items: readonly ChecklistItem[];
  draft: ChecklistDraft;
  onChange: (next: ChecklistDraft) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Typography.Paragraph type="secondary" data-testid="materials-empty">
        {t('cases.material.none')}
      </Typography.Paragraph>
    );
  }
  return (
    <ol className="ck-materials" data-testid="materials">
      {items.map((item) => {
        const row = rowState(item, draft);
        const state = !row.needed ? (row.submitted ? 'extra' : 'idle') : row.defect !== null ? 'defective' : row.submitted ? 'ok' : 'missing';
        return (
          <li key={item.id} className={`ck-material ck-material-${state}`} data-testid={`material-${item.id}`} data-state={state}>
            <div className="ck-material-main">
              {readOnly ? (
                <span className="ck-material-name">
                  {row.submitted && row.defect === null ? (
                    <CheckCircleFilled style={{ color: '#389e0d' }} />
                  ) : row.needed ? (
                    <CloseCircleFilled style={{ color: '#cf1322' }} />
                  ) : (
                    <span className="ck-material-dot" />
                  )}{' '}
                  {item.name}
                </span>
              ) : (
                <Checkbox
                  checked={row.submitted}
                  onChange={(e) => onChange(setSubmitted(draft, item.id, e.target.checked))}
                  className="ck-material-check"
                >
                  <span className="ck-material-name">{item.name}</span>
                </Checkbox>
              )}
              <div className="ck-material-facts">
                {row.kind === 'required' ? (
                  <Tag color="blue">{t('cases.kind.required')}</Tag>
                ) : row.kind === 'conditional' ? (
                  <Tag color="purple">{t('cases.kind.conditional')}</Tag>
                ) : (
                  <Tag>{t('cases.kind.optional')}</Tag>
                )}
                <Typography.Text>{amountText(t, item)}</Typography.Text>
                {item.source && (
                  <Typography.Text type="secondary">
                    {' · '}
                    {t(`cases.source.${item.source}`)}
                    {item.sourceNote ? `（${item.sourceNote}）` : ''}
                  </Typography.Text>
                )}
              </div>
              {row.kind === 'conditional' && (
                <div className="ck-material-condition">
                  <Typography.Text type="secondary">{t('cases.material.condition', { condition: item.condition })}</Typography.Text>
                </div>
              )}
              {item.note && (
                <div className="ck-material-note">
                  <Typography.Text type="secondary">{item.note}</Typography.Text>
                </div>
              )}
              {row.defect !== null && (
                <div className="ck-material-defect">
                  {readOnly ? (
                    <Typography.Text type="danger">
                      <WarningOutlined /> {t('cases.material.defectIs', { reason: row.defect })}
                    </Typography.Text>
                  ) : (
                    <Input
                      size="small"
                      status={row.defect.trim() ? undefined : 'error'}
                      prefix={<WarningOutlined style={{ color: '#cf1322' }} />}
                      value={row.defect}
                      placeholder={t('cases.material.defectPlaceholder')}
                      onChange={(e) => onChange(setDefect(draft, item.id, e.target.value))}
                      maxLength={200}
                      autoFocus={!row.defect}
                      aria-label={t('cases.material.defectReason', { name: item.name })}
                      data-testid={`defect-${item.id}`}
                    />
                  )}
                </div>
              )}
            </div>
            <div className="ck-material-side">
              {row.kind === 'conditional' && (
                <label className="ck-material-applicable">
                  <Switch
                    size="small"
                    checked={row.applicable}
                    disabled={readOnly}
                    onChange={(on) => onChange(setApplicable(draft, item.id, on))}
                    aria-label={t('cases.material.applicableFor', { name: item.name })}
                    data-testid={`applicable-${item.id}`}
                  />
                  <span>{t('cases.material.applicable')}</span>
                </label>
              )}
              {!readOnly && row.submitted && (
                <Button
                  size="small"
                  type={row.defect !== null ? 'default' : 'link'}
                  className="ck-material-defect-toggle"
                  onClick={() => onChange(setDefect(draft, item.id, row.defect !== null ? null : ''))}
                  data-testid={`defect-toggle-${item.id}`}
                >
                  {row.defect !== null ? t('cases.material.defectUndo') : t('cases.material.defectMark')}
                </Button>
              )}
              <span className={`ck-material-state ck-material-state-${state}`}>
                {state === 'ok' && (
                  <>
                    <CheckCircleFilled /> {t('cases.material.stateOk')}
                  </>
                )}
                {state === 'missing' && (
                  <>
                    <ExclamationCircleFilled /> {t('cases.material.stateMissing')}
                  </>
                )}
                {state === 'defective' && (
                  <>
                    <WarningOutlined /> {t('cases.material.stateDefective')}
                  </>
                )}
                {state === 'extra' && t('cases.material.stateExtra')}
                {state === 'idle' && (row.kind === 'conditional' ? t('cases.material.stateNotApplicable') : t('cases.material.stateOptional'))}
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
