// /guide/:hallId: a hall's services, searchable by name, code, department or material (R-16).
import { FileTextOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { GuideFrame, GuideState } from './GuideFrame';
import { guideApi } from './guideApi';
import { kindLabel } from './guideText';
import { searchGuide } from './search';
import { useGuideLoad } from './useGuideLoad';

export default function GuideListPage() {
  const { t } = useTranslation();
  const { hallId = '' } = useParams();
  // The query lives in the address, so "back" from a service returns to the same results.
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const { data, notFound, failed, retry } = useGuideLoad((signal) => guideApi.list(hallId, signal), [hallId]);
  const halls = useGuideLoad((signal) => guideApi.halls(signal), []);
  const found = useMemo(() => (data ? searchGuide(data.items, query) : []), [data, query]);

  useEffect(() => {
    document.title = data ? `${t('guide.title')} · ${data.hall.name}` : t('guide.title');
  }, [t, data]);

  const changeHall = (halls.data?.length ?? 0) > 1 ? <Link to="/guide">{t('guide.halls.change')}</Link> : null;

  if (!data) {
    return (
      <GuideFrame extra={changeHall}>
        <GuideState kind={notFound ? 'notFound' : failed ? 'failed' : 'loading'} onRetry={retry}>
          {t('guide.item.notFound')}
        </GuideState>
      </GuideFrame>
    );
  }

  return (
    <GuideFrame hallName={data.hall.name} hallLink={`/guide/${hallId}`} extra={changeHall}>
      <h1 className="ck-guide-h1">{t('guide.title')}</h1>
      <p className="ck-guide-sub">{t('guide.subtitle')}</p>
      <label className="ck-guide-search">
        <SearchOutlined aria-hidden />
        <input
          type="search"
          value={query}
          placeholder={t('guide.search.placeholder')}
          aria-label={t('guide.search.label')}
          onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
        />
      </label>
      <p className="ck-guide-count" role="status">
        {query.trim() ? t('guide.search.found', { count: found.length }) : t('guide.search.count', { count: found.length })}
      </p>
      {data.items.length === 0 ? (
        <GuideState kind="notFound">{t('guide.list.empty')}</GuideState>
      ) : found.length === 0 ? (
        <GuideState kind="notFound">{t('guide.search.none', { q: query.trim() })}</GuideState>
      ) : (
        <ul className="ck-guide-list" data-testid="guide-list">
          {found.map(({ item, materials }) => (
            <li key={item.id}>
              <Link to={`/guide/${hallId}/${item.id}${query ? `?q=${encodeURIComponent(query)}` : ''}`} className="ck-guide-card">
                <span className="ck-guide-card-body">
                  <span className="ck-guide-card-head">
                    <strong className="ck-guide-card-title">{item.name}</strong>
                    <span className={`ck-guide-kind is-${item.kind}`}>{kindLabel(t, item.kind, item.promisedDays)}</span>
                  </span>
                  <span className="ck-guide-card-line ck-guide-muted">
                    {item.code} · {t(`guide.itemTypes.${item.itemType}`)}
                    {item.department ? ` · ${item.department}` : ''}
                  </span>
                  <span className="ck-guide-card-line">
                    <FileTextOutlined /> {t('guide.list.materials', { count: item.materialCount })}
                    {materials.length > 0 && <span className="ck-guide-matched"> · {t('guide.search.matched', { names: materials.join('、') })}</span>}
                  </span>
                </span>
                <RightOutlined className="ck-guide-card-go" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </GuideFrame>
  );
}
