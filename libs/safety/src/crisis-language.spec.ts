import { type CrisisTheme, findCrisisSignals, suggestsCrisis } from './crisis-language';

describe('findCrisisSignals', () => {
  const concerning: [string, CrisisTheme][] = [
    ['I keep thinking about suicide.', 'suicide'],
    ['Honestly I feel suicidal tonight', 'suicide'],
    ['I want to kill myself', 'suicide'],
    ['Sometimes I think about killing myself.', 'suicide'],
    ['I just want to end my life', 'suicide'],
    ['I want to end it all.', 'suicide'],
    ['I have thought about taking my own life', 'suicide'],
    ['I want to die', 'suicide'],
    ['Part of me wished I was dead when I woke up.', 'suicide'],
    ['I wish I could die and make it stop', 'suicide'],
    ['Everyone would be better off without me.', 'suicide'],
    ['They would be better off dead, I mean I would.', 'suicide'],
    ['I thought about an overdose', 'suicide'],
    ["I don't want to live anymore", 'suicide'],
    ['I do not want to wake up tomorrow', 'suicide'],
    ['I don’t want to be here anymore', 'suicide'],
    ['I hurt myself again last night', 'self_harm'],
    ['I have been cutting myself', 'self_harm'],
    ['The urge to self-harm came back', 'self_harm'],
    ['thinking about self harm', 'self_harm'],
    ['There is no reason to live.', 'hopelessness'],
    ["I can't go on like this", 'hopelessness'],
    ["I don't know if I want to die", 'suicide'],
    ['I was fine this morning, but I want to die now', 'suicide'],
    ['I WANT TO KILL MYSELF', 'suicide'],
    ['I want\nto die', 'suicide'],
    ['A long day.\n\nI do not know. I want to die.', 'suicide'],
    ["sometimes I wish I wasn't here anymore", 'suicide'],
    ['I wish I did not wake up this morning', 'suicide'],
    ['I wish I was never born', 'suicide'],
    ['I have pills saved up to take them all', 'suicide'],
    ['I have been stockpiling my meds', 'suicide'],
    ['i want to kms', 'suicide'],
    ['I keep thinking I might unalive myself', 'suicide'],
  ];

  it.each(concerning)('sees concern in %j', (text, theme) => {
    expect(findCrisisSignals(text).map((signal) => signal.theme)).toContain(theme);
  });

  const notConcerning = [
    'I am not suicidal, just tired.',
    'I would never hurt myself.',
    "I don't want to die, I want things to change.",
    'No thoughts of self-harm this week.',
    'I have never thought about killing myself.',
    'I felt calm and light after the infusion.',
    "I'm dying to see my sister next week.",
    'This traffic is killing me.',
    'That cake was to die for.',
    'We watched Suicide Squad last night.',
    'I could have died laughing.',
    'I would OD on coffee if I could.',
    'I want to live a fuller life.',
    'I cut myself a slice of bread',
    'I am not okay.\n\nI want to live differently.',
    'Nothing was wrong.\n\nNo reason to worry.',
    'I ran 5 kms this morning.',
    'I am saving up for a trip to the coast.',
    "I wasn't here last week, I was away.",
    'I take all of my pills every morning as prescribed.',
    "I've never stockpiled my meds.",
    '',
  ];

  it.each(notConcerning)('sees no concern in %j', (text) => {
    expect(findCrisisSignals(text)).toEqual([]);
  });

  it('finds each signal in a longer entry, in order', () => {
    const entry =
      'Today was hard. I am not suicidal. But later I thought I want to die. I hurt myself.';

    expect(findCrisisSignals(entry)).toEqual([
      { theme: 'suicide', phrase: 'want to die' },
      { theme: 'self_harm', phrase: 'hurt myself' },
    ]);
  });

  it('answers the plain question too', () => {
    expect(suggestsCrisis('I want to end it all')).toBe(true);
    expect(suggestsCrisis('A good day at the beach')).toBe(false);
  });
});
