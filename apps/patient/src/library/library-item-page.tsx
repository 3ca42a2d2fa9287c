import { Link, useLocation, useParams } from 'react-router-dom';
import { usePageTitle } from '../layout/use-page-title';
import { KIND_LABELS } from './content-labels';
import { ItemBody } from './item-body';
import { ItemMeta } from './item-meta';
import { useLibraryItem } from './library-source';

/** Back to the list the patient came from, filters and all, or to the whole library. */
function libraryHref(state: unknown): string {
  const search =
    typeof state === 'object' && state !== null && 'librarySearch' in state
      ? state.librarySearch
      : undefined;

  return typeof search === 'string' && search.startsWith('?') ? `/library${search}` : '/library';
}

function NotFound() {
  return (
    <>
      <h1>We could not find that page</h1>
      <p>The link may be out of date, or the address may have a small mistake in it.</p>
      <p>
        <Link to="/library">Go to the library</Link>
      </p>
    </>
  );
}

export function LibraryItemPage() {
  const { slug = '' } = useParams();
  const state: unknown = useLocation().state;
  const item = useLibraryItem(slug);

  usePageTitle(item?.title ?? 'Page not found');

  if (item === undefined) {
    return <NotFound />;
  }

  return (
    <>
      <Link className="back-link" to={libraryHref(state)}>
        Back to the library
      </Link>
      <span className="caption">{KIND_LABELS[item.kind].one}</span>
      <h1>{item.title}</h1>
      <p className="lead">{item.summary}</p>
      <ItemMeta item={item} showKind={false} />
      <ItemBody item={item} />
    </>
  );
}
