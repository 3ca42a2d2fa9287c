import { contentOfKind } from '@ivks/content';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { MusicPage } from './music-page';

const playlists = contentOfKind('playlist');

function renderMusic() {
  return render(
    <MemoryRouter>
      <MusicPage />
    </MemoryRouter>,
  );
}

describe('MusicPage', () => {
  it('groups the playlists by the moment they are for', () => {
    renderMusic();

    const moments = [
      ['before', 'Before an infusion'],
      ['during', 'During an infusion'],
      ['after', 'After an infusion'],
    ] as const;
    for (const [moment, heading] of moments) {
      const region = screen.getByRole('region', { name: heading });
      const titles = within(region)
        .getAllByRole('heading', { level: 3 })
        .map((title) => title.textContent);

      expect(titles).toEqual(
        playlists.filter((playlist) => playlist.moment === moment).map(({ title }) => title),
      );
    }
  });

  it('lists each track with its artist and length', () => {
    renderMusic();
    const first = playlists[0];
    const track = first?.tracks[0];
    const playlist = screen.getByRole('article', { name: first?.title ?? 'missing' });

    const entries = within(playlist).getAllByRole('listitem');
    expect(entries).toHaveLength(first?.tracks.length ?? -1);
    expect(entries[0]?.textContent).toContain(track?.title);
    expect(entries[0]?.textContent).toContain(track?.artist);
    expect(entries[0]?.textContent).toMatch(/· \d+:\d{2}/);
  });

  it('opens each Listen link safely in a new tab and says so to screen readers', () => {
    renderMusic();
    const links = screen.getAllByRole('link', { name: /^Listen/ });

    expect(links).toHaveLength(playlists.reduce((sum, { tracks }) => sum + tracks.length, 0));
    const tracks = playlists.flatMap((playlist) => playlist.tracks);
    links.forEach((link, index) => {
      const track = tracks[index];
      expect(link.getAttribute('href')).toBe(track?.listenUrl);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.textContent).toBe(
        `Listen to ${track?.title} by ${track?.artist} (opens in a new tab)`,
      );
    });
  });

  it('has nothing on the page that could play sound', () => {
    const { container } = renderMusic();

    expect(container.querySelectorAll('audio, video, iframe')).toHaveLength(0);
  });
});
