import { CONTENT_KINDS, CONTENT_PHASES } from '@ivks/content';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../layout/use-page-title';
import { KIND_LABELS, PHASE_LABELS } from './content-labels';
import { ItemMeta } from './item-meta';
import { filterHref, filterItems, readFilter, type LibraryFilter } from './library-filter';
import { useLibraryItems } from './library-source';

interface FilterOption {
  label: string;
  href: string;
  selected: boolean;
}

function FilterGroup({
  id,
  title,
  options,
}: {
  id: string;
  title: string;
  options: FilterOption[];
}) {
  return (
    <div className="filter-group">
      <h2 className="heading-s" id={id}>
        {title}
      </h2>
      <ul className="filter-list" aria-labelledby={id}>
        {options.map((option) => (
          <li key={option.href}>
            <Link
              className="filter-list__link"
              to={option.href}
              aria-current={option.selected ? 'true' : undefined}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function kindOptions(filter: LibraryFilter): FilterOption[] {
  return [
    {
      label: 'Everything',
      href: filterHref(filter, { kind: null }),
      selected: filter.kind === null,
    },
    ...CONTENT_KINDS.map((kind) => ({
      label: KIND_LABELS[kind].many,
      href: filterHref(filter, { kind }),
      selected: filter.kind === kind,
    })),
  ];
}

function phaseOptions(filter: LibraryFilter): FilterOption[] {
  return [
    { label: 'All', href: filterHref(filter, { phase: null }), selected: filter.phase === null },
    ...CONTENT_PHASES.map((phase) => ({
      label: PHASE_LABELS[phase],
      href: filterHref(filter, { phase }),
      selected: filter.phase === phase,
    })),
  ];
}

export function LibraryPage() {
  const [params] = useSearchParams();
  const { search } = useLocation();
  const filter = readFilter(params);
  const items = filterItems(useLibraryItems(), filter);

  usePageTitle('Library');

  return (
    <>
      <h1>Library</h1>
      <p className="lead">
        Guides, calming exercises, journal prompts, checklists and music for every part of your
        course.
      </p>

      <div className="filters">
        <FilterGroup id="filter-kind" title="What kind" options={kindOptions(filter)} />
        <FilterGroup id="filter-phase" title="When in your course" options={phaseOptions(filter)} />
      </div>

      {/* A filter link keeps focus where it is, so the new count is read out instead. */}
      <p role="status" className="results-count">
        {items.length === 1 ? 'Showing 1 item' : `Showing ${items.length} items`}
      </p>

      {items.length === 0 ? (
        <p>
          Nothing matches both choices. Try <Link to="/library">everything in the library</Link>.
        </p>
      ) : (
        <ul className="content-list">
          {items.map((item) => (
            <li className="content-list__item" key={item.slug}>
              <h2 className="heading-s content-list__title">
                {/* The item page's back link returns to this filtered list. */}
                <Link to={`/library/${item.slug}`} state={{ librarySearch: search }}>
                  {item.title}
                </Link>
              </h2>
              <p className="content-list__summary">{item.summary}</p>
              <ItemMeta item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
