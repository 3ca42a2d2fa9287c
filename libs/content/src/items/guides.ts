import type { GuideItem } from '../content.types';

export const GUIDES: readonly GuideItem[] = [
  {
    slug: 'setting-an-intention',
    kind: 'guide',
    phase: 'preparation',
    title: 'Setting an intention',
    summary: 'A gentle way to choose what you would like to bring into your next infusion.',
    estimatedMinutes: 15,
    sections: [
      {
        heading: 'What an intention is',
        paragraphs: [
          'An intention is a short sentence about what matters to you right now.',
          'It is not a goal you have to reach. It is more like a light you carry into the room.',
          'Some people hold it close during the infusion. Others set it down and let it be.',
          'Both are fine.',
        ],
      },
      {
        heading: 'Finding yours',
        paragraphs: [
          'Find a quiet spot and take three slow breaths.',
          'Ask yourself: what has been weighing on me lately? What would I like more of?',
          'Write down whatever comes, even if it seems small or messy.',
          'Look at what you wrote. Is there one word or feeling that keeps showing up?',
        ],
      },
      {
        heading: 'Putting it into words',
        paragraphs: [
          'Try to keep it short enough to remember. One line is plenty.',
          'Gentle words work well. "I am open to feeling calm" is kinder than "I must stop worrying."',
          'Here are a few examples: "I want to be kinder to myself." "I would like to feel more at home in my body." "I am curious about what I need."',
        ],
      },
      {
        heading: 'Keeping it close',
        paragraphs: [
          'Save your intention in your journal so you can find it on the day.',
          'You might read it on the way to the clinic, or just before you settle in.',
          'You can change it at any time. It belongs to you.',
        ],
      },
    ],
  },
  {
    slug: 'when-you-cannot-find-an-intention',
    kind: 'guide',
    phase: 'preparation',
    title: 'When you cannot find an intention',
    summary: 'Ideas for the times when nothing comes to mind, or everything does.',
    estimatedMinutes: 10,
    sections: [
      {
        heading: 'This happens to many people',
        paragraphs: [
          'Sometimes your mind feels blank. Sometimes it feels far too full.',
          'Neither means you are doing it wrong.',
        ],
      },
      {
        heading: 'Start with your body',
        paragraphs: [
          'Notice where you feel tight, heavy or tired.',
          'An intention can be as simple as "I would like my shoulders to rest."',
        ],
      },
      {
        heading: 'Start with a person or a place',
        paragraphs: [
          'Think of someone who makes you feel safe, or a place where you feel at ease.',
          'What do you feel when you picture them? That feeling can become your intention.',
        ],
      },
      {
        heading: 'Borrow a simple one',
        paragraphs: [
          'If nothing fits, you can use one of these for now.',
          '"I am here, and that is enough." "I will be gentle with whatever comes." "I am open to learning something."',
        ],
      },
    ],
  },
  {
    slug: 'returning-to-your-intention',
    kind: 'guide',
    phase: 'infusion_day',
    title: 'Coming back to your intention on the day',
    summary: 'A short read for the morning of your infusion or the waiting room.',
    estimatedMinutes: 5,
    sections: [
      {
        heading: 'Read it once',
        paragraphs: [
          'Open your journal and read your intention slowly.',
          'Notice how it feels to read it today. It might feel the same as before, or a little different.',
        ],
      },
      {
        heading: 'Let it rest',
        paragraphs: [
          'You do not need to repeat it over and over.',
          'Picture placing it in your pocket. It is there if you want it.',
        ],
      },
      {
        heading: 'Let the day be what it is',
        paragraphs: [
          'Your infusion may not follow your intention at all. That is normal.',
          'What comes up can still be useful, even if it surprises you.',
        ],
      },
    ],
  },
  {
    slug: 'reflecting-after-an-infusion',
    kind: 'guide',
    phase: 'integration',
    title: 'Reflecting after an infusion',
    summary: 'A simple way to look back on what you felt and noticed.',
    estimatedMinutes: 15,
    sections: [
      {
        heading: 'Give it a little time',
        paragraphs: [
          'Right after an infusion, things can feel foggy or far away.',
          'You do not have to make sense of anything straight away. Rest comes first.',
        ],
      },
      {
        heading: 'Start with what you remember',
        paragraphs: [
          'Write down any pictures, feelings, colors or sounds you remember.',
          'Bits and pieces are fine. You do not need a full story.',
        ],
      },
      {
        heading: 'Notice how you feel now',
        paragraphs: [
          'How does your body feel? How does your mood feel?',
          'Is there anything you feel lighter about, or heavier about?',
        ],
      },
      {
        heading: 'Look at your intention again',
        paragraphs: [
          'Read the intention you set. Did anything connect with it?',
          'Sometimes the link shows up days later. Leave space for that.',
        ],
      },
      {
        heading: 'Share if you want to',
        paragraphs: [
          'Your journal is private unless you choose to share it.',
          'If something feels important, you might share it with your care team or bring it to your next session.',
        ],
      },
    ],
  },
  {
    slug: 'noticing-small-changes',
    kind: 'guide',
    phase: 'integration',
    title: 'Noticing small changes',
    summary: 'How to spot the quiet shifts that are easy to miss in everyday life.',
    estimatedMinutes: 10,
    sections: [
      {
        heading: 'Change is often quiet',
        paragraphs: [
          'Big moments are easy to see. Small ones slip by.',
          'Maybe you laughed at something. Maybe a hard task felt a little lighter.',
        ],
      },
      {
        heading: 'Look in everyday places',
        paragraphs: [
          'Think about how you slept, how you ate and how you spoke to people.',
          'Think about what you looked forward to, if anything.',
          'Even one small thing is worth writing down.',
        ],
      },
      {
        heading: 'Be fair to yourself',
        paragraphs: [
          'Some days will feel worse than others. That does not erase the good days.',
          'Your questionnaires and journal together show the bigger picture over time.',
        ],
      },
    ],
  },
  {
    slug: 'after-a-hard-infusion',
    kind: 'guide',
    phase: 'integration',
    title: 'After an infusion that felt hard',
    summary: 'Kind words and next steps for when an infusion left you shaken or sad.',
    estimatedMinutes: 10,
    sections: [
      {
        heading: 'You are not alone in this',
        paragraphs: [
          'Some infusions feel peaceful. Some feel strange, scary or sad.',
          'A hard infusion does not mean the treatment has failed, or that you did something wrong.',
        ],
      },
      {
        heading: 'Look after yourself first',
        paragraphs: [
          'Rest somewhere cozy and keep things simple for a while.',
          'A calm playlist or a grounding exercise can help your body settle.',
        ],
      },
      {
        heading: 'Write it down when you are ready',
        paragraphs: [
          'Writing can help turn a big, blurry feeling into something you can hold.',
          'Start with one sentence. Stop whenever you want to.',
        ],
      },
      {
        heading: 'Talk to your care team',
        paragraphs: [
          'Your clinic wants to know when an infusion was hard. They can help you make sense of it.',
          'If you feel unsafe at any time, use "Get help now" to reach a crisis line and your clinic.',
        ],
      },
    ],
  },
  {
    slug: 'looking-back-over-your-course',
    kind: 'guide',
    phase: 'integration',
    title: 'Looking back over your course',
    summary: 'A reflection for the end of a course of infusions, or before a booster.',
    estimatedMinutes: 20,
    sections: [
      {
        heading: 'See how far you have come',
        paragraphs: [
          'Read back through your journal from the start.',
          'Notice what you were worried about then, and how you feel about it now.',
        ],
      },
      {
        heading: 'What helped',
        paragraphs: [
          'Which exercises, songs or people helped you most?',
          'Make a short list so you can come back to them later.',
        ],
      },
      {
        heading: 'What you want to keep',
        paragraphs: [
          'Think of one or two new habits or ways of thinking you want to carry forward.',
          'Keep them small and clear, like "a short walk after lunch" or "asking for help sooner."',
        ],
      },
      {
        heading: 'What comes next',
        paragraphs: [
          'Talk with your care team about what they suggest next for you.',
          'You can keep using your journal and the exercises here for as long as you like.',
        ],
      },
    ],
  },
  {
    slug: 'getting-help-when-you-need-it',
    kind: 'guide',
    phase: 'any_time',
    title: 'Getting help when you need it',
    summary: 'Where to turn if you feel unsafe, and what this portal can and cannot do.',
    estimatedMinutes: 3,
    sections: [
      {
        heading: 'If you feel unsafe right now',
        paragraphs: [
          'Use the "Get help now" button. It is in the same place on every screen.',
          'In the US, you can call or text 988 at any time of day or night.',
          'If you are in danger right now, call your local emergency number.',
        ],
      },
      {
        heading: 'What this portal is not',
        paragraphs: [
          'Nobody watches this portal in real time. A message here may not be read for a while.',
          'For anything urgent, call your clinic or a crisis line instead.',
        ],
      },
      {
        heading: 'Questions about your body or medicines',
        paragraphs: [
          'This portal does not give medical advice.',
          'For anything about your health, your medicines or your treatment, ask your prescribing clinician.',
        ],
      },
    ],
  },
];
