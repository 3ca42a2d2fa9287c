import { PLAYLIST_MOMENTS, type ContentItem, type PlaylistItem } from '@ivks/content';
import { usePageTitle } from '../layout/use-page-title';
import { MOMENT_LABELS, minutesLabel } from '../library/content-labels';
import { useLibraryItems } from '../library/library-source';
import { TrackList } from './track-list';

function isPlaylist(item: ContentItem): item is PlaylistItem {
  return item.kind === 'playlist';
}

export function MusicPage() {
  const playlists = useLibraryItems().filter(isPlaylist);

  usePageTitle('Music');

  return (
    <>
      <h1>Music</h1>
      <p className="lead">Calm music for before, during and after an infusion.</p>
      <p>
        Each Listen link opens a music service in a new tab, so you choose when anything plays.
        Nothing plays on this page.
      </p>

      {PLAYLIST_MOMENTS.map((moment) => {
        const forMoment = playlists.filter((playlist) => playlist.moment === moment);
        if (forMoment.length === 0) {
          return null;
        }
        const headingId = `moment-${moment}`;

        return (
          <section key={moment} aria-labelledby={headingId}>
            <h2 id={headingId}>{MOMENT_LABELS[moment]}</h2>
            {forMoment.map((playlist) => (
              <article
                className="playlist"
                key={playlist.slug}
                aria-labelledby={`playlist-${playlist.slug}`}
              >
                <h3 className="heading-s" id={`playlist-${playlist.slug}`}>
                  {playlist.title}
                </h3>
                <p>{playlist.summary}</p>
                <p className="item-meta">{minutesLabel(playlist.estimatedMinutes)} in all</p>
                <TrackList tracks={playlist.tracks} />
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
