// One service's guide (办事指南, R-16), as printed on the hall's wall and read on a phone:
// the facts, who may apply, the materials (each with counts, form, need and source), the
// steps, fees with their basis, where, when, whom to call, and the legal basis.
import { FileTextOutlined, LinkOutlined, PhoneOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '../api/types';
import dayjs from '../time/dayjs';
import type { GuideItem } from './guideApi';
import { daysText, kindLabel, needOf } from './guideText';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="ck-guide-section" aria-labelledby={`guide-${id}`}>
      <h2 id={`guide-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ck-guide-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Text as the hall typed it: paragraphs kept. */
function Paragraphs({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text) return <p className="ck-guide-muted">{t('guide.item.notStated')}</p>;
  return (
    <div className="ck-guide-text">
      {text.split(/\n+/).map((line, i) => (
        // eslint-disable-next-line react/no-array-index-key -- lines of one text, in order
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

function Phone({ number }: { number: string | null }) {
  const { t } = useTranslation();
  if (!number) return <>{t('guide.item.notStated')}</>;
  return (
    <a href={`tel:${number.replace(/转.*$/, '').replace(/[^\d+]/g, '')}`} className="ck-guide-phone">
      <PhoneOutlined aria-hidden /> {number}
    </a>
  );
}

function MaterialRow({ m, index }: { m: Material; index: number }) {
  const { t } = useTranslation();
  const need = needOf(m);
  const count = (n: number) => (n > 0 ? t('guide.item.count', { count: n }) : t('guide.item.none'));
  return (
    <tr data-testid="guide-material">
      <td data-label={t('guide.item.index')} className="ck-guide-col-index">
        {index + 1}
      </td>
      <td data-label={t('guide.item.materialName')} className="ck-guide-col-name">
        <strong>{m.name}</strong>
        {need === 'conditional' && (
          <span className="ck-guide-condition">
            {t('guide.item.whenLabel')}
            {m.condition}
          </span>
        )}
        {(m.blankFormUrl || m.sampleUrl) && (
          <span className="ck-guide-links">
            {m.blankFormUrl && (
              <a href={m.blankFormUrl} target="_blank" rel="noopener noreferrer">
                <FileTextOutlined aria-hidden /> {t('guide.item.blankForm')}
              </a>
            )}
            {m.sampleUrl && (
              <a href={m.sampleUrl} target="_blank" rel="noopener noreferrer">
                <FileTextOutlined aria-hidden /> {t('guide.item.sample')}
              </a>
            )}
          </span>
        )}
      </td>
      <td data-label={t('guide.item.originals')} className="ck-guide-col-count">
        {count(m.originals)}
      </td>
      <td data-label={t('guide.item.copies')} className="ck-guide-col-count">
        {count(m.copies)}
      </td>
      <td data-label={t('guide.item.form')}>{t(`guide.forms.${m.form}`)}</td>
      <td data-label={t('guide.item.need')}>
        <span className={`ck-guide-need is-${need}`}>{t(`guide.need.${need}`)}</span>
      </td>
      <td data-label={t('guide.item.source')}>
        {t(`guide.sources.${m.source}`)}
        {m.sourceNote && <span className="ck-guide-muted ck-guide-block">{m.sourceNote}</span>}
      </td>
      <td data-label={t('guide.item.note')}>{m.note ?? t('guide.item.none')}</td>
    </tr>
  );
}

export function GuideItemView({ item }: { item: GuideItem }) {
  const { t } = useTranslation();
  return (
    <article className="ck-guide-item" data-testid="guide-item">
      <header className="ck-guide-item-head">
        <h1 className="ck-guide-h1">{item.name}</h1>
        <div className="ck-guide-badges">
          <span className={`ck-guide-kind is-${item.kind}`}>{kindLabel(t, item.kind, item.promisedDays)}</span>
          <span className="ck-guide-type">{t(`guide.itemTypes.${item.itemType}`)}</span>
        </div>
      </header>

      <dl className="ck-guide-facts">
        <Fact label={t('guide.fields.code')}>{item.code}</Fact>
        <Fact label={t('guide.fields.itemType')}>{t(`guide.itemTypes.${item.itemType}`)}</Fact>
        <Fact label={t('guide.fields.department')}>{item.department ?? t('guide.item.notStated')}</Fact>
        <Fact label={t('guide.fields.kind')}>{kindLabel(t, item.kind, item.promisedDays)}</Fact>
        <Fact label={t('guide.fields.statutoryDays')}>{daysText(t, item.statutoryDays)}</Fact>
        <Fact label={t('guide.fields.promisedDays')}>
          {item.kind === 'immediate' ? t('guide.item.immediateLimit') : daysText(t, item.promisedDays)}
        </Fact>
        <Fact label={t('guide.fields.resultName')}>{item.resultName ?? t('guide.item.notStated')}</Fact>
        <Fact label={t('guide.item.charged')}>{item.fees.length === 0 ? t('guide.item.free') : t('guide.item.chargedYes')}</Fact>
      </dl>

      <Section id="conditions" title={t('guide.fields.acceptanceConditions')}>
        <Paragraphs text={item.acceptanceConditions} />
      </Section>

      <Section id="materials" title={t('guide.fields.materials')}>
        {item.materials.length === 0 ? (
          <p>{t('guide.item.noMaterials')}</p>
        ) : (
          <>
            <p className="ck-guide-muted">{t('guide.item.materialsIntro')}</p>
            <table className="ck-guide-table ck-guide-materials">
              <thead>
                <tr>
                  <th className="ck-guide-col-index">{t('guide.item.index')}</th>
                  <th>{t('guide.item.materialName')}</th>
                  <th>{t('guide.item.originals')}</th>
                  <th>{t('guide.item.copies')}</th>
                  <th>{t('guide.item.form')}</th>
                  <th>{t('guide.item.need')}</th>
                  <th>{t('guide.item.source')}</th>
                  <th>{t('guide.item.note')}</th>
                </tr>
              </thead>
              <tbody>
                {item.materials.map((m, i) => (
                  <MaterialRow key={m.id} m={m} index={i} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>

      <Section id="steps" title={t('guide.fields.processSteps')}>
        {item.processSteps.length === 0 ? (
          <p className="ck-guide-muted">{t('guide.item.noSteps')}</p>
        ) : (
          <ol className="ck-guide-steps">
            {item.processSteps.map((s, i) => (
              // eslint-disable-next-line react/no-array-index-key -- steps have no id; their order is their identity
              <li key={i}>
                <strong>{s.title}</strong>
                {s.description && <span>{s.description}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="fees" title={t('guide.fields.fees')}>
        {item.fees.length === 0 ? (
          <p className="ck-guide-free">{t('guide.item.free')}</p>
        ) : (
          <table className="ck-guide-table ck-guide-fees">
            <thead>
              <tr>
                <th>{t('guide.item.feeItem')}</th>
                <th>{t('guide.item.feeAmount')}</th>
                <th>{t('guide.item.feeBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {item.fees.map((f) => (
                <tr key={`${f.item}|${f.amount}`}>
                  <td data-label={t('guide.item.feeItem')}>{f.item}</td>
                  <td data-label={t('guide.item.feeAmount')}>{f.amount}</td>
                  <td data-label={t('guide.item.feeBasis')}>{f.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="where" title={`${t('guide.fields.location')} · ${t('guide.fields.serviceHours')}`}>
        <dl className="ck-guide-facts ck-guide-facts-wide">
          <Fact label={t('guide.fields.location')}>{item.location ?? t('guide.item.notStated')}</Fact>
          <Fact label={t('guide.fields.windows')}>
            {item.windows.length === 0 ? t('guide.item.notStated') : item.windows.map((w) => t('guide.item.window', w)).join('、')}
          </Fact>
          <Fact label={t('guide.fields.serviceHours')}>{item.serviceHours ?? t('guide.item.notStated')}</Fact>
          <Fact label={t('guide.fields.consultationPhone')}>
            <Phone number={item.consultationPhone} />
          </Fact>
          <Fact label={t('guide.fields.supervisionPhone')}>
            <Phone number={item.supervisionPhone} />
          </Fact>
          {item.onlineUrl && (
            <Fact label={t('guide.fields.onlineUrl')}>
              <a href={item.onlineUrl} target="_blank" rel="noopener noreferrer">
                <LinkOutlined aria-hidden /> {t('guide.item.onlineLink')}
              </a>
              <span className="ck-guide-print-only"> {item.onlineUrl}</span>
            </Fact>
          )}
        </dl>
      </Section>

      <Section id="basis" title={t('guide.fields.legalBasis')}>
        <Paragraphs text={item.legalBasis} />
      </Section>

      <footer className="ck-guide-foot">
        <p>{t('guide.item.closing')}</p>
        <p>
          {t('guide.item.hallLine', { name: item.hall.name })}
          {item.hall.address && <> · {t('guide.item.hallAddress', { address: item.hall.address })}</>}
          {item.hall.phone && <> · {t('guide.item.hallPhone', { phone: item.hall.phone })}</>}
        </p>
        <p className="ck-guide-muted">{t('guide.item.updatedAt', { date: dayjs(item.updatedAt).format('YYYY-MM-DD') })}</p>
      </footer>
    </article>
  );
}
