import type {
  ArticleItem,
  ChecklistItem,
  ContentItem,
  ContentSection,
  ContentSource,
  PlaylistItem,
} from '@ivks/content';
import { Link } from 'react-router-dom';
import { BreathingPacer } from '../breathing/breathing-pacer';
import { TrackList } from '../music/track-list';
import { CLINIC_TOPIC_LABELS, JOURNAL_TIMING_LABELS, MOMENT_LABELS } from './content-labels';

function Sections({ sections }: { sections: readonly ContentSection[] }) {
  return sections.map((section) => (
    <section key={section.heading}>
      <h2>{section.heading}</h2>
      {section.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </section>
  ));
}

function Source({ source }: { source: ContentSource }) {
  return (
    <li>
      <cite>
        {source.url === undefined ? source.title : <a href={source.url}>{source.title}</a>}
      </cite>
      . {source.authors === undefined ? '' : `${source.authors}, `}
      {source.publisher}, {source.year}.
    </li>
  );
}

function Article({ item }: { item: ArticleItem }) {
  return (
    <>
      <Sections sections={item.sections} />
      <section aria-labelledby="sources">
        <h2 id="sources">Where this comes from</h2>
        <p>This page draws on these published sources.</p>
        <ul className="list list--bullet sources">
          {item.sources.map((source) => (
            <Source key={source.title} source={source} />
          ))}
        </ul>
      </section>
    </>
  );
}

function Checklist({ item }: { item: ChecklistItem }) {
  return (
    <ul className="list checklist">
      {item.items.map((entry) => (
        <li className="checklist__item" key={entry.id}>
          {entry.label}
          {entry.clinicInstruction !== undefined && (
            <p className="checklist__clinic">
              Your clinic&apos;s own instructions on {CLINIC_TOPIC_LABELS[entry.clinicInstruction]}{' '}
              apply here. If anything is unclear, ask your clinic.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function Playlist({ item }: { item: PlaylistItem }) {
  return (
    <>
      <p>Music for {MOMENT_LABELS[item.moment].toLowerCase()}.</p>
      <p>Each Listen link opens a music service in a new tab. Nothing plays on this page.</p>
      <TrackList tracks={item.tracks} />
      <p>
        <Link to="/music">See all the music</Link>
      </p>
    </>
  );
}

/** The body of an item, laid out for what that kind of item is for. */
export function ItemBody({ item }: { item: ContentItem }) {
  switch (item.kind) {
    case 'guide':
      return <Sections sections={item.sections} />;
    case 'article':
      return <Article item={item} />;
    case 'journal_template':
      return (
        <>
          <p>{JOURNAL_TIMING_LABELS[item.timing]}</p>
          <h2>Questions to write about</h2>
          <ul className="list list--bullet">
            {item.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
          <p>Answer as many or as few as you like. There are no right or wrong answers.</p>
        </>
      );
    case 'playlist':
      return <Playlist item={item} />;
    case 'chaperone_tip':
      return (
        <>
          <p>
            These tips are for the person who takes you home. You might like to read them together.
          </p>
          <ul className="list list--bullet">
            {item.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      );
    case 'checklist':
      return <Checklist item={item} />;
    case 'exercise':
      return (
        <>
          <h2>How to do it</h2>
          <ol className="list list--number">
            {item.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {item.pacer !== undefined && <BreathingPacer pacer={item.pacer} />}
        </>
      );
  }
}
