import type { PlaylistItem, PlaylistTrack } from '../content.types';

/** Links go to a search, so nobody has to trust that a guessed page address exists. */
export function musicSearchUrl(artist: string, title: string): string {
  return `https://music.youtube.com/search?q=${encodeURIComponent(`${artist} ${title}`)}`;
}

function track(artist: string, title: string, durationSeconds: number): PlaylistTrack {
  return { title, artist, durationSeconds, listenUrl: musicSearchUrl(artist, title) };
}

/** A playlist's time is what it takes to play it through, so it can never disagree with its tracks. */
function playlist(item: Omit<PlaylistItem, 'kind' | 'estimatedMinutes'>): PlaylistItem {
  const totalSeconds = item.tracks.reduce((sum, { durationSeconds }) => sum + durationSeconds, 0);

  return { ...item, kind: 'playlist', estimatedMinutes: Math.ceil(totalSeconds / 60) };
}

export const PLAYLISTS: readonly PlaylistItem[] = [
  playlist({
    slug: 'quiet-mornings-before',
    phase: 'preparation',
    moment: 'before',
    title: 'Quiet mornings',
    summary:
      'Soft piano for the days before an infusion, while you read, rest or set your intention.',
    tracks: [
      track('Erik Satie', 'Gymnopédie No. 1', 210),
      track('Claude Debussy', 'Clair de lune', 300),
      track('Johann Sebastian Bach', 'Prelude in C Major, BWV 846', 140),
      track('Ólafur Arnalds', 'Saman', 160),
      track('Ludovico Einaudi', 'Una Mattina', 200),
      track('Yiruma', 'River Flows in You', 185),
      track('Nils Frahm', 'Ambre', 160),
      track('Erik Satie', 'Gnossienne No. 1', 225),
      track('Frédéric Chopin', 'Nocturne in E-flat Major, Op. 9 No. 2', 270),
      track('Brian Eno', 'By This River', 183),
    ],
  }),
  playlist({
    slug: 'settling-in-before',
    phase: 'infusion_day',
    moment: 'before',
    title: 'Settling in',
    summary: 'Slow, steady music for the journey to the clinic and the waiting room.',
    tracks: [
      track('Marconi Union', 'Weightless', 489),
      track('Brian Eno', 'An Ending (Ascent)', 266),
      track('Ólafur Arnalds', 'Only the Winds', 262),
      track('Hiroshi Yoshimura', 'Blink', 280),
      track('Johann Pachelbel', 'Canon in D', 330),
      track('Max Richter', 'The Departure', 170),
      track('Erik Satie', 'Gnossienne No. 3', 170),
      track('Claude Debussy', "Prélude à l'après-midi d'un faune", 600),
    ],
  }),
  playlist({
    slug: 'soft-and-spacious-during',
    phase: 'infusion_day',
    moment: 'during',
    title: 'Soft and spacious',
    summary:
      'Long, wordless ambient pieces that change slowly and leave room for your own thoughts.',
    tracks: [
      track('Brian Eno', '1/1', 1041),
      track('Hiroshi Yoshimura', 'Water Copy', 300),
      track('Max Richter', 'Dream 3 (in the midst of my life)', 390),
      track('Brian Eno', '2/1', 540),
      track('Hiroshi Yoshimura', 'Clouds', 300),
      track('Arvo Pärt', 'Spiegel im Spiegel', 600),
      track('Max Richter', 'Path 5 (delta)', 370),
      track('Brian Eno', 'Discreet Music', 1835),
    ],
  }),
  playlist({
    slug: 'piano-and-strings-during',
    phase: 'infusion_day',
    moment: 'during',
    title: 'Gentle piano and strings',
    summary: 'Calm classical and modern pieces without words, with no sudden changes.',
    tracks: [
      track('Arvo Pärt', 'Für Alina', 660),
      track('Max Richter', 'On the Nature of Daylight', 372),
      track('Erik Satie', 'Gymnopédie No. 2', 170),
      track('Erik Satie', 'Gymnopédie No. 3', 150),
      track('Claude Debussy', 'La fille aux cheveux de lin', 155),
      track('Nils Frahm', 'Says', 498),
      track('Johann Sebastian Bach', 'Air on the G String', 330),
      track('Gabriel Fauré', 'Pavane, Op. 50', 390),
      track('Ralph Vaughan Williams', 'The Lark Ascending', 900),
      track('Camille Saint-Saëns', 'The Swan', 180),
    ],
  }),
  playlist({
    slug: 'coming-back-gently-after',
    phase: 'infusion_day',
    moment: 'after',
    title: 'Coming back gently',
    summary: 'Warm, easy music for the ride home and the first quiet hours after.',
    tracks: [
      track('Brian Eno', 'Deep Blue Day', 236),
      track('Ólafur Arnalds', 'Ljósið', 260),
      track('Brian Eno', 'The Big Ship', 181),
      track('Claude Debussy', 'Arabesque No. 1', 260),
      track('Ludovico Einaudi', 'Nuvole Bianche', 357),
      track('Aphex Twin', 'Avril 14th', 125),
      track('Edvard Grieg', 'Morning Mood', 230),
      track('Max Richter', "Vladimir's Blues", 190),
      track('Sigur Rós', 'Hoppípolla', 268),
    ],
  }),
  playlist({
    slug: 'a-quiet-evening-after',
    phase: 'integration',
    moment: 'after',
    title: 'A quiet evening',
    summary: 'Gentle music for the evenings after an infusion, while you journal or wind down.',
    tracks: [
      track('Ólafur Arnalds', 'Near Light', 225),
      track('Max Richter', 'Written on the Sky', 100),
      track('Ludovico Einaudi', 'I Giorni', 350),
      track('Claude Debussy', 'Rêverie', 270),
      track('Frédéric Chopin', 'Berceuse in D-flat Major, Op. 57', 270),
      track('Johann Sebastian Bach', 'Goldberg Variations, BWV 988: Aria', 240),
      track('Jóhann Jóhannsson', 'Flight from the City', 260),
      track('Harold Budd and Brian Eno', 'First Light', 420),
    ],
  }),
];
