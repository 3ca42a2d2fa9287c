import type { PlaylistTrack } from '@ivks/content';
import { trackLength } from './track-length';

/**
 * A playlist's tracks, each with a link to a music service. Nothing is hosted or played here: the
 * patient chooses when music starts, in a tab of their own.
 */
export function TrackList({ tracks }: { tracks: readonly PlaylistTrack[] }) {
  return (
    <ol className="track-list">
      {tracks.map((track) => {
        const length = trackLength(track.durationSeconds);

        return (
          <li className="track-list__item" key={`${track.artist}:${track.title}`}>
            <span className="track-list__title">{track.title}</span>
            <span className="track-list__details">
              {track.artist}
              <span aria-hidden="true"> · {length.shown}</span>
              <span className="visually-hidden">, {length.spoken}</span>
            </span>
            <a
              className="track-list__listen"
              href={track.listenUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              Listen
              <span className="visually-hidden">
                {' '}
                to {track.title} by {track.artist} (opens in a new tab)
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
